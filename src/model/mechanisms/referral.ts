/**
 * Step 4c. Referral choice: when a client's sessions end, the CLW refers on (or the client
 * leaves: declined, or resolved by the CLW's own sessions).
 * - Targeted: the CLW identifies the kind of service needed (more often right with expertise)
 *   and, among the TSOs of that kind it knows, picks the shortest wait the TSOs quote (with
 *   probability = expertise) or its favourite.
 * - Scattergun: k services at once; more tempting when the best quoted wait is long ("game the
 *   system") and when the CLW is under pressure.
 * - Under-referral falls out of a narrow known set: TSOs no CLW knows are never referred to;
 *   a CLW who knows no open service of the kind needed sometimes finds one by asking around.
 * - Follow-up with the TSO, with a propensity that falls with pressure.
 * - TSO triage: a referral outside the TSO's remit may be turned back (more so as trust falls),
 *   and a routine referral to a TSO whose list is closed may be passed on to an open service of
 *   the same kind (signposted) or turned back (overload.ts). An emergency goes on the TSO's
 *   emergency list.
 * Realist matrix: F1 "empathic navigators" (readiness-based referral; needs met by the CLW),
 * F4 "considering full range of local provision" (the fit is the best of the services known),
 * F5 "expertise and community knowledge to match", U1 "over-referral" (unready referrals are
 * flagged to the TSO; mismatches turned back), U2 "under-referral", U3 "failure to follow up",
 * U4 "scattergun and multiple referral practices", C3 (pressure pushes scattergun), F3 (trusting
 * TSOs refuse less and share what they offer: knowledge grows), F7 "TSOs as CLW employers"
 * (embedded CLWs find services they did not know more often: employedExploreBoost).
 */
import { draw } from '../rng.js';
import { type World, S, F, Exit, MAX_REFS, MAX_KNOWN, NTYPES, learnTso } from '../world.js';
import { ClwOutcome } from '../clients.js';
import { clearRefs, exitClient, nextSeq, returnToClw, setState, setWellbeing } from '../lifecycle.js';
import { scheduleGiveUp } from './waiting.js';
import { isEmergency, signpost } from './overload.js';
import type { Mechanism } from '../mechanism.js';

export const referOn: Mechanism = {
  id: 'referral', step: '4c', title: 'referral choice', module: 'referral.ts',
  rows: ['F1', 'F3', 'F4', 'F5', 'F7', 'U1', 'U2', 'U3', 'U4', 'C3'], fn: referrals,
};

/** Sessions that count a client as seen_3plus in the funnel (a reporting threshold, not behaviour). */
const SEEN_SESSIONS = 3;

/**
 * The wait a CLW sees at TSO j: what the TSO quotes, its recent starters' wait (intake.ts), not
 * a count of list entries, which scattergun duplicates and people who never start inflate.
 */
const waitOf = (w: World, j: number) => w.tsos.quotedWait[j]!;

function referrals(w: World): void {
  const cl = w.clients;
  refreshKinds(w);
  w.referCal.drain(w.week, (c, seq) => {
    if (cl.seq(c) !== seq || cl.state(c) !== S.WITH_CLW) return;
    if (cl.sessions(c) >= SEEN_SESSIONS && !(cl.flags(c) & F.SEEN3)) {
      cl.setFlags(c, cl.flags(c) | F.SEEN3);
      w.funnel.seen_3plus++;
    }
    const outcome = cl.clwOutcome(c);
    if (outcome === ClwOutcome.RESOLVED) {
      const wb = cl.wellbeing(c);
      const fit = w.p.engagement.resolvedFit; // as a completed programme of this match quality
      setWellbeing(w, c, wb + fit * w.p.engagement.wellbeingGain * (1 - wb));
      cl.setFit(c, fit);
      exitClient(w, c, Exit.RESOLVED);
      w.funnel.resolved_by_clw++;
      return;
    }
    if (outcome === ClwOutcome.DECLINE) {
      exitClient(w, c, Exit.DECLINED);
      w.funnel.left_clw_before_referral++;
      w.wk.declined++;
      return;
    }
    refer(w, c);
  });
}

/** w.referral.kind of a TSO that is closed. */
const CLOSED = 255;

/**
 * Each TSO's type while it is open, CLOSED when not, so that scanning a CLW's known services
 * reads one byte per service (pick, countKnown). TSOs open and close only in the funding step,
 * so once at the start of this step is enough.
 */
function refreshKinds(w: World): void {
  const { open, type, n } = w.tsos;
  const kind = w.referral.kind;
  for (let j = 0; j < n; j++) kind[j] = open[j] ? type[j]! : CLOSED;
}

/** The known open TSO of `type` (any type if < 0) a CLW would pick, or -1; `best` = shortest visible wait. */
function pick(w: World, i: number, type: number, best: boolean, skip: number): number {
  const { known, knownN } = w.clws;
  const { kind, chosen } = w.referral;
  const wait = w.tsos.quotedWait; // waitOf
  const base = i * MAX_KNOWN;
  const end = base + knownN[i]!;
  let out = -1;
  let outWait = Infinity;
  for (let m = base; m < end; m++) {
    const j = known[m]!;
    const kj = kind[j]!;
    if ((type >= 0 ? kj !== type : kj === CLOSED) || (skip > 0 && isChosen(chosen, j, skip))) continue;
    if (!best) return j;
    const wt = wait[j]!;
    if (wt < outWait) {
      out = j;
      outWait = wt;
    }
  }
  return out;
}

/** Open TSOs of `type` that CLW i knows. */
function countKnown(w: World, i: number, type: number): number {
  const { known, knownN } = w.clws;
  const kind = w.referral.kind;
  const base = i * MAX_KNOWN;
  const end = base + knownN[i]!;
  let m = 0;
  for (let q = base; q < end; q++) if (kind[known[q]!] === type) m++;
  return m;
}

const isChosen = (chosen: Int32Array, j: number, n: number) => {
  for (let m = 0; m < n; m++) if (chosen[m] === j) return true;
  return false;
};

/** Find an open TSO of `type` the CLW did not know (asking around); learned if found. */
function discover(w: World, i: number, type: number, n: number): number {
  const ids = w.tsoByType[type]!;
  if (ids.length === 0) return -1;
  const start = Math.floor(draw(w.rng.referral) * ids.length);
  for (let m = 0; m < ids.length; m++) {
    const j = ids[(start + m) % ids.length]!;
    if (w.tsos.open[j] && !isChosen(w.referral.chosen, j, n)) {
      learnTso(w, i, j);
      return j;
    }
  }
  return -1;
}

function refer(w: World, c: number): void {
  const { p, clients: cl, clws: k, tsos: t } = w;
  const r = w.rng.referral;
  const chosen = w.referral.chosen;
  const i = cl.clw(c);
  const e = k.expertise[i]!;
  const need = cl.need(c);
  const accuracy = p.clw.matchAccuracyBase + (1 - p.clw.matchAccuracyBase) * e;
  const target = draw(r) < accuracy ? need : (need + 1 + Math.floor(draw(r) * (NTYPES - 1))) % NTYPES;
  const useBest = draw(r) < e;
  let first = pick(w, i, target, useBest, 0);
  const explore = p.clw.exploreProb * (k.employed[i] ? p.clw.employedExploreBoost : 1);
  if (first < 0 && draw(r) < explore) first = discover(w, i, target, 0);
  if (first < 0) first = pick(w, i, -1, false, 0); // fall back on a familiar service of any kind
  if (first < 0) {
    retryOrGiveUp(w, c);
    return;
  }
  chosen[0] = first;
  let n = 1;
  const excess = Math.max(0, k.pressure[i]! - p.clw.pressureKnee);
  const gaming = Math.max(0, waitOf(w, first) - p.practice.gamingWaitWeeks) / p.practice.gamingWaitWeeks;
  const pScatter = p.practice.scatterShare + p.practice.gamingSensitivity * gaming + p.practice.pressureScatter * excess;
  if (draw(r) < pScatter) {
    const kk = Math.min(MAX_REFS, p.practice.scatterK);
    while (n < kk) {
      let j = pick(w, i, t.type[first]!, false, n);
      if (j < 0 && draw(r) < explore) j = discover(w, i, t.type[first]!, n);
      if (j < 0 || isChosen(chosen, j, n)) break;
      chosen[n++] = j;
    }
  }
  clearRefs(w, c); // a new referral round
  cl.setFlags(c, cl.flags(c) & ~(F.FOLLOWED_UP | F.CONFUSED | F.ACCOMPANIED));
  // Follow-up depends on the relationship with the first-choice TSO (reciprocity, F3/U3).
  const recip = p.trust.followUpReciprocity;
  const followed = draw(r) < k.followUpP[i]! * (1 - recip + 2 * recip * t.trust[first]!);
  // How well the placement can fit the person: the best of the m services of the right kind the
  // CLW knows (the maximum of m uniform draws is u^(1/m)); knowing the full range helps (F4).
  cl.setFit(c, draw(r) ** (1 / Math.max(1, Math.min(p.clw.fitChoiceMax, countKnown(w, i, need)))));
  const unready = (cl.flags(c) & F.OVER_REFERRED) !== 0; // referred before the CLW judged them ready
  const emergency = isEmergency(w, c);
  if (emergency) w.wk.emergencyReferrals++;
  let accepted = 0;
  for (let m = 0; m < n; m++) {
    const j = chosen[m]!;
    const mismatch = t.type[j] !== need;
    t.lastReferral[j] = w.week;
    if (mismatch || unready) t.neg[j]! += 1;
    else t.pos[j]! += p.trust.referralWeight;
    if (followed) t.pos[j]! += 1;
    let to = j;
    if (t.listClosed[j] && !emergency) {
      // Not taking referrals just now (overload.ts): passed on to a service of its kind, or turned back.
      w.wk.closedRefusals++;
      to = signpost(w, c, t.type[j]!, n);
    } else if (mismatch && draw(r) < p.tso.refuseMismatchProb * (p.tso.refuseTrustOffset - t.trust[j]!)) {
      w.wk.refused++;
      continue;
    }
    if (to < 0) continue;
    if (to !== j) w.wk.signposted++;
    cl.setRef(c, accepted++, to);
    t.waitN[to]!++;
    (emergency ? w.tsoUrgent : w.tsoQueue).push(to, c, cl.refSeq(c), w.week);
    if (to === j && draw(r) < p.trust.knowledgeShare * t.trust[j]!) {
      const ids = w.tsoByType[Math.floor(draw(r) * NTYPES)]!;
      if (ids.length > 0) learnTso(w, i, ids[Math.floor(draw(r) * ids.length)]!);
    }
  }
  w.wk.referrals++;
  w.wk.referralLinks += n;
  w.wk.sessionsSum += cl.sessions(c);
  if (n > 1) w.wk.scatterReferrals++;
  if (followed) w.wk.followUps++;
  if (accepted === 0) {
    retryOrGiveUp(w, c, true);
    return;
  }
  cl.setRetries(c, 0);
  if (followed) cl.setFlags(c, cl.flags(c) | F.FOLLOWED_UP);
  if (accepted > 1) cl.setFlags(c, cl.flags(c) | F.CONFUSED);
  if (!(cl.flags(c) & F.REFERRED)) {
    cl.setFlags(c, cl.flags(c) | F.REFERRED);
    w.funnel.referred_to_tso++;
  }
  k.withN[i]!--;
  k.heldN[i]!++;
  cl.setWaitType(c, t.type[cl.ref(c, 0)]!); // every accepted referral is of one type (a signposted one: of the same kind)
  setState(w, c, S.WAIT_TSO);
  scheduleGiveUp(w, c, nextSeq(w, c));
}

/** No service found or every referral turned back: try again, or leave after clw.maxRetries. */
function retryOrGiveUp(w: World, c: number, refused = false): void {
  const cl = w.clients;
  cl.setRetries(c, cl.retries(c) + 1);
  if (cl.retries(c) > w.p.clw.maxRetries) {
    exitClient(w, c, Exit.NO_SERVICE);
    w.funnel.no_service_found++;
    return;
  }
  if (refused) returnToClw(w, c);
  else w.referCal.add(w.week + w.p.clw.retryWeeks, w.week, c, nextSeq(w, c));
}
