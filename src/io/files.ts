/**
 * Output files, written atomically (temp file + rename) so an interrupted run never leaves a
 * half-written file; CSV through csv-stringify.
 */
import { mkdirSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { toCsv } from '../scenario/csv.js';

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

export function writeCsv(file: string, header: string[], rows: Array<Array<string | number>>): void {
  writeAtomic(file, toCsv(header, rows));
}

export function writeJson(file: string, value: unknown): void {
  writeAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
