/**
 * Step 5b. TSOs respond to overload in more ways than a queue.
 * - Restricting entry: a TSO whose list would keep a new referral waiting longer than
 *   tso.closeWaitWeeks closes it to routine referrals, and opens it again when the wait forecast
 *   falls below tso.reopenWaitWeeks. The forecast is what the TSO can see: entries on its list
 *   over the offers it has been able to make a week (smoothed over practice.waitQuoteWeeks), or
 *   its nominal throughput (places ÷ programme weeks) when that is faster. "Only occasionally did
 *   TSOs place restrictions on entry or set up waiting list systems" (Allbutt L189).
 * - Signposting elsewhere: a routine referral to a closed list is passed on, with probability
 *   tso.signpostProb, to another open service of the same kind whose list is open (referral.ts
 *   calls signpost()): the person joins that list, and that TSO reads no signal of the CLW's
 *   practice in it. Otherwise it comes back to the CLW, who tries again the next week.
 * - Emergency capacity: "we always do keep a little capacity...each practitioner is actually able
 *   to take maybe one more referral in case of an emergency" (Allbutt L191). A referral of someone
 *   in crisis (wellbeing below tso.emergencyWellbeing) goes to a separate list that is offered
 *   places first, up to tso.emergencyShare more places than the TSO has (intake.ts), and a closed
 *   list still takes it.
 * Realist matrix: U1 "over-referral by CLWs" and U4 "scattergun and multiple referral practices"
 * → "TSOs overloaded", "increased waiting lists across services" (the TSO closes its list); U8
 * "cuts to TSO funding" (fewer places: lists close, and the backlog moves upstream to CLWs); F3
 * "CLWs developing positive relationships with TSOs" → "more facilitative environment for
 * TSO/CLW collaboration" (a TSO passes a person on rather than back).
 * Evidence: §1b (psychological therapies: 90% should start within 18 weeks, the standard a service
 * holds itself to), Allbutt L189-191.
 */
import { draw } from '../rng.js';
import { type World, MAX_REFS, programmeWeeksOf } from '../world.js';
import type { Mechanism } from '../mechanism.js';

export const restrictEntry: Mechanism = {
  id: 'overload', step: '5b', title: 'TSO lists closed or opened (overload)', module: 'overload.ts',
  rows: ['F3', 'U1', 'U4', 'U8'], fn: openOrCloseLists,
};

/** Weeks a new routine referral would wait at TSO j, as the TSO can forecast it. */
export function forecastWait(w: World, j: number): number {
  const t = w.tsos;
  if (t.waitN[j] === 0) return 0;
  const nominal = t.places[j]! / programmeWeeksOf(w, j);
  const rate = Math.max(t.offerRate[j]!, nominal);
  return rate > 0 ? t.waitN[j]! / rate : Number.POSITIVE_INFINITY;
}

function openOrCloseLists(w: World): void {
  const { p, tsos: t } = w;
  for (let j = 0; j < t.n; j++) {
    if (!t.open[j]) {
      t.listClosed[j] = 0;
      continue;
    }
    const wait = forecastWait(w, j);
    if (!t.listClosed[j] && wait > p.tso.closeWaitWeeks) {
      t.listClosed[j] = 1;
      w.wk.listClosures++;
    } else if (t.listClosed[j] && wait < p.tso.reopenWaitWeeks) t.listClosed[j] = 0;
  }
}

/** Places TSO j keeps above its places for emergencies: at least one while it has any. */
export function emergencyPlaces(w: World, j: number): number {
  const share = w.p.tso.emergencyShare;
  return share > 0 ? Math.ceil(w.tsos.places[j]! * share) : 0;
}

/** Is a referral of client c an emergency (someone in crisis)? */
export const isEmergency = (w: World, c: number): boolean => w.clients.wellbeing(c) < w.p.tso.emergencyWellbeing;

/**
 * A TSO turning a referral of client c back may signpost the person to another open service of
 * `type` whose list is open, which is not among the n services of this referral
 * (w.referral.chosen) and to which c is not already referred: returns it, or -1.
 */
export function signpost(w: World, c: number, type: number, n: number): number {
  const r = w.rng.referral;
  if (draw(r) >= w.p.tso.signpostProb) return -1;
  const ids = w.tsoByType[type]!;
  if (ids.length === 0) return -1;
  const start = Math.floor(draw(r) * ids.length);
  for (let m = 0; m < ids.length; m++) {
    const j = ids[(start + m) % ids.length]!;
    if (w.tsos.open[j] && !w.tsos.listClosed[j] && !referredTo(w, c, j) && !chosenNow(w, j, n)) return j;
  }
  return -1;
}

const referredTo = (w: World, c: number, j: number) => {
  for (let k = 0; k < MAX_REFS; k++) if (w.clients.ref(c, k) === j) return true;
  return false;
};
/** Among the n services of the referral being made (referral.ts keeps them in w.referral.chosen). */
const chosenNow = (w: World, j: number, n: number) => {
  for (let m = 0; m < n; m++) if (w.referral.chosen[m] === j) return true;
  return false;
};
