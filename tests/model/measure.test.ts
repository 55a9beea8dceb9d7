/**
 * Unit test of how waiting lists are counted (src/model/measure.ts) behind the mechanism pattern
 * scatter-raises-waitlists: a person referred to k services is k entries (referral links) on the
 * TSOs' lists, and one person waiting.
 */
import { describe, expect, test } from 'vitest';
import { S } from '../../src/model/world.js';
import { takeOnClients } from '../../src/model/mechanisms/clwWork.js';
import { referOn } from '../../src/model/mechanisms/referral.js';
import { newTally, tally } from '../../src/model/measure.js';
import { METRICS } from '../../src/model/metrics.js';
import { tinyWorld, beginWeek, referToClw } from './world.js';

describe('waiting lists in links and in people', () => {
  test('scatter-raises-waitlists: one person scattergun-referred to 3 services is 3 entries in waitlist_total, 1 in waitlist_people', () => {
    const w = tinyWorld({ 'tso.count.crisis': 3, 'tso.count.mh': 0, 'tso.count.activity': 0, 'tso.count.specialist': 0, 'clw.count': 1,
      'clw.knownTsos': 3, 'clw.employedKnowledgeBonus': 0, 'clw.maxSessions': 1, 'clw.firstSessionLeadWeeks': 0, 'clw.firstSessionAttendP0': 1,
      'clw.declineProb': 0, 'demand.clwOnlyShare': 0, 'demand.needShare.crisis': 1, 'demand.needShare.mh': 0, 'demand.needShare.activity': 0,
      'demand.needShare.specialist': 0, 'practice.overReferral': 0, 'practice.kpiOverReferral': 0, 'practice.scatterShare': 1, 'practice.scatterK': 3,
      'tso.refuseMismatchProb': 0, 'tso.emergencyWellbeing': 0 });
    beginWeek(w, 1);
    expect(w.clws.knownN[0]).toBe(3);
    const c = referToClw(w, 0);
    takeOnClients.fn(w);
    referOn.fn(w);
    expect(w.clients.state(c)).toBe(S.WAIT_TSO);
    const s = newTally();
    tally(w, s);
    const value = (name: string) => METRICS.find((m) => m.name === name)!.value(s, w.wk);
    expect(value('waitlist_total')).toBe(3);
    expect(value('waitlist_people')).toBe(1);
  });
});
