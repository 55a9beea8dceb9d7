/**
 * Calibration: run the baseline, compute each target's statistic per replication, and judge
 * mean against target ± tolerance. A Latin-hypercube search over the free parameters scores
 * candidate settings by the sum of squared standardised errors.
 */
import { dirname, resolve } from 'node:path';
import { loadScenario } from '../io/scenario.js';
import { setParam, cloneParams } from '../model/params.js';
import type { Scenario } from '../model/scenario.js';
import { simulate } from '../model/simulate.js';
import { summarize } from '../experiment/stats.js';
import { latinHypercube } from '../experiment/design.js';
import { stream } from '../model/rng.js';
import { CAL_STATS } from './stats.js';
import type { Targets } from './targets.js';

export interface CheckRow { id: string; stat: string; value: number; ci_low: number; ci_high: number; target: number; tolerance: number; verdict: 'pass' | 'fail'; source: string }

export function baselineOf(t: Targets, file: string, weeks?: number): Scenario {
  return loadScenario(resolve(dirname(file), t.scenario), { reps: t.reps, weeks });
}

export function check(t: Targets, scenario: Scenario, onRep?: (d: number, n: number) => void): CheckRow[] {
  const runs = Array.from({ length: scenario.reps }, (_, r) => {
    const res = simulate(scenario, r);
    onRep?.(r + 1, scenario.reps);
    return res;
  });
  return t.targets.map((g) => {
    const s = summarize(runs.map((r) => CAL_STATS[g.stat]!.fn(r, scenario)));
    const ok = Math.abs(s.mean - g.target) <= g.tolerance;
    return { id: g.id, stat: g.stat, value: s.mean, ci_low: s.ci_low, ci_high: s.ci_high, target: g.target, tolerance: g.tolerance, verdict: ok ? 'pass' : 'fail', source: g.source };
  });
}

/** Sum of squared standardised errors: 0 when every statistic hits its target. */
export const score = (rows: CheckRow[]) => rows.reduce((a, r) => a + ((r.value - r.target) / r.tolerance) ** 2, 0);

export interface SearchRow { point: number; values: Record<string, number>; score: number; passed: number }

export function search(t: Targets, scenario: Scenario, n: number, seed: number, reps: number, onPoint?: (d: number, n: number) => void): SearchRow[] {
  const paths = Object.keys(t.free);
  const design = latinHypercube(n, paths.length, stream(seed, 'init'));
  return design.map((u, k) => {
    const params = cloneParams(scenario.params);
    const values: Record<string, number> = {};
    paths.forEach((p, m) => {
      const [lo, hi] = t.free[p]!;
      values[p] = lo + (hi - lo) * u[m]!;
      setParam(params, p, values[p]!);
    });
    const rows = check(t, { ...scenario, params, reps });
    onPoint?.(k + 1, n);
    return { point: k, values, score: score(rows), passed: rows.filter((r) => r.verdict === 'pass').length };
  });
}
