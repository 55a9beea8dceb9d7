/**
 * The tables clwsim optimise writes, as CSV text: strategies.csv (each option's harm, its 95%
 * interval and the paired interval of its harm minus equal's), pareto.csv (saving against harm),
 * allocation.csv (the recommended change per organisation), harm_components.csv (each term of
 * the harm, unweighted and weighted) and search.csv (every allocation the search tried). Pure.
 */
import type { Scenario } from '../model/scenario.js';
import type { OptimiseResult } from '../experiment/optimise.js';
import { HARM_TERMS, TERM_UNITS } from '../experiment/harm.js';
import { FAMILY_DIMS, fromVector } from '../experiment/allocation.js';
import type { HarmWeights } from '../scenario/optimiseFile.js';
import { fmt, toCsv } from '../scenario/csv.js';
import { gbp } from './format.js';

export function strategiesCsv(r: OptimiseResult): string {
  return toCsv(['strategy', 'saving_gbp', 'harm', 'harm_ci_low', 'harm_ci_high', 'harm_diff_vs_equal_low', 'harm_diff_vs_equal_high'],
    r.strategies.map((s) => [s.strategy, fmt(s.saving), fmt(s.harm.mean), fmt(s.harm.ci_low), fmt(s.harm.ci_high),
      fmt(s.strategy === 'equal' ? 0 : s.vsEqual.ci_low), fmt(s.strategy === 'equal' ? 0 : s.vsEqual.ci_high)]));
}

export function paretoCsv(r: OptimiseResult): string {
  return toCsv(['saving_gbp', 'strategy', 'harm', 'harm_ci_low', 'harm_ci_high', 'n'],
    r.pareto.map((p) => [fmt(p.saving), p.strategy, fmt(p.harm.mean), fmt(p.harm.ci_low), fmt(p.harm.ci_high), p.harm.n]));
}

export function allocationCsv(area: Scenario, r: OptimiseResult): string {
  const opt = r.strategies.find((s) => s.strategy === 'optimised')!;
  return toCsv(['organisation', 'name', 'type', 'grant_gbp', 'cut_share', 'cut_gbp', 'new_grant_gbp', 'p_close_now', 'p_close_after'],
    area.organisations!.map((o, j) => [o.id, o.name, o.type, fmt(o.grant), fmt(opt.cuts[j]!), fmt(o.grant * opt.cuts[j]!), fmt(o.grant * (1 - opt.cuts[j]!)), fmt(r.pCloseNow[j]!), fmt(opt.pClose[j]!)]));
}

export function harmComponentsCsv(r: OptimiseResult, h: HarmWeights): string {
  return toCsv(['strategy', 'term', 'unit', 'change', 'ci_low', 'ci_high', 'weight', 'harm_gbp'],
    r.strategies.flatMap((s) => [
      ...HARM_TERMS.map((t) => [s.strategy, t, TERM_UNITS[t], fmt(s.terms[t].mean), fmt(s.terms[t].ci_low), fmt(s.terms[t].ci_high), h[t], fmt(h[t] * s.terms[t].mean)]),
      [s.strategy, 'grants_paid', '£ a year', fmt(s.grants.mean), fmt(s.grants.ci_low), fmt(s.grants.ci_high), '', ''],
    ]));
}

export function searchCsv(r: OptimiseResult): string {
  return toCsv(['iteration', ...FAMILY_DIMS, 'harm_search_mean'],
    r.search.history.map((e) => {
      const p = fromVector(e.x);
      return [e.iteration, ...p.type.map(fmt), fmt(p.size), fmt(p.cost), p.protect ? 1 : 0, fmt(e.value)];
    }));
}

/** An option file that runs the recommended allocation: `clwsim compare AREA optimised.yaml`. */
export function optimisedYaml(area: Scenario, r: OptimiseResult, areaPath: string): string {
  const opt = r.strategies.find((s) => s.strategy === 'optimised')!;
  const lines = area.organisations!.flatMap((o, j) => (opt.cuts[j]! > 0 ? [`      - change: { ids: [${JSON.stringify(o.id)}] }`, `        to_gbp: ${Math.round(o.grant * (1 - opt.cuts[j]!))}`] : []));
  return [
    '# The allocation clwsim optimise recommends (allocation.csv), as an option to compare with the area:',
    `#   npx clwsim compare ${areaPath} <this file>`,
    '# New grants are rounded to the pound.',
    ...(area.interventions.length ? [`# The area's own ${area.interventions.length} intervention(s) are not repeated here: this list replaces them.`] : []),
    `name: ${JSON.stringify(`${area.name}-optimised`)}`,
    `description: ${JSON.stringify(`The optimised allocation of a ${gbp(opt.saving)} saving a year from week ${r.fromWeek}`)}`,
    `extends: ${JSON.stringify(areaPath)}`,
    'interventions:',
    `  - week: ${r.fromWeek}`,
    '    label: The optimised allocation of the saving',
    '    grants:',
    ...lines,
    '',
  ].join('\n');
}
