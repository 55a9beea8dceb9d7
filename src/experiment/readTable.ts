/**
 * Read a tidy table back, CSV or Parquet (by its extension), in batches of rows, never the
 * whole file at once: for merge, discover and Sobol' indices of merged shards. CSV cells come
 * back as text (as written), Parquet cells as numbers and text ('' for a null), so a consumer
 * that wants a number calls Number() on either.
 */
import { splitCsvLine } from '../scenario/csv.js';
import { completeLines } from './journal.js';
import { loadParquet } from './parquetLoader.js';
import type { Store } from './store.js';
import type { Cell } from './table.js';
import { Sha256 } from './sha256.js';

export interface TableReader { columns: string[]; batches: AsyncIterable<Cell[][]> }

const BATCH = 8192;

function readCsv(store: Store, file: string): TableReader {
  const lines = completeLines(store.chunks(file));
  const first = lines.next();
  const columns = first.done ? [] : splitCsvLine(first.value);
  async function* batches(): AsyncGenerator<Cell[][]> {
    let rows: Cell[][] = [];
    for (const line of lines) {
      if (line === '') continue;
      rows.push(splitCsvLine(line));
      if (rows.length === BATCH) {
        yield rows;
        rows = [];
      }
    }
    if (rows.length) yield rows;
  }
  return { columns, batches: batches() };
}

export async function readTable(store: Store, file: string): Promise<TableReader> {
  if (store.size(file) === undefined) throw new Error(`${store.where}/${file}: file not found`);
  if (!file.endsWith('.parquet')) return readCsv(store, file);
  const t = await (await loadParquet()).readParquet(store, file);
  return { columns: t.columns.map((c) => c.name), batches: t.groups };
}

/** Every row of a table (for small tables). */
export async function allRows(store: Store, file: string): Promise<{ columns: string[]; rows: Cell[][] }> {
  const t = await readTable(store, file);
  const rows: Cell[][] = [];
  for await (const b of t.batches) for (const r of b) rows.push(r);
  return { columns: t.columns, rows };
}

/** "sha256:<hex>" of a file's bytes, read a megabyte at a time. */
export function fileChecksum(store: Store, file: string): string | undefined {
  const size = store.size(file);
  if (size === undefined) return undefined;
  const h = new Sha256();
  for (let at = 0; at < size; at += 1 << 20) h.bytes(store.readRange(file, at, Math.min(size, at + (1 << 20))));
  return `sha256:${h.digest()}`;
}
