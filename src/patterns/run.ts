/**
 * Run the realist-matrix patterns as paired experiments with common random numbers, and judge
 * each by the 95% interval of the paired difference. Arms shared between patterns (the baseline,
 * the funding cut) are simulated once per replication, through the one runner (in this thread
 * or on the worker pool, with identical results).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadScenario } from '../io/scenario.js';
import { checkAssignment } from '../scenario/checks.js';
import { summarize, lastWeeks, type Window } from '../scenario/stats.js';
import { setParam, cloneParams } from '../model/params.js';
import type { Scenario } from '../model/scenario.js';
import { pairedJobs } from '../experiment/runner.js';
import { runJobs } from '../experiment/pool.js';
import { measureKey, type Measure } from '../experiment/measures.js';
import { PATTERNS, type Arm, type Pattern } from './definitions.js';

export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export interface PatternOptions {
  reps: number;
  weeks: number;
  seed: number;
  only?: string[];
  workers?: number;
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
  const s = loadScenario(join(SCENARIO_DIR, `${arm.scenario ?? 'baseline'}.yaml`), { ...o, warmup: Math.min(52, o.weeks - 1) });
  const params = cloneParams(s.params);
  for (const [path, v] of Object.entries(arm.set ?? {})) setParam(params, path, checkAssignment(`pattern arm ${arm.scenario ?? 'baseline'}`, path, v));
  return { ...s, params, interventions: arm.interventions ?? s.interventions, name: arm.scenario ?? 'baseline' };
}

/** The weeks a pattern is judged over, in a run of `weeks`: its window clipped, else the last year. */
export const patternWindow = (p: Pattern, weeks: number): Window =>
  p.window ? { from: p.window.from, to: Math.min(p.window.to, weeks) } : lastWeeks(weeks, 52);

export function describeWindow(p: Pattern, weeks: number): string {
  const w = patternWindow(p, weeks);
  return `${p.statistic === 'sum' ? 'total' : 'mean'} of weeks ${w.from}-${w.to}`;
}

const measureOf = (p: Pattern, weeks: number): Measure => ({ metric: p.metric, window: patternWindow(p, weeks), statistic: p.statistic ?? 'mean' });

export async function runPatterns(o: PatternOptions): Promise<PatternResult[]> {
  const chosen = o.only?.length ? PATTERNS.filter((p) => o.only!.includes(p.id)) : PATTERNS;
  // Distinct arms, each with the distinct measures its patterns need.
  const arms = new Map<string, { scenario: Scenario; measures: Map<string, Measure> }>();
  const armOf = (arm: Arm, m: Measure) => {
    const s = armScenario(arm, o);
    const key = JSON.stringify([s.params, s.interventions]);
    if (!arms.has(key)) arms.set(key, { scenario: s, measures: new Map() });
    arms.get(key)!.measures.set(measureKey(m), m);
    return key;
  };
  const plan = chosen.map((p) => {
    const m = measureOf(p, o.weeks);
    return { p, m, c: armOf(p.control, m), t: armOf(p.treatment, m) };
  });
  const list = [...arms.entries()];
  const jobs = list.flatMap(([, a]) => pairedJobs([a.scenario], o.reps, [...a.measures.values()]));
  const outs = await runJobs(jobs, { workers: o.workers, onProgress: o.onProgress });
  // arm key → measure key → one value per replication
  const values = new Map<string, Map<string, number[]>>();
  list.forEach(([key, a], i) => {
    const mine = outs.slice(i * o.reps, (i + 1) * o.reps);
    values.set(key, new Map([...a.measures.keys()].map((mk, j) => [mk, mine.map((x) => x.values![j]!)])));
  });
  return plan.map(({ p, m, c, t }) => judge(p, values.get(c)!.get(measureKey(m))!, values.get(t)!.get(measureKey(m))!, o.weeks));
}

function judge(p: Pattern, a: number[], b: number[], weeks: number): PatternResult {
  const d = summarize(b.map((x, i) => x - a[i]!));
  const pass = p.expected === 'up' ? d.ci_low > 0 : d.ci_high < 0;
  return {
    pattern: p.id, lever: p.lever, metric: p.metric, expected_direction: p.expected,
    mean_difference: d.mean, ci_low: d.ci_low, ci_high: d.ci_high, n: d.n, verdict: pass ? 'pass' : 'fail',
    claim: p.claim, matrix_rows: p.rows.join(' '), window: describeWindow(p, weeks),
    control_mean: summarize(a).mean, treatment_mean: summarize(b).mean,
  };
}

export const PATTERN_COLUMNS: Array<keyof PatternResult> = [
  'pattern', 'lever', 'metric', 'expected_direction', 'mean_difference', 'ci_low', 'ci_high', 'n', 'verdict',
  'claim', 'matrix_rows', 'window', 'control_mean', 'treatment_mean',
];
