/**
 * Client life-cycle helpers shared by the mechanisms: state changes (keeping the counts,
 * caseloads, GP rates and wellbeing sums in step), exits, returns to the CLW.
 * Not a mechanism itself: the rules that decide *when* these happen live in mechanisms/.
 */
import { type World, S, Exit, MAX_REFS } from './world.js';
import { geometric, draw } from './rng.js';
import { AfterExit, ClwOutcome, L } from './clients.js';
import { learnFromOutcome } from './mechanisms/learning.js';

/** The weekly GP consultation rate of client c in its current state. */
export function gpRateOf(w: World, c: number): number {
  return gpRateIn(w, c, w.clients.state(c));
}

/** The weekly GP consultation rate of client c in state st (reads the record's views directly: see clients.ts L). */
function gpRateIn(w: World, c: number, st: number): number {
  if (st === S.FREE) return 0;
  const cl = w.clients;
  const g = w.p.gp;
  let mult = 1;
  if (st === S.WAIT_TSO) mult = g.waitingMultiplier;
  else if (st === S.ENGAGED) mult = w.derived.gpEngagedMult; // 1 - engagedReduction
  else if (st === S.EXITED) {
    const x = cl.u8[c * L.S8 + L.EXIT]!;
    mult = x === Exit.COMPLETED || x === Exit.RESOLVED ? 1 - g.metReduction * cl.f32[c * L.S32 + L.FIT]! : g.waitingMultiplier;
  }
  const wb = Math.min(g.wellbeingFactorMax, Math.max(g.wellbeingFactorMin, 1 - g.wellbeingSlope * (cl.f64[c * L.S64 + L.WELLBEING]! - w.p.demand.wellbeingInitialMean)));
  return w.derived.gpWeekly * cl.f32[c * L.S32 + L.GP_BASE]! * mult * wb; // gpWeekly = baseRatePerYear / WEEKS_PER_YEAR
}

export function refreshGpRate(w: World, c: number): void {
  const r = gpRateOf(w, c);
  const d = r - w.clients.gpRate(c);
  w.gpRateSum += d;
  w.gpRateByState[w.clients.state(c)]! += d;
  w.clients.setGpRate(c, r);
}

/** Move c to state s: counts, waiting-list flows, the GP rate (moved with it, then refreshed for s). */
export function setState(w: World, c: number, s: S): void {
  const cl = w.clients;
  const { u8, i32, f64 } = cl; // the record's views (clients.ts L): this is the hottest function of a run
  const wk = w.wk;
  const week = w.week;
  const old = u8[c * L.S8 + L.STATE]!;
  // Who leaves and joins the two kinds of waiting list, and how long they were on it (the
  // Little's-law wait measures in metrics.ts); people waiting at TSOs, by type.
  if (old === S.WAIT_CLW) {
    wk.clwListLeft++;
    wk.clwListWaitSum += week - i32[c * L.S32 + L.SINCE]!;
  } else if (old === S.WAIT_TSO) {
    wk.tsoListLeft++;
    wk.tsoListWaitSum += week - i32[c * L.S32 + L.SINCE]!;
    w.waitingByType[u8[c * L.S8 + L.WAIT_TYPE]!]!--;
  }
  if (s === S.WAIT_CLW) wk.clwListJoined++;
  else if (s === S.WAIT_TSO) {
    wk.tsoListJoined++;
    w.waitingByType[u8[c * L.S8 + L.WAIT_TYPE]!]!++;
  }
  const count = w.stateCount;
  count[old]!--;
  count[s]!++;
  const byState = w.gpRateByState;
  const rate = f64[c * L.S64 + L.GP_RATE]!;
  byState[old]! -= rate;
  byState[s]! += rate;
  u8[c * L.S8 + L.STATE] = s;
  i32[c * L.S32 + L.SINCE] = week;
  const r = gpRateIn(w, c, s); // refreshGpRate, for the state just set
  const d = r - rate;
  w.gpRateSum += d;
  byState[s]! += d;
  f64[c * L.S64 + L.GP_RATE] = r;
}

export function setWellbeing(w: World, c: number, v: number): void {
  const x = Math.min(1, Math.max(0, v));
  w.wellbeingSum += x - w.clients.wellbeing(c);
  w.clients.setWellbeing(c, x);
}

/** Withdraw every live referral of c (its waiting-list places are freed) and open a new round. */
export function clearRefs(w: World, c: number): void {
  const cl = w.clients;
  for (let k = 0; k < MAX_REFS; k++) {
    const j = cl.ref(c, k);
    if (j >= 0) {
      w.tsos.waitN[j]!--;
      cl.setRef(c, k, -1);
    }
  }
  cl.setRefSeq(c, (cl.refSeq(c) + 1) >>> 0);
}

/** Number of live referrals c holds. */
export function liveRefs(w: World, c: number): number {
  let n = 0;
  for (let k = 0; k < MAX_REFS; k++) if (w.clients.ref(c, k) >= 0) n++;
  return n;
}

export function nextSeq(w: World, c: number): number {
  const s = (w.clients.seq(c) + 1) >>> 0;
  w.clients.setSeq(c, s);
  return s;
}

/** Leave the CLW's caseload accounting for c's current state. */
export function leaveCaseload(w: World, c: number): void {
  const cl = w.clients;
  const i = cl.clw(c);
  const st = cl.state(c);
  if (st === S.WITH_CLW) w.clws.withN[i]!--;
  else if (st === S.WAIT_TSO) w.clws.heldN[i]!--;
}

/** End c's episode. Unmet need may bring a GP re-referral; otherwise observe GP use for a while. */
export function exitClient(w: World, c: number, kind: Exit): void {
  const cl = w.clients;
  // Every outcome of a client the CLW saw is experience (learning.ts); one who never came is not.
  if (cl.state(c) !== S.WAIT_CLW) learnFromOutcome(w, cl.clw(c));
  leaveCaseload(w, c);
  cl.setExit(c, kind);
  cl.setTso(c, -1);
  setState(w, c, S.EXITED);
  w.exitsTotal++;
  const g = w.p.gp;
  const d = w.p.demand;
  const r = w.rng.exit;
  const u = draw(r);
  let when = w.week + g.observeWeeks;
  if (kind !== Exit.COMPLETED && kind !== Exit.RESOLVED && u < Math.min(1, d.rereferralProb * cl.gpBase(c))) {
    // Demand feedback (C1): unmet need keeps the client at the GP, who refers again.
    const delay = 1 + geometric(r, 1 / Math.max(1, d.rereferralDelayWeeks));
    when = w.week + Math.min(delay, g.observeWeeks);
    cl.setAfterExit(c, AfterExit.REREFERRAL);
  } else cl.setAfterExit(c, AfterExit.OBSERVATION_END);
  w.exitCal.add(when, w.week, c, nextSeq(w, c));
}

/** A TSO closure or a refused referral sends c back to its CLW, who refers again next week. */
export function returnToClw(w: World, c: number): void {
  const cl = w.clients;
  leaveCaseload(w, c);
  cl.setTso(c, -1);
  cl.setClwOutcome(c, ClwOutcome.REFER);
  setState(w, c, S.WITH_CLW);
  w.clws.withN[cl.clw(c)]!++;
  w.funnel.returned_to_clw++;
  w.wk.returned++;
  w.referCal.add(w.week + 1, w.week, c, nextSeq(w, c));
}
