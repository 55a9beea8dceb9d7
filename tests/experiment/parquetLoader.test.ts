/**
 * Parquet loads only when used (src/experiment/parquetLoader.ts): no module imports the Parquet
 * code statically, the synchronous writers refuse it unloaded, and after loadParquet() a table
 * written as Parquet reads back with the same cells.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStore } from '../../src/experiment/store.js';
import { columnsOf, openTable, writeTable } from '../../src/experiment/table.js';
import { allRows } from '../../src/experiment/readTable.js';
import { loadParquet, parquet } from '../../src/experiment/parquetLoader.js';

const files = (readdirSync('src', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split('\\').join('/'));
/** Value imports (not `import type`) of a source file. */
const valueImports = (f: string) => [...readFileSync(join('src', f), 'utf8').matchAll(/^(?:import(?! type)|export)[^'"]*from '([^']+)'/gm)].map((m) => m[1]!);

describe('Parquet loaded on demand', () => {
  test('only parquet.ts imports hyparquet, and nothing imports parquet.ts statically', () => {
    const hy = files.filter((f) => valueImports(f).some((i) => i.startsWith('hyparquet')));
    expect(hy).toEqual(['experiment/parquet.ts']);
    expect(files.filter((f) => valueImports(f).some((i) => /\/parquet\.js$/.test(i)))).toEqual([]);
  });

  test('the synchronous writers refuse Parquet until loadParquet(); then it round-trips', async () => {
    const st = new MemoryStore();
    const cols = columnsOf(['point', 'metric', 'mean']);
    expect(() => parquet()).toThrow(/internal error.*loadParquet/);
    expect(() => openTable(st, 't', cols, 'parquet')).toThrow(/internal error.*loadParquet/);
    expect(writeTable(st, 'c', cols, [[0, 'x', 1.5]], 'csv')).toMatch(/^sha256:/); // CSV needs nothing
    const m = await loadParquet();
    expect(await loadParquet()).toBe(m);
    writeTable(st, 't', cols, [[0, 'x', 1.5], [1, 'y', '']], 'parquet');
    expect(await allRows(st, 't.parquet')).toEqual({ columns: ['point', 'metric', 'mean'], rows: [[0, 'x', 1.5], [1, 'y', '']] });
  });
});
