/**
 * The tables of run and comparison folders in either format (--format): the builders make CSV
 * text (src/scenario/tables.ts, src/report/); a Parquet folder gets the same cells in
 * `<table>.parquet` (src/experiment/table.ts), and reading one back gives the CSV text again.
 */
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { splitCsvLine } from '../scenario/csv.js';
import { columnsOf, openTable, type Format } from '../experiment/table.js';
import { readTable } from '../experiment/readTable.js';
import { FileStore } from './fileStore.js';
import { writeAtomic } from './files.js';

/** The name a folder's CSV table takes in `format` (other files keep theirs). */
export const inFormat = (name: string, format: Format = 'csv'): string => (format === 'parquet' && name.endsWith('.csv') ? `${name.slice(0, -4)}.parquet` : name);

/** Write one file of a results folder, a CSV table in `format`, atomically; returns the name written. */
export function writeOutput(dir: string, name: string, text: string, format: Format = 'csv'): string {
  const out = inFormat(name, format);
  if (out === name) {
    writeAtomic(join(dir, name), text);
    return name;
  }
  const nl = text.indexOf('\n');
  const sink = openTable(new FileStore(dir), out.slice(0, -'.parquet'.length), columnsOf(splitCsvLine(text.slice(0, nl))), 'parquet');
  try {
    sink.csv(text.slice(nl + 1));
  } catch (e) {
    sink.abort();
    throw e;
  }
  sink.close();
  return out;
}

/** A table of a results folder as CSV text, from `name` (.csv) or its Parquet twin; undefined when neither is there. */
export async function readOutputText(dir: string, name: string): Promise<string | undefined> {
  const st = new FileStore(dir);
  if (st.exists(name)) return st.read(name);
  const pq = inFormat(name, 'parquet');
  if (!st.exists(pq)) return undefined;
  const t = await readTable(st, pq);
  const parts = [stringify([], { header: true, columns: t.columns })];
  for await (const rows of t.batches) parts.push(stringify(rows));
  return parts.join('');
}
