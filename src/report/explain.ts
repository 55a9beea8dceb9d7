/**
 * Moves that look like gains but are not, found by two declared rules and explained with the
 * model's own numbers (every number a clear move: its 95% interval excludes no change):
 *  1. Backlog moved: a measure of the TSO stage moves the better way while a queue before it
 *     (people waiting for a link worker), or the rest of the same queue, grows.
 *  2. Fewer at risk: a count of a bad outcome falls while its rate rises, because fewer people
 *     reach the stage where it can happen.
 */
import type { MetricName } from '../model/metrics.js';
import type { Arm } from './arms.js';
import { summarize, statistic, type Window } from '../scenario/stats.js';
import { type ComparisonRow, findRow } from './compare.js';
import { verdictOf } from './harms.js';
import { MEASURES, fromTo } from './measures.js';
import { direction, MIN_N } from './intervals.js';
import { el, type Markup } from './svg.js';
import { num } from './format.js';

/** Queues before the TSO stage: people waiting for a first link-worker session. */
export const UPSTREAM_QUEUES: MetricName[] = ['clw_waitlist'];
/** Measures of the TSO stage that a backlog held upstream makes look better. */
export const DOWNSTREAM: MetricName[] = ['waitlist_people', 'waitlist_mh_people', 'waitlist_total', 'waitlist_mh', 'wait_weeks_mean', 'gave_up'];
/** A queue that is part of a larger one: when it shrinks, the rest may have grown. */
export const PARTS: Array<{ part: MetricName; whole: MetricName; rest: string }> = [
  { part: 'waitlist_mh', whole: 'waitlist_total', rest: 'the waiting lists of the other TSOs' },
  { part: 'waitlist_mh_people', whole: 'waitlist_people', rest: 'the people waiting for other TSOs' },
];
/** Counts of a bad outcome, the rate at which it happens, and the flow into the stage. */
export const RATES: Array<{ count: MetricName; rate: MetricName; flow: MetricName }> = [
  { count: 'dropouts', rate: 'dropout_rate', flow: 'starts' },
];

/** Every measure an explanation may quote (the comparison table shows them all). */
export const explainedMetrics: MetricName[] = [...new Set([...UPSTREAM_QUEUES, ...DOWNSTREAM, ...PARTS.flatMap((p) => [p.part, p.whole]), ...RATES.flatMap((r) => [r.count, r.rate, r.flow])])];

const fact = (metric: string, words: string, from: number, to: number, text: string) =>
  el('span', { class: 'fact', 'data-metric': metric, 'data-baseline': from, 'data-value': to }, `${words} (${text})`);

/** "drop-outs fell (20.4 → 18.3 a week)": the measure, the better way it moved, and by how much. */
const fell = (r: ComparisonRow) => fact(r.metric, `${MEASURES[r.metric].noun} ${r.diff < 0 ? 'fell' : 'rose'}`, r.baseline, r.value, fromTo(r.metric, r.baseline, r.value));

const rowFact = (r: ComparisonRow, words = MEASURES[r.metric].noun) => fact(r.metric, words, r.baseline, r.value, fromTo(r.metric, r.baseline, r.value));

/** The paired change in (whole − part) over the window: did the rest of the queue clearly grow? */
function rest(base: Arm, arm: Arm, w: Window, part: MetricName, whole: MetricName) {
  const of = (a: Arm) => a.runs.map((r) => statistic(r.metrics[whole], w, 'mean') - statistic(r.metrics[part], w, 'mean'));
  const b = of(base), s = of(arm);
  const d = summarize(s.map((x, i) => x - b[i]!));
  return { baseline: summarize(b).mean, value: summarize(s).mean, grew: d.n >= MIN_N && direction(d.ci_low, d.ci_high) === 'up' };
}

function backlogMoved(base: Arm, arm: Arm, rows: ComparisonRow[], w: Window): Markup[] {
  const name = arm.scenario.name;
  const grown = UPSTREAM_QUEUES.map((m) => findRow(rows, name, m)).filter((r): r is ComparisonRow => !!r && verdictOf(r) === 'worse');
  return DOWNSTREAM.map((m) => findRow(rows, name, m)).filter((r): r is ComparisonRow => !!r && verdictOf(r) === 'better').flatMap((r) => {
    const part = PARTS.find((p) => p.part === r.metric);
    const sideways = part ? rest(base, arm, w, part.part, part.whole) : undefined;
    const where: Markup[] = [...grown.map((g) => rowFact(g, `upstream, ${MEASURES[g.metric].noun} grew`)),
      ...(sideways?.grew ? [fact(`${part!.whole}-${part!.part}`, `${part!.rest} grew`, sideways.baseline, sideways.value, `${num(sideways.baseline)} → ${num(sideways.value)} entries`)] : [])];
    if (where.length === 0) return [];
    return [el('p', { class: 'explain', 'data-rule': 'backlog-moved', 'data-metric': r.metric },
      'Why ', fell(r), ': the backlog has moved, not gone: ', where.map((x, i) => [i > 0 ? '; and ' : '', x]), '.')];
  });
}

function fewerAtRisk(rows: ComparisonRow[], scenario: string): Markup[] {
  return RATES.flatMap(({ count, rate, flow }) => {
    const c = findRow(rows, scenario, count), r = findRow(rows, scenario, rate), f = findRow(rows, scenario, flow);
    if (!c || !r || verdictOf(c) !== 'better' || verdictOf(r) !== 'worse') return [];
    return [el('p', { class: 'explain', 'data-rule': 'fewer-at-risk', 'data-metric': count }, 'Why ', fell(c), ': ',
      f && verdictOf(f) === 'worse' ? ['only because ', rowFact(f, 'fewer people start a programme'), '; '] : '', rowFact(r, 'the share of leavers who drop out rose'), '.')];
  });
}

/** Every explanation the rules find for one scenario, in rule order. */
export function explanations(base: Arm, arm: Arm, rows: ComparisonRow[], w: Window): Markup[] {
  return [...backlogMoved(base, arm, rows, w), ...fewerAtRisk(rows, arm.scenario.name)];
}
