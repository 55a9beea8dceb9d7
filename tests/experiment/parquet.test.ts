/**
 * --format parquet: every table of a sweep (and of its shards merged) read back with a second,
 * independent Parquet reader (DuckDB's, through @duckdb/node-api: C++, no code shared with
 * hyparquet-writer) and compared with the CSV of the same sweep cell by cell, with the column
 * types of table.ts. Merged Parquet shards are the unsharded Parquet file byte for byte, and
 * merge --format converts either way into exactly the other format's sweep.
 */
import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { csvCells, duck, duckdb } from './duck.js';
import { runSweep } from '../../src/experiment/sweep.js';
import { mergeShards } from '../../src/experiment/merge.js';
import { FileStore } from '../../src/io/fileStore.js';
import { loadSweep } from '../../src/io/sweepFile.js';
import type { Format } from '../../src/experiment/table.js';

const tmp = mkdtempSync(join(tmpdir(), 'clwsim-parquet-'));
const prov = { version: 'test', model: 'test' };
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'latin1')]));

// a text factor, an integer range, a real range; failures (readinessMin 0.6 > max 0.5), trajectories, precision
const f = join(tmp, 'sweep.yaml');
writeFileSync(f, `scenario: ${join(process.cwd(), 'scenarios/baseline.yaml')}\nfactors:\n  practice.kpiRegime: [referrals, outcomes]\n  demand.readinessMin: [0.1, 0.6]\n  clw.count: { min: 8, max: 20 }\n  practice.scatterShare: { min: 0.05, max: 0.6 }\nsamples: 3\nreps: 2\nweeks: 20\nwarmup: 5\nkeep: trajectories\nmetrics: [waitlist_total, trust_mean, dropout_rate]\n`);
const sweep = () => loadSweep(f, { precision: 0.2, maxReps: 4 });
const run = (dir: string, format: Format, shard?: { index: number; count: number }) =>
  runSweep(sweep(), { store: new FileStore(join(tmp, dir)), provenance: prov, workers: 1, format, shard });

describe('sweep --format parquet', () => {
  beforeAll(async () => {
    await run('csv', 'csv');
    await run('pq', 'parquet');
  }, 120_000);

  test('the same tables, read back by DuckDB, equal the CSVs cell by cell, with the documented types', async () => {
    const tables = readdirSync(join(tmp, 'pq')).filter((x) => x.endsWith('.parquet')).map((x) => x.replace('.parquet', '')).sort();
    expect(tables).toEqual(['convergence', 'design', 'failures', 'points', 'runs', 'trajectories']);
    expect(readdirSync(join(tmp, 'csv')).filter((x) => x.endsWith('.csv')).map((x) => x.replace('.csv', '')).sort()).toEqual(tables);
    let cells = 0;
    for (const t of tables) {
      const p = await duck(join(tmp, 'pq', `${t}.parquet`));
      const c = csvCells(join(tmp, 'csv', `${t}.csv`));
      expect(p.names, t).toEqual(c.names);
      expect(p.rows.length, t).toBe(c.rows.length);
      p.rows.forEach((row, i) => {
        expect(row, `${t} row ${i + 1}`).toEqual(c.rows[i]);
      });
      cells += p.rows.length * p.names.length;
      const type = Object.fromEntries(p.names.map((n, j) => [n, p.types[j]]));
      expect([type.point, type['practice.kpiRegime'], type['demand.readinessMin'], type['clw.count'], type['practice.scatterShare']], t).toEqual(['BIGINT', 'VARCHAR', 'DOUBLE', 'BIGINT', 'DOUBLE']);
      if (t === 'runs') expect([type.rep, type.seed, type.waitlist_total, type.trust_mean]).toEqual(['BIGINT', 'BIGINT', 'DOUBLE', 'DOUBLE']);
      if (t === 'points') expect([type.metric, type.mean, type.n]).toEqual(['VARCHAR', 'DOUBLE', 'BIGINT']);
      if (t === 'convergence') expect(type.converged).toBe('BOOLEAN');
      if (t === 'failures') expect(type.error).toBe('VARCHAR');
    }
    expect(cells).toBeGreaterThan(3000);
    // empty cells are nulls: points of the failed design points have no mean
    const nulls = await (await duckdb()).runAndReadAll(`SELECT count(*) FROM read_parquet('${join(tmp, 'pq', 'points.parquet')}') WHERE mean IS NULL`);
    expect(Number(nulls.getRows()[0]![0])).toBeGreaterThan(0);
  });

  test('the manifest records the format and each Parquet file\'s checksum', () => {
    const m = JSON.parse(readFileSync(join(tmp, 'pq', 'manifest.json'), 'utf8'));
    expect(m.format).toBe('parquet');
    expect(m.files).toEqual(['design.parquet', 'runs.parquet', 'points.parquet', 'failures.parquet', 'trajectories.parquet', 'convergence.parquet', 'manifest.json']);
    expect(Object.keys(m.checksums)).toEqual(m.files.slice(0, -1));
    expect(JSON.parse(readFileSync(join(tmp, 'csv', 'manifest.json'), 'utf8')).format).toBeUndefined();
  });

  test('shards, each writing its own Parquet files, merge into the unsharded files byte for byte; --format converts', async () => {
    for (const k of [1, 2, 3]) await run(`pq-${k}`, 'parquet', { index: k, count: 3 });
    const shards = [1, 2, 3].map((k) => new FileStore(join(tmp, `pq-${k}`)));
    await mergeShards(shards, new FileStore(join(tmp, 'pq-merged')));
    expect(files(join(tmp, 'pq-merged'))).toEqual(files(join(tmp, 'pq')));
    await mergeShards(shards, new FileStore(join(tmp, 'pq-as-csv')), 'csv');
    expect(files(join(tmp, 'pq-as-csv'))).toEqual(files(join(tmp, 'csv')));
    for (const k of [1, 2, 3]) await run(`csv-${k}`, 'csv', { index: k, count: 3 });
    await mergeShards([1, 2, 3].map((k) => new FileStore(join(tmp, `csv-${k}`))), new FileStore(join(tmp, 'csv-as-pq')), 'parquet');
    expect(files(join(tmp, 'csv-as-pq'))).toEqual(files(join(tmp, 'pq')));
  }, 120_000);

  test('a Parquet shard changed after it was written is refused by merge', async () => {
    const bad = join(tmp, 'pq-2', 'runs.parquet');
    const b = readFileSync(bad);
    b[b.length - 20] = b[b.length - 20]! ^ 1;
    writeFileSync(bad, b);
    await expect(mergeShards([1, 2, 3].map((k) => new FileStore(join(tmp, `pq-${k}`))), new FileStore(join(tmp, 'pq-bad')))).rejects.toThrow(/pq-2\/runs.parquet: changed since the shard wrote it/);
  });
});

describe('sensitivity --format parquet', () => {
  test.each(['morris', 'sobol'] as const)('%s: every table, the indices too, equals the CSV cell by cell (DuckDB)', async (mode) => {
    const g = join(tmp, `${mode}.yaml`);
    writeFileSync(g, `scenario: ${join(process.cwd(), 'scenarios/baseline.yaml')}\nfactors:\n  practice.scatterShare: { min: 0, max: 0.8 }\n  funding.multiplier.mh: { min: 0.3, max: 1 }\n${mode === 'morris' ? 'morris: { trajectories: 3, levels: 4 }' : 'sobol: { n: 8, bootstrap: 50 }'}\nreps: 1\nweeks: 20\nwarmup: 5\nmetrics: [waitlist_total, trust_mean]\n`);
    const s = loadSweep(g, {}, mode);
    for (const format of ['csv', 'parquet'] as const) await runSweep(s, { store: new FileStore(join(tmp, `${mode}-${format}`)), provenance: prov, workers: 1, format, kind: 'sensitivity' });
    const tables = readdirSync(join(tmp, `${mode}-parquet`)).filter((x) => x.endsWith('.parquet')).sort();
    expect(tables).toContain(`${mode}.parquet`);
    for (const t of tables) {
      const p = await duck(join(tmp, `${mode}-parquet`, t));
      const c = csvCells(join(tmp, `${mode}-csv`, t.replace('.parquet', '.csv')));
      expect([p.names, p.rows], t).toEqual([c.names, c.rows]);
    }
    if (mode === 'morris') return;
    // a sharded Sobol' design: merge computes the indices from the merged runs.parquet
    for (const k of [1, 2]) await runSweep(s, { store: new FileStore(join(tmp, `sobol-pq-${k}`)), provenance: prov, workers: 1, format: 'parquet', kind: 'sensitivity', shard: { index: k, count: 2 } });
    await mergeShards([1, 2].map((k) => new FileStore(join(tmp, `sobol-pq-${k}`))), new FileStore(join(tmp, 'sobol-pq-merged')));
    expect(files(join(tmp, 'sobol-pq-merged'))).toEqual(files(join(tmp, 'sobol-parquet')));
  }, 60_000);
});

