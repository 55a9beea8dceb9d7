/**
 * The page of clwsim optimise (report.html): the options for a saving side by side in plain
 * words, judged on replications the search never saw; whether the optimum beats taking the same
 * share from every grant, said plainly either way; the recommended change per organisation; the
 * trade-off between saving and harm; how harm is measured and how the search worked. Pure.
 */
import type { Scenario } from '../model/scenario.js';
import type { OptimiseResult, StrategyResult, Budget } from '../experiment/optimise.js';
import type { FamilyPoint } from '../experiment/allocation.js';
import { HARM_DEFAULTS, HARM_KEYS, type OptimiseSpec } from '../scenario/optimiseFile.js';
import { TSO_TYPES } from '../model/params.js';
import { el, type Child } from './svg.js';
import { esc, gbp, num, plural, signedGbp, thousands } from './format.js';
import { wrap } from './tables.js';
import { CSS } from './style.js';

const TOO_FEW = 'too few replications for an interval';
/** A paired difference's interval, signed. */
const ci = (lo: number, hi: number) => (Number.isFinite(lo) ? `${signedGbp(lo)} to ${signedGbp(hi)}` : TOO_FEW);
/** A level's interval. */
const span = (lo: number, hi: number) => (Number.isFinite(lo) ? `${gbp(lo)} to ${gbp(hi)}` : TOO_FEW);

/** Does the optimum do clearly less harm than equal: the whole paired interval below zero? */
export const beatsEqual = (r: OptimiseResult): boolean => {
  const o = r.strategies.find((s) => s.strategy === 'optimised')!;
  return o.vsEqual.ci_high < 0;
};

/** The optimum's rule in words, from its scores. */
export function ruleWords(p: FamilyPoint): string {
  const rel = TSO_TYPES.map((t, k) => ({ t, m: Math.exp(k < 3 ? p.type[k]! : 0) }));
  const top = Math.max(...rel.map((x) => x.m));
  const typeWords = rel.every((x) => Math.abs(x.m - top) < 1e-9) ? 'the same share per £ of grant from every type of organisation'
    : `per £ of grant, shares by type ${rel.map((x) => `${x.t} ${(x.m / top).toFixed(2)}`).join(', ')} (of the largest)`;
  const tilt = (v: number, more: string, less: string) => (Math.abs(v) < 0.01 ? '' : `, more from ${v > 0 ? more : less} (×${Math.exp(Math.abs(v)).toFixed(1)} per standard deviation)`);
  return `${typeWords}${tilt(p.size, 'larger grants', 'smaller grants')}${tilt(p.cost, 'organisations whose places cost more', 'organisations whose places cost less')}; ${p.protect ? 'no organisation cut below its core costs' : 'organisations may be cut below their core costs'}`;
}

function verdict(r: OptimiseResult): Child {
  const o = r.strategies.find((s) => s.strategy === 'optimised')!;
  const eq = r.strategies.find((s) => s.strategy === 'equal')!;
  const d = o.vsEqual;
  const best = [...r.strategies].sort((a, b) => a.harm.mean - b.harm.mean)[0]!;
  const same = o.cuts.every((x, j) => Math.abs(x - eq.cuts[j]!) < 1e-9);
  const text = same
    ? 'The optimised allocation does NOT do clearly less harm than taking the same share from every grant: the search found nothing better, so the optimised allocation is the equal one.'
    : beatsEqual(r)
      ? `The optimised allocation does less harm than taking the same share from every grant: ${gbp(-d.mean)} a year less (paired 95% interval ${ci(d.ci_low, d.ci_high)} for its harm minus equal's), judged on ${plural(d.n, 'replication')} the search never saw.`
      : `The optimised allocation does NOT do clearly less harm than taking the same share from every grant: its harm minus equal's is ${signedGbp(d.mean)} a year, with a paired 95% interval of ${ci(d.ci_low, d.ci_high)}, which ${d.ci_low > 0 ? 'lies above zero (it does more harm)' : 'includes zero'}, on ${plural(d.n, 'replication')} the search never saw. On this evidence, cutting every grant by the same share is as good as the optimised allocation.`;
  return [el('p', { class: 'verdict', 'data-beats-equal': beatsEqual(r) ? 'yes' : 'no' }, text),
    el('p', {}, `Of the options compared, the least harmful on these replications is ${best.strategy} (${best.words}): harm ${gbp(best.harm.mean)} a year (95% interval ${span(best.harm.ci_low, best.harm.ci_high)}).`)];
}

function optionsTable(r: OptimiseResult): Child {
  const row = (s: StrategyResult) => el('tr', { 'data-strategy': s.strategy },
    el('td', {}, el('strong', {}, s.strategy), el('br'), el('span', { class: 'meta' }, s.words)),
    el('td', {}, gbp(s.saving)),
    el('td', { 'data-field': 'harm', 'data-value': s.harm.mean }, gbp(s.harm.mean), el('br'), el('span', { class: 'meta' }, span(s.harm.ci_low, s.harm.ci_high))),
    el('td', { 'data-field': 'vs_equal', 'data-low': s.vsEqual.ci_low, 'data-high': s.vsEqual.ci_high }, s.strategy === 'equal' ? '–' : [signedGbp(s.vsEqual.mean), el('br'), el('span', { class: 'meta' }, ci(s.vsEqual.ci_low, s.vsEqual.ci_high))]),
    el('td', {}, Number.isInteger(s.terms.closures.mean) ? String(s.terms.closures.mean) : s.terms.closures.mean.toFixed(1)),
    el('td', {}, num(s.terms.people_not_served.mean)),
    el('td', {}, signedGbp(s.terms.gp_costs.mean + s.terms.statutory_costs.mean)),
    el('td', {}, signedGbp(s.grants.mean)));
  return wrap(el('table', { class: 'options' },
    el('thead', {}, el('tr', {}, ['Option', 'Saving a year', 'Harm a year (95% interval)', 'Harm minus equal\'s (paired 95% interval)', 'More organisations closed', 'Fewer people starting a programme, a year', 'GP and other statutory costs, a year', 'Grants actually paid, a year'].map((h) => el('th', {}, h)))),
    el('tbody', {}, r.strategies.map(row))));
}

function allocationTable(area: Scenario, r: OptimiseResult): Child {
  const o = r.strategies.find((s) => s.strategy === 'optimised')!;
  const orgs = area.organisations!;
  const rows = orgs.map((g, j) => ({ g, j, cut: g.grant * o.cuts[j]! })).sort((a, b) => b.cut - a.cut || a.j - b.j);
  return wrap(el('table', { class: 'allocation' },
    el('thead', {}, el('tr', {}, ['Organisation', 'Type', 'Grant now', 'Cut', 'New grant', 'Chance it closes: now → after'].map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map(({ g, j, cut }) => el('tr', { 'data-org': g.id }, el('td', {}, `${g.name} (${g.id})`), el('td', {}, g.type), el('td', {}, gbp(g.grant)),
      el('td', {}, `${gbp(cut)} (${Math.round(100 * o.cuts[j]!)}%)`), el('td', {}, gbp(g.grant - cut)),
      el('td', {}, `${Math.round(100 * r.pCloseNow[j]!)}% → ${Math.round(100 * o.pClose[j]!)}%`))))));
}

function paretoTable(r: OptimiseResult): Child {
  return wrap(el('table', { class: 'pareto' },
    el('thead', {}, el('tr', {}, ['Saving a year', 'Rule', 'Harm a year', '95% interval'].map((h) => el('th', {}, h)))),
    el('tbody', {}, r.pareto.map((p) => el('tr', {}, el('td', {}, gbp(p.saving)), el('td', {}, p.strategy), el('td', {}, gbp(p.harm.mean)), el('td', {}, span(p.harm.ci_low, p.harm.ci_high)))))));
}

export interface PageMeta { version: string; command: string; budget: Budget; posterior?: string; seconds: number }

export function optimisePage(spec: OptimiseSpec, area: Scenario, r: OptimiseResult, m: PageMeta): string {
  const title = `Saving ${gbp(spec.savingGbp)} a year from ${area.description || area.name}: the options side by side`;
  const body = el('body', {},
    el('header', {}, el('p', { class: 'kicker' }, 'clwsim: the least harmful way found to save'), el('h1', {}, title),
      spec.description ? el('p', { class: 'versus' }, spec.description) : false),
    el('section', { id: 'verdict' }, el('h2', {}, 'In short'), el('div', { class: 'summary' }, verdict(r)),
      el('p', { class: 'note' }, `Each option takes ${gbp(spec.savingGbp)} a year from the ${area.organisations!.length} grants from week ${r.fromWeek}. Harm is what the saving costs people and the public purse against the area as it is, a year over weeks ${r.window.from}–${r.window.to}, in £ (how below). Every figure is a mean over ${plural(r.finalReps.length, 'paired replication')} that the search did not use${m.posterior ? `, each with its own draw of the uncertain parameters from ${m.posterior}` : ''}; a 95% interval is the range that contains the true average 95 times in 100, given the model's assumptions.`)),
    el('section', { id: 'options' }, el('h2', {}, 'The options'), optionsTable(r)),
    el('section', { id: 'allocation' }, el('h2', {}, 'The optimised allocation, organisation by organisation'),
      el('p', {}, `Its rule: ${ruleWords(r.optimum)}. Largest cuts first; allocation.csv has every organisation, and optimised.yaml runs it as an option (clwsim compare).`), allocationTable(area, r)),
    el('section', { id: 'trade-off' }, el('h2', {}, 'Saving against harm'),
      el('p', { class: 'note' }, 'The optimised rule (its scores, re-solved for each saving) and equal shares at other savings, on the same replications. The rule was searched for at the saving required only.'), paretoTable(r)),
    el('section', { id: 'harm' }, el('h2', {}, 'How harm is measured'),
      el('p', {}, 'Harm = the sum of each change below times its weight, a year. The weights are value judgements: set your own under harm: in the optimisation file.'),
      wrap(el('table', {}, el('thead', {}, el('tr', {}, ['Term', 'Weight', 'Default and why'].map((h) => el('th', {}, h)))),
        el('tbody', {}, HARM_KEYS.map((k) => el('tr', {}, el('td', {}, k.replace(/_/g, ' ')), el('td', {}, `${Number.isInteger(spec.harm[k]) ? thousands(spec.harm[k]) : String(spec.harm[k])} ${HARM_DEFAULTS[k].unit}`), el('td', { class: 'src' }, `${HARM_DEFAULTS[k].value}: ${HARM_DEFAULTS[k].why}`))))))),
    el('section', { id: 'method' }, el('h2', {}, 'How the search worked'),
      el('p', {}, `A compass search (a coordinate pattern search) over a family of allocations: each organisation's share of the cut grows with a score for its type and tilts for the size of its grant and the cost of its places, optionally never below its core costs; equal shares, ending the smallest grants and cutting one type are at or near its edges. Budget ${m.budget.name}: ${plural(m.budget.searchReps, 'replication')} per candidate, up to ${m.budget.iterations} rounds, ${r.search.history.length} candidates tried (search.csv), then every option judged on ${plural(m.budget.finalReps === r.finalReps.length ? m.budget.finalReps : r.finalReps.length, 'fresh replication')}. Candidates are compared on common random numbers (the same seeds${m.posterior ? ' and parameter draws' : ''}), so their differences are the allocation's, not chance's. ${r.runs} simulation runs in ${Math.round(m.seconds)} s. The search is local and the family is a choice: a better allocation outside it may exist.`)),
    el('footer', { id: 'reproduce' }, el('p', {}, `Made by clwsim ${m.version}. Search replications ${r.searchReps[0]}–${r.searchReps[r.searchReps.length - 1]}, judged on ${r.finalReps[0]}–${r.finalReps[r.finalReps.length - 1]}, run seed ${area.seed}.`),
      el('p', {}, 'To make this page again: ', el('code', { class: 'command' }, m.command))));
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(`clwsim optimise: ${title}`)}</title>\n<style>${CSS}</style>\n</head>\n${body.html}\n</html>\n`;
}
