/** Small worlds for mechanism unit tests: defaults, a few overrides, no clients unless asked. */
import { defaults, setParam } from '../../src/model/params.js';
import { createWorld } from '../../src/model/createWorld.js';
import { type World, allocClient, refreshDerived } from '../../src/model/world.js';
import { enterClwQueue, initClient } from '../../src/model/mechanisms/demand.js';
import type { Scenario } from '../../src/model/scenario.js';

/** A world of defaults with `set` applied, started empty (no initial waits, lists or sessions). */
export function tinyWorld(set: Record<string, number | string> = {}, seed = 1): World {
  // Built with the week-0 programme switched off (no initial waits, lists, sessions or returns) ...
  const empty = { 'tso.initialWaitWeeks.crisis': 0, 'tso.initialWaitWeeks.mh': 0, 'tso.initialWaitWeeks.activity': 0, 'tso.initialWaitWeeks.specialist': 0, 'clw.firstSessionLeadWeeks': 0, 'clw.maxSessions': 1, 'demand.rereferralProb': 0 };
  const params = defaults();
  for (const [k, v] of Object.entries({ ...set, ...empty })) setParam(params, k, v);
  const s: Scenario = { name: 'unit', description: '', params, interventions: [], weeks: 10, warmup: 0, reps: 1, seed };
  const w = createWorld(s, seed);
  // ... then run with the defaults and what the test asked for.
  w.p = defaults();
  for (const [k, v] of Object.entries(set)) setParam(w.p, k, v);
  refreshDerived(w); // constants that follow the parameters (src/model/derived.ts)
  return w;
}

/** Start week `week` as the schedule does (counters reset). */
export function beginWeek(w: World, week: number): void {
  w.week = week;
  w.wk.reset();
}

/** A new referral on CLW i's waiting list, referred in week `week`. */
export function referToClw(w: World, i: number, need = 0, week = w.week): number {
  const c = allocClient(w);
  initClient(w, c, i, need, w.rng.arrivals);
  enterClwQueue(w, c, week);
  return c;
}
