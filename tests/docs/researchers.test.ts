/**
 * docs/researchers.md's Parquet and discovery sections: the bundled discovery sweep file is
 * valid, and every DuckDB SQL block of the guide runs (DuckDB is the CLI's engine) on a small
 * Parquet sweep with the same factors and metrics, with the guide's paths pointed at it.
 */
import { describe, expect, test, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadSweep } from '../../src/io/sweepFile.js';
import { runSweep } from '../../src/experiment/sweep.js';
import { FileStore } from '../../src/io/fileStore.js';
import { duckdb } from '../experiment/duck.js';

const tmp = mkdtempSync(join(tmpdir(), 'clwsim-guide-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const guide = readFileSync('docs/researchers.md', 'utf8');

describe('the guide\'s Parquet reads', () => {
  test('every DuckDB SQL block runs on a small sweep like the worked example', async () => {
    const s = loadSweep('scenarios/sweeps/clw-waitlist.yaml', { weeks: 60 });
    expect(s.factors.map((f) => f.path)).toEqual(['funding.multiplier.crisis', 'practice.scatterShare', 'clw.count']);
    s.samples = 12;
    const prov = { version: 'test', model: 'test' };
    await runSweep(s, { store: new FileStore(join(tmp, 'clw-waitlist')), provenance: prov, workers: 1, format: 'parquet' });
    for (const k of [1, 2]) await runSweep(s, { store: new FileStore(join(tmp, 's', `shard-${k}`)), provenance: prov, workers: 1, format: 'parquet', shard: { index: k, count: 2 } });
    const blocks = [...guide.matchAll(/```sql\n([^`]+)```/g)].map((m) => m[1]!);
    const inline = [...guide.matchAll(/`(SELECT [^`]+)`/g)].map((m) => m[1]!);
    expect(blocks.length + inline.length).toBeGreaterThanOrEqual(3);
    const db = await duckdb();
    for (const sql of [...blocks, ...inline]) {
      const q = sql.replaceAll('output/clw-waitlist/', `${tmp}/clw-waitlist/`).replaceAll('output/s/', `${tmp}/s/`);
      const r = await db.runAndReadAll(q);
      expect(r.getRows().length, sql).toBeGreaterThan(0);
    }
    // the shards read together are the sweep
    const all = await db.runAndReadAll(`SELECT count(*) FROM read_parquet('${tmp}/s/shard-*/runs.parquet')`);
    expect(Number(all.getRows()[0]![0])).toBe(12);
  }, 60_000);
});
