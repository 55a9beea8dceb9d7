/**
 * report.html: one self-contained page (inline CSS and SVG, no script, no network) that reads on a
 * laptop and prints: summary, charts, comparison table, costs, the assumptions that drive the
 * result, and a reproducibility footer. Every number cell carries its raw value (data-value).
 */
import { METRICS, type MetricName } from '../model/metrics.js';
import type { Arm } from './arms.js';
import type { Window } from '../scenario/stats.js';
import type { ComparisonRow } from './compare.js';
import { COMPONENT_LABELS, type CostRow, unitCosts } from './costs.js';
import type { Sensitivity } from './sensitivity.js';
import type { PosteriorUse } from '../experiment/posterior.js';
import { KEY_CHARTS, chartSvg, markers } from './charts.js';
import { summaryParagraphs, levelParagraph, HEADLINE } from './summary.js';
import { el, raw, type Markup, type Child } from './svg.js';
import { esc, gbp, num, pct, plural, signed, signedGbp, thousands, unitGbp } from './format.js';
import { MIN_N, levelInterval, tooFew } from './intervals.js';
import { summarize, statistic } from '../scenario/stats.js';

/** The measures of the report's tables, in order, with plain names (every metric is in comparison.csv). */
export const TABLE_LABELS: Partial<Record<MetricName, string>> = {
  waitlist_people: 'People waiting for a TSO', waitlist_mh_people: 'People waiting for a mental-health TSO', clw_waitlist: 'People waiting for a link worker',
  waitlist_total: 'Waiting-list entries (referral links), all TSOs', waitlist_mh: 'Waiting-list entries, mental-health TSOs', wait_weeks_mean: 'Wait before starting',
  gave_up: 'People giving up while waiting', dropouts: 'Drop-outs', dropout_rate: 'Drop-out rate (share of leavers)', completions: 'Programmes completed',
  gp_attendances: 'GP consultations', gp_per_client_year: 'GP consultations per person-year', statutory_contacts: 'Other statutory contacts', trust_mean: 'Trust of TSOs in the CLW service',
  active_tsos: 'Open TSOs', places_total: 'TSO places', tso_grants: 'Grants paid to TSOs', wellbeing_mean: 'Wellbeing of clients', clw_caseload_mean: 'CLW caseload',
};
export const TABLE_METRICS = Object.keys(TABLE_LABELS) as MetricName[];

/** A measure's plain name, its unit and its identifier in the CSV files; hover for the definition. */
const measureCell = (m: MetricName, unit: string, total = false) => el('td', { title: def(m).definition },
  `${TABLE_LABELS[m] ?? m}${total ? ', whole run' : ''}`, el('br'), el('span', { class: 'meta' }, `${unit} · `, el('code', {}, m)));

export interface ReportInput {
  base: Arm;
  /** Scenarios compared with the baseline; empty for a report on a single run. */
  arms: Arm[];
  window: Window;
  rows: ComparisonRow[];
  costs: CostRow[];
  sensitivity?: Sensitivity;
  version: string;
  command: string;
  /** The posterior the replications drew their parameters from, if any. */
  posterior?: PosteriorUse;
}

const CSS = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Verdana, "Segoe UI", Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 980px; padding: 24px 28px 48px; font-size: 16px; line-height: 1.5; }
h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.25; } h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 2px solid #0072B2; padding-bottom: 2px; }
h3 { font-size: 17px; margin: 20px 0 6px; }
.lead { color: #444; margin: 0 0 12px; }
.summary { background: #f3f7fb; border-left: 5px solid #0072B2; padding: 4px 16px; margin: 12px 0; }
.summary ul { margin: 4px 0; padding-left: 22px; }
.note { color: #444; font-size: 14px; }
figure { margin: 18px 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 13px; color: #444; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 4px; break-inside: auto; }
th, td { padding: 4px 6px; border-bottom: 1px solid #ddd; text-align: right; vertical-align: top; }
td[data-field], td[data-field] + td { white-space: nowrap; }
tr.group th { text-align: left; background: #fff; border-bottom: 2px solid #999; padding-top: 12px; }
th { background: #eef2f6; } th:first-child, td:first-child { text-align: left; }
td.src, th.src { text-align: left; }
.meta { font-size: 12px; color: #555; } .meta code { font-size: 11px; background: none; padding: 0; }
tr { break-inside: avoid; page-break-inside: avoid; }
.up { color: #a23c00; } .down { color: #005a8c; }
ol.footnotes { font-size: 13px; color: #333; } ol.footnotes li { margin: 3px 0; }
footer { margin-top: 36px; border-top: 1px solid #bbb; padding-top: 10px; font-size: 13px; color: #333; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 13px; background: #f4f4f4; padding: 1px 3px; word-break: break-all; }
@media print { body { max-width: none; padding: 0; font-size: 11pt; } h2 { break-after: avoid; } .summary { background: none; } @page { margin: 16mm; } }
`;

/** Footnotes: each distinct source text gets a number, cited as a superscript. */
class Notes {
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

/** A parameter value as a person would write it: 25, 0.75, 36,428, 0.051. */
const paramValue = (v: number) => (Number.isInteger(v) ? thousands(v) : String(Number(v.toPrecision(3))));
const cell = (field: string, value: number, text: string, cls?: string) => el('td', { 'data-field': field, 'data-value': value, class: cls }, text);
const dirClass = (lo: number, hi: number) => (lo > 0 ? 'up' : hi < 0 ? 'down' : undefined);
const def = (m: MetricName) => METRICS.find((d) => d.name === m)!;

function comparisonTable(arm: Arm, rows: ComparisonRow[]): Markup {
  const mine = rows.filter((r) => r.scenario === arm.scenario.name && (TABLE_METRICS.includes(r.metric) || r.statistic === 'horizon_total'));
  mine.sort((a, b) => (a.statistic === b.statistic ? TABLE_METRICS.indexOf(a.metric) - TABLE_METRICS.indexOf(b.metric) : a.statistic === 'window_mean' ? -1 : 1));
  return el('table', { class: 'comparison', 'data-scenario': arm.scenario.name },
    el('thead', {}, el('tr', {}, ['Measure', 'Baseline', arm.scenario.name, 'Difference', '95% interval', '% change', '95% interval'].map((h) => el('th', {}, h)))),
    el('tbody', {}, mine.map((r) => el('tr', { 'data-metric': r.metric, 'data-statistic': r.statistic, 'data-scenario': r.scenario },
      measureCell(r.metric, r.unit, r.statistic === 'horizon_total'),
      cell('baseline_mean', r.baseline, num(r.baseline)),
      cell('scenario_mean', r.value, num(r.value)),
      cell('difference', r.diff, signed(r.diff), dirClass(r.diffLow, r.diffHigh)),
      el('td', { 'data-field': 'diff_ci', 'data-low': r.diffLow, 'data-high': r.diffHigh }, r.n < MIN_N ? tooFew(r.n) : `${signed(r.diffLow)} to ${signed(r.diffHigh)}`),
      cell('pct_change', r.pct, pct(r.pct), dirClass(r.diffLow, r.diffHigh)),
      el('td', { 'data-field': 'pct_ci', 'data-low': r.pctLow, 'data-high': r.pctHigh }, Number.isFinite(r.pct) && r.n >= MIN_N ? `${pct(r.pctLow)} to ${pct(r.pctHigh)}` : '–')))));
}

function costTable(arm: Arm, costs: CostRow[], notes: Notes): Markup {
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
  return el('table', { class: 'costs', 'data-scenario': arm.scenario.name },
    el('thead', {}, el('tr', {}, ['Item', 'Baseline', arm.scenario.name, 'Difference', '95% interval', 'Chance it saves money'].map((h) => el('th', {}, h)))),
    el('tbody', {}, group('per_year'), group('horizon_total')));
}

function unitCostTable(base: Arm, notes: Notes): Markup {
  const u = unitCosts(base.scenario);
  return el('table', { class: 'unit-costs' },
    el('thead', {}, el('tr', {}, ['Unit cost', 'Value', 'Parameter (override with --set)'].map((h) => el('th', {}, h)))),
    el('tbody', {}, [['A GP consultation', u.gp], ['Another statutory contact', u.statutory], ['A CLW post for a year', u.clw]].map(([label, c]) => {
      const uc = c as typeof u.gp;
      return el('tr', {}, el('td', {}, label as string, notes.cite(uc.source)), el('td', {}, `${unitGbp(uc.value)} (${uc.unit})`), el('td', { class: 'src' }, el('code', {}, `${uc.path}=${uc.value}`)));
    })));
}

function sensitivitySection(s: Sensitivity, notes: Notes): Child {
  const top = s.rows.slice(0, 8);
  const d = Math.round(s.delta * 100);
  const sim = s.rows.find((r) => r.method === 'simulated');
  return [
    el('p', {}, `Each model parameter was moved ${d}% down and up, one at a time, in both the baseline and ${s.scenario}, and the comparison re-run on the same seeds. `,
      `The table ranks them by how far that moves the bottom line, the ${s.outcome}. ${s.screened} parameters were screened on ${s.screenReps === 1 ? 'one paired replication' : `${s.screenReps} paired replications`} and the ${s.rows.filter((r) => r.method === 'simulated').length} that moved it most re-run at both ends; `,
      'unit costs act on the costs directly, so their effect is exact. A large swing means the result leans on that assumption: check it locally first.'),
    el('table', { class: 'sensitivity' },
      el('thead', {}, el('tr', {}, ['Assumption', 'As set', `−${d}% → net £/yr`, `+${d}% → net £/yr`, 'Swing'].map((h) => el('th', {}, h)))),
      el('tbody', {}, top.map((r) => el('tr', { 'data-path': r.path },
        el('td', {}, el('code', {}, r.path), notes.cite(r.source), el('br'), el('span', { class: 'note' }, r.description)),
        el('td', {}, `${paramValue(r.value)} ${r.unit}`),
        cell('effect_low', r.effectLow, `${signedGbp(r.effectLow)} (at ${paramValue(r.low)})`),
        cell('effect_high', r.effectHigh, `${signedGbp(r.effectHigh)} (at ${paramValue(r.high)})`),
        cell('swing', r.swing, gbp(r.swing)))))),
    el('p', { class: 'note' }, sim
      ? `Simulated rows use ${sim.reps} paired replications; on those, with every assumption as set, the net cost difference is ${signedGbp(sim.effectRef)} a year. Swings smaller than the 95% interval of the net difference above are within the model's noise.`
      : ''),
  ];
}

function levelTable(arm: Arm, w: Window): { table: Markup; levels: Array<{ metric: MetricName; words: string; mean: number; low: number; high: number; unit: string }> } {
  const stats = TABLE_METRICS.map((m) => {
    const s = summarize(arm.runs.map((r) => statistic(r.metrics[m], w, 'mean')));
    return { m, s, ci: levelInterval(s, m) };
  });
  const table = el('table', { class: 'levels' },
    el('thead', {}, el('tr', {}, ['Measure', 'Mean', '95% interval'].map((h) => el('th', {}, h)))),
    el('tbody', {}, stats.map(({ m, s, ci }) => el('tr', { 'data-metric': m }, measureCell(m, def(m).unit),
      cell('mean', s.mean, num(s.mean)), el('td', {}, ci ? `${num(ci.low)} to ${num(ci.high)}` : '–')))));
  const levels = HEADLINE.map((h) => {
    const { s, ci } = stats.find((x) => x.m === h.metric)!;
    return { metric: h.metric, words: h.words, mean: s.mean, low: ci?.low ?? NaN, high: ci?.high ?? NaN, unit: def(h.metric).unit };
  });
  return { table, levels };
}

export function reportHtml(r: ReportInput): string {
  const { base, arms, window: w } = r;
  const all = [base, ...arms];
  const notes = new Notes();
  const comparing = arms.length > 0;
  const title = comparing ? `${arms.map((a) => a.scenario.name).join(', ')} against ${base.scenario.name}` : base.scenario.name;
  const reps = base.runs.length;
  const single = comparing ? undefined : levelTable(base, w);
  const ivs = markers(all);

  const body = el('body', {},
    el('header', {},
      el('h1', {}, `Commissioner report: ${title}`),
      el('p', { class: 'lead' }, comparing
        ? `${reps} paired replications of ${base.scenario.weeks} weeks each: every scenario replication uses the same seed as its baseline replication, so the differences below are due to the change, not to chance arrivals.`
        : `${plural(reps, 'replication')} of ${base.scenario.weeks} weeks.`,
      r.posterior ? ` Each replication ran with its own draw of the uncertain parameters from the posterior ${r.posterior.file} (${r.posterior.draws.length} draws of ${r.posterior.particles} particles; ${comparing ? 'both arms of a pair use the same draw' : 'one draw per replication'}), so intervals and chances cover parameter uncertainty as well as chance.` : '')),
    el('section', { id: 'summary' }, el('h2', {}, 'Summary'),
      comparing ? summaryParagraphs(base, arms, r.rows, r.costs, w) : levelParagraph(base, single!.levels, w),
      el('p', { class: 'note' }, reps < MIN_N
        ? `Figures are means over weeks ${w.from}–${w.to} of ${plural(reps, 'replication')}: too few for a 95% interval, so none is shown. Run at least ${MIN_N} (10 or more for useful intervals) with --reps.`
        : [`Figures are means over weeks ${w.from}–${w.to}. "95% interval" is the t-interval of the mean ${comparing ? 'paired difference ' : ''}across replications, cut at what a measure can be (no count below zero, no share above one): it says how sure the model is of its own average, given its assumptions. `,
          comparing ? `${r.posterior ? 'With parameter draws the interval is that of the average over the posterior; "Chance it saves money" says in what share of draws the change saves money. It' : 'It'} does not cover doubt about the ${r.posterior ? 'other ' : ''}assumptions; the section "The assumptions that drive the result" shows which matter most.` : ''])),
    el('section', { id: 'charts' }, el('h2', {}, 'Over time'),
      el('p', { class: 'note' }, `Lines are weekly means over ${reps < MIN_N ? plural(reps, 'replication') : 'replications; shaded bands their 95% intervals'}. ${ivs.length ? 'Dashed vertical lines mark scheduled changes.' : ''}`),
      KEY_CHARTS.map((spec) => el('figure', { 'data-metric': spec.metric }, raw(chartSvg(spec, all).html),
        el('figcaption', {}, `${def(spec.metric).definition} (${def(spec.metric).unit}).`, ivs.map((m) => ` Week ${m.week}: ${m.label}.`))))),
    comparing
      ? [el('section', { id: 'comparison' }, el('h2', {}, 'Comparison'),
          el('p', { class: 'note' }, `Means over weeks ${w.from}–${w.to}; totals over the whole run where a measure is a count. All ${METRICS.length} measures are in comparison.csv; hover a measure for its definition.`),
          arms.map((a) => [arms.length > 1 ? el('h3', {}, a.scenario.name) : false, comparisonTable(a, r.rows)])),
        el('section', { id: 'costs' }, el('h2', {}, 'Costs'),
          el('p', { class: 'note' }, 'What each option costs the public purse, per year over the comparison window and in total over the run, with 95% intervals of the paired difference. A negative difference is a saving.'),
          arms.map((a) => [arms.length > 1 ? el('h3', {}, a.scenario.name) : false, costTable(a, r.costs, notes)]),
          el('h3', {}, 'Unit costs used'), unitCostTable(base, notes)),
        el('section', { id: 'assumptions' }, el('h2', {}, 'The assumptions that drive the result'),
          r.sensitivity ? sensitivitySection(r.sensitivity, notes) : el('p', { class: 'note' }, 'Not computed for this report (run with --sensitivity greater than 0).'))]
      : el('section', { id: 'levels' }, el('h2', {}, 'Levels'), single!.table),
    el('section', { id: 'sources' }, el('h2', {}, 'Sources'), notes.list.length ? notes.render() : el('p', { class: 'note' }, 'No costed figures in this report.')),
    el('footer', { id: 'reproduce' },
      el('p', {}, `Made by clwsim ${r.version}. Scenarios: ${all.map((a) => `${a.scenario.name} (seed ${a.scenario.seed}, ${plural(a.runs.length, 'replication')}, ${a.scenario.weeks} weeks, warm-up ${a.scenario.warmup})`).join('; ')}.`),
      el('p', {}, 'Replication seeds: ', el('code', { class: 'seeds' }, base.runs.map((x) => x.seed).join(' '))),
      el('p', {}, 'To make this report again: ', el('code', { class: 'command' }, r.command)),
      el('p', {}, 'The scenarios as resolved (every parameter) are in each run folder\'s manifest.json.')));

  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${esc(`clwsim report: ${title}`)}</title>\n<style>${CSS}</style>\n</head>\n${body.html}\n</html>\n`;
}
