/**
 * The money in words, one sentence per period of the costs table, each naming its period: the
 * comparison window scaled to a year, and the whole run. Every amount sits in a span carrying
 * the costs row it comes from (component, period, difference and interval), so a test checks
 * each sentence against costs.csv. Two things the bare numbers hide are said outright: the two
 * periods pointing different ways, and a saving that outlives a restored change (closed TSOs).
 */
import type { Scenario } from '../model/scenario.js';
import type { Arm } from './arms.js';
import type { Window } from '../scenario/stats.js';
import { type ComparisonRow, findRow } from './compare.js';
import type { CostComponent, CostPeriod, CostRow } from './costs.js';
import { el, type Markup } from './svg.js';
import { gbp, signedGbp } from './format.js';
import { direction, type Direction, MIN_N, tooFew } from './intervals.js';

export const costRow = (costs: CostRow[], scenario: string, c: CostComponent, period: CostPeriod): CostRow =>
  costs.find((r) => r.scenario === scenario && r.component === c && r.period === period)!;

export const costDirection = (r: CostRow): Direction => (r.n < MIN_N ? 'unclear' : direction(r.diffLow, r.diffHigh));

/** "the last year of the run (weeks 209–260)", "the whole run (weeks 1–260, 5 years)". */
export function periodWords(r: Pick<CostRow, 'period' | 'from' | 'to'>, weeks: number): string {
  const n = r.to - r.from + 1;
  if (r.period === 'horizon_total') return `the whole run (weeks ${r.from}–${r.to}${weeks % 52 === 0 ? `, ${weeks / 52} year${weeks === 52 ? '' : 's'}` : ''})`;
  if (n === 52 && r.to === weeks) return `the last year of the run (weeks ${r.from}–${r.to})`;
  return `weeks ${r.from}–${r.to}${r.to === weeks ? ` (the last ${n} weeks of the run)` : ''}, scaled to a year`;
}

const aYear = (r: CostRow) => (r.period === 'per_year' ? ' a year' : '');

/** A money claim: its text must quote only this row's difference and interval. */
export function costClaim(r: CostRow, text: string): Markup {
  return el('span', { class: 'claim', 'data-cost': r.component, 'data-period': r.period, 'data-direction': costDirection(r),
    'data-diff': r.diff, 'data-low': r.diffLow, 'data-high': r.diffHigh }, text);
}

/** The 95% interval of a difference, as a saving (sign −1: "£a to £b" of −diff) or as a cost. */
function ci(r: CostRow, sign: 1 | -1 = 1): string {
  if (r.n < MIN_N) return tooFew(r.n);
  const [lo, hi] = sign > 0 ? [r.diffLow, r.diffHigh] : [-r.diffHigh, -r.diffLow];
  return `95% interval ${gbp(lo)} to ${gbp(hi)}`;
}

/** Every pair had exactly the same cost (e.g. grants under an option that does not touch them). */
export const unchanged = (r: CostRow) => r.n >= MIN_N && r.diff === 0 && r.diffLow === 0 && r.diffHigh === 0;

export function grantsText(g: CostRow): string {
  if (unchanged(g)) return 'it leaves TSO grants unchanged';
  if (costDirection(g) === 'unclear' && g.n >= MIN_N) return `it changes TSO grants by no clear amount (${signedGbp(g.diff)}${aYear(g)}, ${ci(g)})`;
  return g.diff < 0 ? `it saves ${gbp(-g.diff)}${aYear(g)} in TSO grants (${ci(g, -1)})` : `it adds ${gbp(g.diff)}${aYear(g)} in TSO grants (${ci(g)})`;
}

export function servicesText(s: CostRow): string {
  const d = costDirection(s);
  return d === 'up' ? `adds ${gbp(s.diff)}${aYear(s)} in GP and other statutory costs (${ci(s)})`
    : d === 'down' ? `saves ${gbp(-s.diff)}${aYear(s)} in GP and other statutory costs (${ci(s, -1)})`
      : `changes GP and other statutory costs by no clear amount (${signedGbp(s.diff)}${aYear(s)}, ${ci(s)})`;
}

export function netText(n: CostRow): string {
  const d = costDirection(n);
  return d === 'down' ? `a net saving of ${gbp(-n.diff)}${aYear(n)} (${ci(n, -1)})`
    : d === 'up' ? `a net cost of ${gbp(n.diff)}${aYear(n)} (${ci(n)})`
      : `no clear net saving or cost (${signedGbp(n.diff)}${aYear(n)}, ${ci(n)})`;
}

/** "Over the last year of the run (weeks 209–260), it saves … in TSO grants, adds …: a net …". */
export function moneySentence(costs: CostRow[], scenario: string, period: CostPeriod, weeks: number): Markup {
  const [g, s, n] = (['grants', 'services', 'net'] as const).map((c) => costRow(costs, scenario, c, period));
  return el('p', { class: 'money', 'data-period': period }, `Over ${periodWords(g!, weeks)}, `,
    costClaim(g!, grantsText(g!)), ', ', costClaim(s!, servicesText(s!)), ': ', costClaim(n!, netText(n!)), '.');
}

/** When the last year and the whole run disagree on the net, say so and show why. */
export function periodsDisagree(costs: CostRow[], scenario: string): Markup | undefined {
  const year = costRow(costs, scenario, 'net', 'per_year'), run = costRow(costs, scenario, 'net', 'horizon_total');
  const [dy, dr] = [costDirection(year), costDirection(run)];
  if (dy === 'unclear' || dr === 'unclear' || dy === dr) return undefined;
  const g = costRow(costs, scenario, 'grants', 'per_year'), s = costRow(costs, scenario, 'services', 'per_year');
  const clw = costRow(costs, scenario, 'clw', 'per_year');
  const why = dy === 'up' && g.diff < 0 && s.diff > 0 && clw.diff === 0
    ? [': in that year ', costClaim(g, `the grant saving (${gbp(-g.diff)} a year)`), ' is smaller than ', costClaim(s, `the extra GP and statutory costs (${gbp(s.diff)} a year)`)]
    : [];
  const runWords = dr === 'down' ? `saves ${gbp(-run.diff)} net` : `costs ${gbp(run.diff)} more, net`;
  const yearWords = dy === 'down' ? `saves ${gbp(-year.diff)} a year net` : `costs ${gbp(year.diff)} a year more, net`;
  return el('p', { class: 'money periods' }, 'The two periods point different ways. Over weeks ', `${run.from}–${run.to} the option `, costClaim(run, runWords),
    `; in weeks ${year.from}–${year.to} it `, costClaim(year, yearWords), why, '.');
}

/** The week by which every change the option makes (beyond the baseline's own) is undone, if it is. */
export function undoneBy(arm: Scenario, base: Scenario, week: number): number | undefined {
  const own = arm.interventions.filter((iv) => !base.interventions.some((b) => b.week === iv.week && b.label === iv.label));
  if (own.length === 0) return undefined;
  const last = Math.max(...own.map((iv) => iv.week + Math.max(0, iv.rampWeeks - 1)));
  if (last > week) return undefined;
  const valueAt = (s: Scenario, path: string): unknown => {
    let v: unknown = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], s.params);
    for (const iv of s.interventions) if (iv.week <= week && path in iv.set) v = iv.set[path];
    return v;
  };
  const paths = new Set(own.flatMap((iv) => Object.keys(iv.set)));
  // an area's grant changes: each organisation's grant as the last change by `week` left it
  const grantAt = (s: Scenario, org: number): number => {
    let m = 1;
    for (const iv of [...s.interventions].sort((a, b) => a.week - b.week)) if (iv.week <= week) for (const g of iv.grants ?? []) if (g.org === org) m = g.mult;
    return m;
  };
  const orgs = new Set(own.flatMap((iv) => (iv.grants ?? []).map((g) => g.org)));
  const back = [...paths].every((p) => valueAt(arm, p) === valueAt(base, p)) && [...orgs].every((j) => grantAt(arm, j) === grantAt(base, j));
  return back ? Math.max(...own.map((iv) => iv.week)) : undefined;
}

/** TSOs closed by `week` (baseline minus option, means over replications) and reopened since. */
export function closures(base: Arm, arm: Arm, week: number): { closed: number; reopened: number } {
  const meanAt = (a: Arm, i: number) => a.runs.reduce((t, r) => t + r.metrics.active_tsos[i]!, 0) / a.runs.length;
  const last = arm.scenario.weeks - 1;
  return { closed: Math.round(meanAt(base, week - 1) - meanAt(arm, week - 1)), reopened: Math.max(0, Math.round(meanAt(arm, last) - meanAt(arm, week - 1))) };
}

/**
 * A change undone before the window that still leaves the window's grants lower: TSOs that closed
 * while it lasted and did not reopen are paid nothing. Says how many closed and whether any reopened.
 */
export function legacySentence(base: Arm, arm: Arm, rows: ComparisonRow[], costs: CostRow[], w: Window): Markup | undefined {
  const week = undoneBy(arm.scenario, base.scenario, w.from);
  if (week === undefined) return undefined;
  const g = costRow(costs, arm.scenario.name, 'grants', 'per_year');
  const open = findRow(rows, arm.scenario.name, 'active_tsos');
  const lead = `Every change this option makes is undone by week ${week}, before weeks ${w.from}–${w.to}: what still differs there is what the change left behind.`;
  if (!open || costDirection(g) !== 'down' || !(open.diffHigh < 0)) return el('p', { class: 'money legacy' }, lead);
  const { closed, reopened } = closures(base, arm, week);
  return el('p', { class: 'money legacy', 'data-closed': closed, 'data-reopened': reopened }, lead, ' Grants are back as in the baseline from week ', String(week), ', yet ',
    costClaim(g, `${gbp(-g.diff)} a year less is paid in TSO grants in weeks ${g.from}–${g.to}`),
    `: ${closed} of the baseline's ${Math.round(open.baseline)} TSOs closed while the change lasted and ${reopened === 0 ? 'none has reopened' : `only ${reopened} reopened`}, and a closed TSO is paid nothing.`);
}
