/** The plain-text summary `clwsim run` prints: key metrics over the final year, with 95% intervals (from 3 replications). */
import type { RunResult } from '../model/simulate.js';
import { METRICS, type MetricName } from '../model/metrics.js';
import { summarize, statistic, lastWeeks } from '../scenario/stats.js';
import { levelInterval, MIN_N, tooFew } from '../report/intervals.js';
import { plural } from '../report/format.js';

export const KEY_METRICS: MetricName[] = [
  'trust_mean', 'clw_waitlist', 'clw_wait_weeks_mean', 'waitlist_people', 'waitlist_mh_people', 'waitlist_total', 'waitlist_mh',
  'wait_weeks_mean', 'tso_wait_weeks_mean', 'dropouts', 'dropout_rate', 'gave_up', 'clw_lost',
  'gp_attendances', 'gp_per_client_year', 'active_tsos', 'clw_caseload_mean', 'handholding_share', 'duplicate_referrals',
  'wellbeing_mean', 'placements_matched_share',
];

const num = (x: number) => (!Number.isFinite(x) ? '-' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(3));

export function summaryText(runs: RunResult[], window = 52): string {
  const weeks = runs[0]!.weeks;
  const from = Math.max(0, weeks - window);
  const n = runs.length;
  const lines = [`${runs[0]!.scenario}: ${plural(n, 'replication')}, mean of weeks ${from + 1}-${weeks}, ${n < MIN_N ? `no interval (${tooFew(n)}; use --reps ${MIN_N} or more)` : '95% interval across replications'}`];
  for (const m of KEY_METRICS) {
    const s = summarize(runs.map((r) => statistic(r.metrics[m], lastWeeks(weeks, window), 'mean')));
    const unit = METRICS.find((d) => d.name === m)!.unit;
    const iv = levelInterval(s, m);
    const ci = iv ? `(${num(iv.low)} to ${num(iv.high)})` : '';
    lines.push(`  ${m.padEnd(25)} ${num(s.mean).padStart(9)} ${ci.padEnd(22)} ${unit}`);
  }
  return `${lines.join('\n')}\n`;
}
