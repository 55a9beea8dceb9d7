/**
 * Steps 4a and 4b. CLW work: pressure, handholding capacity and follow-up (4a), then taking
 * clients on (4b). A CLW takes clients from its waiting list while its caseload (active clients
 * plus, with a smaller weight, clients it still holds while they wait at a TSO) is under its
 * effective cap; a referral is booked for a first session at the earliest the week after it was
 * made (clw.firstSessionLeadWeeks). CLWs work in teams (clw.teamSize) that share referrals: a
 * CLW with room takes the oldest referral waiting for a teammate, so one CLW's overload does not
 * leave its practices' referrals waiting while a colleague has time. Some people do not come to
 * the first session (clw.firstSessionAttendP0: "it takes a hell of a lot of courage to come
 * along to the unknown", Allbutt L175); those who wait too long give up (waiting.ts). Sessions
 * raise readiness, faster with expertise; a targeted CLW refers when the client is ready (4-6
 * sessions), an over-referring one after a single session; some clients stop coming between
 * sessions (a per-session chance set so that declineProb leave over a course of
 * declineRefSessions: longer courses lose more), and some need no more than the CLW's own
 * sessions.
 * Realist matrix: F1 "empathic navigators" and F6 "longer-term CLW client contact" (sessions
 * build readiness; some needs are met by the CLW), U1 "over-referral", U5/C4 "referral-count
 * KPIs" (faster referral), U7/C5 "too many managers" (capacity lost), C3 "CLWs working under
 * significant pressure" (handholding and follow-up shrink: "now due to the pressures, they just
 * do not have the capacity", Allbutt L179): F2 "handholding support" (this week's capacity to
 * accompany) and U3 "failure to follow up" (this week's propensity).
 */
import { draw, type Rng } from '../rng.js';
import { type World, S, F, Exit } from '../world.js';
import { ClwOutcome } from '../clients.js';
import { exitClient, nextSeq, setState } from '../lifecycle.js';
import type { Mechanism } from '../mechanism.js';
import { Size } from '../pools.js';
import { clamp01 } from '../math.js';

export const updatePressure: Mechanism = {
  id: 'pressure', step: '4a', title: 'CLW pressure, handholding and follow-up capacity', module: 'clwWork.ts',
  rows: ['F2', 'U3', 'U7', 'C3', 'C5'], fn: pressureAndCapacity,
};

export const takeOnClients: Mechanism = {
  id: 'sessions', step: '4b', title: 'CLWs take clients on (sessions)', module: 'clwWork.ts',
  rows: ['F1', 'F6', 'U1', 'U5', 'U7', 'C3', 'C4', 'C5'], fn: takeFromWaitingLists,
};

export function effectiveCap(w: World): number {
  return Math.max(1e-9, w.p.clw.caseloadCap * (1 - w.p.clw.managementOverhead));
}

export function caseload(w: World, i: number): number {
  return w.clws.withN[i]! + w.p.clw.holdWeight * w.clws.heldN[i]!;
}

/** Pressure and this week's handholding and follow-up capacity of every CLW. */
function pressureAndCapacity(w: World): void {
  const { p, clws: k } = w;
  const cap = effectiveCap(w);
  for (let i = 0; i < k.n; i++) {
    const pressure = caseload(w, i) / cap;
    const excess = Math.max(0, pressure - p.clw.pressureKnee);
    k.pressure[i] = pressure;
    k.hhCap[i] = clamp01(1 - p.clw.handholdingPressureSlope * excess); // propensity to accompany
    k.hhUsed[i] = 0;
    k.followUpP[i] = p.clw.followUpPropensity * clamp01(1 - p.clw.followUpPressureSlope * excess);
  }
}

/**
 * Each active CLW takes clients from its own waiting list while under its cap; then a CLW with
 * room left takes the oldest referral waiting in its team (clw.teamSize CLWs who share their
 * referrals) and becomes that client's CLW. A referral is booked for a first session at the
 * earliest clw.firstSessionLeadWeeks after it was made.
 */
function takeFromWaitingLists(w: World): void {
  const { clws: k } = w;
  const cap = effectiveCap(w);
  const nActive = Math.min(w.p.clw.count, k.n);
  const due = w.week - w.p.clw.firstSessionLeadWeeks; // referrals made by this week can be seen
  let sink = 0;
  for (let i = 0; i < nActive; i++) {
    if (i % Size.TOUCH === 0) sink += w.clwQueue.touchHeads(i, Math.min(nActive, i + Size.TOUCH), w.clients); // pools.ts
    while (caseload(w, i) < cap && takeFrom(w, i, i, due));
  }
  w.clwQueue.sink = (w.clwQueue.sink + sink) | 0;
  const team = w.p.clw.teamSize;
  if (team <= 1) return;
  for (let i = 0; i < nActive; i++) {
    const first = i - (i % team), last = Math.min(nActive, first + team);
    while (caseload(w, i) < cap) {
      let q = -1;
      for (let m = first; m < last; m++) {
        if (m !== i && k.waitN[m]! > 0 && w.clwQueue.headWeek(m) <= due && (q < 0 || w.clwQueue.headWeek(m) < w.clwQueue.headWeek(q))) q = m;
      }
      if (q < 0 || !takeFrom(w, q, i, due)) break;
    }
  }
}

/**
 * CLW i takes the head of CLW q's waiting list (q = i: its own) if it was referred by week
 * `due`; false when there is none. The client comes to the first session or does not.
 */
function takeFrom(w: World, q: number, i: number, due: number): boolean {
  const { clws: k, clients: cl, clwQueue: queue } = w;
  while (k.waitN[q]! > 0 && queue.headWeek(q) <= due) {
    const c = queue.shift(q);
    if (c < 0) return false;
    if (cl.state(c) !== S.WAIT_CLW || cl.seq(c) !== queue.stamp) continue; // gave up waiting
    k.waitN[q]!--;
    cl.setClw(c, i);
    if (draw(w.rng.clw) < w.p.clw.firstSessionAttendP0) startSessions(w, c, i);
    else missedFirstSession(w, c);
    return true;
  }
  return false;
}

/** A client who does not come to the first CLW session leaves, need unmet ("courage to come along to the unknown", Allbutt L175). */
function missedFirstSession(w: World, c: number): void {
  exitClient(w, c, Exit.GAVE_UP);
  w.funnel.did_not_attend_clw++;
  w.wk.clwNoShows++;
}

function startSessions(w: World, c: number, i: number): void {
  beginSessions(w, c, i, sessionWeeks(w, c, i, w.rng.clw), w.week);
}

/** Weekly chance of stopping between two CLW sessions that gives declineProb over a course of declineRefSessions. */
export function betweenSessionHazard(w: World): number {
  const { declineProb, declineRefSessions } = w.p.clw;
  return declineRefSessions <= 1 ? declineProb : 1 - (1 - declineProb) ** (1 / (declineRefSessions - 1));
}

/**
 * How many weekly sessions client c will have with CLW i before being referred on or leaving
 * (sets the client's over-referral flag and how the sessions end; three draws from r). A client
 * may stop coming between any two sessions (betweenSessionHazard), so long courses lose more.
 */
export function sessionWeeks(w: World, c: number, i: number, r: Rng): number {
  const { p, clients: cl } = w;
  const kpi = p.practice.kpiRegime === 'referrals';
  const pOver = p.practice.overReferral + (kpi ? p.practice.kpiOverReferral : 0);
  const gain = p.clw.sessionGain * (0.5 + w.clws.expertise[i]!);
  const uOver = draw(r);
  const uDecline = draw(r);
  const uWhen = draw(r);
  cl.setClwOutcome(c, ClwOutcome.REFER);
  if (uOver < pOver) {
    cl.setFlags(c, cl.flags(c) | F.OVER_REFERRED);
    return 1;
  }
  let n: number;
  if (cl.clwOnly(c)) {
    cl.setClwOutcome(c, ClwOutcome.RESOLVED);
    n = 1 + Math.floor(uWhen * p.clw.resolveSessionsMax);
  } else {
    n = Math.ceil((p.clw.readinessThreshold - cl.readiness(c)) / gain);
    n = Math.min(p.clw.maxSessions, Math.max(1, n));
  }
  const { sessionHazard: h, logStay } = w.derived; // betweenSessionHazard(w) and log(1 - it)
  const came = h >= 1 ? 1 : h <= 0 ? n : 1 + Math.floor(Math.log(1 - uDecline) / logStay); // sessions before stopping
  if (came < n) {
    cl.setClwOutcome(c, ClwOutcome.DECLINE);
    n = came;
  }
  return n;
}

/** Client c begins n weekly sessions with CLW i, the first in week `first`. */
export function beginSessions(w: World, c: number, i: number, n: number, first: number): void {
  const cl = w.clients;
  setState(w, c, S.WITH_CLW);
  w.clws.withN[i]!++;
  w.funnel.seen_by_clw++;
  w.wk.clwSessions += n;
  cl.setSessions(c, Math.min(255, n));
  const gain = w.p.clw.sessionGain * (0.5 + w.clws.expertise[i]!);
  if (cl.clwOutcome(c) === ClwOutcome.REFER) cl.setReadiness(c, Math.min(1, cl.readiness(c) + gain * n));
  // Sessions are weekly: the last one is n - 1 weeks after the first.
  w.referCal.add(first + n - 1, w.week, c, nextSeq(w, c));
}
