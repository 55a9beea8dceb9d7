/**
 * The Parquet reader and writer (src/experiment/parquet.ts: hyparquet and hyparquet-writer,
 * ~50 modules, ~60 ms to load) loaded only when a command uses Parquet, so a CSV `run` does not
 * pay for them. Async entry points (readTable, runSweep, mergeShards) load it themselves; the CLI
 * awaits loadParquet() before a command that writes Parquet through the synchronous writers
 * (run, compare, report), and those writers throw if it was not.
 */
type Parquet = typeof import('./parquet.js');

let loaded: Parquet | undefined;

/** Load the Parquet module once (a dynamic import); later calls return the same module. */
export async function loadParquet(): Promise<Parquet> {
  loaded ??= await import('./parquet.js');
  return loaded;
}

/** The loaded Parquet module; an internal error (a missing loadParquet()) if it is not loaded. */
export function parquet(): Parquet {
  if (!loaded) throw new Error('internal error: Parquet used before loadParquet() was awaited');
  return loaded;
}
