/** A resolved scenario: what simulate() runs. Built and validated at the edge (src/io). */
import type { Params, TsoType } from './params.js';

/** A scheduled change of parameters, applied at the start of `week` (1-based). */
export interface Intervention {
  week: number;
  /** Parameter path → new value, e.g. { "funding.multiplier.crisis": 0.7 }. */
  set: Record<string, number | string>;
  /** Numeric changes move linearly to their new value over this many weeks (phased); 0 = at once. */
  rampWeeks: number;
  label: string;
  /**
   * Grants of named organisations of the area's register (an area only): each listed
   * organisation's grant becomes `mult` × its register grant (0 ends it, 1 restores it).
   */
  grants?: GrantChange[];
}

/** One organisation's new grant, as a multiple of its register grant (index into Scenario.organisations). */
export interface GrantChange { org: number; mult: number }

/**
 * One organisation of an area's register (organisations.csv), checked and resolved: the model
 * builds one TSO per organisation, in register order, instead of tso.count TSOs per type.
 */
export interface Organisation {
  id: string;
  name: string;
  type: TsoType;
  /** Annual grant, £ (the funding.multiplier of its type and grant changes act on it). */
  grant: number;
  /** £ a year per concurrent place for CLW-referred clients, at `costRef`. */
  costPerPlace: number;
  /**
   * tso.costPerPlaceYear of its type when the register was read: a later change of that
   * parameter (a posterior draw, a sweep, an intervention) scales costPerPlace by new ÷ costRef.
   */
  costRef: number;
  programmeWeeks: number;
  /** Income other than this grant, £ a year: it keeps the organisation open, it funds no CLW places. */
  otherIncome: number;
  /** £ a year it needs to stay open; undefined: tso.coreCostShare (± spread) of its income. */
  coreCost?: number;
  /** People on its waiting list when the run starts; undefined: tso.initialWaitWeeks of its type. */
  waitingNow?: number;
}

export interface Scenario {
  name: string;
  description: string;
  params: Params;
  interventions: Intervention[];
  /** Weeks simulated (the horizon). */
  weeks: number;
  /** Weeks at the start left out of summary statistics. */
  warmup: number;
  reps: number;
  seed: number;
  /** The area's register of organisations (an area.yaml's organisations.csv), if any. */
  organisations?: Organisation[];
}
