/**
 * Steps 1b and 10. CLW headcount, learning and turnover.
 * Headcount changes (scheduled: e.g. Glasgow's planned 70 → 42 posts) add novices or wind CLWs
 * down (step 1b): a CLW beyond the headcount takes no new clients and its waiting list moves to
 * those who remain. Expertise grows with each completed placement, more for a good match
 * (learnFromCompletion, called when a programme ends in step 6), and is lost when a CLW leaves
 * and a novice, who knows few services, takes over the caseload (step 10).
 * Realist matrix: F5 "CLWs with enough expertise and community knowledge", C2 "CLWs with
 * varying levels of experience and knowledge of available community provision" (novices and
 * turnover keep that variety), U2 "under-referral" (a novice knows few services), F7 "TSOs as
 * CLW employers" (an embedded novice knows more provision: employedKnowledgeBonus).
 * Evidence: §4 (turnover 15-30%/yr [A]); §1e (Glasgow CLW near-cut).
 */
import { type World, MAX_KNOWN, S, resetKnown } from '../world.js';
import { grow } from '../pools.js';
import { WEEKS_PER_YEAR } from '../params.js';
import type { Mechanism } from '../mechanism.js';

export const syncHeadcount: Mechanism = {
  id: 'headcount', step: '1b', title: 'CLW headcount', module: 'learning.ts', rows: ['F7', 'U2', 'C2'], fn: matchHeadcount,
};

export const turnOverClws: Mechanism = {
  id: 'turnover', step: '10', title: 'CLW turnover', module: 'learning.ts', rows: ['F5', 'F7', 'U2', 'C2'], fn: replaceLeavers,
};

export function learnFromCompletion(w: World, i: number, fit: number): void {
  const e = w.clws.expertise[i]!;
  w.clws.expertise[i] = e + w.p.clw.learningRate * fit * (1 - e);
}

function replaceLeavers(w: World): void {
  const { p, clws: k } = w;
  const r = w.rng.turnover;
  const hazard = p.clw.turnoverPerYear / WEEKS_PER_YEAR;
  const nActive = Math.min(p.clw.count, k.n);
  for (let i = 0; i < nActive; i++) {
    if (r() >= hazard) continue;
    k.expertise[i] = p.clw.noviceExpertise;
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
    k.expertise[i] = w.p.clw.noviceExpertise;
    k.employed[i] = r() < w.p.clw.tsoEmployedShare ? 1 : 0;
    resetKnown(w, i, w.p.clw.noviceKnownTsos + (k.employed[i] ? w.p.clw.employedKnowledgeBonus : 0), r);
  }
}
