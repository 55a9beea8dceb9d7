import { describe, expect, test } from 'vitest';
import seedrandom from 'seedrandom';
import { planPoint } from '../../src/experiment/plan.js';
import type { RunRecord } from '../../src/experiment/runTask.js';
import type { MetricName } from '../../src/model/metrics.js';

const kept: MetricName[] = ['waitlist_total', 'trust_mean'];
/** Fake runs: metric 0 noisy around 100 with the given SD, metric 1 nearly constant. */
function runs(n: number, sd: number, seed = 'x'): Map<number, RunRecord> {
  const rng = seedrandom.alea(seed);
  const m = new Map<number, RunRecord>();
  for (let r = 0; r < n; r++) m.set(r, { point: 0, rep: r, seed: r, ok: true, values: [100 + sd * (rng() - 0.5) * 3.46, 0.6 + 1e-4 * rng()] });
  return m;
}
const p = { target: 0.05, metrics: kept, maxReps: 40 };

describe('adaptive replications', () => {
  test('without precision: reps 0..reps-1, missing ones first', () => {
    const m = runs(3, 1);
    m.delete(1);
    expect(planPoint(m, 3, null, kept)).toEqual({ missing: [1], n: 3, convergence: null });
    expect(planPoint(runs(3, 1), 3, null, kept).missing).toEqual([]);
  });

  test('a quiet point converges at the starting reps', () => {
    const pl = planPoint(runs(4, 1), 4, p, kept);
    expect(pl.missing).toEqual([]);
    expect(pl.n).toBe(4);
    expect(pl.convergence!.every((c) => c.converged)).toBe(true);
  });

  test('a noisy point asks for more reps, in order, until the half-width is within target', () => {
    const all = runs(40, 30);
    const have = new Map([...all].filter(([r]) => r < 4));
    const first = planPoint(have, 4, p, kept);
    expect(first.missing.length).toBeGreaterThan(0);
    expect(first.missing[0]).toBe(4);
    expect(first.missing).toEqual(Array.from({ length: first.n - 4 }, (_, i) => 4 + i));
    // feed batches until done: the plan is a function of the results only
    let cur = have, pl = first;
    while (pl.missing.length) {
      for (const r of pl.missing) cur.set(r, all.get(r)!);
      pl = planPoint(cur, 4, p, kept);
    }
    const c = pl.convergence!.find((x) => x.metric === 'waitlist_total')!;
    expect(c.converged || pl.n === 40).toBe(true);
    if (c.converged) expect(c.half_width).toBeLessThanOrEqual(0.05 * Math.abs(c.mean));
    expect(planPoint(new Map(cur), 4, p, kept)).toEqual(pl);
  });

  test('the cap stops a point that cannot converge, and it is reported as not converged', () => {
    const all = runs(12, 400);
    const pl = planPoint(all, 4, { ...p, maxReps: 12 }, kept);
    expect(pl.missing).toEqual([]);
    expect(pl.n).toBe(12);
    expect(pl.convergence!.find((c) => c.metric === 'waitlist_total')!.converged).toBe(false);
  });
});
