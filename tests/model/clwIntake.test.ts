/**
 * Unit tests of the CLW intake rules (src/model/mechanisms/clwWork.ts step 4b, waiting.ts step 7):
 * the booking lead, teams sharing referrals, the first session some people do not come to,
 * giving up on a CLW's list, and stopping between sessions.
 */
import { stream } from '../../src/model/rng.js';
import { describe, expect, test } from 'vitest';
import { S } from '../../src/model/world.js';
import { ClwOutcome } from '../../src/model/clients.js';
import { takeOnClients, betweenSessionHazard, sessionWeeks } from '../../src/model/mechanisms/clwWork.js';
import { giveUpWaiting } from '../../src/model/mechanisms/waiting.js';
import { checkInvariants } from '../../src/model/invariants.js';
import { tinyWorld, beginWeek, referToClw } from './world.js';

describe('a CLW books, a team shares, some people never come', () => {
  test('a referral is seen at the earliest firstSessionLeadWeeks after it was made', () => {
    const w = tinyWorld({ 'clw.count': 1, 'clw.firstSessionLeadWeeks': 2, 'clw.firstSessionAttendP0': 1 });
    beginWeek(w, 5);
    const c = referToClw(w, 0);
    for (const week of [5, 6]) {
      beginWeek(w, week);
      takeOnClients.fn(w);
      expect(w.clients.state(c), `week ${week}`).toBe(S.WAIT_CLW);
    }
    beginWeek(w, 7);
    takeOnClients.fn(w);
    expect(w.clients.state(c)).toBe(S.WITH_CLW);
    expect(checkInvariants(w)).toEqual([]);
  });

  test('a CLW with room takes the oldest referral waiting for a full teammate, and becomes its CLW', () => {
    for (const team of [1, 3]) {
      const w = tinyWorld({ 'clw.count': 3, 'clw.firstSessionLeadWeeks': 0, 'clw.teamSize': team, 'clw.caseloadCap': 10, 'clw.managementOverhead': 0, 'clw.firstSessionAttendP0': 1 });
      beginWeek(w, 1);
      w.clws.withN[0] = 10; // CLW 0 is full (the count is all the cap reads)
      const waiting = [referToClw(w, 0), referToClw(w, 0)];
      takeOnClients.fn(w);
      w.clws.withN[0] = 0;
      if (team === 1) for (const c of waiting) expect(w.clients.state(c)).toBe(S.WAIT_CLW);
      else for (const c of waiting) {
        expect(w.clients.state(c)).toBe(S.WITH_CLW);
        expect(w.clients.clw(c)).not.toBe(0);
      }
    }
  });

  test('with firstSessionAttendP0 = 0 nobody comes to a first session; with 1 everybody does', () => {
    for (const p0 of [0, 1]) {
      const w = tinyWorld({ 'clw.count': 1, 'clw.firstSessionLeadWeeks': 0, 'clw.firstSessionAttendP0': p0, 'clw.caseloadCap': 1000 });
      beginWeek(w, 1);
      for (let k = 0; k < 50; k++) referToClw(w, 0);
      takeOnClients.fn(w);
      expect(w.funnel.did_not_attend_clw).toBe(p0 === 0 ? 50 : 0);
      expect(w.funnel.seen_by_clw).toBe(p0 === 0 ? 0 : 50);
      expect(w.clws.waitN[0]).toBe(0);
      expect(checkInvariants(w)).toEqual([]);
    }
  });

  test('a referral left waiting gives up on the week drawn for it, and leaves the CLW list', () => {
    const w = tinyWorld({ 'clw.count': 1, 'clw.caseloadCap': 0.001 }); // the CLW never has room
    beginWeek(w, 1);
    const cs = Array.from({ length: 200 }, () => referToClw(w, 0));
    for (let week = 2; week <= 31; week++) {
      beginWeek(w, week);
      giveUpWaiting.fn(w);
    }
    // Nobody waits beyond the cap (waiting.giveUpCapWeeks, 30): all gave up, none was seen.
    expect(cs.every((c) => w.clients.state(c) === S.EXITED)).toBe(true);
    expect(w.funnel.gave_up_waiting_clw).toBe(200);
    expect(w.clws.waitN[0]).toBe(0);
    expect(checkInvariants(w)).toEqual([]);
  });
});

describe('stopping between CLW sessions', () => {
  test('the per-gap chance gives declineProb over a course of declineRefSessions', () => {
    const w = tinyWorld({ 'clw.declineProb': 0.2, 'clw.declineRefSessions': 5 });
    const h = betweenSessionHazard(w);
    expect(1 - (1 - h) ** 4).toBeCloseTo(0.2, 12);
  });

  test('longer courses lose more people: the share who stop matches 1 − (1 − h)^(n − 1)', () => {
    const w = tinyWorld({ 'clw.count': 1, 'clw.declineProb': 0.3, 'clw.declineRefSessions': 5, 'practice.overReferral': 0, 'practice.kpiOverReferral': 0, 'demand.clwOnlyShare': 0, 'clw.maxSessions': 12 });
    const h = betweenSessionHazard(w);
    const c = referToClw(w, 0);
    const r = stream(12345, 'clw'); // a fixed stream
    for (const need of [1, 4, 8]) {
      let stopped = 0;
      const n = 20000;
      for (let k = 0; k < n; k++) {
        // Readiness such that exactly `need` sessions reach the threshold.
        const gain = w.p.clw.sessionGain * (0.5 + w.clws.expertise[0]!);
        w.clients.setReadiness(c, w.p.clw.readinessThreshold - gain * (need - 0.5));
        sessionWeeks(w, c, 0, r);
        if (w.clients.clwOutcome(c) === ClwOutcome.DECLINE) stopped++;
      }
      const want = 1 - (1 - h) ** (need - 1);
      expect(Math.abs(stopped / n - want), `${need} sessions`).toBeLessThan(4 * Math.sqrt((want * (1 - want)) / n) + 1e-9);
    }
  });
});
