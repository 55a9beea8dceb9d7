/**
 * The harm of a saving (scenario/optimiseFile.ts defines it): per paired replication, what the
 * area with the saving costs people and the public purse against the area as it is, a year, in
 * £ (each term weighted). Computed from a few measures the runner reduces each run to, so jobs
 * stay small. Node-free.
 */
import { WEEKS_PER_YEAR } from '../model/params.js';
import type { Scenario } from '../model/scenario.js';
import type { Window } from '../scenario/stats.js';
import type { HarmWeights } from '../scenario/optimiseFile.js';
import type { Measure } from './measures.js';

/** The harm's terms: what each measures, its unit, and how a run's values give it. */
export const HARM_TERMS = ['gp_costs', 'statutory_costs', 'people_not_served', 'dropouts', 'closures'] as const;
export type HarmTerm = (typeof HARM_TERMS)[number];
export const TERM_UNITS: Record<HarmTerm, string> = {
  gp_costs: '£ a year', statutory_costs: '£ a year', people_not_served: 'people a year', dropouts: 'drop-outs a year', closures: 'organisations',
};

/** What each job keeps: the window's sums, the open organisations in the last week, grants paid. */
export function harmMeasures(s: Scenario, w: Window): Measure[] {
  const sum = (metric: 'gp_attendances' | 'statutory_contacts' | 'starts' | 'dropouts' | 'tso_grants'): Measure => ({ metric, window: w, statistic: 'sum' });
  return [sum('gp_attendances'), sum('statutory_contacts'), sum('starts'), sum('dropouts'), { metric: 'active_tsos', window: { from: s.weeks, to: s.weeks }, statistic: 'last' }, sum('tso_grants')];
}

/** Per term, the change against the baseline replication (in the term's unit), and grants paid a year. */
export function termsOf(v: number[], base: number[], s: Scenario, w: Window): Record<HarmTerm, number> & { grants: number } {
  const year = WEEKS_PER_YEAR / (w.to - w.from + 1);
  const c = s.params.costs;
  return {
    gp_costs: (v[0]! - base[0]!) * c.gpConsultation * year,
    statutory_costs: (v[1]! - base[1]!) * c.statutoryContact * year,
    people_not_served: (base[2]! - v[2]!) * year,
    dropouts: (v[3]! - base[3]!) * year,
    closures: base[4]! - v[4]!,
    grants: (v[5]! - base[5]!) * year,
  };
}

/** The weighted sum: £ a year. */
export const harmOf = (t: Record<HarmTerm, number>, h: HarmWeights): number => HARM_TERMS.reduce((a, k) => a + h[k] * t[k], 0);
