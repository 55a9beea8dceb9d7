/**
 * Intervals as people see them. Every metric is a count, a share, a mean of 0..1 scores, money
 * or weeks: never below zero, and shares never above one, so an interval is cut at those limits
 * (a t-interval knows nothing of them). With fewer than MIN_N replications the t-interval is
 * too wide to mean anything (t = 12.7 at n = 2): none is shown, and the text says why.
 */
import { METRICS, type MetricName } from '../model/metrics.js';
import type { Summary } from '../scenario/stats.js';

/** The fewest replications for which an interval is shown. */
export const MIN_N = 3;

/** The values a metric can take: [0, 1] for shares and 0..1 scores, else [0, ∞). */
export function metricRange(m: MetricName): [number, number] {
  const unit = METRICS.find((d) => d.name === m)?.unit;
  return unit === 'share' || unit === '0..1' ? [0, 1] : [0, Infinity];
}

/** The interval of a level (a mean across replications) within the metric's range; undefined when n < MIN_N. */
export function levelInterval(s: Summary, m: MetricName): { low: number; high: number } | undefined {
  if (s.n < MIN_N || !Number.isFinite(s.ci_low)) return undefined;
  const [lo, hi] = metricRange(m);
  return { low: Math.max(lo, s.ci_low), high: Math.min(hi, s.ci_high) };
}

/** What to print instead of an interval. */
export const tooFew = (n: number): string => `n = ${n}: too few replications for an interval`;

export type Direction = 'up' | 'down' | 'unclear';

/** "up"/"down" only when the whole 95% interval of the paired difference lies on one side of 0. */
export function direction(low: number, high: number): Direction {
  if (low > 0) return 'up';
  if (high < 0) return 'down';
  return 'unclear';
}
