/**
 * The one runner: a replication is (scenario, parameter draw, seed); arms share seeds and draws;
 * results are identical in this thread and on the worker pool. The sweep engine writes through a
 * store, so it runs the same with files or in memory.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pairedJobs, runOne, withDraw } from '../../src/experiment/runner.js';
import { runJobs } from '../../src/experiment/pool.js';
import { trajectoriesCsv } from '../../src/scenario/tables.js';
import { runSweep } from '../../src/experiment/sweep.js';
import { MemoryStore } from '../../src/experiment/store.js';
import { FileStore } from '../../src/io/fileStore.js';
import { loadSweep } from '../../src/io/sweepFile.js';
import { scenario } from '../helpers.js';

const prov = { version: 'test', model: 'test' };

describe('the runner', () => {
  test('in this thread and on two worker threads: the same results, in job order', async () => {
    const s = scenario('funding-cut', { weeks: 112, reps: 3, seed: 4 });
    const jobs = pairedJobs([s, scenario('baseline', { weeks: 112, reps: 3, seed: 4 })], 3, 'result');
    const here = await runJobs(jobs, { workers: 1 });
    const pool = await runJobs(jobs, { workers: 2 });
    expect(pool.map((o) => trajectoriesCsv([o.result!]))).toEqual(here.map((o) => trajectoriesCsv([o.result!])));
    expect(here.map((o) => o.rep)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  test('paired arms share the seed of each replication, and its parameter draw', () => {
    const a = scenario('baseline', { weeks: 30, seed: 9 });
    const b = scenario('scattergun', { weeks: 30, seed: 9 });
    const draws = [{ id: 0, values: { 'demand.level': 1.2 } }, { id: 1, values: { 'demand.level': 0.8 } }];
    const jobs = pairedJobs([a, b], 2, [{ funnel: 'referred_to_clw' }, { funnel: 'rereferred_by_gp' }], draws);
    expect(jobs.map((j) => [j.rep, j.draw?.id])).toEqual([[0, 0], [1, 1], [0, 0], [1, 1]]);
    const out = jobs.map(runOne);
    const newReferrals = (k: number) => out[k]!.values![0]! - out[k]!.values![1]!;
    // Same seed and draw: the same new GP referrals in both arms (common random numbers).
    expect(newReferrals(0)).toBe(newReferrals(2));
    expect(newReferrals(1)).toBe(newReferrals(3));
    expect(out[0]!.seed).toBe(out[2]!.seed);
    // A draw changes what runs: more demand, more referrals than the same seed without it.
    const plain = runOne({ scenario: a, rep: 0, keep: jobs[0]!.keep });
    expect(newReferrals(0)).toBeGreaterThan(plain.values![0]! - plain.values![1]!);
    expect(withDraw(a, draws[0]).params.demand.level).toBe(1.2);
    expect(a.params.demand.level).toBe(1); // the scenario itself is untouched
  });

  test('arms with different run seeds are refused (they would not be paired)', () => {
    expect(() => pairedJobs([scenario('baseline', { seed: 1 }), scenario('baseline', { seed: 2 })], 2, 'result')).toThrow(/share the run seed/);
  });
});

describe('the sweep engine writes through a store', () => {
  test('in memory and in a folder: the same files, byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clwsim-store-'));
    const f = join(dir, 's.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(f, `scenario: ${join(process.cwd(), 'scenarios/baseline.yaml')}\nfactors:\n  practice.scatterShare: [0.1, 0.5]\nreps: 2\nweeks: 30\nwarmup: 5\nkeep: trajectories\nmetrics: [waitlist_total, trust_mean]\n`);
    const sweep = loadSweep(f);
    const mem = new MemoryStore();
    await runSweep(sweep, { store: mem, provenance: prov, workers: 1 });
    const out = join(dir, 'out');
    await runSweep(sweep, { store: new FileStore(out), provenance: prov, workers: 1 });
    const files = readdirSync(out).sort();
    expect(files).toEqual([...mem.files.keys()].sort());
    for (const name of files) expect(mem.read(name), name).toBe(readFileSync(join(out, name), 'utf8'));
    expect(files).toContain('trajectories.csv');
  });
});
