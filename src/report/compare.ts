/**
 * The comparison: for each scenario and metric, the baseline mean, the scenario mean and the
 * paired difference (replication r of the scenario minus replication r of the baseline; same
 * seeds, so common random numbers cancel much of the noise) with its 95% t-interval, and the
 * share of pairs whose difference is above zero. With a posterior, replication r of both arms ran
 * with the same parameter draw, so that share is the probability of an increase under parameter
 * and stochastic uncertainty together (`uncertainty`: stochastic+parameter).
 */
import { METRICS, type MetricName } from '../model/metrics.js';
import { summarize, statistic as statOf, wholeRun } from '../scenario/stats.js';
import { fmt, toCsv } from '../scenario/csv.js';
import { type Arm, drawsOf } from './arms.js';
import { uncertaintyOf } from '../experiment/posterior.js';
import type { Window } from '../scenario/stats.js';
import { metricRange } from './intervals.js';

/** Metrics that are weekly counts, so a whole-horizon total means something. */
export const TOTAL_METRICS: MetricName[] = ['gp_attendances', 'dropouts', 'gave_up', 'statutory_contacts', 'tso_grants'];

export type Statistic = 'window_mean' | 'horizon_total';

/** An option against its baseline over weeks from..to: the means and the paired difference with its 95% interval. */
export interface PairedDifference {
  scenario: string;
  from: number;
  to: number;
  baseline: number;
  value: number;
  diff: number;
  diffLow: number;
  diffHigh: number;
  n: number;
}

export interface ComparisonRow extends PairedDifference {
  metric: MetricName;
  unit: string;
  statistic: Statistic;
  /** Difference as a % of the baseline mean (NaN when the baseline mean is 0). */
  pct: number;
  pctLow: number;
  pctHigh: number;
  /** What the intervals and p_increase cover: chance alone, or chance and parameter uncertainty. */
  uncertainty: 'stochastic' | 'stochastic+parameter';
  /** Share of paired replications whose difference is above zero. */
  pIncrease: number;
}

const unitOf = (m: MetricName) => METRICS.find((d) => d.name === m)!.unit;
const totalUnit = (unit: string) => unit.replace(/\/week$/, '');

/** One statistic of one replication: the window mean, or the sum over every week. */
function stat(series: ArrayLike<number>, statistic: Statistic, w: Window): number {
  return statistic === 'window_mean' ? statOf(series, w, 'mean') : statOf(series, wholeRun(series.length), 'sum');
}

export function compareMetric(base: Arm, arm: Arm, metric: MetricName, statistic: Statistic, w: Window): ComparisonRow {
  const b = base.runs.map((r) => stat(r.metrics[metric], statistic, w));
  const s = arm.runs.map((r) => stat(r.metrics[metric], statistic, w));
  const diffs = s.map((x, i) => x - b[i]!);
  const d = summarize(diffs);
  const bm = summarize(b).mean;
  const pct = (x: number) => (bm !== 0 ? (100 * x) / Math.abs(bm) : NaN);
  const weeks = base.runs[0]?.metrics[metric].length ?? 0;
  // a mean difference lies within the metric's range minus the baseline mean (so never below −100%)
  const [lo, hi] = statistic === 'window_mean' ? metricRange(metric) : [0, Infinity];
  const low = Math.max(d.ci_low, lo - bm), high = Math.min(d.ci_high, hi - bm);
  return {
    scenario: arm.scenario.name, metric, unit: statistic === 'window_mean' ? unitOf(metric) : totalUnit(unitOf(metric)), statistic,
    from: statistic === 'window_mean' ? w.from : 1, to: statistic === 'window_mean' ? w.to : weeks,
    baseline: bm, value: summarize(s).mean, diff: d.mean, diffLow: low, diffHigh: high,
    pct: pct(d.mean), pctLow: pct(low), pctHigh: pct(high), n: d.n,
    uncertainty: uncertaintyOf(drawsOf(base)), pIncrease: shareAbove(diffs, 0),
  };
}

/** Share of the values above `x` (NaN for none). */
export const shareAbove = (xs: number[], x: number): number => (xs.length ? xs.filter((v) => v > x).length / xs.length : NaN);

/** Every metric over the window, then whole-horizon totals, for each scenario against the baseline. */
export function compareArms(base: Arm, arms: Arm[], w: Window): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const arm of arms) {
    for (const m of METRICS) rows.push(compareMetric(base, arm, m.name, 'window_mean', w));
    for (const m of TOTAL_METRICS) rows.push(compareMetric(base, arm, m, 'horizon_total', w));
  }
  return rows;
}

export const COMPARISON_COLUMNS = ['scenario', 'baseline', 'metric', 'unit', 'statistic', 'week_from', 'week_to', 'baseline_mean', 'scenario_mean',
  'difference', 'diff_ci_low', 'diff_ci_high', 'pct_change', 'pct_ci_low', 'pct_ci_high', 'n_pairs', 'uncertainty', 'p_increase'];

export function comparisonCsv(baseline: string, rows: ComparisonRow[]): string {
  return toCsv(COMPARISON_COLUMNS, rows.map((r) => [r.scenario, baseline, r.metric, r.unit, r.statistic, r.from, r.to, fmt(r.baseline), fmt(r.value),
    fmt(r.diff), fmt(r.diffLow), fmt(r.diffHigh), fmt(r.pct), fmt(r.pctLow), fmt(r.pctHigh), r.n, r.uncertainty, fmt(r.pIncrease)]));
}

export function findRow(rows: ComparisonRow[], scenario: string, metric: MetricName, statistic: Statistic = 'window_mean'): ComparisonRow | undefined {
  return rows.find((r) => r.scenario === scenario && r.metric === metric && r.statistic === statistic);
}
