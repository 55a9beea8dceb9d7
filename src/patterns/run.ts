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
import { PATTERNS, type Arm, type Pattern, type PatternKind } from './definitions.js';

export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export interface PatternOptions {
  /** Replications per arm in each seed block. */
  reps: number;
  weeks: number;
  seed: number;
  /** Independent seed blocks (block b runs with seed + b); a pattern passes only in every block. */
  seeds: number;
  only?: string[];
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The CI suite: every block of the full mode with half its replications, on the same horizon, so CI and full runs judge the same windows. */
export const QUICK: Omit<PatternOptions, 'only' | 'onProgress'> = { reps: 10, weeks: 260, seed: 1, seeds: 5 };
export const FULL: Omit<PatternOptions, 'only' | 'onProgress'> = { reps: 20, weeks: 260, seed: 1, seeds: 5 };

export interface PatternResult {
  pattern: string;
  kind: PatternKind;
  rows: string;
  lever: string;
  metric: string;
  expected_direction: 'up' | 'down';
  /** Pooled over every block: mean paired difference and its 95% interval. */
  mean_difference: number;
  ci_low: number;
  ci_high: number;
  n: number;
  seeds_passed: number;
  seeds_total: number;
  verdict: 'pass' | 'fail';
  claim: string;
  how: string;
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
  const blocks = Array.from({ length: o.seeds }, (_, b) => o.seed + b);
  const jobs = blocks.flatMap((seed) => list.flatMap(([, a]) => pairedJobs([{ ...a.scenario, seed }], o.reps, [...a.measures.values()])));
  const outs = await runJobs(jobs, { workers: o.workers, onProgress: o.onProgress });
  // block → arm key → measure key → one value per replication
  const values = blocks.map((_, b) => {
    const byArm = new Map<string, Map<string, number[]>>();
    list.forEach(([key, a], i) => {
      const at = (b * list.length + i) * o.reps;
      const mine = outs.slice(at, at + o.reps);
      byArm.set(key, new Map([...a.measures.keys()].map((mk, j) => [mk, mine.map((x) => x.values![j]!)])));
    });
    return byArm;
  });
  return plan.map(({ p, m, c, t }) => {
    const k = measureKey(m);
    return judge(p, values.map((v) => v.get(c)!.get(k)!), values.map((v) => v.get(t)!.get(k)!), o.weeks);
  });
}

const passes = (p: Pattern, low: number, high: number) => (p.expected === 'up' ? low > 0 : high < 0);

/** Per block: the paired differences' interval on the expected side of 0; pooled figures over all blocks. */
function judge(p: Pattern, control: number[][], treatment: number[][], weeks: number): PatternResult {
  const diffs = treatment.map((b, k) => b.map((x, i) => x - control[k]![i]!));
  const passed = diffs.filter((d) => {
    const s = summarize(d);
    return passes(p, s.ci_low, s.ci_high);
  }).length;
  const all = summarize(diffs.flat());
  return {
    pattern: p.id, kind: p.kind, rows: p.rows.join(' '), lever: p.lever, metric: p.metric, expected_direction: p.expected,
    mean_difference: all.mean, ci_low: all.ci_low, ci_high: all.ci_high, n: all.n,
    seeds_passed: passed, seeds_total: diffs.length, verdict: passed === diffs.length ? 'pass' : 'fail',
    claim: p.claim, how: p.how, window: describeWindow(p, weeks),
    control_mean: summarize(control.flat()).mean, treatment_mean: summarize(treatment.flat()).mean,
  };
}

/** patterns.csv: the columns the issue asks for first, then the claim and how it is judged. */
export const PATTERN_COLUMNS: Array<keyof PatternResult> = [
  'pattern', 'kind', 'rows', 'lever', 'metric', 'expected_direction', 'mean_difference', 'ci_low', 'ci_high', 'n',
  'seeds_passed', 'seeds_total', 'verdict', 'claim', 'how', 'window', 'control_mean', 'treatment_mean',
];
