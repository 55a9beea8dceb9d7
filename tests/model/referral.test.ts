/**
 * Unit tests of the referral rules (src/model/mechanisms/referral.ts, step 4c) behind the
 * mechanism patterns: the signals a referral and a follow-up send, the scattergun chance, the
 * chance of the right kind of service, the fit drawn from the services a CLW weighs, and the
 * extra services an embedded (TSO-employed) CLW knows.
 */
import { describe, expect, test } from 'vitest';
import { S, F } from '../../src/model/world.js';
import { takeOnClients } from '../../src/model/mechanisms/clwWork.js';
import { referOn } from '../../src/model/mechanisms/referral.js';
import { checkInvariants } from '../../src/model/invariants.js';
import { tinyWorld, beginWeek, referToClw } from './world.js';

type W = ReturnType<typeof tinyWorld>;

/** `n` crisis TSOs, one CLW who knows all of them, targeted one-session referrals, no chance in the way. */
const city = (n: number, set: Record<string, number | string> = {}) => ({
  'tso.count.crisis': n, 'tso.count.mh': 0, 'tso.count.activity': 0, 'tso.count.specialist': 0,
  'clw.count': 1, 'clw.knownTsos': n, 'clw.employedKnowledgeBonus': 0, 'clw.maxSessions': 1, 'clw.firstSessionLeadWeeks': 0,
  'clw.firstSessionAttendP0': 1, 'clw.declineProb': 0, 'clw.caseloadCap': 10000, 'demand.clwOnlyShare': 0, 'demand.needShare.crisis': 1,
  'demand.needShare.mh': 0, 'demand.needShare.activity': 0, 'demand.needShare.specialist': 0, 'clw.matchAccuracyBase': 1,
  'practice.overReferral': 0, 'practice.kpiOverReferral': 0, 'practice.scatterShare': 0, 'practice.gamingSensitivity': 0, 'practice.pressureScatter': 0,
  'clw.followUpPropensity': 0, 'tso.refuseMismatchProb': 0, 'trust.knowledgeShare': 0, 'clw.exploreProb': 0, ...set,
});

/** A client of CLW 0 whose one session ends this week, with need `need`: referOn refers it. */
function readyClient(w: W, need = 0): number {
  const c = referToClw(w, 0, need);
  w.clients.setWellbeing(c, 0.4); // not an emergency
  takeOnClients.fn(w);
  expect(w.clients.state(c)).toBe(S.WITH_CLW);
  return c;
}

function refer(set: Record<string, number | string>, before?: (w: W) => void): { w: W; c: number } {
  const w = tinyWorld(set);
  beginWeek(w, 1);
  w.clws.pressure[0] = 0;
  w.clws.followUpP[0] = w.p.clw.followUpPropensity;
  before?.(w);
  const c = readyClient(w);
  referOn.fn(w);
  return { w, c };
}

describe('the signals a referral sends (trust.ts reads them)', () => {
  test('over-referral-trust: a referral made before the client was ready is a bad signal; a ready one of the right kind a good one', () => {
    const ready = refer(city(1));
    const j = ready.w.clients.ref(ready.c, 0);
    expect([ready.w.tsos.pos[j], ready.w.tsos.neg[j]]).toEqual([ready.w.p.trust.referralWeight, 0]);
    const unready = refer(city(1, { 'practice.overReferral': 1 }));
    expect(unready.w.clients.flags(unready.c) & F.OVER_REFERRED).toBeTruthy();
    expect([unready.w.tsos.pos[j], unready.w.tsos.neg[j]]).toEqual([0, 1]);
    expect(checkInvariants(unready.w)).toEqual([]);
  });

  test('followup-trust: a follow-up is one more good signal to the TSO', () => {
    const none = refer(city(1, { 'clw.followUpPropensity': 0 }));
    const all = refer(city(1, { 'clw.followUpPropensity': 1, 'trust.followUpReciprocity': 0 }));
    expect(none.w.wk.followUps).toBe(0);
    expect(all.w.wk.followUps).toBe(1);
    expect(all.w.tsos.pos[0]! - none.w.tsos.pos[0]!).toBe(1);
    expect(all.w.clients.flags(all.c) & F.FOLLOWED_UP).toBeTruthy();
  });
});

describe('scattergun', () => {
  test('vicious-4-more-scattergun: the scattergun chance has a term for the quoted wait above gamingWaitWeeks and one for pressure above the knee', () => {
    const scattered = (set: Record<string, number>, wait: number, pressure: number) => {
      const { w, c } = refer(city(3, { 'practice.scatterK': 3, 'practice.gamingWaitWeeks': 6, ...set }), (w) => {
        for (let j = 0; j < 3; j++) w.tsos.quotedWait[j] = wait;
        w.clws.pressure[0] = pressure;
      });
      expect(w.clients.state(c)).toBe(S.WAIT_TSO);
      return w.wk.scatterReferrals;
    };
    // scatterShare 0: with no gaming and no pressure nobody is scattered ...
    expect(scattered({ 'practice.gamingSensitivity': 1 }, 6, 0)).toBe(0);
    // ... a quoted wait one reference wait above gamingWaitWeeks adds gamingSensitivity (1: certain) ...
    expect(scattered({ 'practice.gamingSensitivity': 1 }, 12, 0)).toBe(1);
    // ... and pressure one unit above the knee adds pressureScatter (1: certain).
    expect(scattered({ 'practice.pressureScatter': 1, 'clw.pressureKnee': 0.5 }, 0, 0.5)).toBe(0);
    expect(scattered({ 'practice.pressureScatter': 1, 'clw.pressureKnee': 0.5 }, 0, 1.5)).toBe(1);
  });
});

describe('matching: the right kind of service, and the fit', () => {
  /** One TSO of each kind, all known; need crisis (type 0). Share of referrals to the right kind at expertise e. */
  const rightKind = (base: number, e: number, n = 200) => {
    const w = tinyWorld({ ...city(1), 'tso.count.mh': 1, 'tso.count.activity': 1, 'tso.count.specialist': 1, 'clw.knownTsos': 4, 'clw.matchAccuracyBase': base });
    beginWeek(w, 1);
    expect(w.clws.knownN[0]).toBe(4);
    w.clws.expertise[0] = e;
    const cs = Array.from({ length: n }, () => readyClient(w));
    referOn.fn(w);
    return cs.filter((c) => w.tsos.type[w.clients.ref(c, 0)] === 0).length / n;
  };

  test('expertise-matching: the chance of identifying the right kind is matchAccuracyBase + (1 − base) × expertise', () => {
    expect(rightKind(0, 0)).toBe(0);
    expect(rightKind(0, 1)).toBe(1);
    expect(rightKind(0.5, 0, 400)).toBeCloseTo(0.5, 1);
    expect(rightKind(0, 0.5, 400)).toBeCloseTo(0.5, 1);
  });

  test('full-range-matching: the fit is the best of m = min(known of the kind, fitChoiceMax) draws, so its mean is m/(m + 1)', () => {
    const meanFit = (m: number) => {
      const w = tinyWorld(city(8, { 'clw.fitChoiceMax': m }));
      beginWeek(w, 1);
      expect(w.clws.knownN[0]).toBe(8);
      const cs = Array.from({ length: 800 }, () => readyClient(w));
      referOn.fn(w);
      return cs.reduce((s, c) => s + w.clients.fit(c), 0) / cs.length;
    };
    expect(meanFit(1)).toBeCloseTo(1 / 2, 1);
    expect(meanFit(8)).toBeCloseTo(8 / 9, 1);
  });

  test('tso-employers-matching: a CLW employed by a TSO knows employedKnowledgeBonus more services from the start', () => {
    const known = (share: number) => tinyWorld({ ...city(20), 'clw.knownTsos': 4, 'clw.employedKnowledgeBonus': 4, 'clw.tsoEmployedShare': share }).clws.knownN[0];
    expect(known(0)).toBe(4);
    expect(known(1)).toBe(8);
  });
});
