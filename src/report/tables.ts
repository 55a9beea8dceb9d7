/**
 * The report's tables, each inside a box that scrolls sideways on a narrow screen: comparison,
 * costs, unit costs, the assumptions that drive the result, and a single run's levels. Every
 * number cell carries its raw value (data-value); every source is a numbered footnote.
 */
import { METRICS, type MetricName } from '../model/metrics.js';
import type { Arm } from './arms.js';
import type { ComparisonRow } from './compare.js';
import { COMPONENT_LABELS, type CostRow, unitCosts } from './costs.js';
import type { Sensitivity } from './sensitivity.js';
import { el, type Markup, type Child } from './svg.js';
import { gbp, num, pct, signed, signedGbp, thousands, unitGbp } from './format.js';
import { MIN_N, levelInterval, tooFew } from './intervals.js';
import { summarize, statistic, type Window } from '../scenario/stats.js';
import { MEASURES } from './measures.js';
import { INTERVAL_MEANS, paramLabel } from './words.js';
import { TWINS } from './twins.js';

/** The measures every comparison table shows, in order (every metric is in comparison.csv). */
export const TABLE_METRICS: MetricName[] = ['waitlist_people', 'waitlist_mh_people', 'clw_waitlist', 'wait_weeks_mean', 'gave_up', 'clw_lost', 'dropouts', 'dropout_rate',
  'starts', 'completions', 'gp_attendances', 'gp_per_client_year', 'statutory_contacts', 'trust_mean', 'active_tsos', 'places_total', 'tso_grants', 'wellbeing_mean', 'clw_caseload_mean',
  'waitlist_total', 'waitlist_mh'];

/** Footnotes: each distinct source text gets a number, cited as a superscript. */
export class Notes {
  readonly list: string[] = [];
  cite(text: string): Markup {
    let i = this.list.indexOf(text);
    if (i < 0) i = this.list.push(text) - 1;
    return el('sup', {}, el('a', { href: `#fn${i + 1}`, class: 'fn' }, String(i + 1)));
  }
  render(): Markup {
    return el('ol', { class: 'footnotes' }, this.list.map((t, i) => el('li', { id: `fn${i + 1}` }, t)));
  }
}

/** A table in a box of its own that scrolls sideways when the screen is narrower than the table. */
export const wrap = (table: Markup) => el('div', { class: 'table-wrap' }, table);

/** A parameter value as a person would write it: 25, 0.75, 36,428, 0.051. */
const paramValue = (v: number) => (Number.isInteger(v) ? thousands(v) : String(Number(v.toPrecision(3))));
const cell = (field: string, value: number, text: string, cls?: string) => el('td', { 'data-field': field, 'data-value': value, class: cls }, text);
const dirClass = (lo: number, hi: number) => (lo > 0 ? 'up' : hi < 0 ? 'down' : undefined);
const def = (m: MetricName) => METRICS.find((d) => d.name === m)!;
/** The interval's column head; its meaning on hover, unless there are too few replications for one. */
const ciHead = (n: number) => el('th', { title: n >= MIN_N ? `95% interval: ${INTERVAL_MEANS}` : undefined }, '95% interval');

/** A measure's plain name, its unit and its identifier in the CSV files; hover for the definition. */
const measureCell = (m: MetricName, unit: string, total = false) => el('td', { title: def(m).definition },
  `${MEASURES[m].label}${total ? ', whole run' : ''}`, el('br'), el('span', { class: 'meta' }, `${unit} · `, el('code', {}, m)));

/** The table's measures, then any other the summary names (`extra`), then whole-run totals. */
export function comparisonTable(arm: Arm, rows: ComparisonRow[], extra: MetricName[] = []): Markup {
  const order = [...TABLE_METRICS, ...extra.filter((m) => !TABLE_METRICS.includes(m))];
  const mine = rows.filter((r) => r.scenario === arm.scenario.name && (order.includes(r.metric) || r.statistic === 'horizon_total'));
  mine.sort((a, b) => (a.statistic === b.statistic ? order.indexOf(a.metric) - order.indexOf(b.metric) : a.statistic === 'window_mean' ? -1 : 1));
  return wrap(el('table', { class: 'comparison', 'data-scenario': arm.scenario.name },
    el('thead', {}, el('tr', {}, el('th', {}, 'Measure'), el('th', {}, 'Baseline'), el('th', {}, arm.scenario.name), el('th', {}, 'Difference'), ciHead(arm.runs.length), el('th', {}, '% change'), ciHead(arm.runs.length))),
    el('tbody', {}, mine.map((r) => el('tr', { 'data-metric': r.metric, 'data-statistic': r.statistic, 'data-scenario': r.scenario },
      measureCell(r.metric, r.unit, r.statistic === 'horizon_total'),
      cell('baseline_mean', r.baseline, num(r.baseline)),
      cell('scenario_mean', r.value, num(r.value)),
      cell('difference', r.diff, signed(r.diff), dirClass(r.diffLow, r.diffHigh)),
      el('td', { 'data-field': 'diff_ci', 'data-low': r.diffLow, 'data-high': r.diffHigh }, r.n < MIN_N ? tooFew(r.n) : `${signed(r.diffLow)} to ${signed(r.diffHigh)}`),
      cell('pct_change', r.pct, pct(r.pct), dirClass(r.diffLow, r.diffHigh)),
      el('td', { 'data-field': 'pct_ci', 'data-low': r.pctLow, 'data-high': r.pctHigh }, Number.isFinite(r.pct) && r.n >= MIN_N ? `${pct(r.pctLow)} to ${pct(r.pctHigh)}` : '–'))))));
}

export function costTable(arm: Arm, costs: CostRow[], notes: Notes): Markup {
  const mine = costs.filter((r) => r.scenario === arm.scenario.name);
  const group = (period: CostRow['period']) => {
    const rows = mine.filter((r) => r.period === period);
    const head = period === 'per_year' ? `Per year (weeks ${rows[0]?.from}–${rows[0]?.to}, scaled to 52 weeks)` : `Whole run (weeks ${rows[0]?.from}–${rows[0]?.to})`;
    return [el('tr', { class: 'group' }, el('th', { colspan: 6 }, head)),
      rows.map((r) => el('tr', { 'data-component': r.component, 'data-period': r.period },
        el('td', {}, r.component === 'net' ? el('strong', {}, COMPONENT_LABELS[r.component]) : COMPONENT_LABELS[r.component], notes.cite(r.source)),
        cell('baseline_gbp', r.baseline, gbp(r.baseline)),
        cell('scenario_gbp', r.value, gbp(r.value)),
        cell('difference_gbp', r.diff, signedGbp(r.diff), dirClass(r.diffLow, r.diffHigh)),
        el('td', { 'data-field': 'diff_ci', 'data-low': r.diffLow, 'data-high': r.diffHigh }, r.n < MIN_N ? tooFew(r.n) : `${signedGbp(r.diffLow)} to ${signedGbp(r.diffHigh)}`),
        cell('p_saving', r.pSaving, Number.isFinite(r.pSaving) ? `${Math.round(100 * r.pSaving)}%` : '–')))];
  };
  return wrap(el('table', { class: 'costs', 'data-scenario': arm.scenario.name },
    el('thead', {}, el('tr', {}, el('th', {}, 'Item'), el('th', {}, 'Baseline'), el('th', {}, arm.scenario.name), el('th', {}, 'Difference'), ciHead(arm.runs.length), el('th', {}, 'Chance it saves money'))),
    el('tbody', {}, group('per_year'), group('horizon_total'))));
}

export function unitCostTable(base: Arm, notes: Notes): Markup {
  const u = unitCosts(base.scenario);
  return wrap(el('table', { class: 'unit-costs' },
    el('thead', {}, el('tr', {}, ['Unit cost', 'Value', 'Parameter (override with --set)'].map((h) => el('th', {}, h)))),
    el('tbody', {}, [['A GP consultation', u.gp], ['Another statutory contact', u.statutory], ['A CLW post for a year', u.clw]].map(([label, c]) => {
      const uc = c as typeof u.gp;
      return el('tr', {}, el('td', {}, label as string, notes.cite(uc.source)), el('td', {}, `${unitGbp(uc.value)} (${uc.unit})`), el('td', { class: 'src' }, el('code', {}, `${uc.path}=${uc.value}`)));
    }))));
}

/** The ranking of assumptions: each named by its schema description, its path in small print. */
export function sensitivitySection(s: Sensitivity, notes: Notes): Child {
  const top = s.rows.slice(0, 8);
  const d = Math.round(s.delta * 100);
  const sim = s.rows.filter((r) => r.method === 'simulated');
  const first = (x: string) => x[0]!.toUpperCase() + x.slice(1);
  return [
    el('p', {}, `Each model parameter was moved ${d}% down and up, one at a time, in both the baseline and ${s.scenario}, and the comparison re-run on the same seeds. `,
      `The table ranks them by how far that moves the bottom line, the ${s.outcome}. ${s.screened} parameters were screened on ${s.screenReps === 1 ? 'one paired replication' : `${s.screenReps} paired replications`} and the ${sim.length} that moved it most re-run at both ends; `,
      'unit costs act on the costs directly, so their effect is exact. A large swing means the result leans on that assumption: check it locally first. ',
      `Parameters the model uses only as a product are one assumption, moved once and listed once (${TWINS.map((g) => g.paths.join(' × ')).join('; ')}).`),
    wrap(el('table', { class: 'sensitivity' },
      el('thead', {}, el('tr', {}, ['Assumption', 'As set', `−${d}% → net £/yr`, `+${d}% → net £/yr`, 'Swing'].map((h) => el('th', {}, h)))),
      el('tbody', {}, top.map((r) => el('tr', { 'data-path': r.path },
        el('td', { title: r.description }, first(paramLabel(r.path, r.description)), notes.cite(r.source), el('br'),
          el('span', { class: 'meta' }, el('code', {}, r.path), r.twins?.length ? [' (the same lever as ', r.twins.map((t, i) => [i ? ', ' : '', el('code', {}, t)]), ')'] : '')),
        el('td', {}, `${paramValue(r.value)} ${r.unit}`),
        cell('effect_low', r.effectLow, `${signedGbp(r.effectLow)} (at ${paramValue(r.low)})`),
        cell('effect_high', r.effectHigh, `${signedGbp(r.effectHigh)} (at ${paramValue(r.high)})`),
        cell('swing', r.swing, gbp(r.swing))))))),
    el('p', { class: 'note' }, sim[0]
      ? `Simulated rows use ${sim[0].reps} paired replications; on those, with every assumption as set, the net cost difference is ${signedGbp(sim[0].effectRef)} a year. Swings smaller than the 95% interval of the net difference above are within the model's noise.`
      : ''),
  ];
}

export interface Level { metric: MetricName; words: string; mean: number; low: number; high: number; unit: string }

/** A single run's levels over the window, and the headline ones for its summary paragraph. */
export function levelTable(arm: Arm, w: Window, headline: Array<{ metric: MetricName; words: string }>): { table: Markup; levels: Level[] } {
  const stats = TABLE_METRICS.map((m) => {
    const s = summarize(arm.runs.map((r) => statistic(r.metrics[m], w, 'mean')));
    return { m, s, ci: levelInterval(s, m) };
  });
  const table = wrap(el('table', { class: 'levels' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Measure'), el('th', {}, 'Mean'), ciHead(arm.runs.length))),
    el('tbody', {}, stats.map(({ m, s, ci }) => el('tr', { 'data-metric': m }, measureCell(m, def(m).unit),
      cell('mean', s.mean, num(s.mean)), el('td', {}, ci ? `${num(ci.low)} to ${num(ci.high)}` : '–'))))));
  const levels = headline.map((h) => {
    const { s, ci } = stats.find((x) => x.m === h.metric)!;
    return { metric: h.metric, words: h.words, mean: s.mean, low: ci?.low ?? NaN, high: ci?.high ?? NaN, unit: def(h.metric).unit };
  });
  return { table, levels };
}
