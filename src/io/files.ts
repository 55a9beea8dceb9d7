/**
 * Output files, written atomically (temp file + rename) so an interrupted run never leaves a
 * half-written file; CSV through csv-stringify.
 */
import { mkdirSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { stringify } from 'csv-stringify/sync';

/** Round for output: 6 decimals, integers as they are, NaN/Infinity as empty cells. */
export function fmt(x: number): string | number {
  if (!Number.isFinite(x)) return '';
  if (Number.isInteger(x)) return x;
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

export function writeAtomic(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export function toCsv(header: string[], rows: Array<Array<string | number>>): string {
  return stringify(rows, { header: true, columns: header });
}

export function writeCsv(file: string, header: string[], rows: Array<Array<string | number>>): void {
  writeAtomic(file, toCsv(header, rows));
}

export function writeJson(file: string, value: unknown): void {
  writeAtomic(file, JSON.stringify(value, null, 2) + '\n');
}
