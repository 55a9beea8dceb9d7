import { scratch } from '../helpers.js';
import { describe, expect, test, } from 'vitest';
import seedrandom from 'seedrandom';
import { latinHypercube, shardRange, designPoints } from '../../src/experiment/design.js';
import { loadSweep } from '../../src/io/sweepFile.js';
import { resolveShard } from '../../src/experiment/shard.js';

const { file: write } = scratch('design');
const file = (name: string, text: string) => write(text, name);
const base = `scenario: ${process.cwd()}/scenarios/baseline.yaml\n`;

describe('Latin hypercube', () => {
  test('exactly one point in each of the n strata on every axis', () => {
    const n = 17, k = 4;
    const pts = latinHypercube(n, k, seedrandom.alea('lhs') as unknown as () => number);
    expect(pts.length).toBe(n);
    for (let j = 0; j < k; j++) expect(pts.map((p) => Math.floor(p[j]! * n)).sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
  });
});

describe('design points', () => {
  test('full factorial: first factor slowest, crossed with LHS samples; integers stay integers', () => {
    const s = loadSweep(file('f.yaml', `${base}factors:\n  practice.scatterShare: [0.1, 0.5]\n  practice.kpiRegime: [referrals, outcomes]\n  clw.maxSessions: { min: 4, max: 12 }\nsamples: 3\nweeks: 30\nwarmup: 10\n`));
    const pts = designPoints(s);
    expect(pts.length).toBe(2 * 2 * 3);
    expect(pts.map((p) => p.values[0])).toEqual([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(pts.slice(0, 6).map((p) => p.values[1])).toEqual(['referrals', 'referrals', 'referrals', 'outcomes', 'outcomes', 'outcomes']);
    for (const p of pts) expect(Number.isInteger(p.values[2]) && (p.values[2] as number) >= 4 && (p.values[2] as number) <= 12).toBe(true);
    expect(pts.map((p) => p.id)).toEqual([...Array(12).keys()]);
    expect(designPoints(s)).toEqual(pts);
  });

  test('common random numbers by default; crn: false gives each point its own seed', () => {
    const crn = designPoints(loadSweep(file('c.yaml', `${base}factors:\n  practice.scatterShare: [0.1, 0.5, 0.9]\nseed: 9\n`)));
    expect(new Set(crn.map((p) => p.seed))).toEqual(new Set([9]));
    const ind = designPoints(loadSweep(file('i.yaml', `${base}factors:\n  practice.scatterShare: [0.1, 0.5, 0.9]\nseed: 9\ncrn: false\n`)));
    expect(new Set(ind.map((p) => p.seed)).size).toBe(3);
  });
});

describe('shards', () => {
  test('contiguous blocks that cover every point once, for any split', () => {
    for (const points of [0, 1, 5, 12, 97])
      for (const n of [1, 2, 3, 8, 13]) {
        let next = 0;
        for (let k = 1; k <= n; k++) {
          const r = shardRange(points, k, n);
          expect(r.from).toBe(next);
          expect(r.to).toBeGreaterThanOrEqual(r.from);
          next = r.to;
        }
        expect(next).toBe(points);
      }
  });

  test('--shard, Slurm job arrays and Kubernetes indexed jobs', () => {
    expect(resolveShard('3/8', undefined, {})).toMatchObject({ index: 3, count: 8 });
    expect(resolveShard(undefined, undefined, {})).toBeNull();
    expect(resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '4' })).toMatchObject({ index: 1, count: 4 });
    expect(resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' })).toMatchObject({ index: 4, count: 4 });
    expect(resolveShard(undefined, 5, { JOB_COMPLETION_INDEX: '4' })).toMatchObject({ index: 5, count: 5 });
    expect(resolveShard(undefined, undefined, { JOB_COMPLETION_INDEX: '0', JOB_COMPLETION_COUNT: '2' })).toMatchObject({ index: 1, count: 2 });
    expect(resolveShard('2/2', undefined, { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '4' })).toMatchObject({ index: 2, count: 2 });
    expect(() => resolveShard('0/8', undefined, {})).toThrow(/--shard 0\/8: expected a shard from 1 to 8/);
    expect(() => resolveShard('3-8', undefined, {})).toThrow(/expected k\/N/);
    expect(() => resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: '2' })).toThrow(/SLURM_ARRAY_TASK_COUNT is not/);
    expect(() => resolveShard(undefined, undefined, { JOB_COMPLETION_INDEX: '2' })).toThrow(/--shards N or JOB_COMPLETION_COUNT/);
    expect(() => resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: '9', SLURM_ARRAY_TASK_COUNT: '4' })).toThrow(/from 1 to 4, got 10/);
  });
});
