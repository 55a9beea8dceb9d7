/**
 * The feedback loop, characterised (issue 11 item 5): does long-run trust have one level or two?
 * For a lever that stresses the referral system (over-referral, CLW pressure, TSO funding):
 * - a slow ramp: one long run held calm, ramped to stressed, held, ramped back, held, from high
 *   and from low starting trust; trust against the lever on the way up and on the way down shows
 *   a lag or hysteresis;
 * - equilibria: long runs at fixed lever values from high and low starting trust, with common
 *   random numbers; at each value the paired difference of long-run trust says whether the two
 *   starts settle at one level or two (bistability).
 * Nothing here forces either answer: the runs are the baseline with the lever set.
 */
import { armScenario } from './run.js';
import type { Intervention, Scenario } from '../model/scenario.js';
import type { MetricName } from '../model/metrics.js';
import { TSO_TYPES } from '../model/params.js';
import { pairedJobs } from '../experiment/runner.js';
import { runJobs } from '../experiment/pool.js';
import type { Measure } from '../experiment/measures.js';
import { summarize } from '../scenario/stats.js';

export interface LoopLever { name: string; paths: string[]; calm: number; stressed: number; label: string }

export const LOOP_LEVERS: LoopLever[] = [
  { name: 'over-referral', paths: ['practice.overReferral'], calm: 0, stressed: 0.8, label: 'over-referral (share referred after one session)' },
  { name: 'pressure', paths: ['clw.caseloadCap'], calm: 40, stressed: 8, label: 'CLW caseload cap (lower: more pressure)' },
  { name: 'funding', paths: TSO_TYPES.map((t) => `funding.multiplier.${t}`), calm: 1, stressed: 0.4, label: 'TSO funding multiplier, every type' },
];

/** Starting trust of the two branches: the virtuous and the vicious start of the patterns. */
export const STARTS = { high: 0.85, low: 0.2 } as const;
export type Start = keyof typeof STARTS;

export interface LoopOptions {
  levers: string[];
  reps: number;
  seed: number;
  /** Weeks each ramp (up, then down) takes. */
  rampWeeks: number;
  /** Weeks held calm before, stressed between and calm after the ramps. */
  holdWeeks: number;
  /** Length of each fixed-lever run; long-run trust is its last `tailWeeks`. */
  equilibriumWeeks: number;
  tailWeeks: number;
  /** Lever values of the fixed-lever runs, calm to stressed inclusive. */
  points: number;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export const LOOP_DEFAULTS: Omit<LoopOptions, 'levers'> = { reps: 10, seed: 1, rampWeeks: 520, holdWeeks: 104, equilibriumWeeks: 780, tailWeeks: 156, points: 9 };

/** The weekly series the ramp keeps (trust first). */
export const RAMP_METRICS: MetricName[] = ['trust_mean', 'active_tsos', 'clw_pressure_mean', 'good_signal_share'];

export type Phase = 'before' | 'up' | 'held' | 'down' | 'after';

/** The ramp's schedule: where each phase starts, and the lever's value each week. */
export function rampPlan(l: LoopLever, o: Pick<LoopOptions, 'rampWeeks' | 'holdWeeks'>) {
  const up = o.holdWeeks + 1, held = up + o.rampWeeks, down = held + o.holdWeeks, after = down + o.rampWeeks;
  const weeks = after + o.holdWeeks - 1;
  const phase = (wk: number): Phase => (wk < up ? 'before' : wk < held ? 'up' : wk < down ? 'held' : wk < after ? 'down' : 'after');
  const value = (wk: number): number => {
    const ph = phase(wk);
    if (ph === 'up') return l.calm + ((l.stressed - l.calm) * (wk - up + 1)) / o.rampWeeks;
    if (ph === 'down') return l.stressed + ((l.calm - l.stressed) * (wk - down + 1)) / o.rampWeeks;
    return ph === 'held' ? l.stressed : l.calm;
  };
  const set = (v: number) => Object.fromEntries(l.paths.map((p) => [p, v]));
  const interventions: Intervention[] = [
    { week: up, set: set(l.stressed), rampWeeks: o.rampWeeks, label: `ramp ${l.name} up` },
    { week: down, set: set(l.calm), rampWeeks: o.rampWeeks, label: `ramp ${l.name} down` },
  ];
  return { weeks, phase, value, set, interventions };
}

const at = (l: LoopLever, v: number, start: Start) => ({ ...Object.fromEntries(l.paths.map((p) => [p, v])), 'trust.initial': STARTS[start] });

export interface RampRow { lever: string; start: Start; week: number; phase: Phase; lever_value: number; trust_mean: number; trust_ci_low: number; trust_ci_high: number; active_tsos: number; clw_pressure_mean: number; good_signal_share: number }
export interface EquilibriumRow { lever: string; lever_value: number; trust_high_start: number; trust_low_start: number; difference: number; ci_low: number; ci_high: number; n: number; active_tsos: number; levels: 1 | 2 }
export interface LoopResult { lever: LoopLever; ramp: RampRow[]; equilibria: EquilibriumRow[] }

/** Two starts settle at two levels when the paired difference of long-run trust is above this, with 95% confidence. */
export const TWO_LEVELS = 0.02;

export function gridOf(l: LoopLever, points: number): number[] {
  return Array.from({ length: points }, (_, k) => Number((l.calm + ((l.stressed - l.calm) * k) / Math.max(1, points - 1)).toFixed(6)));
}

export async function runLoops(o: LoopOptions): Promise<LoopResult[]> {
  const levers = o.levers.map((n) => LOOP_LEVERS.find((l) => l.name === n)!);
  const starts = Object.keys(STARTS) as Start[];
  const jobsOf: Array<{ lever: LoopLever; kind: 'ramp' | number; scenarios: Scenario[]; keep: Measure[] }> = [];
  for (const l of levers) {
    const plan = rampPlan(l, o);
    const weekly = Array.from({ length: plan.weeks }, (_, w) => RAMP_METRICS.map((metric): Measure => ({ metric, window: { from: w + 1, to: w + 1 }, statistic: 'mean' }))).flat();
    const ramp = starts.map((s) => armScenario({ set: at(l, l.calm, s), interventions: plan.interventions }, { weeks: plan.weeks, seed: o.seed, reps: o.reps }));
    jobsOf.push({ lever: l, kind: 'ramp', scenarios: ramp, keep: weekly });
    const tail = { from: o.equilibriumWeeks - o.tailWeeks + 1, to: o.equilibriumWeeks };
    const keep: Measure[] = [{ metric: 'trust_mean', window: tail, statistic: 'mean' }, { metric: 'active_tsos', window: tail, statistic: 'mean' }];
    for (const v of gridOf(l, o.points))
      jobsOf.push({ lever: l, kind: v, keep, scenarios: starts.map((s) => armScenario({ set: at(l, v, s), interventions: [] }, { weeks: o.equilibriumWeeks, seed: o.seed, reps: o.reps })) });
  }
  const jobs = jobsOf.flatMap((j) => pairedJobs(j.scenarios, o.reps, j.keep));
  const outs = await runJobs(jobs, { workers: o.workers, onProgress: o.onProgress });
  let next = 0;
  const take = () => {
    const arms = [outs.slice(next, next + o.reps), outs.slice(next + o.reps, next + 2 * o.reps)];
    next += 2 * o.reps;
    return arms.map((a) => a.map((x) => x.values!)); // [high, low] × rep × measure
  };
  return levers.map((l) => {
    const plan = rampPlan(l, o);
    const mine = jobsOf.filter((j) => j.lever === l);
    const ramp = rampRows(l, plan, take());
    const equilibria = mine.slice(1).map((j) => equilibriumRow(l, j.kind as number, take()));
    return { lever: l, ramp, equilibria };
  });
}

function rampRows(l: LoopLever, plan: ReturnType<typeof rampPlan>, arms: number[][][]): RampRow[] {
  const k = RAMP_METRICS.length;
  const mean = (vals: number[][], w: number, m: number) => summarize(vals.map((v) => v[w * k + m]!));
  return (Object.keys(STARTS) as Start[]).flatMap((start, a) => Array.from({ length: plan.weeks }, (_, w): RampRow => {
    const trust = mean(arms[a]!, w, 0);
    return {
      lever: l.name, start, week: w + 1, phase: plan.phase(w + 1), lever_value: plan.value(w + 1),
      trust_mean: trust.mean, trust_ci_low: trust.ci_low, trust_ci_high: trust.ci_high,
      active_tsos: mean(arms[a]!, w, 1).mean, clw_pressure_mean: mean(arms[a]!, w, 2).mean, good_signal_share: mean(arms[a]!, w, 3).mean,
    };
  }));
}

export function equilibriumRow(l: LoopLever, v: number, [high, low]: number[][][]): EquilibriumRow {
  const d = summarize(high!.map((h, r) => h[0]! - low![r]![0]!));
  return {
    lever: l.name, lever_value: v, trust_high_start: summarize(high!.map((h) => h[0]!)).mean, trust_low_start: summarize(low!.map((x) => x[0]!)).mean,
    difference: d.mean, ci_low: d.ci_low, ci_high: d.ci_high, n: d.n, active_tsos: summarize([...high!, ...low!].map((x) => x[1]!)).mean,
    levels: d.ci_low > TWO_LEVELS ? 2 : 1,
  };
}

/**
 * Hysteresis on the ramp, per start: the mean, over the up leg's weeks, of trust on the way down
 * minus trust on the way up at the same lever value (the down leg interpolated linearly between
 * its weeks); likewise the number of active TSOs.
 */
export function hysteresis(rows: RampRow[], start: Start): { trust: number; activeTsos: number } {
  const leg = (ph: Phase) => rows.filter((r) => r.start === start && r.phase === ph);
  const up = leg('up');
  const down = [...leg('down')].sort((a, b) => a.lever_value - b.lever_value);
  const at = (v: number, key: 'trust_mean' | 'active_tsos'): number | undefined => {
    const k = down.findIndex((r) => r.lever_value >= v);
    if (k < 0 || (k === 0 && down[0]!.lever_value > v)) return undefined;
    const hi = down[k]!, lo = down[Math.max(0, k - 1)]!;
    return hi.lever_value === lo.lever_value ? hi[key] : lo[key] + ((hi[key] - lo[key]) * (v - lo.lever_value)) / (hi.lever_value - lo.lever_value);
  };
  let trust = 0, active = 0, n = 0;
  for (const u of up) {
    const t = at(u.lever_value, 'trust_mean'), a = at(u.lever_value, 'active_tsos');
    if (t === undefined || a === undefined) continue;
    trust += t - u.trust_mean;
    active += a - u.active_tsos;
    n++;
  }
  return { trust: n ? trust / n : Number.NaN, activeTsos: n ? active / n : Number.NaN };
}
