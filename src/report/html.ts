/**
 * report.html: one self-contained page (inline CSS and SVG, no script, no network) that reads on a
 * laptop, on a phone and on paper: a title from the scenarios' own descriptions, the summary
 * opening with each option's verdict (so the money is on the first screen), charts, comparison
 * table, costs, the assumptions that drive the result, and a reproducibility footer.
 */
import { METRICS, type MetricName } from '../model/metrics.js';
import type { Arm } from './arms.js';
import type { Window } from '../scenario/stats.js';
import type { ComparisonRow } from './compare.js';
import type { CostRow } from './costs.js';
import type { Sensitivity } from './sensitivity.js';
import type { PosteriorUse } from '../experiment/posterior.js';
import { KEY_CHARTS, chartSvg, markers } from './charts.js';
import { summaryParagraphs, levelParagraph, HEADLINE, namedMetrics } from './summary.js';
import { el, raw } from './svg.js';
import { esc, plural } from './format.js';
import { MIN_N } from './intervals.js';
import { CSS } from './style.js';
import { Notes, comparisonTable, costTable, levelTable, sensitivitySection, unitCostTable } from './tables.js';
import { Glossary, INTERVAL_MEANS } from './words.js';
import { organisationsSection } from './organisations.js';

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

const def = (m: MetricName) => METRICS.find((d) => d.name === m)!;
const described = (a: Arm) => a.scenario.description || a.scenario.name;

/** The title: what the option does and what it is compared with, in the scenarios' own words. */
export function reportTitle(base: Arm, arms: Arm[]): { title: string; versus?: string } {
  if (arms.length === 0) return { title: described(base) };
  const title = arms.length === 1 ? described(arms[0]!) : `${arms.length} options: ${arms.map((a) => `${described(a)} (${a.scenario.name})`).join('; ')}`;
  return { title, versus: `Compared with the baseline: ${described(base)}` };
}

function intervalNote(r: ReportInput, reps: number): string[] {
  const { window: w } = r;
  const comparing = r.arms.length > 0;
  if (reps < MIN_N) return [`Figures are means over weeks ${w.from}–${w.to} of ${plural(reps, 'replication')}: too few for a 95% interval, so none is shown. Run at least ${MIN_N} (10 or more for useful intervals) with --reps.`];
  return [`Figures are means over weeks ${w.from}–${w.to}. A "95% interval" is ${INTERVAL_MEANS}: the t-interval of the mean ${comparing ? 'paired difference ' : ''}across replications, cut at what a measure can be (no count below zero, no share above one). `,
    comparing ? `${r.posterior ? 'With parameter draws the interval is that of the average over the posterior; "Chance it saves money" says in what share of draws the change saves money. It' : 'It'} does not cover doubt about the ${r.posterior ? 'other ' : ''}assumptions; the section "The assumptions that drive the result" shows which matter most.` : ''];
}

function leadNote(r: ReportInput, reps: number): string {
  const comparing = r.arms.length > 0;
  return (comparing
    ? `${reps} paired replications of ${r.base.scenario.weeks} weeks each: every option's replication uses the same seed as its baseline replication, so the differences are due to the change, not to chance arrivals.`
    : `${plural(reps, 'replication')} of ${r.base.scenario.weeks} weeks.`) +
    (r.posterior ? ` Each replication ran with its own draw of the uncertain parameters from the posterior ${r.posterior.file} (${r.posterior.draws.length} draws of ${r.posterior.particles} particles; ${comparing ? 'both arms of a pair use the same draw' : 'one draw per replication'}), so intervals and chances cover parameter uncertainty as well as chance.` : '');
}

export function reportHtml(r: ReportInput): string {
  const { base, arms, window: w } = r;
  const all = [base, ...arms];
  const notes = new Notes();
  const glossary = new Glossary();
  const comparing = arms.length > 0;
  const { title, versus } = reportTitle(base, arms);
  const reps = base.runs.length;
  const single = comparing ? undefined : levelTable(base, w, HEADLINE);
  const ivs = markers(all);

  const body = el('body', {},
    el('header', {},
      el('p', { class: 'kicker' }, comparing ? 'clwsim commissioner report' : 'clwsim report on a single scenario'),
      el('h1', {}, glossary.expand(title)),
      versus ? el('p', { class: 'versus' }, glossary.expand(versus)) : false),
    el('section', { id: 'summary' }, el('h2', {}, 'Summary'),
      comparing
        ? summaryParagraphs({ base, arms, rows: r.rows, costs: r.costs, window: w, sensitivity: r.sensitivity, drawn: !!r.posterior, glossary })
        : levelParagraph(base, single!.levels, w),
      el('p', { class: 'note lead' }, leadNote(r, reps)),
      el('p', { class: 'note' }, intervalNote(r, reps))),
    el('section', { id: 'charts' }, el('h2', {}, 'Over time'),
      el('p', { class: 'note' }, `Lines are weekly means over ${reps < MIN_N ? plural(reps, 'replication') : 'replications; shaded bands their 95% intervals'}. ${ivs.length ? 'Dashed vertical lines mark scheduled changes.' : ''}`),
      KEY_CHARTS.map((spec) => el('figure', { 'data-metric': spec.metric }, raw(chartSvg(spec, all).html),
        el('figcaption', {}, `${def(spec.metric).definition} (${def(spec.metric).unit}).`, ivs.map((m) => ` Week ${m.week}: ${m.label}.`))))),
    comparing
      ? [el('section', { id: 'comparison' }, el('h2', {}, 'Comparison'),
          el('p', { class: 'note' }, `Means over weeks ${w.from}–${w.to}; totals over the whole run where a measure is a count. Every measure the summary names is here; all ${METRICS.length} are in comparison.csv. Hover a measure for its definition; on a narrow screen, swipe a table sideways.`),
          arms.map((a) => [arms.length > 1 ? el('h3', {}, a.scenario.name) : false, comparisonTable(a, r.rows, namedMetrics(r.rows, a.scenario.name))])),
        el('section', { id: 'costs' }, el('h2', {}, 'Costs'),
          el('p', { class: 'note' }, 'What each option costs the public purse, per year over the comparison window and in total over the run, with 95% intervals of the paired difference. A negative difference is a saving.'),
          arms.map((a) => [arms.length > 1 ? el('h3', {}, a.scenario.name) : false, costTable(a, r.costs, notes)]),
          el('h3', {}, 'Unit costs used'), unitCostTable(base, notes)),
        el('section', { id: 'assumptions' }, el('h2', {}, 'The assumptions that drive the result'),
          r.sensitivity ? sensitivitySection(r.sensitivity, notes) : el('p', { class: 'note' }, 'Not computed for this report (run with --sensitivity greater than 0).'))]
      : el('section', { id: 'levels' }, el('h2', {}, 'Levels'), single!.table),
    organisationsSection(base, arms),
    el('section', { id: 'sources' }, el('h2', {}, 'Sources'), notes.list.length ? notes.render() : el('p', { class: 'note' }, 'No costed figures in this report.')),
    el('footer', { id: 'reproduce' },
      el('p', {}, `Made by clwsim ${r.version}. Scenarios: ${all.map((a) => `${a.scenario.name} (seed ${a.scenario.seed}, ${plural(a.runs.length, 'replication')}, ${a.scenario.weeks} weeks, warm-up ${a.scenario.warmup})`).join('; ')}.`),
      el('p', {}, 'Replication seeds: ', el('code', { class: 'seeds' }, base.runs.map((x) => x.seed).join(' '))),
      el('p', {}, 'To make this report again: ', el('code', { class: 'command' }, r.command)),
      el('p', {}, 'The scenarios as resolved (every parameter) are in each run folder\'s manifest.json.')));

  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${esc(`clwsim report: ${title}${versus ? `. ${versus}` : ''}`)}</title>\n<style>${CSS}</style>\n</head>\n${body.html}\n</html>\n`;
}
