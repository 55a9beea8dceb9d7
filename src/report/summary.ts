/**
 * The plain-language summary at the top of the report, generated from the comparison and cost
 * rows. Every claim is wrapped in a span carrying the number it rests on, so a test can check
 * that the words match the data (e.g. "higher" only when the whole interval is above zero).
 */
import type { MetricName } from '../model/metrics.js';
import type { Arm } from './arms.js';
import type { Window } from '../scenario/stats.js';
import { type ComparisonRow, findRow } from './compare.js';
import type { CostRow } from './costs.js';
import { el, type Markup } from './svg.js';
import { gbp, num, pct, plural } from './format.js';
import { MIN_N, tooFew } from './intervals.js';

export const HEADLINE: Array<{ metric: MetricName; words: string }> = [
  { metric: 'waitlist_people', words: 'people waiting for a TSO' },
  { metric: 'clw_waitlist', words: 'people waiting for a link worker' },
  { metric: 'wait_weeks_mean', words: 'waits before starting' },
  { metric: 'gave_up', words: 'people giving up while waiting' },
  { metric: 'dropouts', words: 'drop-outs' },
  { metric: 'dropout_rate', words: 'the share of leavers who dropped out' },
  { metric: 'gp_attendances', words: 'GP consultations' },
  { metric: 'trust_mean', words: 'trust between TSOs and link workers' },
  { metric: 'active_tsos', words: 'open TSOs' },
];

export type Direction = 'up' | 'down' | 'unclear';

/** "up"/"down" only when the whole 95% interval of the paired difference lies on one side of 0. */
export function direction(low: number, high: number): Direction {
  if (low > 0) return 'up';
  if (high < 0) return 'down';
  return 'unclear';
}

/** What the scenario does, in its own words: its scheduled changes, else its description. */
export function whatChanges(arm: Arm, base: Arm): string {
  const own = arm.scenario.interventions.filter((iv) => !base.scenario.interventions.some((b) => b.week === iv.week && b.label === iv.label));
  if (own.length === 0) return arm.scenario.description || arm.scenario.name;
  return own.map((iv) => `${iv.label} from week ${iv.week}${iv.rampWeeks > 1 ? ` (phased over ${iv.rampWeeks} weeks)` : ''}`).join('; ');
}

const interval = (lo: string, hi: string) => `95% interval ${lo} to ${hi}`;

function metricClause(r: ComparisonRow, words: string): Markup {
  // too few pairs: no interval, so no claim of a direction either
  const few = r.n < MIN_N;
  const dir = few ? 'unclear' : direction(r.diffLow, r.diffHigh);
  const usePct = Number.isFinite(r.pct);
  const ci = (lo: string, hi: string) => (few ? tooFew(r.n) : interval(lo, hi));
  const size = usePct ? `${pct(r.pct)} (${ci(pct(r.pctLow), pct(r.pctHigh))})` : `${num(r.diff)} ${r.unit} (${ci(num(r.diffLow), num(r.diffHigh))})`;
  const verb = dir === 'up' ? 'higher' : dir === 'down' ? 'lower' : 'no clear change';
  return el('span', { class: 'claim', 'data-metric': r.metric, 'data-direction': dir, 'data-diff': r.diff, 'data-low': r.diffLow, 'data-high': r.diffHigh },
    `${words} ${verb}: ${size}`);
}

function costClause(rows: CostRow[], scenario: string): Markup[] {
  const get = (c: string) => rows.find((r) => r.scenario === scenario && r.component === c && r.period === 'per_year')!;
  const g = get('grants'), s = get('services'), n = get('net');
  const few = n.n < MIN_N;
  const dirOf = (lo: number, hi: number): Direction => (few ? 'unclear' : direction(lo, hi));
  const span = (r: CostRow, text: string) =>
    el('span', { class: 'claim', 'data-cost': r.component, 'data-direction': dirOf(r.diffLow, r.diffHigh), 'data-diff': r.diff, 'data-low': r.diffLow, 'data-high': r.diffHigh }, text);
  const ci = (r: CostRow, sign = 1) => (few ? tooFew(r.n) : interval(gbp(sign * (sign > 0 ? r.diffLow : r.diffHigh)), gbp(sign * (sign > 0 ? r.diffHigh : r.diffLow))));
  const grant = g.diff < 0 ? `it saves ${gbp(-g.diff)} a year in TSO grants (${ci(g, -1)})` : `it adds ${gbp(g.diff)} a year in TSO grants (${ci(g)})`;
  const dir = dirOf(s.diffLow, s.diffHigh);
  const services = dir === 'up' ? `adds ${gbp(s.diff)} a year in GP and other statutory costs (${ci(s)})`
    : dir === 'down' ? `saves ${gbp(-s.diff)} a year in GP and other statutory costs (${ci(s, -1)})`
      : `changes GP and other statutory costs by no clear amount (${gbp(s.diff)} a year, ${ci(s)})`;
  const nd = dirOf(n.diffLow, n.diffHigh);
  const net = nd === 'down' ? `a net saving of ${gbp(-n.diff)} a year (${ci(n, -1)})`
    : nd === 'up' ? `a net cost of ${gbp(n.diff)} a year (${ci(n)})`
      : `no clear net saving or cost (${gbp(n.diff)} a year, ${ci(n)})`;
  return [span(g, grant), el('span', {}, ', '), span(s, services), el('span', {}, ': '), span(n, net)];
}

/** One block per scenario: what changes, a list of effects, then the money. */
export function summaryParagraphs(base: Arm, arms: Arm[], rows: ComparisonRow[], costs: CostRow[], w: Window): Markup[] {
  return arms.map((arm) => {
    const clauses = HEADLINE.map((h) => findRow(rows, arm.scenario.name, h.metric)).filter((r): r is ComparisonRow => !!r)
      .map((r) => el('li', {}, metricClause(r, HEADLINE.find((h) => h.metric === r.metric)!.words)));
    return el('div', { class: 'summary', 'data-scenario': arm.scenario.name },
      el('p', {}, el('strong', {}, `${arm.scenario.name}: ${whatChanges(arm, base)}.`), ' ',
        `Over weeks ${w.from}–${w.to} (the last ${w.to - w.from + 1} weeks of ${arm.scenario.weeks}), compared with ${base.scenario.name}:`),
      el('ul', {}, clauses),
      el('p', {}, 'In money, ', costClause(costs, arm.scenario.name), '.'));
  });
}

/** For a single run (no baseline): levels over the window with their intervals. */
export function levelParagraph(arm: Arm, levels: Array<{ metric: MetricName; words: string; mean: number; low: number; high: number; unit: string }>, w: Window): Markup {
  return el('p', { class: 'summary', 'data-scenario': arm.scenario.name },
    el('strong', {}, `${arm.scenario.name}: ${arm.scenario.description || 'a single scenario'}.`), ' ',
    `Over weeks ${w.from}–${w.to}, averaged over ${plural(arm.runs.length, 'replication')}${arm.runs.length < MIN_N ? ` (${tooFew(arm.runs.length)})` : ''}: `,
    levels.map((l, i) => [i > 0 ? '; ' : '', el('span', { class: 'level', 'data-metric': l.metric, 'data-mean': l.mean },
      `${l.words} ${num(l.mean)} ${l.unit}${Number.isFinite(l.low) ? ` (${interval(num(l.low), num(l.high))})` : ''}`)]), '. ',
    'This folder holds one scenario only; run clwsim compare against a baseline for differences and costs.');
}
