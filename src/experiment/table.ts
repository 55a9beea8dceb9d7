/**
 * Tidy tables written as CSV or Parquet (`--format`), row batch by row batch, through a Store.
 * Both formats hold the same cells: numbers as the CSV shows them (fmt: 6 decimals), an empty
 * CSV cell a Parquet null. Column types are one rule for every table (columnsOf): counts and
 * indices INT64, names STRING, flags BOOLEAN, everything else (metric values, statistics,
 * parameter values) DOUBLE; a sweep's factor columns take their type from the factor.
 */
import { stringify } from 'csv-stringify/sync';
import { toCsv } from '../scenario/csv.js';
import { FUNNEL_KEYS } from '../model/world.js';
import type { Factor } from '../scenario/sweep.js';
import type { Store } from './store.js';
import { Sha256 } from './sha256.js';
import { parquet } from './parquetLoader.js';

export type ColType = 'int' | 'double' | 'string' | 'bool';
export interface Column { name: string; type: ColType }
/** A cell as the CSV writes it: a number, text, or '' for none. */
export type Cell = string | number;
export type Format = 'csv' | 'parquet';
export const FORMATS: Format[] = ['csv', 'parquet'];

const INT = new Set(['point', 'rep', 'seed', 'week', 'n', 'rank', 'week_from', 'week_to', 'n_pairs', 'pairs', 'step', 'restricted_dims', 'runs', ...FUNNEL_KEYS]);
const STRING = new Set(['scenario', 'baseline', 'metric', 'unit', 'statistic', 'uncertainty', 'component', 'period', 'source', 'tso_type', 'error', 'parameter', 'factor', 'outcome', 'method']);
const BOOL = new Set(['converged', 'selected', 'restricted']);

/** The type of every column of a table, by name; `given` overrides (a sweep's factors). */
export function columnsOf(names: string[], given: Record<string, ColType> = {}): Column[] {
  return names.map((name) => ({ name, type: given[name] ?? (INT.has(name) ? 'int' : STRING.has(name) ? 'string' : BOOL.has(name) ? 'bool' : 'double') }));
}

/** A factor column's type: as a CSV reader would guess it from the values the factor can take. */
export function factorType(f: Factor): ColType {
  if (f.kind === 'range') return f.integer ? 'int' : 'double';
  if (f.values.every((v) => typeof v === 'number')) return f.values.every((v) => Number.isInteger(v)) ? 'int' : 'double';
  return 'string';
}

export const factorTypes = (factors: Factor[]): Record<string, ColType> => Object.fromEntries(factors.map((f) => [f.path, factorType(f)]));

/** The file a table is written to. */
export const tableFile = (table: string, format: Format): string => `${table}.${format}`;

/** A table being written: rows in order, then close() publishes it and returns its checksum. */
export interface TableSink {
  rows(rows: Cell[][]): void;
  /** Rows already as CSV text (no header), e.g. a run's trajectory kept in the journal. */
  csv(text: string): void;
  /** Publish the file; returns "sha256:<hex>" of its bytes. */
  close(): string;
  abort(): void;
}

function openCsv(store: Store, file: string, columns: Column[]): TableSink {
  const f = store.append(file);
  const hash = new Sha256();
  const write = (text: string) => {
    if (text === '') return;
    f.write(text);
    hash.update(text);
  };
  write(toCsv(columns.map((c) => c.name), []));
  return {
    rows: (rows) => write(rows.length ? stringify(rows) : ''),
    csv: write,
    close: () => {
      f.commit();
      return `sha256:${hash.digest()}`;
    },
    abort: () => f.abort(),
  };
}

/** Open `<table>.<format>` in the store for writing (Parquet: after `await loadParquet()`). */
export function openTable(store: Store, table: string, columns: Column[], format: Format): TableSink {
  const file = tableFile(table, format);
  return format === 'csv' ? openCsv(store, file, columns) : parquet().openParquet(store, file, columns);
}

/** Write a whole table at once; returns its checksum. */
export function writeTable(store: Store, table: string, columns: Column[], rows: Cell[][], format: Format): string {
  const t = openTable(store, table, columns, format);
  try {
    t.rows(rows);
  } catch (e) {
    t.abort();
    throw e;
  }
  return t.close();
}
