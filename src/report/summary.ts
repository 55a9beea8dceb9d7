/**
 * The plain-language summary at the top of the report, generated from the comparison and cost
 * rows. Every claim is wrapped in a span carrying the number it rests on, so a test can check
 * that the words match the data (e.g. "higher" only when the whole interval is above zero).
 */
import type { MetricName } from '../model/metrics.js';
import type { Arm } from './arms.js';
import type { Window } from '../scenario/stats.js';
import { type ComparisonRow, findRow } from './compare.js';
import { el, type Markup } from './svg.js';
import { num, pct, plural } from './format.js';
import { direction, MIN_N, tooFew } from './intervals.js';
import { harms, type Move } from './harms.js';
import { MEASURES, fromTo } from './measures.js';
import { changeWords } from './words.js';
import { verdictLine, type VerdictInput } from './verdict.js';
import { flipParagraph } from './flips.js';
import { explanations, explainedMetrics } from './explain.js';
import { legacySentence, moneySentence, periodsDisagree } from './money.js';

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

export { direction, type Direction } from './intervals.js';

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

/** What the summary reads: the verdict's inputs (./verdict.ts), for every option at once. */
export interface SummaryInput extends Omit<VerdictInput, 'arm' | 'named'> {
  arms: Arm[];
}

/** The ranked harms (./harms.ts) the summary lists: the largest five to people and services, then three to how the system works. */
export function shownHarms(rows: ComparisonRow[], scenario: string): Move[] {
  const all = harms(rows, scenario);
  return [...all.filter((h) => h.tier === 'people').slice(0, 5), ...all.filter((h) => h.tier === 'system').slice(0, 3)];
}

/** Every measure the summary names for a scenario, so the comparison table can show each. */
export function namedMetrics(rows: ComparisonRow[], scenario: string): MetricName[] {
  return [...shownHarms(rows, scenario).map((h) => h.metric), ...explainedMetrics];
}

function harmList(rows: ComparisonRow[], scenario: string, n: number): Markup {
  if (n < MIN_N) return el('p', { class: 'harms' }, `Largest harms: none named (${tooFew(n)}).`);
  const all = harms(rows, scenario);
  const shown = shownHarms(rows, scenario);
  if (shown.length === 0) return el('p', { class: 'harms' }, 'Largest harms: no measure is clearly worse than in the baseline.');
  return el('div', { class: 'harms' }, el('p', {}, el('strong', {}, 'Largest harms found'), ', to people and services first, then to how the system works:'),
    el('ol', {}, shown.map((h, i) => el('li', {}, el('span', { class: 'harm', 'data-metric': h.metric, 'data-rank': i + 1, 'data-tier': h.tier, 'data-baseline': h.row.baseline,
      'data-value': h.row.value, 'data-low': h.row.diffLow, 'data-high': h.row.diffHigh },
    `${MEASURES[h.metric].label}: ${fromTo(h.metric, h.row.baseline, h.row.value)} (${changeWords(h.row.baseline, h.row.value)})`)))),
    el('p', { class: 'note' }, `How these are chosen: every measure with a better direction whose 95% interval of the change lies wholly on the worse side, ranked by the size of the relative change (a halving counts as much as a doubling). ${all.length === 1 ? '1 measure is' : `${all.length} measures are`} clearly worse; all are in comparison.csv.`));
}

/** One block per option: the verdict, where its sign can flip, its largest harms, moves that mislead, key measures, then the money by period. */
export function summaryParagraphs(i: SummaryInput): Markup[] {
  const { base, arms, rows, costs, window: w } = i;
  return arms.map((arm) => {
    const name = arm.scenario.name;
    const clauses = HEADLINE.map((h) => findRow(rows, name, h.metric)).filter((r): r is ComparisonRow => !!r)
      .map((r) => el('li', {}, metricClause(r, HEADLINE.find((h) => h.metric === r.metric)!.words)));
    return el('div', { class: 'summary', 'data-scenario': name },
      verdictLine({ base, arm, rows, costs, window: w, sensitivity: i.sensitivity, drawn: i.drawn, glossary: i.glossary, named: arms.length > 1 }),
      el('p', {}, el('strong', {}, 'What changes: '), i.glossary.expand(`${whatChanges(arm, base)}.`)),
      flipParagraph(costs, name, i.sensitivity, i.drawn),
      harmList(rows, name, arm.runs.length),
      explanations(base, arm, rows, w),
      el('p', {}, `Key measures over weeks ${w.from}–${w.to} (the last ${w.to - w.from + 1} weeks of ${arm.scenario.weeks}), compared with ${base.scenario.name}:`),
      el('ul', {}, clauses),
      el('p', { class: 'note' }, 'In money:'),
      moneySentence(costs, name, 'per_year', arm.scenario.weeks),
      moneySentence(costs, name, 'horizon_total', arm.scenario.weeks),
      periodsDisagree(costs, name),
      legacySentence(base, arm, rows, costs, w));
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
