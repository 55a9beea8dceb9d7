/**
 * Warm-up and stationarity of a run's output, by method rather than by eye.
 *
 * - MSER-5 (White 1997, "An effective truncation heuristic for bias reduction in simulation
 *   output", Simulation 69:323; White, Cobb & Spratt 2000): average the series in batches of 5,
 *   then pick the truncation point d (in batches) that minimises the marginal standard error
 *   MSER(d) = Σ_{j>d} (Z_j − Z̄_d)² / (k − d)², searched over the first half of the batches only
 *   (beyond that the statistic is unstable: few batches left). Applied, as Hoad, Robinson &
 *   Davies 2010 (JORS 61:1389) recommend, to the mean series across replications.
 * - stationarity(): first vs last third of the summary window, averaged over replications.
 *   Shares and 0..1 scores pass when the absolute difference is below 0.03, counts (and other
 *   unbounded quantities) when the relative difference is below 10% (issue 11's criterion).
 * Pure: no node:* imports, so the CLI, workers and the browser explorer can all use it.
 */
import { summarize, statistic, type Window } from '../scenario/stats.js';

/** Mean of a[from..to), 0-based (batches and thirds are index ranges). */
const windowMean = (a: ArrayLike<number>, from: number, to: number): number => statistic(a, { from: from + 1, to });

export interface Mser { /** Observations to discard (a multiple of the batch size). */ truncation: number; batches: number; mser: number[] }

/** MSER-b truncation point of one series (b = 5: MSER-5). A trailing partial batch is dropped. */
export function mser(series: ArrayLike<number>, batch = 5): Mser {
  const k = Math.floor(series.length / batch);
  const z = new Float64Array(k);
  for (let j = 0; j < k; j++) z[j] = windowMean(series, j * batch, (j + 1) * batch);
  const out: number[] = [];
  let best = 0;
  for (let d = 0; d <= Math.floor(k / 2); d++) {
    const n = k - d;
    if (n < 2) break;
    const m = windowMean(z, d, k);
    let ss = 0;
    for (let j = d; j < k; j++) ss += (z[j]! - m) ** 2;
    out.push(ss / (n * n));
    if (out[d]! < out[best]!) best = d;
  }
  return { truncation: best * batch, batches: best, mser: out };
}

export const mser5 = (series: ArrayLike<number>): Mser => mser(series, 5);

/** The week-by-week mean across replications of one metric. */
export function meanSeries(reps: ReadonlyArray<ArrayLike<number>>): Float64Array {
  const n = Math.min(...reps.map((r) => r.length));
  const out = new Float64Array(n);
  for (const r of reps) for (let t = 0; t < n; t++) out[t]! += r[t]! / reps.length;
  return out;
}

/** Warm-up suggested for a set of metrics: the largest MSER-5 truncation of their mean series. */
export function warmupOf(series: Record<string, ReadonlyArray<ArrayLike<number>>>, batch = 5): { warmup: number; byMetric: Record<string, number> } {
  const byMetric: Record<string, number> = {};
  for (const [m, reps] of Object.entries(series)) byMetric[m] = mser(meanSeries(reps), batch).truncation;
  return { warmup: Math.max(0, ...Object.values(byMetric)), byMetric };
}

/** How a metric is judged: 'share' for shares and 0..1 scores (absolute), 'count' for the rest (relative). */
export type MetricKind = 'share' | 'count';

/**
 * The key metrics of a steady baseline (issue 11) and how each is judged: the manifest's warm-up
 * section and scripts/stationarity.ts report these. TSO waiting lists are judged both in people
 * and in referral links, and the wait both as starters' and as every leaver's (Little's law).
 */
export const KEY_METRICS: Readonly<Record<string, MetricKind>> = {
  trust_mean: 'share', dropout_rate: 'share', scatter_share: 'share', handholding_share: 'share',
  clw_expertise_mean: 'share', placements_matched_share: 'share',
  waitlist_people: 'count', waitlist_total: 'count', waitlist_mh_people: 'count', waitlist_mh: 'count',
  clw_waitlist: 'count', gp_attendances: 'count', wait_weeks_mean: 'count', tso_wait_weeks_mean: 'count', clients_in_system: 'count',
};
export const SHARE_TOLERANCE = 0.03;
export const COUNT_TOLERANCE = 0.1;

export interface StationarityRow {
  metric: string;
  kind: MetricKind;
  first: number; // mean over replications of the first third's mean
  last: number;
  /** last − first (absolute), or (last − first) / |first| (relative, for counts). */
  change: number;
  /** 95% t-interval of the per-replication change (same scale as `change`). */
  ci_low: number;
  ci_high: number;
  pass: boolean;
}

/**
 * First and last thirds of the summary window (weeks w.from..w.to, 1-based, as afterWarmup gives
 * it) of every replication; passes when |change| is under the tolerance of its kind. A count whose
 * first third is 0 is judged on the absolute change relative to 1, so an empty list staying empty
 * passes.
 */
export function stationarity(series: Record<string, ReadonlyArray<ArrayLike<number>>>, kinds: Record<string, MetricKind>, w: Window): StationarityRow[] {
  const from = w.from - 1, to = w.to;
  const len = Math.floor((to - from) / 3);
  if (len < 1) throw new Error(`stationarity: weeks ${w.from}..${w.to} are too short for thirds`);
  const rows: StationarityRow[] = [];
  for (const [metric, reps] of Object.entries(series)) {
    const kind = kinds[metric] ?? 'count';
    const a = reps.map((r) => windowMean(r, from, from + len));
    const b = reps.map((r) => windowMean(r, to - len, to));
    const first = a.reduce((s, x) => s + x, 0) / a.length;
    const last = b.reduce((s, x) => s + x, 0) / b.length;
    const scale = kind === 'share' ? 1 : Math.max(Math.abs(first), first === 0 ? 1 : 0);
    const diffs = a.map((x, i) => (b[i]! - x) / scale);
    const ci = summarize(diffs);
    const change = (last - first) / scale;
    rows.push({ metric, kind, first, last, change, ci_low: ci.ci_low, ci_high: ci.ci_high, pass: Math.abs(change) < (kind === 'share' ? SHARE_TOLERANCE : COUNT_TOLERANCE) });
  }
  return rows;
}

/** The warm-up section of a run's manifest: what MSER-5 finds on this run's key metrics. */
export interface WarmupReport {
  method: string;
  /** Weeks MSER-5 would cut, per key metric, on the mean series across the run's replications. */
  mser5_weeks: Record<string, number>;
  /** Metrics whose truncation sits at the end of the search (no truncation point: the series still trends, or is too short). */
  at_search_limit: string[];
  /** The largest truncation over the key metrics. */
  largest: number;
  /** The warm-up the run's summaries use (the scenario's). */
  used: number;
}

/** MSER-5 on the key metrics of a run's replications (each a record of weekly series by metric name). */
export function warmupReport(runs: ReadonlyArray<{ metrics: Readonly<Record<string, ArrayLike<number>>> }>, used: number): WarmupReport {
  const names = Object.keys(KEY_METRICS).filter((m) => runs.every((r) => r.metrics[m] !== undefined));
  const { warmup, byMetric } = warmupOf(Object.fromEntries(names.map((m) => [m, runs.map((r) => r.metrics[m]!)])));
  const weeks = Math.min(...runs.map((r) => Math.min(...names.map((m) => r.metrics[m]!.length))));
  const limit = Math.floor(Math.floor(weeks / 5) / 2) * 5;
  return {
    method: 'MSER-5 (White 1997): batch means of 5 weeks, truncation minimising the marginal standard error, searched over the first half, on the mean series across replications (Hoad, Robinson & Davies 2010)',
    mser5_weeks: byMetric,
    at_search_limit: names.filter((m) => byMetric[m]! >= limit),
    largest: warmup,
    used,
  };
}
