/**
 * Steps 1b and 10. CLW headcount, learning, forgetting and turnover.
 * Headcount changes (scheduled: e.g. Glasgow's planned 70 → 42 posts) add new hires or wind CLWs
 * down (step 1b): a CLW beyond the headcount takes no new clients and its waiting list moves to
 * those who remain. Expertise is a stock that experience fills and change drains:
 *   - each client episode a CLW sees through, whatever the outcome, adds learningRate × (1 − e)
 *     (learnFromOutcome, called by lifecycle.exitClient: drop-outs and refusals teach what suits
 *     whom as well as completions);
 *   - knowledge of local provision goes stale (step 10): e falls by forgettingPerYear / 52 × e
 *     each week, and each service a CLW knows is forgotten at that rate (least familiar first),
 *     so the known set settles where discovery and TSOs sharing what they offer balance it;
 *   - a leaver is replaced by a new hire whose expertise is drawn around expertiseMean, who knows
 *     few services and takes over the caseload (step 10).
 * With outcomes arriving at x per week, a CLW tends to e∞ = g / (g + φ) (g = x × learningRate,
 * φ = forgetting per week); a workforce with turnover hazard λ settles at mean
 * e∞ + (ē_hire − e∞) · λ / (λ + g + φ), and the setup draws the initial workforce from that
 * stationary distribution (initial.ts), so a run starts where they balance.
 * Realist matrix: F5 "CLWs with enough expertise and community knowledge", C2 "CLWs with
 * varying levels of experience and knowledge of available community provision" (hires and
 * turnover keep that variety), C6 "short-term and fragile funding arrangements" (provision that
 * changes makes knowledge stale: "Frequent closures and changes ... make it more difficult for
 * link workers to keep their knowledge up to date", Allbutt L319), U2 "under-referral" (a new
 * hire knows few services), F7 "TSOs as CLW employers" (an embedded hire knows more provision:
 * employedKnowledgeBonus).
 * Evidence: §4 (turnover 15-30%/yr [A]); §1e (Glasgow CLW near-cut; charity register exits).
 */
import { draw } from '../rng.js';
import { type World, MAX_KNOWN, S, resetKnown } from '../world.js';
import { grow } from '../pools.js';
import { WEEKS_PER_YEAR } from '../params.js';
import type { Mechanism } from '../mechanism.js';
import { hireExpertise } from '../initial.js';

export const syncHeadcount: Mechanism = {
  id: 'headcount', step: '1b', title: 'CLW headcount', module: 'learning.ts', rows: ['F7', 'U2', 'C2'], fn: matchHeadcount,
};

export const turnOverClws: Mechanism = {
  id: 'turnover', step: '10', title: 'CLW forgetting and turnover', module: 'learning.ts', rows: ['F5', 'F7', 'U2', 'C2', 'C6'], fn: replaceLeavers,
};

/** A client episode of CLW i ended (any outcome): experience. */
export function learnFromOutcome(w: World, i: number): void {
  const e = w.clws.expertise[i]!;
  w.clws.expertise[i] = e + w.p.clw.learningRate * (1 - e);
}

function replaceLeavers(w: World): void {
  const { p, clws: k } = w;
  const r = w.rng.turnover;
  const hazard = p.clw.turnoverPerYear / WEEKS_PER_YEAR;
  const keep = 1 - p.clw.forgettingPerYear / WEEKS_PER_YEAR;
  const nActive = Math.min(p.clw.count, k.n);
  for (let i = 0; i < nActive; i++) {
    k.expertise[i] = k.expertise[i]! * keep;
    // Each known service goes stale at the same rate: the least familiar one is forgotten.
    if (k.knownN[i]! > 1 && draw(r) < (1 - keep) * k.knownN[i]!) k.knownN[i]!--;
    if (draw(r) >= hazard) continue;
    k.expertise[i] = hireExpertise(p, w.dist.turnover);
    resetKnown(w, i, p.clw.noviceKnownTsos + (k.employed[i] ? p.clw.employedKnowledgeBonus : 0), r);
  }
}

/** Match the number of CLWs to p.clw.count (scheduled headcount changes). */
function matchHeadcount(w: World): void {
  const { p, clws: k } = w;
  const want = p.clw.count;
  if (want > k.n) addClws(w, want);
  if (want >= k.n) return;
  // CLWs beyond the headcount: move their waiting lists to those who remain.
  for (let i = want; i < k.n; i++) {
    if (k.waitN[i] === 0) continue;
    w.clwQueue.drain(i, (c, stamp, week) => {
      if (w.clients.state(c) !== S.WAIT_CLW || w.clients.seq(c) !== stamp) return;
      const to = c % want;
      w.clients.setClw(c, to);
      k.waitN[to]!++;
      w.clwQueue.push(to, c, stamp, week);
    });
    k.waitN[i] = 0;
  }
}

function addClws(w: World, n: number): void {
  const k = w.clws;
  const old = k.n;
  k.expertise = grow(k.expertise, n);
  k.employed = grow(k.employed, n);
  k.known = grow(k.known, n * MAX_KNOWN);
  k.known.fill(-1, old * MAX_KNOWN);
  k.knownN = grow(k.knownN, n);
  k.withN = grow(k.withN, n);
  k.heldN = grow(k.heldN, n);
  k.waitN = grow(k.waitN, n);
  k.pressure = grow(k.pressure, n);
  k.hhCap = grow(k.hhCap, n);
  k.hhUsed = grow(k.hhUsed, n);
  k.followUpP = grow(k.followUpP, n);
  w.clwQueue.addQueues(n);
  k.n = n;
  const r = w.rng.turnover;
  for (let i = old; i < n; i++) {
    k.expertise[i] = hireExpertise(w.p, w.dist.turnover);
    k.employed[i] = draw(r) < w.p.clw.tsoEmployedShare ? 1 : 0;
    resetKnown(w, i, w.p.clw.noviceKnownTsos + (k.employed[i] ? w.p.clw.employedKnowledgeBonus : 0), r);
  }
}
