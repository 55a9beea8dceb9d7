/**
 * Step 6. Engagement ends: completion or drop-out.
 * When a client starts (startEngagement, called by intake in step 5), their weekly drop-out
 * hazard is fixed from what they bring:
 *   log h = log h₀ + β_mismatch·(1 − match quality) + β_wait·weeks waited
 *         + β_confusion·[referred to several at once] + β_unready·(1 − readiness)
 *         + β_alone·[complex and not accompanied] + β_followup·[followed up]
 *         + β_trust·(TSO trust − 0.5)
 * and the week they leave is drawn once (geometric): a drop-out before the programme ends, or
 * completion (step 6), which brings a wellbeing gain scaled by match quality; every ending
 * teaches the CLW (learning.ts, through lifecycle.exitClient). A completion is a good signal to
 * the TSO; a drop-out is a bad one only when the TSO can put it down to the referral (blame).
 * Realist matrix: F1 "empathic navigators" → clients "mentally in right place for services"
 * (readiness), F2 "handholding support" → "reduced drop out" (complex clients who came alone),
 * F5 and F4 (match quality: the right kind of service, and the best fit among those the CLW
 * knows), F3 (trust: "increased client confidence in CLW and TSO
 * services"), U3 (follow-up), U4 ("client confusion"), U1 (unready clients; clients the CLW
 * could have helped get little from a programme), outcome "sustained client engagement".
 * Evidence: §1b, §4 (completion ≈ 50% of starters; no UK handholding effect size).
 */
import { type World, S, F, Exit, programmeWeeksOf } from '../world.js';
import { TsoOutcome } from '../clients.js';
import { geometric } from '../rng.js';
import { exitClient, nextSeq, setState, setWellbeing } from '../lifecycle.js';
import type { Mechanism } from '../mechanism.js';

export const endEngagements: Mechanism = {
  id: 'engagement', step: '6', title: 'engagement: completion and drop-out', module: 'engagement.ts',
  rows: ['F1', 'F2', 'F3', 'F4', 'F5', 'U1', 'U3', 'U4'], fn: engagementEnds,
};

export function startEngagement(w: World, c: number, j: number): void {
  const { p, clients: cl, tsos: t, clws: k } = w;
  const e = p.engagement;
  const i = cl.clw(c);
  const waited = w.week - cl.since(c);
  k.heldN[i]!--;
  cl.setTso(c, j);
  t.engaged[j]!++;
  let flags = cl.flags(c);
  if (!(flags & F.STARTED)) {
    flags |= F.STARTED;
    w.funnel.started_tso++;
  }
  cl.setFlags(c, flags);
  const matched = t.type[j] === cl.need(c);
  // Match quality: the right kind of service (or not), times how well it fits this person.
  // A client whose needs the CLW could have met gets little from a programme (over-referral, U1).
  const personal = e.personalFitMin + (1 - e.personalFitMin) * cl.fit(c);
  const fit = (matched ? 1 : e.mismatchFit) * personal * (cl.clwOnly(c) ? e.clwOnlyProgrammeFit : 1);
  cl.setFit(c, fit);
  w.wk.fitSum += fit;
  setState(w, c, S.ENGAGED);
  w.wk.starts++;
  if (matched) w.wk.startsMatched++;
  w.wk.startWaitSum += waited;
  t.starts[j]!++;
  t.startWaitSum[j]! += waited;

  const h = dropHazard(w, c, j, fit, waited);
  const length = programmeWeeksOf(w, j);
  const d = geometric(w.rng.engagement, h);
  cl.setTsoOutcome(c, d < length ? TsoOutcome.DROP : TsoOutcome.COMPLETE);
  w.endCal.add(w.week + Math.min(d, length), w.week, c, nextSeq(w, c));
}

/** Weekly drop-out probability of client c starting at TSO j with match quality `fit` after `waited` weeks. */
export function dropHazard(w: World, c: number, j: number, fit: number, waited: number): number {
  const e = w.p.engagement;
  const flags = w.clients.flags(c);
  const logH = w.derived.logBaseDrop // log(max(1e-12, baseDropHazard))
    + e.mismatchLogHR * (1 - fit)
    + e.waitLogHR * waited
    + (flags & F.CONFUSED ? e.confusionLogHR : 0)
    + e.unreadyLogHR * (1 - w.clients.readiness(c))
    + ((flags & F.COMPLEX) && !(flags & F.ACCOMPANIED) ? e.complexAloneLogHR : 0)
    + (flags & F.FOLLOWED_UP ? e.followUpLogHR : 0)
    + e.trustLogHR * (w.tsos.trust[j]! - 0.5);
  return 1 - Math.exp(-Math.exp(logH));
}

/**
 * The bad signal a TSO reads in a drop-out or a no-show: the full dropoutWeight when it can put
 * it down to the referral (the wrong kind of service, a client referred before they were ready
 * or to several services at once, a complex client left to come alone), otherwise the share
 * trust.ownCourseWeight of it: the client's own course ("This (CLW) is very much about, you
 * know, you need to do this for yourself", Allbutt L181).
 */
export function blame(w: World, c: number, j: number): number {
  const f = w.clients.flags(c);
  const poor = w.tsos.type[j] !== w.clients.need(c) || (f & (F.OVER_REFERRED | F.CONFUSED)) !== 0
    || ((f & F.COMPLEX) !== 0 && (f & F.ACCOMPANIED) === 0);
  return w.p.trust.dropoutWeight * (poor ? 1 : w.p.trust.ownCourseWeight);
}

function engagementEnds(w: World): void {
  const { p, clients: cl, tsos: t } = w;
  w.endCal.drain(w.week, (c, seq) => {
    if (cl.seq(c) !== seq || cl.state(c) !== S.ENGAGED) return;
    const j = cl.tso(c);
    t.engaged[j]!--;
    if (cl.tsoOutcome(c) === TsoOutcome.DROP) {
      setWellbeing(w, c, cl.wellbeing(c) - p.engagement.dropWellbeingLoss);
      t.neg[j]! += blame(w, c, j); // "the success rate for link worker referrals is very low" (Allbutt L201)
      exitClient(w, c, Exit.DROPPED);
      w.funnel.dropped_out++;
      w.wk.dropouts++;
    } else {
      const wb = cl.wellbeing(c);
      setWellbeing(w, c, wb + p.engagement.wellbeingGain * cl.fit(c) * (1 - wb));
      t.pos[j]! += 1;
      exitClient(w, c, Exit.COMPLETED);
      if (w.orgs && w.week > w.scenario.warmup) w.orgs.completed[j]!++;
      w.funnel.completed++;
      w.wk.completions++;
    }
  });
}
