/**
 * The one window type and the one statistic every command uses, and summaries across
 * replications: mean, sample SD and a t-based 95% interval (simple-statistics for the moments;
 * the t quantile below, which simple-statistics lacks). Node-free.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';

/** Weeks of a run, 1-based and inclusive. */
export interface Window { from: number; to: number }

/** How a window of weekly values becomes one number. */
export type Statistic = 'mean' | 'sum' | 'last';

/** The summary window of a scenario: every week after the warm-up. */
export const afterWarmup = (s: { weeks: number; warmup: number }): Window => ({ from: s.warmup + 1, to: s.weeks });
/** The last `n` weeks of a run of `weeks` (the whole run when shorter). */
export const lastWeeks = (weeks: number, n: number): Window => ({ from: Math.max(1, weeks - n + 1), to: weeks });
export const wholeRun = (weeks: number): Window => ({ from: 1, to: weeks });

/** The statistic of a weekly series over a window (weeks beyond the series are ignored). */
export function statistic(series: ArrayLike<number>, w: Window, kind: Statistic = 'mean'): number {
  const from = Math.max(0, w.from - 1);
  const to = Math.min(series.length, w.to);
  if (kind === 'last') return to > 0 ? series[to - 1]! : NaN;
  let s = 0;
  for (let i = from; i < to; i++) s += series[i]!;
  if (kind === 'sum') return s;
  return to > from ? s / (to - from) : NaN;
}

// Two-sided 95% critical values t(0.975, df) for df = 1..30.
const T975 = [12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448, 2.1314,
  2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423];

/** t(0.975, df): exact table to df 30, then the Cornish-Fisher expansion (error < 1e-4). */
export function tCritical95(df: number): number {
  if (df < 1) return NaN;
  if (df <= 30) return T975[Math.floor(df) - 1]!;
  const z = 1.959963984540054;
  const z3 = z ** 3, z5 = z ** 5, z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

export interface Summary { mean: number; sd: number; ci_low: number; ci_high: number; n: number }

/** Mean, SD and 95% t-interval of a sample; SD and interval are NaN when n < 2. */
export function summarize(xs: ArrayLike<number>): Summary {
  const a = Array.from(xs);
  const n = a.length;
  if (n === 0) return { mean: NaN, sd: NaN, ci_low: NaN, ci_high: NaN, n };
  const m = mean(a);
  if (n < 2) return { mean: m, sd: NaN, ci_low: NaN, ci_high: NaN, n };
  const sd = sampleStandardDeviation(a);
  const half = (tCritical95(n - 1) * sd) / Math.sqrt(n);
  return { mean: m, sd, ci_low: m - half, ci_high: m + half, n };
}
