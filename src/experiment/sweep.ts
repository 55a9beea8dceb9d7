/**
 * Run a sweep (or one shard of it): plan the runs of every design point, run them on an
 * executor, journal each as it finishes, and write each design point's rows as it closes, in
 * point order (assemble.ts); the tables are published, manifest last, once all are done.
 * Output never depends on worker count, timing or interruptions: results are keyed by
 * (point, rep) and written in that order. A resumed sweep replays its journal through the same
 * path, so its tables are rebuilt exactly as they were being written.
 */
import { InputError } from '../scenario/errors.js';
import type { Store } from './store.js';
import type { Sweep } from '../scenario/sweep.js';
import { designOf, shardRange } from './design.js';
import { Journal } from './journal.js';
import { Assembler } from './assemble.js';
import { runMissing } from './schedule.js';
import * as out from './outputs.js';
import { MORRIS_COLUMNS, morrisCells } from './sensitivity.js';
import { SOBOL_COLUMNS, sobolCells, sobolRows } from './sobolSweep.js';
import { columnsOf, FORMATS, tableFile, writeTable, type Format } from './table.js';
import { loadParquet } from './parquetLoader.js';

export interface SweepOptions {
  /** Where the journal and outputs go. */
  store: Store;
  /** Tool version and model-code fingerprint, recorded so shards of different code never merge. */
  provenance: out.Provenance;
  workers: number;
  /** 1-based shard index and count. */
  shard?: { index: number; count: number };
  resume?: boolean;
  kind?: 'sweep' | 'sensitivity';
  /** csv (default) or parquet: the same tables, the same cells. */
  format?: Format;
  onProgress?: (done: number, total: number) => void;
  /** Called once the plan is known: runs already in the journal, runs planned so far. */
  onStart?: (info: { points: number; resumed: number; planned: number }) => void;
}

export interface SweepResult {
  where: string; totals: out.Totals; files: string[]; ranNow: number; resumed: number;
  /** Every point's runs, for Morris and Sobol' designs (small); empty for a plain sweep. */
  points: out.PointResult[];
  /** The first few metrics that did not reach the precision asked for. */
  nonconverged: Array<{ point: number; metric: string; relative: number; n: number }>;
}

/** Every file a sweep may write (both formats), manifest last. */
export const OUTPUT_FILES = [...FORMATS.flatMap((f) => out.SWEEP_TABLES.map((t) => tableFile(t, f))), 'manifest.json'];

export async function runSweep(s: Sweep, o: SweepOptions): Promise<SweepResult> {
  const design = designOf(s);
  const format = o.format ?? 'csv';
  if (format === 'parquet') await loadParquet();
  const shard = o.shard ? { ...o.shard, ...shardRange(design.count, o.shard.index, o.shard.count) } : null;
  const resolved = out.resolvedSweep(s, o.kind ?? 'sweep', design.count, o.provenance, format);
  const journal = new Journal(o.store);
  const resume = startOrResume(o, journal, resolved, shard);
  if (typeof resume !== 'boolean') return resume; // a finished sweep: nothing to do

  const tables = new out.SweepTables(o.store, s, format);
  try {
    const asm = new Assembler(s, design, shard?.from ?? 0, shard?.to ?? design.count, (r) => tables.point(r));
    let resumed = 0;
    if (resume) for (const r of journal.records()) {
      asm.add(r);
      asm.flush();
      resumed++;
    }
    journal.open();
    const ranNow = await runMissing(s, design, asm, journal, resumed, o);
    journal.close();
    const sums = tables.close();
    // Morris and Sobol' need every point: computed at the end (a sharded Sobol' design: by merge)
    if (s.morris && !shard) sums.push([tableFile('morris', format), writeTable(o.store, 'morris', columnsOf(MORRIS_COLUMNS), morrisCells(s, tables.kept!), format)]);
    if (s.sobol && !shard) sums.push([tableFile('sobol', format), writeTable(o.store, 'sobol', columnsOf(SOBOL_COLUMNS), sobolCells(sobolRows(s, tables.kept!)), format)]);
    // every output's checksum goes into the manifest: merge refuses a shard whose files changed since
    const names = [...sums.map(([n]) => n), 'manifest.json'];
    const mf = out.manifest(resolved, shard, tables.totals, names, Object.fromEntries(sums));
    o.store.write('manifest.json', `${JSON.stringify(mf, null, 2)}\n`);
    journal.remove();
    return { where: o.store.where, totals: tables.totals, files: names, ranNow, resumed, points: tables.kept ?? [], nonconverged: tables.nonconverged };
  } catch (e) {
    tables.abort();
    journal.close();
    throw e;
  }
}

/**
 * Fresh start (false) or resume (true), decided before anything is touched; or the result of a
 * sweep that is already finished (--resume with nothing left to do).
 */
function startOrResume(o: SweepOptions, journal: Journal, resolved: out.Resolved, shard: out.Shard | null): boolean | SweepResult {
  const mf = o.store.read('manifest.json');
  if (!journal.exists && o.resume && mf !== undefined) {
    let had: { totals: out.Totals; files: string[]; checksums: Record<string, string> } | undefined;
    try {
      had = JSON.parse(mf) as { totals: out.Totals; files: string[]; checksums: Record<string, string> };
    } catch {
      had = undefined;
    }
    if (!had || JSON.stringify(out.manifest(resolved, shard, had.totals, had.files, had.checksums)) !== JSON.stringify(had))
      throw new InputError(`${o.store.where}: --resume: holds a finished sweep that differs from this one; use another --out`);
    return { where: o.store.where, totals: had.totals, files: had.files, ranNow: 0, resumed: had.totals.runs, points: [], nonconverged: [] };
  }
  const identity = { ...resolved, shard };
  let resume = false;
  if (journal.exists) {
    if (!o.resume) throw new InputError(`${o.store.where}: holds an unfinished sweep; add --resume to finish it, or --overwrite to start over`);
    journal.check(identity);
    resume = true;
  } else {
    for (const f of OUTPUT_FILES) o.store.remove(f);
    journal.create(identity);
  }
  removeTemps(o.store);
  return resume;
}

/** Temp files of output files left by a process killed while writing them. */
function removeTemps(store: Store): void {
  for (const f of store.list('')) if (f.endsWith('.tmp') && OUTPUT_FILES.some((o) => f.startsWith(`.${o}.`))) store.remove(f);
}
