import { describe, expect, test } from 'vitest';
import seedrandom from 'seedrandom';
import { randomNormal } from 'd3-random';
import { mser, mser5, meanSeries, warmupOf, stationarity, warmupReport } from '../../src/experiment/warmup.js';

const noise = (seed: string, sd: number) => randomNormal.source(seedrandom.alea(seed) as unknown as () => number)(0, sd);

/** n weeks: an initial transient (level `bias` decaying over `tau` weeks, or a step of `step` weeks) plus noise. */
function series(n: number, opts: { bias?: number; tau?: number; step?: number; level?: number; sd?: number; seed?: string }): Float64Array {
  const z = noise(opts.seed ?? 'x', opts.sd ?? 1);
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let bias = 0;
    if (opts.tau) bias = (opts.bias ?? 0) * Math.exp(-t / opts.tau);
    if (opts.step && t < opts.step) bias = opts.bias ?? 0;
    out[t] = (opts.level ?? 0) + bias + z();
  }
  return out;
}

describe('MSER-5 (White 1997)', () => {
  test('hand-computed case: one outlying first batch is cut, nothing else', () => {
    // Batch size 1: d = 0 gives MSER = 83.33/36 = 2.31; d = 1 leaves zeros, MSER 0.
    const r = mser([10, 0, 0, 0, 0, 0], 1);
    expect(r.mser[0]).toBeCloseTo(83.3333 / 36, 3);
    expect(r.mser[1]).toBe(0);
    expect(r.truncation).toBe(1);
  });

  test('batches of 5, searched over the first half only', () => {
    const r = mser5(new Float64Array(103)); // 20 full batches, 3 observations dropped
    expect(r.mser.length).toBe(11); // d = 0..10
    expect(r.truncation % 5).toBe(0);
  });

  test('a step transient of 60 weeks is cut whole (MSER may take a batch or three of noise with it)', () => {
    for (const seed of ['a', 'b', 'c']) {
      const r = mser5(series(400, { bias: 5, step: 60, sd: 1, seed }));
      expect(r.truncation, seed).toBeGreaterThanOrEqual(60);
      expect(r.truncation, seed).toBeLessThanOrEqual(75);
    }
  });

  test('an exponential transient (τ = 15 weeks, bias 10 sd) is cut where the bias falls into the noise', () => {
    const r = mser5(series(520, { bias: 10, tau: 15, sd: 1, seed: 'e' }));
    // bias(t) = 10·e^(−t/15) is 1 sd at t ≈ 35 and 0.1 sd at t ≈ 69.
    expect(r.truncation).toBeGreaterThanOrEqual(25);
    expect(r.truncation).toBeLessThanOrEqual(90);
  });

  test('a stationary series needs little or no truncation', () => {
    const r = mser5(series(260, { sd: 1, seed: 's' }));
    expect(r.truncation).toBeLessThanOrEqual(40);
  });

  test('a trend that never settles is cut as late as allowed (half the series)', () => {
    const trend = Float64Array.from({ length: 200 }, (_, t) => t);
    expect(mser5(trend).truncation).toBe(100);
  });

  test('warm-up over several metrics is the largest truncation, on the mean across replications', () => {
    const reps = ['1', '2', '3', '4'].map((s) => series(300, { bias: 4, step: 40, sd: 2, seed: s }));
    expect(meanSeries(reps)[0]).toBeCloseTo(reps.reduce((a, r) => a + r[0]!, 0) / 4, 12);
    const w = warmupOf({ transient: reps, flat: ['5', '6'].map((s) => series(300, { sd: 1, seed: s })) });
    expect(w.byMetric.transient).toBeGreaterThanOrEqual(35);
    expect(w.byMetric.transient).toBeLessThanOrEqual(45);
    expect(w.warmup).toBe(Math.max(w.byMetric.transient!, w.byMetric.flat!));
  });
});

describe('stationarity: first vs last third of the window', () => {
  const reps = (f: (t: number) => number, n = 3, len = 312) => Array.from({ length: n }, () => Float64Array.from({ length: len }, (_, t) => f(t)));

  test('a share drifting 0.5 → 0.4 fails; a flat one passes; thirds are of the window only', () => {
    // Window 12..312 (300 weeks): thirds are 12..112 and 212..312.
    const drift = reps((t) => 0.5 - (0.1 * t) / 312);
    const rows = stationarity({ drift, flat: reps(() => 0.6) }, { drift: 'share', flat: 'share' }, { from: 13, to: 312 });
    const d = rows.find((r) => r.metric === 'drift')!;
    const expected = -0.1 * ((212 + 311) / 2 - (12 + 111) / 2) / 312; // difference of the two thirds' mean t
    expect(d.change).toBeCloseTo(expected, 12);
    expect(d.pass).toBe(false);
    expect(rows.find((r) => r.metric === 'flat')!.pass).toBe(true);
  });

  test('counts are judged relatively: +15% fails, +5% passes, an empty list staying empty passes', () => {
    const step = (up: number) => reps((t) => (t < 156 ? 100 : 100 * (1 + up)));
    const rows = stationarity({ up15: step(0.15), up5: step(0.05), empty: reps(() => 0) }, {}, { from: 1, to: 312 });
    const by = Object.fromEntries(rows.map((r) => [r.metric, r]));
    expect(by.up15!.change).toBeCloseTo(0.15, 12);
    expect(by.up15!.pass).toBe(false);
    expect(by.up5!.pass).toBe(true);
    expect(by.empty!.change).toBe(0);
    expect(by.empty!.pass).toBe(true);
  });

  test('the interval is of the per-replication change', () => {
    const a = Float64Array.from({ length: 90 }, (_, t) => (t < 30 ? 0.5 : t >= 60 ? 0.52 : 0.5));
    const b = Float64Array.from({ length: 90 }, (_, t) => (t < 30 ? 0.5 : t >= 60 ? 0.56 : 0.5));
    const [r] = stationarity({ s: [a, b] }, { s: 'share' }, { from: 1, to: 90 });
    expect(r!.change).toBeCloseTo(0.04, 12); // +0.02 and +0.06
    expect(r!.pass).toBe(false);
    expect(r!.ci_low).toBeLessThan(0.02);
    expect(r!.ci_high).toBeGreaterThan(0.06);
  });
});

describe('the warm-up section of a manifest', () => {
  test('MSER-5 per key metric on the mean series, the largest, the metrics at the search limit, and the warm-up used', () => {
    const n = 200;
    const step = (rep: number) => series(n, { bias: 5, step: 60, sd: 0.2, seed: `s${rep}` });
    const trend = () => Float64Array.from({ length: n }, (_, t) => t);
    const runs = [0, 1, 2].map((rep) => ({ metrics: { trust_mean: step(rep), clw_waitlist: trend(), not_key: step(rep) } }));
    const r = warmupReport(runs, 52);
    expect(Object.keys(r.mser5_weeks).sort()).toEqual(['clw_waitlist', 'trust_mean']); // key metrics only
    expect(r.mser5_weeks.trust_mean).toBeGreaterThanOrEqual(60);
    expect(r.mser5_weeks.trust_mean).toBeLessThanOrEqual(75);
    expect(r.mser5_weeks.clw_waitlist).toBe(100); // an endless trend: cut at the half
    expect(r.at_search_limit).toEqual(['clw_waitlist']);
    expect(r.largest).toBe(100);
    expect(r.used).toBe(52);
  });
});
