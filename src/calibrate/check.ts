/**
 * Calibration: run the baseline, compute each target's statistic per replication, and judge
 * mean against target ± tolerance. A Latin-hypercube search over the free parameters' prior
 * ranges scores candidate settings by the sum of squared standardised errors. Runs go through the one runner.
 */
import { dirname, resolve } from 'node:path';
import { loadScenario } from '../io/scenario.js';
import { summarize } from '../scenario/stats.js';
import type { Scenario } from '../model/scenario.js';
import { latinHypercube } from '../experiment/design.js';
import { pairedJobs, type Draw } from '../experiment/runner.js';
import { runJobs } from '../experiment/pool.js';
import { drawer, stream } from '../model/rng.js';
import { searchRange, type Targets } from './targets.js';

export interface CheckRow { id: string; stat: string; value: number; ci_low: number; ci_high: number; target: number; tolerance: number; verdict: 'pass' | 'fail'; source: string }

export function baselineOf(t: Targets, file: string, weeks?: number): Scenario {
  return loadScenario(resolve(dirname(file), t.scenario), { reps: t.reps, weeks }, `${file}: scenario`);
}

export interface CheckOptions { workers?: number; onProgress?: (done: number, total: number) => void }

/** Each target's statistic over `scenario.reps` replications (with a parameter draw in each, if given). */
export async function check(t: Targets, scenario: Scenario, o: CheckOptions = {}, draws?: Draw[]): Promise<CheckRow[]> {
  const outs = await runJobs(pairedJobs([scenario], scenario.reps, t.targets.map((g) => ({ target: g.stat })), draws), o);
  return t.targets.map((g, i) => {
    const s = summarize(outs.map((x) => x.values![i]!));
    const ok = Math.abs(s.mean - g.target) <= g.tolerance;
    return { id: g.id, stat: g.stat, value: s.mean, ci_low: s.ci_low, ci_high: s.ci_high, target: g.target, tolerance: g.tolerance, verdict: ok ? 'pass' : 'fail', source: g.source };
  });
}

/** Sum of squared standardised errors: 0 when every statistic hits its target. */
export const score = (rows: CheckRow[]) => rows.reduce((a, r) => a + ((r.value - r.target) / r.tolerance) ** 2, 0);

export interface SearchRow { point: number; values: Record<string, number>; score: number; passed: number }

export async function search(t: Targets, scenario: Scenario, n: number, seed: number, reps: number, o: CheckOptions = {}): Promise<SearchRow[]> {
  const paths = t.parameters.map((p) => p.name);
  const ranges = t.parameters.map(searchRange);
  const design = latinHypercube(n, paths.length, drawer(stream(seed, 'init')));
  const rows: SearchRow[] = [];
  for (const [k, u] of design.entries()) {
    const values: Record<string, number> = {};
    paths.forEach((p, m) => {
      const [lo, hi] = ranges[m]!;
      values[p] = lo + (hi - lo) * u[m]!;
    });
    const draws = Array.from({ length: reps }, () => ({ id: k, values }));
    const r = await check(t, { ...scenario, reps }, { workers: o.workers }, draws);
    o.onProgress?.(k + 1, n);
    rows.push({ point: k, values, score: score(r), passed: r.filter((x) => x.verdict === 'pass').length });
  }
  return rows;
}
