/**
 * Step 7. Waiting clients may give up, at a TSO or on a CLW's waiting list before the first
 * session. The chance of still being willing to attend after w weeks follows a logistic curve, S(w) = logistic(a − b·w) / logistic(a), a = logit(p₀), with
 * nobody waiting beyond a cap; a give-up week is sampled once, when the client joins the list
 * (an event, not a weekly coin toss). Mental-health waits are the longest because MH places
 * are scarcest and programmes longest, so the same curve yields more give-ups there.
 * Realist matrix: the outcomes of U8 "cuts to TSO funding" and U4 "scattergun and multiple
 * referral practices" for clients: "increased waiting lists across services", "particularly
 * long waiting list for mental health services", "client confusion if ... too long waiting
 * lists", "clients do not receive right support". The give-up curve itself has no row: it is
 * how those longer lists lose people.
 * Evidence: §1b (OR 0.95 per week waited; give-up beyond ~30 weeks; uptake 81%).
 */
import { draw } from '../rng.js';
import { type World, S, Exit } from '../world.js';
import { clearRefs, exitClient, setWellbeing } from '../lifecycle.js';
import type { Mechanism } from '../mechanism.js';
import { logit, logistic } from '../math.js';

export const giveUpWaiting: Mechanism = {
  id: 'giveUps', step: '7', title: 'giving up while waiting', module: 'waiting.ts', rows: ['U4', 'U8'], fn: giveUps,
};

/** S(w): share of those who joined a waiting list still willing to attend after w weeks. */
export function stillWaiting(weeks: number, p0: number, slope: number, cap: number): number {
  if (weeks >= cap) return 0;
  const a = logit(p0);
  return logistic(a - slope * weeks) / logistic(a);
}

/** Weeks until a client who joined a waiting list now would give up (inverse of S). */
export function giveUpWeeks(u: number, p0: number, slope: number, cap: number): number {
  const a = logit(p0);
  return giveUpWeeksFrom(u, a, logistic(a), slope, cap);
}

/** giveUpWeeks with a = logit(p0) and la = logistic(a) given (derived.ts keeps them for the week). */
function giveUpWeeksFrom(u: number, a: number, la: number, slope: number, cap: number): number {
  if (slope <= 0) return cap;
  const target = u * la; // S(w) < u  ⇔  logistic(a − b·w) < u·logistic(a)
  const wk = Math.ceil((a - logit(Math.min(1 - 1e-12, Math.max(1e-12, target)))) / slope);
  return Math.min(cap, Math.max(1, wk));
}

export function scheduleGiveUp(w: World, c: number, seq: number): void {
  const p = w.p.waiting;
  const k = w.derived;
  const d = giveUpWeeksFrom(draw(w.rng.waiting), k.waitA, k.waitLa, p.waitLogitSlope, p.giveUpCapWeeks);
  w.waitCal.add(w.week + d, w.week, c, seq);
}

/**
 * The same curve for a CLW's waiting list, drawn when the referral joins it (its own stream, so
 * arrivals stay in step across scenarios). A referral that has already waited `waited` weeks (a
 * list a run starts with) draws its give-up week conditional on still waiting.
 */
export function scheduleClwGiveUp(w: World, c: number, seq: number, waited: number): void {
  const p = w.p.waiting;
  const u = draw(w.rng.clwList) * (waited > 0 ? stillWaiting(waited, p.attendP0, p.waitLogitSlope, p.giveUpCapWeeks) : 1);
  const k = w.derived;
  const d = giveUpWeeksFrom(u, k.waitA, k.waitLa, p.waitLogitSlope, p.giveUpCapWeeks) - waited;
  w.waitCal.add(w.week + Math.max(1, d), w.week, c, seq);
}

function giveUps(w: World): void {
  const cl = w.clients;
  w.waitCal.drain(w.week, (c, seq) => {
    if (cl.seq(c) !== seq) return;
    const st = cl.state(c);
    if (st === S.WAIT_TSO) {
      clearRefs(w, c); // withdraws from every list it was on
      w.funnel.gave_up_waiting++;
      w.wk.gaveUp++;
    } else if (st === S.WAIT_CLW) {
      w.clws.waitN[cl.clw(c)]!--; // its queue entry goes stale
      w.funnel.gave_up_waiting_clw++;
      w.wk.clwGaveUp++;
    } else return;
    setWellbeing(w, c, cl.wellbeing(c) - w.p.engagement.dropWellbeingLoss);
    exitClient(w, c, Exit.GAVE_UP);
  });
}
