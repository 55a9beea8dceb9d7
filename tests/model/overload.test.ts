/**
 * Unit tests of the TSOs' responses to overload (src/model/mechanisms/overload.ts, with the
 * referral and intake steps that act on them): a list closed and reopened on the forecast wait,
 * routine referrals turned back from a closed list with a signpost, emergencies taken anyway and
 * offered the little capacity kept above the places.
 */
import { describe, expect, test } from 'vitest';
import { S } from '../../src/model/world.js';
import { checkInvariants } from '../../src/model/invariants.js';
import { restrictEntry, forecastWait } from '../../src/model/mechanisms/overload.js';
import { takeOnClients } from '../../src/model/mechanisms/clwWork.js';
import { referOn } from '../../src/model/mechanisms/referral.js';
import { admitToTsos } from '../../src/model/mechanisms/intake.js';
import { tinyWorld, beginWeek, referToClw } from './world.js';

/** Two crisis TSOs (0 and 1), one CLW who knows only TSO 0, targeted one-session referrals. */
const CITY = {
  'tso.count.crisis': 2, 'tso.count.mh': 0, 'tso.count.activity': 0, 'tso.count.specialist': 0,
  'clw.count': 1, 'clw.knownTsos': 1, 'clw.employedKnowledgeBonus': 0, 'clw.maxSessions': 1, 'clw.firstSessionLeadWeeks': 0,
  'clw.firstSessionAttendP0': 1, 'clw.declineProb': 0, 'demand.clwOnlyShare': 0, 'demand.needShare.crisis': 1,
  'demand.needShare.mh': 0, 'demand.needShare.activity': 0, 'demand.needShare.specialist': 0, 'clw.matchAccuracyBase': 1,
  'practice.overReferral': 0, 'practice.kpiOverReferral': 0, 'practice.scatterShare': 0, 'practice.gamingSensitivity': 0, 'practice.pressureScatter': 0,
};

/** A client of CLW 0 whose one session ends this week: referOn refers it. */
function readyClient(w: ReturnType<typeof tinyWorld>, wellbeing: number): number {
  const c = referToClw(w, 0, 0);
  w.clients.setWellbeing(c, wellbeing); // (the wellbeing sum is not checked here)
  takeOnClients.fn(w);
  expect(w.clients.state(c)).toBe(S.WITH_CLW);
  return c;
}

describe('a TSO closes its list when the wait it forecasts is too long, and opens it again', () => {
  test('closes above closeWaitWeeks, stays closed down to reopenWaitWeeks, then opens', () => {
    const w = tinyWorld({ ...CITY, 'tso.closeWaitWeeks': 18, 'tso.reopenWaitWeeks': 12 });
    const t = w.tsos;
    t.places[0] = 10; // nominal throughput 10 / 4 programme weeks = 2.5 a week
    t.offerRate[0] = 2;
    const at = (entries: number) => {
      t.waitN[0] = entries;
      restrictEntry.fn(w);
      return t.listClosed[0];
    };
    expect(forecastWait(w, 0)).toBe(0);
    expect(at(40)).toBe(0); // 16 weeks
    expect(at(50)).toBe(1); // 20 weeks: closed
    expect(at(35)).toBe(1); // 14 weeks: still closed (hysteresis)
    expect(at(25)).toBe(0); // 10 weeks: open again
    t.waitN[0] = 0;
  });
});

describe('what a closed list does to a referral', () => {
  test('with signpostProb 1 a routine referral is passed on to the other TSO of its kind; the CLW learns nothing', () => {
    const w = tinyWorld({ ...CITY, 'tso.signpostProb': 1 });
    beginWeek(w, 1);
    expect(w.clws.knownN[0]).toBe(1);
    const j0 = w.clws.known[0]!; // the one it knows; the other is 1 - j0
    w.tsos.listClosed[j0] = 1;
    const c = readyClient(w, 0.4);
    referOn.fn(w);
    expect(w.clients.state(c)).toBe(S.WAIT_TSO);
    expect(w.clients.ref(c, 0)).toBe(1 - j0);
    expect(w.tsos.waitN[1 - j0]).toBe(1);
    expect(w.wk.closedRefusals).toBe(1);
    expect(w.wk.signposted).toBe(1);
    expect(w.clws.knownN[0]).toBe(1);
    expect(checkInvariants(w)).toEqual([]);
  });

  test('with signpostProb 0 it is turned back to the CLW, who tries again the next week', () => {
    const w = tinyWorld({ ...CITY, 'tso.signpostProb': 0 });
    beginWeek(w, 1);
    w.tsos.listClosed[w.clws.known[0]!] = 1;
    const c = readyClient(w, 0.4);
    referOn.fn(w);
    expect(w.clients.state(c)).toBe(S.WITH_CLW);
    expect(w.funnel.returned_to_clw).toBe(1);
    expect(w.wk.signposted).toBe(0);
  });

  test('an emergency is taken by a closed list, and offered one of the places kept above the TSO\'s places', () => {
    const w = tinyWorld({ ...CITY, 'tso.emergencyWellbeing': 0.25, 'tso.emergencyShare': 0.1, 'waiting.attendP0': 0.99, 'demand.complexShare': 0 });
    beginWeek(w, 1);
    const t = w.tsos;
    const j = w.clws.known[0]!; // the TSO the CLW refers to
    t.listClosed[j] = 1;
    t.places[j] = 5;
    t.engaged[j] = 5; // every place taken
    const crisis = readyClient(w, 0.1);
    referOn.fn(w);
    expect(w.clients.state(crisis)).toBe(S.WAIT_TSO);
    expect(w.wk.emergencyReferrals).toBe(1);
    t.listClosed[j] = 0;
    const routine = readyClient(w, 0.4);
    referOn.fn(w);
    expect(w.clients.state(routine)).toBe(S.WAIT_TSO);
    admitToTsos.fn(w); // attendance at offer is 0.99 here (a fixed seed)
    expect(w.clients.state(crisis)).toBe(S.ENGAGED);
    expect(t.engaged[j]).toBe(6); // 5 places + ceil(5 × 0.1) = 1 kept for emergencies
    expect(w.clients.state(routine)).toBe(S.WAIT_TSO); // a routine referral waits for a place
  });
});
