/**
 * Step 5. TSO intake: free places are filled from the head of the waiting list, emergencies first
 * (their own list, with a little capacity kept above the places for them: overload.ts). A place is
 * offered: the CLW accompanies a complex client if this week's (pressure-limited) capacity
 * allows, then the client comes to the first session or not. Under scattergun the first offer
 * wins; the other services still reach the client in their own lists and spend staff time on
 * someone already placed (a duplicate contact), or the client takes that place too for a few
 * weeks before dropping it (redundant support). Both cost the CLW service trust. Each TSO's
 * quoted wait (what CLWs see when choosing and gaming, referral.ts) follows what its starters
 * waited, smoothed over practice.waitQuoteWeeks: "That waiting list at this moment is up to one
 * month" (Allbutt L191) is a wait people experience, not a count of list entries. A client who
 * does not come is a bad signal only when the TSO can put it down to the referral (blame,
 * engagement.ts): complex and left to come alone, referred to several at once, unready, wrong kind.
 * Realist matrix: U1 "over-referral" → "TSOs overloaded" (the capacity kept for emergencies);
 * F2 "CLWs providing handholding support (accompanying clients to groups)" →
 * "reduced drop out and non-attendance"; U4 "scattergun and multiple referral practices" →
 * "duplication of staff time", "increased waiting lists across services", "TSOs overloaded".
 * Evidence: §1b (uptake 81%; warm hand-off OR 0.96, US), §4 (each duplicate costs 0.5-1 h of
 * staff time [A]).
 */
import { draw } from '../rng.js';
import { type World, S, F, Exit, MAX_REFS } from '../world.js';
import { clearRefs, exitClient, setWellbeing } from '../lifecycle.js';
import { blame, startEngagement } from './engagement.js';
import { emergencyPlaces } from './overload.js';
import { type QueuePool, Size } from '../pools.js';
import type { Mechanism } from '../mechanism.js';

export const admitToTsos: Mechanism = {
  id: 'intake', step: '5', title: 'TSO intake', module: 'intake.ts', rows: ['F2', 'U1', 'U4'], fn: intake,
};

function intake(w: World): void {
  const t = w.tsos;
  const quoteRate = 1 - Math.exp(-1 / w.p.practice.waitQuoteWeeks); // weekly smoothing of the quoted wait and offer rate
  w.phantomCal.drain(w.week, (j) => {
    if (t.phantom[j]! > 0) t.phantom[j]!--;
  });
  let sink = 0;
  for (let j = 0; j < t.n; j++) {
    // Fetch the next TSOs' list heads in one go (pools.ts: Size.TOUCH).
    if (j % Size.TOUCH === 0) sink += w.tsoQueue.touchHeads(j, Math.min(t.n, j + Size.TOUCH), w.clients);
    t.starts[j] = 0;
    t.startWaitSum[j] = 0;
    t.fullAtIntake[j] = 0;
    t.filledAtIntake[j] = 0;
    if (!t.open[j]) {
      t.dupLoss[j] = 0;
      continue;
    }
    // Emergencies first, into the little capacity kept above the places (overload.ts), then the list.
    let offers = fill(w, j, w.tsoUrgent, t.places[j]! + emergencyPlaces(w, j));
    offers += fill(w, j, w.tsoQueue, t.places[j]!);
    t.offerRate[j]! += quoteRate * (offers - t.offerRate[j]!);
    if (t.starts[j]! > 0) t.quotedWait[j]! += quoteRate * (t.startWaitSum[j]! / t.starts[j]! - t.quotedWait[j]!);
    // Capacity as it binds: places taken (or lost to duplicate contacts) right after intake.
    const blocked = Math.floor(t.dupLoss[j]!);
    t.filledAtIntake[j] = t.engaged[j]! + t.phantom[j]!;
    t.fullAtIntake[j] = t.filledAtIntake[j]! + blocked >= t.places[j]! ? 1 : 0;
    t.dupLoss[j]! -= blocked; // whole place-weeks were lost this week; the part of one carries over
  }
  w.tsoQueue.sink = (w.tsoQueue.sink + sink) | 0;
}

/**
 * Offer places at TSO j to the head of queue q while fewer than `ceiling` places are taken or
 * lost to duplicate contacts; returns the live entries reached (offers made).
 */
function fill(w: World, j: number, q: QueuePool, ceiling: number): number {
  const { tsos: t, clients: cl } = w;
  let offers = 0;
  // Staff time lost to duplicate contacts blocks a place only when it adds up to a whole place-week.
  while (t.engaged[j]! + t.phantom[j]! + Math.floor(t.dupLoss[j]!) < ceiling) {
    const c = q.shift(j);
    if (c < 0) break;
    if (cl.refSeq(c) !== q.stamp) continue; // withdrawn: gave up or re-referred
    let slot = -1;
    for (let k = 0; k < MAX_REFS; k++) if (cl.ref(c, k) === j) slot = k;
    if (slot < 0) continue;
    cl.setRef(c, slot, -1);
    t.waitN[j]!--;
    offers++;
    if (cl.state(c) === S.WAIT_TSO) {
      if (firstSession(w, c, j)) startEngagement(w, c, j);
    } else if (cl.state(c) === S.ENGAGED && draw(w.rng.intake) < w.p.practice.doubleUpProb) {
      // "All of the support is happening at once": the client takes this place too, for a while.
      t.phantom[j]!++;
      w.phantomCal.add(w.week + w.p.practice.doubleUpWeeks, w.week, j, 0);
      t.neg[j]! += 1;
      w.wk.duplicates++;
    } else {
      // Already placed elsewhere (or gone): staff time spent on a duplicate referral.
      t.dupLoss[j]! += w.p.tso.dupCostPlaces;
      t.neg[j]! += 1;
      w.wk.duplicates++;
    }
  }
  return offers;
}

/**
 * A place is offered: the CLW accompanies a complex client if it can, then the client comes to
 * the first session or not. Overall attendance after w weeks on the list is p₀·S(w) =
 * logistic(logit p₀ − b·w) (waiting.ts draws S); a complex client who comes alone is less likely
 * to come. Returns whether they came; one who did not leaves (non-attendance).
 */
function firstSession(w: World, c: number, j: number): boolean {
  const { p, clients: cl, clws: k } = w;
  const i = cl.clw(c);
  let flags = cl.flags(c);
  if (flags & F.COMPLEX) {
    w.wk.complexStarts++;
    if (k.hhUsed[i]! < p.clw.handholdingPerWeek && draw(w.rng.intake) < k.hhCap[i]!) {
      k.hhUsed[i]!++;
      flags |= F.ACCOMPANIED;
      w.wk.accompanied++;
    }
  }
  cl.setFlags(c, flags);
  const alone = (flags & F.COMPLEX) !== 0 && (flags & F.ACCOMPANIED) === 0;
  const pAttend = alone ? w.derived.attendAlone : w.derived.attend; // logistic(logit p₀ − [alone]·complexAloneNoShowLogOdds)
  if (draw(w.rng.intake) < pAttend) return true;
  // Did not attend: the TSO's contact attempts are wasted and the referral did not follow through.
  clearRefs(w, c);
  w.tsos.dupLoss[j]! += p.tso.dupCostPlaces;
  w.tsos.neg[j]! += blame(w, c, j); // a bad signal when the referral was poor (engagement.ts)
  setWellbeing(w, c, cl.wellbeing(c) - p.engagement.dropWellbeingLoss);
  exitClient(w, c, Exit.GAVE_UP);
  w.funnel.did_not_attend++;
  w.wk.noShows++;
  return false;
}
