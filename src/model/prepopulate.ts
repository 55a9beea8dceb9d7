/**
 * Part of step 0 (the setup, mechanisms/setup.ts): the world at week 0 is a running programme,
 * not an empty one (issue 11: start near the equilibrium so the warm-up stays short). An empty
 * start fills TSO places within a programme length, but a waiting list that demand outruns
 * (mental health) relaxes slowly (give-ups, the only balance, change little with the wait: a
 * time constant of about a year), and while it builds CLWs hold ever more clients and every loop
 * that runs on pressure drifts. So:
 *  - each CLW has the referrals of the last firstSessionLeadWeeks weeks booked for a first session,
 *    and the clients who began sessions in recent weeks and are not yet through them;
 *  - each TSO whose tso.initialWaitWeeks W is above 0 has its places taken (clients part way
 *    through their programme) and a waiting list whose head has waited W weeks: people joined
 *    over the last W weeks at the rate the head of the list moves (places ÷ mean stay, divided
 *    by the share who come when offered), thinned by giving up (waiting.ts S(u)); each is held
 *    by a CLW, and their give-up weeks are drawn conditional on having waited so far;
 *  - GP re-referrals of people who left with need unmet in recent months are on their way.
 * All draws come from the 'start' stream, so two scenarios that share a seed and their week-0
 * parameters start from the same world and keep common random numbers.
 * Clients in the system at week 0 are counted in the funnel as referred at week 0 (so every
 * episode still ends one way or is in the system at the end); pending re-referrals are counted
 * when they come.
 */
import { type World, S, F, Exit, NTYPES, allocClient, freeClient, programmeWeeksOf } from './world.js';
import { TSO_TYPES } from './params.js';
import { AfterExit, TsoOutcome } from './clients.js';
import { nextSeq, setState, setWellbeing } from './lifecycle.js';
import { geometric, draw } from './rng.js';
import { outcomesPerClwWeek, rereferralsPerClwWeek, seenPerClwWeek } from './initial.js';
import { enterClwQueue, initClient } from './mechanisms/demand.js';
import { sessionWeeks, beginSessions } from './mechanisms/clwWork.js';
import { placesOf } from './mechanisms/funding.js';
import { dropHazard } from './mechanisms/engagement.js';
import { giveUpWeeks, stillWaiting } from './mechanisms/waiting.js';

export function prepopulate(w: World): void {
  onTheList(w);
  inSessions(w);
  onTheirWayBack(w);
  const { p, tsos: t } = w;
  for (let j = 0; j < t.n; j++) {
    const type = TSO_TYPES[t.type[j]!]!;
    const now = w.scenario.organisations ? w.scenario.organisations[j]!.waitingNow : undefined; // an area's register may say who waits now
    const wait0 = p.tso.initialWaitWeeks[type];
    if (!t.open[j] || (now === undefined ? wait0 <= 0 : now <= 0)) continue;
    t.places[j] = placesOf(w, j);
    let stay = 0;
    for (let m = 0; m < t.places[j]!; m++) stay += engagedClient(w, j);
    const meanStay = t.places[j]! > 0 ? stay / t.places[j]! : programmeWeeksOf(w, j);
    const offers = t.places[j]! / Math.max(1, meanStay) / p.waiting.attendP0; // head of the list, per week
    const q = p.waiting;
    const still = (u: number) => stillWaiting(u, q.attendP0, q.waitLogitSlope, q.giveUpCapWeeks);
    // Joined u weeks ago and still waiting: density ∝ S(u) on [0, W]; the head moves at offers/week.
    const top = now === undefined ? wait0 : Math.max(1, q.giveUpCapWeeks);
    const cum = [0];
    for (let u = 0; u < top; u++) cum.push(cum[u]! + still(u + 0.5));
    const size = (W: number) => (offers * cum[W]!) / Math.max(1e-9, still(W));
    let wait = wait0;
    let n: number;
    if (now === undefined) n = Math.round(size(wait));
    else {
      // `now` people: the head has waited the shortest W whose list, at that pace, holds them
      for (wait = 1; wait < top && size(wait) < now; wait++);
      n = now;
    }
    // Oldest first, at the quantiles of that density.
    for (let m = 0, u = wait; m < n; m++) {
      const target = cum[wait]! * (1 - (m + 0.5) / n);
      while (u > 0 && cum[u - 1]! > target) u--;
      waitingClient(w, j, Math.max(0, u - 1));
    }
    t.quotedWait[j] = wait;
    t.offerRate[j] = offers;
  }
}

/** A new client record of a random active CLW, already referred to a TSO of type `need`. */
function referredClient(w: World, need: number): number {
  const r = w.rng.start;
  const c = allocClient(w);
  const nActive = Math.min(w.p.clw.count, w.clws.n);
  initClient(w, c, Math.floor(draw(r) * nActive), need, r);
  const cl = w.clients;
  cl.setReadiness(c, Math.max(cl.readiness(c), w.p.clw.readinessThreshold)); // referred when ready
  cl.setFit(c, Math.sqrt(draw(r))); // personal fit: the better of two services of the kind known (referral.ts)
  cl.setFlags(c, cl.flags(c) | F.REFERRED | (draw(r) < w.p.clw.followUpPropensity ? F.FOLLOWED_UP : 0));
  w.arrivalsTotal++;
  w.funnel.referred_to_clw++;
  w.funnel.seen_by_clw++;
  w.funnel.referred_to_tso++;
  return c;
}

/** A client part way through the programme of TSO j; returns their expected weeks in a place. */
function engagedClient(w: World, j: number): number {
  const { clients: cl, tsos: t } = w;
  const e = w.p.engagement;
  const type = t.type[j]!;
  const c = referredClient(w, type);
  // Match quality as engagement.ts computes it, at a service of the right kind.
  const fit = (e.personalFitMin + (1 - e.personalFitMin) * cl.fit(c)) * (cl.clwOnly(c) ? e.clwOnlyProgrammeFit : 1);
  cl.setFit(c, fit);
  cl.setFlags(c, cl.flags(c) | F.STARTED);
  w.funnel.started_tso++;
  cl.setTso(c, j);
  t.engaged[j]!++;
  setState(w, c, S.ENGAGED);
  const length = programmeWeeksOf(w, j);
  const h = dropHazard(w, c, j, fit, 0);
  const left = 1 + Math.floor(draw(w.rng.start) * length); // weeks of the programme still to run
  const d = geometric(w.rng.start, h);
  cl.setTsoOutcome(c, d < left ? TsoOutcome.DROP : TsoOutcome.COMPLETE);
  w.endCal.add(Math.max(1, Math.min(d, left)), 0, c, nextSeq(w, c));
  return h >= 1 ? 0 : ((1 - h) * (1 - (1 - h) ** length)) / h; // E[min(drop-out week, length)]
}

/** A client who joined TSO j's waiting list `waited` weeks ago and is still willing to come. */
function waitingClient(w: World, j: number, waited: number): void {
  const { p, clients: cl, tsos: t } = w;
  const c = referredClient(w, t.type[j]!);
  w.clws.heldN[cl.clw(c)]!++;
  cl.setWaitType(c, t.type[j]!);
  setState(w, c, S.WAIT_TSO);
  cl.setSince(c, -waited);
  cl.setRef(c, 0, j);
  t.waitN[j]!++;
  w.tsoQueue.push(j, c, cl.refSeq(c), -waited);
  const q = p.waiting;
  const u = draw(w.rng.start) * stillWaiting(waited, q.attendP0, q.waitLogitSlope, q.giveUpCapWeeks);
  const giveUp = giveUpWeeks(u, q.attendP0, q.waitLogitSlope, q.giveUpCapWeeks) - waited;
  w.waitCal.add(Math.max(1, giveUp), 0, c, nextSeq(w, c));
}

/** A need drawn from the demand shares (as arrivals draw it). */
function drawNeed(w: World): number {
  const { needShares: shares, needTotal } = w.derived;
  let u = draw(w.rng.start) * needTotal;
  let need = 0;
  while (need < NTYPES - 1 && u >= shares[need]!) u -= shares[need++]!;
  return need;
}

/** Referrals of the last firstSessionLeadWeeks weeks, booked for a first session and waiting for it. */
function onTheList(w: World): void {
  const { p } = w;
  const nActive = Math.min(p.clw.count, w.clws.n);
  const rate = outcomesPerClwWeek(p);
  for (let i = 0; i < nActive; i++) {
    for (let k = 0; k < p.clw.firstSessionLeadWeeks; k++) {
      for (let a = w.dist.start.poisson(rate); a > 0; a--) {
        const c = allocClient(w);
        initClient(w, c, i, drawNeed(w), w.rng.start);
        enterClwQueue(w, c, -k);
        w.funnel.referred_to_clw++;
      }
    }
  }
}

/** Clients who began sessions k = 0..maxSessions-1 weeks ago and are still in them at week 1. */
function inSessions(w: World): void {
  const { p } = w;
  const r = w.rng.start;
  const nActive = Math.min(p.clw.count, w.clws.n);
  const rate = seenPerClwWeek(p);
  for (let i = 0; i < nActive; i++) {
    for (let k = 0; k < p.clw.maxSessions; k++) {
      for (let a = w.dist.start.poisson(rate); a > 0; a--) {
        const c = allocClient(w);
        initClient(w, c, i, drawNeed(w), r);
        const n = sessionWeeks(w, c, i, r);
        if (n - k < 2) { // last session in week 0 or before: referred on or gone before the run starts
          setWellbeing(w, c, 0);
          freeClient(w, c);
          continue;
        }
        w.arrivalsTotal++;
        w.funnel.referred_to_clw++;
        beginSessions(w, c, i, n, -k);
      }
    }
  }
}

/**
 * People who left in the last observeWeeks with need unmet and whose GP will refer them again
 * (demand.ts), each after a geometric delay. Episodes that ended before the run: in arrivals and
 * exits, not in the funnel (their re-referral is, when it comes).
 */
function onTheirWayBack(w: World): void {
  const { p } = w;
  const r = w.rng.start;
  const nActive = Math.min(p.clw.count, w.clws.n);
  const perWeek = nActive * rereferralsPerClwWeek(p);
  for (let k = 1; k <= p.gp.observeWeeks; k++) {
    for (let a = w.dist.start.poisson(perWeek); a > 0; a--) {
      const delay = Math.min(1 + geometric(r, 1 / Math.max(1, p.demand.rereferralDelayWeeks)), p.gp.observeWeeks);
      if (delay <= k) continue; // came back already
      const c = allocClient(w);
      initClient(w, c, Math.floor(draw(r) * nActive), drawNeed(w), r);
      w.clients.setExit(c, Exit.GAVE_UP);
      w.clients.setAfterExit(c, AfterExit.REREFERRAL);
      setState(w, c, S.EXITED);
      w.arrivalsTotal++;
      w.exitsTotal++;
      w.exitCal.add(delay - k, 0, c, nextSeq(w, c));
    }
  }
}
