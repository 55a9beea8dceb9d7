import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import { replicate } from '../../src/experiment/replicate.js';
import { trajectoriesCsv } from '../../src/scenario/tables.js';
import { repSeed } from '../../src/model/rng.js';
import { scenario } from '../helpers.js';

describe('determinism', () => {
  test('same scenario and seed give byte-identical trajectories', async () => {
    const s = scenario('funding-cut', { weeks: 120, reps: 2, seed: 7 });
    expect(trajectoriesCsv(await replicate(s))).toBe(trajectoriesCsv(await replicate(s)));
  });

  test('a different seed gives different trajectories', () => {
    const a = simulate(scenario('baseline', { weeks: 60, seed: 1 }), 0);
    const b = simulate(scenario('baseline', { weeks: 60, seed: 2 }), 0);
    expect(trajectoriesCsv([a])).not.toBe(trajectoriesCsv([b]));
  });

  test('--reps 5 contains the runs of --reps 3', async () => {
    const three = await replicate(scenario('baseline', { weeks: 60, reps: 3, seed: 7 }));
    const five = await replicate(scenario('baseline', { weeks: 60, reps: 5, seed: 7 }));
    expect(trajectoriesCsv(five.slice(0, 3))).toBe(trajectoriesCsv(three));
    expect(new Set(five.map((r) => r.seed)).size).toBe(5);
  });

  test('replication seeds are derived from (seed, rep), not run order', async () => {
    const s = scenario('baseline', { weeks: 40, seed: 11 });
    const alone = simulate(s, 3);
    expect(alone.seed).toBe(repSeed(11, 3));
    expect(trajectoriesCsv([alone])).toBe(trajectoriesCsv([(await replicate({ ...s, reps: 4 }))[3]!]));
  });

  test('common random numbers: a scenario and its baseline see the same arrivals before the cut', () => {
    const base = simulate(scenario('baseline', { weeks: 112 }), 0);
    const cut = simulate(scenario('funding-cut', { weeks: 112 }), 0);
    expect(Array.from(cut.metrics.arrivals.slice(0, 103))).toEqual(Array.from(base.metrics.arrivals.slice(0, 103)));
    expect(Array.from(cut.metrics.trust_mean.slice(0, 103))).toEqual(Array.from(base.metrics.trust_mean.slice(0, 103)));
    expect(Array.from(cut.metrics.trust_mean.slice(104))).not.toEqual(Array.from(base.metrics.trust_mean.slice(104)));
  });
});
