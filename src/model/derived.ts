/**
 * Constants derived from the parameters, computed once a week instead of once per client: the
 * logits of the waiting curve, first-session attendance, the between-session hazard, the base of
 * the drop-out hazard, programme lengths by type index and the shares of need. Each is the same
 * expression the mechanisms evaluated per client, so results are bit for bit those of computing
 * it there (tests/perf/identity.test.ts). Parameters change only between weeks (interventions
 * at the start of one; a test may swap w.p), so the cache is keyed on the week and the params object.
 */
import { type Params, TSO_TYPES } from './params.js';
import { logit, logistic } from './math.js';

export interface Derived {
  week: number;
  p: Params | null;
  /** logit(waiting.attendP0) and logistic of it: the waiting curve S(w) (waiting.ts). */
  waitA: number;
  waitLa: number;
  /** Chance of coming to a first TSO session offered: accompanied or not complex, and complex alone (intake.ts). */
  attend: number;
  attendAlone: number;
  /** Weekly chance of stopping between two CLW sessions, and log(1 − it) (clwWork.ts). */
  sessionHazard: number;
  logStay: number;
  /** log of the base weekly drop-out hazard (engagement.ts). */
  logBaseDrop: number;
  /** Programme weeks by TSO type index. */
  programmeWeeks: Float64Array;
  /** Need shares by type index, and their sum (or 1 when they sum to 0). */
  needShares: number[];
  needTotal: number;
}

export const newDerived = (): Derived => ({
  week: -1, p: null, waitA: 0, waitLa: 0, attend: 0, attendAlone: 0, sessionHazard: 0, logStay: 0, logBaseDrop: 0,
  programmeWeeks: new Float64Array(TSO_TYPES.length), needShares: TSO_TYPES.map(() => 0), needTotal: 1,
});

/** The derived constants of `p` for `week` (recomputed when either changed). */
export function derived(d: Derived, p: Params, week: number): Derived {
  if (d.week === week && d.p === p) return d;
  d.week = week;
  d.p = p;
  d.waitA = logit(p.waiting.attendP0);
  d.waitLa = logistic(d.waitA);
  d.attend = logistic(logit(p.waiting.attendP0) - 0);
  d.attendAlone = logistic(logit(p.waiting.attendP0) - p.engagement.complexAloneNoShowLogOdds);
  const { declineProb, declineRefSessions } = p.clw;
  d.sessionHazard = declineRefSessions <= 1 ? declineProb : 1 - (1 - declineProb) ** (1 / (declineRefSessions - 1));
  d.logStay = Math.log(1 - d.sessionHazard);
  d.logBaseDrop = Math.log(Math.max(1e-12, p.engagement.baseDropHazard));
  for (let t = 0; t < TSO_TYPES.length; t++) {
    d.programmeWeeks[t] = p.tso.programmeWeeks[TSO_TYPES[t]!];
    d.needShares[t] = p.demand.needShare[TSO_TYPES[t]!];
  }
  d.needTotal = d.needShares.reduce((a, b) => a + b, 0) || 1;
  return d;
}
