/**
 * The causal loop diagram of the explorer: the model's main feedback loops, and how strongly
 * each link is acting this week, measured from the model's own state and weekly flows.
 *
 * Every link strength is a share in 0..1 read from the world after a week (never a random draw,
 * never a change of state), then smoothed over about five weeks so the diagram does not flicker.
 * A loop's score is the geometric mean of its links' strengths: a loop only runs when every link
 * in it is acting. Which loop "dominates now" is decided from the scores by dominance.ts. This is
 * a simple, documented heuristic (docs/students.md), not a formal loop-dominance analysis.
 */
import { type World, S, Exit } from '../model/world.js';
import { caseload } from '../model/mechanisms/clwWork.js';

export type NodeId =
  | 'referrals' | 'trust' | 'places' | 'success' | 'waits' | 'pressure' | 'scatter' | 'dups'
  | 'unmet' | 'gp' | 'rerefs' | 'support' | 'clwq' | 'funding';

export interface CldNode { id: NodeId; label: string; x: number; y: number }
export interface Loop { id: string; kind: 'R' | 'B'; name: string; story: string; x: number; y: number }
export interface Link { from: NodeId; to: NodeId; sign: '+' | '-'; loop: string; measure: string; bend?: number; also?: string[] }

/** Is this link part of that loop (its own colour's loop, or another it is shared with)? */
export const inLoop = (l: Link, loop: string) => l.loop === loop || (l.also?.includes(loop) ?? false);

/** Node positions are in the diagram's 780 × 480 viewBox. */
export const NODES: CldNode[] = [
  { id: 'referrals', label: 'Targeted, followed-up referrals', x: 110, y: 60 },
  { id: 'trust', label: 'TSO trust in CLWs', x: 380, y: 40 },
  { id: 'success', label: 'Successful placements', x: 110, y: 200 },
  { id: 'places', label: 'TSO places & uptake', x: 380, y: 170 },
  { id: 'funding', label: 'TSO funding (cuts)', x: 225, y: 262 },
  { id: 'dups', label: 'Duplicate & poor referrals', x: 660, y: 40 },
  { id: 'scatter', label: 'Scattergun referral', x: 660, y: 170 },
  { id: 'waits', label: 'TSO waiting lists', x: 520, y: 262 },
  { id: 'pressure', label: 'CLW caseload pressure', x: 680, y: 405 },
  { id: 'clwq', label: 'Waiting for a CLW', x: 735, y: 300 },
  { id: 'unmet', label: 'Drop-out & giving up', x: 340, y: 330 },
  { id: 'support', label: 'Handholding & follow-up', x: 505, y: 368 },
  { id: 'gp', label: 'GP visits', x: 105, y: 345 },
  { id: 'rerefs', label: 'GP re-referrals', x: 165, y: 450 },
];

export const LOOPS: Loop[] = [
  { id: 'R1', kind: 'R', name: 'virtuous circle', x: 245, y: 125, story: 'good referrals build TSO trust; trusting TSOs make room and keep clients; successful placements teach CLWs what works' },
  { id: 'R2', kind: 'R', name: 'vicious circle of cuts and pressure', x: 545, y: 125, story: 'fewer places lengthen waiting lists; clients held while waiting press on CLWs; pressed CLWs scatter referrals; duplicates erode trust; distrustful TSOs offer fewer places' },
  { id: 'R3', kind: 'R', name: 'demand loop through GP visits', x: 330, y: 410, story: 'unmet need brings clients back to their GP; GPs re-refer them; CLWs under pressure have less time to accompany and follow up; more clients drop out' },
  { id: 'B1', kind: 'B', name: 'giving up drains the lists', x: 440, y: 282, story: 'long waiting lists make people give up, which shortens the lists again' },
  { id: 'B2', kind: 'B', name: 'caseload cap', x: 745, y: 375, story: 'CLWs at their cap stop taking new clients, who wait for a CLW instead, which caps the pressure' },
];

/** Each link and what its strength measures (documented in docs/students.md). */
export const LINKS: Link[] = [
  { from: 'referrals', to: 'trust', sign: '+', loop: 'R1', measure: 'share of this week\'s trust movement at open TSOs that was upwards (good referrals, follow-ups, completions)' },
  { from: 'trust', to: 'places', sign: '+', loop: 'R1', also: ['R2'], measure: 'mean trust of open TSOs (trusting TSOs stretch places and refuse fewer referrals)' },
  { from: 'places', to: 'success', sign: '+', loop: 'R1', measure: 'completions ÷ (completions + drop-outs) this week' },
  { from: 'success', to: 'referrals', sign: '+', loop: 'R1', measure: 'share of this week\'s TSO starts at a service of the kind the client needed' },
  { from: 'places', to: 'waits', sign: '-', loop: 'R2', measure: 'waiting-list entries ÷ (entries + places) at open TSOs', bend: 0.15 },
  { from: 'waits', to: 'pressure', sign: '+', loop: 'R2', measure: 'share of CLW caseload made of clients held while they wait at a TSO' },
  { from: 'pressure', to: 'scatter', sign: '+', loop: 'R2', measure: 'share of this week\'s referral decisions made to several services at once', bend: 0.25 },
  { from: 'scatter', to: 'dups', sign: '+', loop: 'R2', measure: 'duplicate contacts ÷ (duplicate contacts + starts) this week' },
  { from: 'dups', to: 'trust', sign: '-', loop: 'R2', measure: 'share of this week\'s trust movement at open TSOs that was downwards (poor or duplicate referrals, drop-outs, silence, cuts)' },
  { from: 'unmet', to: 'gp', sign: '+', loop: 'R3', measure: 'share of the GP consultation rate that comes from clients whose need is unmet (waiting, dropped out, gave up, declined, no service found)' },
  { from: 'gp', to: 'rerefs', sign: '+', loop: 'R3', measure: 'share of this week\'s referrals to CLWs that are GP re-referrals' },
  { from: 'rerefs', to: 'pressure', sign: '+', loop: 'R3', measure: 'mean CLW pressure (caseload ÷ cap), capped at 1', bend: 0.06 },
  { from: 'pressure', to: 'support', sign: '-', loop: 'R3', measure: 'share of handholding capacity and follow-up propensity lost to pressure' },
  { from: 'support', to: 'unmet', sign: '-', loop: 'R3', measure: 'mean of the shares of complex starters not accompanied and of referrals not followed up' },
  { from: 'waits', to: 'unmet', sign: '+', loop: 'B1', measure: 'clients who gave up ÷ (gave up + started) among those leaving a TSO waiting list this week', bend: 0.2 },
  { from: 'unmet', to: 'waits', sign: '-', loop: 'B1', measure: 'same share: each client who gives up leaves the list', bend: 0.2 },
  { from: 'pressure', to: 'clwq', sign: '+', loop: 'B2', measure: 'share of CLWs at or over their caseload cap', bend: 0.35 },
  { from: 'clwq', to: 'pressure', sign: '-', loop: 'B2', measure: 'clients waiting for a CLW ÷ (waiting + in sessions)', bend: 0.35 },
  { from: 'funding', to: 'places', sign: '+', loop: 'input', measure: 'depth of the funding cut: 1 − (grants paid now ÷ initial grants), closed TSOs counting as fully cut' },
];

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0);

/** Reads link strengths and loop scores from a world, week after week. */
export class LoopMeter {
  private prevTrust: Float64Array;
  private first = true;
  /** Smoothed strength of each link, in LINKS order. */
  readonly strength = new Float64Array(LINKS.length);
  /** This week's raw (unsmoothed) strength of each link. */
  readonly raw = new Float64Array(LINKS.length);
  /** Score of each loop, in LOOPS order. */
  readonly score = new Float64Array(LOOPS.length);

  constructor(w: World, readonly alpha = 0.2) {
    this.prevTrust = Float64Array.from(w.tsos.trust.subarray(0, w.tsos.n));
  }

  /** Call after each Simulation.step(). */
  update(w: World): void {
    const v = measureLinks(w, this.prevTrust);
    this.prevTrust.set(w.tsos.trust.subarray(0, w.tsos.n));
    for (let k = 0; k < LINKS.length; k++) {
      this.raw[k] = v[k]!;
      this.strength[k] = this.first ? v[k]! : this.strength[k]! + this.alpha * (v[k]! - this.strength[k]!);
    }
    this.first = false;
    for (let l = 0; l < LOOPS.length; l++) {
      let logSum = 0, n = 0;
      for (let k = 0; k < LINKS.length; k++) {
        if (!inLoop(LINKS[k]!, LOOPS[l]!.id)) continue;
        logSum += Math.log(Math.max(1e-6, this.strength[k]!));
        n++;
      }
      this.score[l] = n ? Math.exp(logSum / n) : 0;
    }
  }
}

/** This week's raw strength of every link (LINKS order); prevTrust is each TSO's trust a week ago. */
export function measureLinks(w: World, prevTrust: Float64Array): number[] {
  const { tsos: t, clws: k, clients: cl, wk, p } = w;
  let up = 0, down = 0, trust = 0, open = 0, waits = 0, places = 0, funding = 0, base = 0;
  for (let j = 0; j < t.n; j++) {
    base += t.baseFunding[j]!;
    if (!t.open[j]) continue;
    const d = t.trust[j]! - prevTrust[j]!;
    if (d > 0) up += d; else down -= d;
    trust += t.trust[j]!;
    open++;
    waits += t.waitN[j]!;
    places += t.places[j]!;
    funding += t.funding[j]!;
  }
  const nActive = Math.min(p.clw.count, k.n);
  let load = 0, held = 0, withN = 0, pressure = 0, atCap = 0, hh = 0, fu = 0, clwWait = 0;
  for (let i = 0; i < k.n; i++) {
    clwWait += k.waitN[i]!;
    if (i >= nActive) continue;
    load += caseload(w, i);
    held += p.clw.holdWeight * k.heldN[i]!;
    withN += k.withN[i]!;
    pressure += k.pressure[i]!;
    if (k.pressure[i]! >= 1) atCap++;
    hh += k.hhCap[i]!;
    fu += k.followUpP[i]!;
  }
  let gpUnmet = 0, gpAll = 0;
  for (let c = 0; c < cl.n; c++) {
    const st = cl.state(c);
    if (st === S.FREE) continue;
    const r = cl.gpRate(c);
    gpAll += r;
    if (st === S.WAIT_CLW || st === S.WITH_CLW || st === S.WAIT_TSO) gpUnmet += r;
    else if (st === S.EXITED && cl.exit(c) !== Exit.COMPLETED) gpUnmet += r;
  }
  const hhLost = p.clw.handholdingPerWeek > 0 ? 1 - ratio(hh, nActive * p.clw.handholdingPerWeek) : 0;
  const fuLost = p.clw.followUpPropensity > 0 ? 1 - ratio(fu, nActive * p.clw.followUpPropensity) : 0;
  const notAccompanied = wk.complexStarts > 0 ? 1 - wk.accompanied / wk.complexStarts : 0;
  const notFollowed = wk.referrals > 0 ? 1 - wk.followUps / wk.referrals : 0;
  const gaveUpShare = ratio(wk.gaveUp, wk.gaveUp + wk.starts);
  const moved = up + down;
  const values: Record<string, number> = {
    'referrals>trust': ratio(up, moved),
    'trust>places': ratio(trust, open),
    'places>success': ratio(wk.completions, wk.completions + wk.dropouts),
    'success>referrals': ratio(wk.startsMatched, wk.starts),
    'places>waits': ratio(waits, waits + places),
    'waits>pressure': ratio(held, load),
    'pressure>scatter': ratio(wk.scatterReferrals, wk.referrals),
    'scatter>dups': ratio(wk.duplicates, wk.duplicates + wk.starts),
    'dups>trust': ratio(down, moved),
    'unmet>gp': ratio(gpUnmet, gpAll),
    'gp>rerefs': ratio(wk.rereferrals, wk.arrivals + wk.rereferrals),
    'rerefs>pressure': Math.min(1, ratio(pressure, nActive)),
    'pressure>support': (hhLost + fuLost) / 2,
    'support>unmet': (notAccompanied + notFollowed) / 2,
    'waits>unmet': gaveUpShare,
    'unmet>waits': gaveUpShare,
    'pressure>clwq': ratio(atCap, nActive),
    'clwq>pressure': ratio(clwWait, clwWait + withN),
    'funding>places': base > 0 ? 1 - funding / base : 0,
  };
  return LINKS.map((l) => clamp01(values[`${l.from}>${l.to}`] ?? 0));
}
