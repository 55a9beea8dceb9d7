/**
 * The second, independent Parquet reader of the tests: DuckDB (C++, through @duckdb/node-api, a
 * devDependency), which shares no code with hyparquet-writer. Helpers to compare its view of a
 * Parquet table with a CSV table, cell by cell.
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { splitCsvLine } from '../../src/scenario/csv.js';

let conn: Promise<DuckDBConnection> | undefined;
/** One in-memory DuckDB per test file. */
export const duckdb = (): Promise<DuckDBConnection> => (conn ??= DuckDBInstance.create(':memory:').then((d) => d.connect()));

/** A table as DuckDB reads it: column names, DuckDB types, rows as the CSV would show them. */
export async function duck(file: string): Promise<{ names: string[]; types: string[]; rows: string[][] }> {
  const d = await (await duckdb()).runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
  const desc = d.getRowObjects();
  const r = await (await duckdb()).runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
  const show = (v: unknown) => (v === null ? '' : String(v));
  return { names: desc.map((x) => String(x.column_name)), types: desc.map((x) => String(x.column_type)), rows: r.getRows().map((row) => row.map(show)) };
}

/** A CSV file's header and cells (as text). */
export function csvCells(file: string): { names: string[]; rows: string[][] } {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  return { names: splitCsvLine(lines[0]!), rows: lines.slice(1).map(splitCsvLine) };
}
