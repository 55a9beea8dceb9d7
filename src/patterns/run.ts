/**
 * Run the realist-matrix patterns as paired experiments with common random numbers, and judge
 * each by the 95% interval of the paired difference. Arms shared between patterns (the baseline,
 * the funding cut) are simulated once per replication.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadScenario, checkAssignment } from '../io/scenario.js';
import { setParam, cloneParams } from '../model/params.js';
import type { Scenario } from '../model/scenario.js';
import { simulate } from '../model/simulate.js';
import { summarize, windowMean, windowSum } from '../experiment/stats.js';
import { PATTERNS, type Arm, type Pattern, type Window } from './definitions.js';

export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export interface PatternOptions {
  reps: number;
  weeks: number;
  seed: number;
  only?: string[];
  onProgress?: (done: number, total: number) => void;
}

export const QUICK: Omit<PatternOptions, 'only' | 'onProgress'> = { reps: 20, weeks: 156, seed: 1 };
export const FULL: Omit<PatternOptions, 'only' | 'onProgress'> = { reps: 30, weeks: 260, seed: 1 };

export interface PatternResult {
  pattern: string;
  lever: string;
  metric: string;
  expected_direction: 'up' | 'down';
  mean_difference: number;
  ci_low: number;
  ci_high: number;
  n: number;
  verdict: 'pass' | 'fail';
  claim: string;
  matrix_rows: string;
  window: string;
  control_mean: number;
  treatment_mean: number;
}

export function armScenario(arm: Arm, o: { weeks: number; seed: number; reps: number }): Scenario {
  const s = loadScenario(join(SCENARIO_DIR, `${arm.scenario ?? 'baseline'}.yaml`), o);
  const params = cloneParams(s.params);
  for (const [path, v] of Object.entries(arm.set ?? {})) setParam(params, path, checkAssignment(`pattern arm ${arm.scenario ?? 'baseline'}`, path, v));
  return { ...s, params, interventions: arm.interventions ?? s.interventions, name: arm.scenario ?? 'baseline' };
}

export function describeWindow(w: Window | undefined, weeks: number): string {
  const win = w ?? { kind: 'final' };
  if (win.kind === 'total') return `total of weeks 1-${weeks}`;
  if (win.kind === 'weeks') return `mean of weeks ${win.from}-${Math.min(win.to, weeks)}`;
  return `mean of weeks ${Math.max(1, weeks - 51)}-${weeks}`;
}

function statistic(series: Float64Array, w: Window | undefined, weeks: number): number {
  const win = w ?? { kind: 'final' };
  if (win.kind === 'total') return windowSum(series, 0, weeks);
  if (win.kind === 'weeks') return windowMean(series, win.from - 1, Math.min(win.to, weeks));
  return windowMean(series, Math.max(0, weeks - 52), weeks);
}

export function runPatterns(o: PatternOptions): PatternResult[] {
  const chosen = o.only?.length ? PATTERNS.filter((p) => o.only!.includes(p.id)) : PATTERNS;
  const arms = new Map<string, Scenario>();
  const keyOf = (arm: Arm) => {
    const s = armScenario(arm, { weeks: o.weeks, seed: o.seed, reps: o.reps });
    const key = JSON.stringify([s.params, s.interventions]);
    if (!arms.has(key)) arms.set(key, s);
    return key;
  };
  const plan = chosen.map((p) => ({ p, c: keyOf(p.control), t: keyOf(p.treatment) }));
  // Simulate each distinct arm once per replication, keeping only the statistics patterns need.
  const stats = new Map<string, Map<string, number[]>>(); // arm → "metric|window" → per-rep statistic
  let done = 0;
  const total = arms.size * o.reps;
  for (const [key, scenario] of arms) {
    const perArm = new Map<string, number[]>();
    for (let r = 0; r < o.reps; r++) {
      const res = simulate(scenario, r);
      for (const { p, c, t } of plan) {
        if (c !== key && t !== key) continue;
        const sk = `${p.metric}|${JSON.stringify(p.window ?? null)}`;
        if (!perArm.has(sk)) perArm.set(sk, []);
        const arr = perArm.get(sk)!;
        if (arr.length === r) arr.push(statistic(res.metrics[p.metric], p.window, o.weeks));
      }
      o.onProgress?.(++done, total);
    }
    stats.set(key, perArm);
  }
  return plan.map(({ p, c, t }) => judge(p, stats.get(c)!, stats.get(t)!, o.weeks));
}

function judge(p: Pattern, control: Map<string, number[]>, treatment: Map<string, number[]>, weeks: number): PatternResult {
  const sk = `${p.metric}|${JSON.stringify(p.window ?? null)}`;
  const a = control.get(sk)!;
  const b = treatment.get(sk)!;
  const d = summarize(b.map((x, i) => x - a[i]!));
  const pass = p.expected === 'up' ? d.ci_low > 0 : d.ci_high < 0;
  return {
    pattern: p.id, lever: p.lever, metric: p.metric, expected_direction: p.expected,
    mean_difference: d.mean, ci_low: d.ci_low, ci_high: d.ci_high, n: d.n, verdict: pass ? 'pass' : 'fail',
    claim: p.claim, matrix_rows: p.rows.join(' '), window: describeWindow(p.window, weeks),
    control_mean: summarize(a).mean, treatment_mean: summarize(b).mean,
  };
}

export const PATTERN_COLUMNS: Array<keyof PatternResult> = [
  'pattern', 'lever', 'metric', 'expected_direction', 'mean_difference', 'ci_low', 'ci_high', 'n', 'verdict',
  'claim', 'matrix_rows', 'window', 'control_mean', 'treatment_mean',
];
