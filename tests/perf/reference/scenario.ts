/** A resolved scenario: what simulate() runs. Built and validated at the edge (src/io). */
import type { Params } from './params.js';

/** A scheduled change of parameters, applied at the start of `week` (1-based). */
export interface Intervention {
  week: number;
  /** Parameter path → new value, e.g. { "funding.multiplier.crisis": 0.7 }. */
  set: Record<string, number | string>;
  /** Numeric changes move linearly to their new value over this many weeks (phased); 0 = at once. */
  rampWeeks: number;
  label: string;
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
}
