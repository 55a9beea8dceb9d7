/**
 * Constants derived from the parameters, computed when the parameters change instead of once per
 * client: the logits of the waiting curve, first-session attendance, the between-session hazard,
 * the base of the drop-out hazard, and per-type values the mechanisms looked up by type name.
 * Each is the same expression the mechanisms evaluated per client, so results are bit for bit
 * those of computing it there (tests/perf/identity.test.ts).
 * The cache is refreshed wherever the live parameters change: createWorld (before the setup) and
 * applyInterventions (the only mechanism that sets parameters). Code that replaces or edits w.p
 * itself (a test) calls refreshDerived(w) after.
 */
import { type Params, TSO_TYPES, WEEKS_PER_YEAR } from './params.js';
import { logit, logistic } from './math.js';

/**
 * A class whose fields start as NaN ("not derived yet": derive() sets each before any use), not
 * an object literal of zeros: V8 then lays the numbers out as doubles from the first store and
 * keeps the typed arrays' fields as first built, so building the next world does not throw away
 * the code optimised for this one (bench/README.md, fifth pass; counters.ts Week).
 */
export class Derived {
  /** logit(waiting.attendP0) and logistic of it: the waiting curve S(w) (waiting.ts). */
  waitA = NaN;
  waitLa = NaN;
  /** Chance of coming to a first TSO session offered: accompanied or not complex, and complex alone (intake.ts). */
  attend = NaN;
  attendAlone = NaN;
  /** Weekly chance of stopping between two CLW sessions, and log(1 − it) (clwWork.ts). */
  sessionHazard = NaN;
  logStay = NaN;
  /** log of the base weekly drop-out hazard (engagement.ts). */
  logBaseDrop = NaN;
  /** GP rates (lifecycle.ts): the base weekly rate (baseRatePerYear / 52) and the multiplier while engaged (1 − engagedReduction). */
  gpWeekly = NaN;
  gpEngagedMult = NaN;
  /** By TSO type index: programme weeks, funding multiplier, cost per place-year (keyed by type name in the parameters). */
  programmeWeeks = new Float64Array(TSO_TYPES.length);
  fundingMult = new Float64Array(TSO_TYPES.length);
  costPerPlace = new Float64Array(TSO_TYPES.length);
  /** Need shares by type index, and their sum (or 1 when they sum to 0). */
  needShares = new Float64Array(TSO_TYPES.length);
  needTotal = NaN;
}

/** Recompute d from p. */
export function derive(d: Derived, p: Params): void {
  d.waitA = logit(p.waiting.attendP0);
  d.waitLa = logistic(d.waitA);
  d.attend = d.waitLa; // logistic(logit p₀): the waiting curve at no wait
  d.attendAlone = logistic(logit(p.waiting.attendP0) - p.engagement.complexAloneNoShowLogOdds);
  const { declineProb, declineRefSessions } = p.clw;
  d.sessionHazard = declineRefSessions <= 1 ? declineProb : 1 - (1 - declineProb) ** (1 / (declineRefSessions - 1));
  d.logStay = Math.log(1 - d.sessionHazard);
  d.logBaseDrop = Math.log(Math.max(1e-12, p.engagement.baseDropHazard));
  d.gpWeekly = p.gp.baseRatePerYear / WEEKS_PER_YEAR;
  d.gpEngagedMult = 1 - p.gp.engagedReduction;
  for (let t = 0; t < TSO_TYPES.length; t++) {
    d.programmeWeeks[t] = p.tso.programmeWeeks[TSO_TYPES[t]!];
    d.fundingMult[t] = p.funding.multiplier[TSO_TYPES[t]!];
    d.costPerPlace[t] = p.tso.costPerPlaceYear[TSO_TYPES[t]!];
    d.needShares[t] = p.demand.needShare[TSO_TYPES[t]!];
  }
  d.needTotal = d.needShares.reduce((a, b) => a + b, 0) || 1;
}
