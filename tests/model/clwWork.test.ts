/**
 * Unit tests of the CLW pressure rules (src/model/mechanisms/clwWork.ts, step 4a) and the
 * referral-count KPI (step 4b) behind the mechanism patterns: pressure is caseload ÷ effective cap,
 * management overhead shrinks the cap, and handholding and follow-up fall linearly with pressure
 * above the knee; a referral-count regime adds over-referral.
 */
import { stream } from '../../src/model/rng.js';
import { describe, expect, test } from 'vitest';
import { F } from '../../src/model/world.js';
import { effectiveCap, sessionWeeks, updatePressure } from '../../src/model/mechanisms/clwWork.js';
import { tinyWorld, referToClw } from './world.js';

/** One CLW carrying `active` clients in sessions (and none held): its pressure, handholding and follow-up propensity. */
function underLoad(active: number, set: Record<string, number> = {}) {
  const w = tinyWorld({ 'clw.count': 1, 'clw.caseloadCap': 20, 'clw.managementOverhead': 0, 'clw.pressureKnee': 0.5,
    'clw.handholdingPressureSlope': 3, 'clw.followUpPropensity': 0.6, 'clw.followUpPressureSlope': 1.5, ...set });
  w.clws.withN[0] = active;
  w.clws.heldN[0] = 0;
  updatePressure.fn(w);
  return { pressure: w.clws.pressure[0]!, handholding: w.clws.hhCap[0]!, followUp: w.clws.followUpP[0]!, cap: effectiveCap(w) };
}

describe('pressure and what it does to handholding and follow-up', () => {
  test('pressure-handholding and vicious-3-less-handholding: handholding propensity is 1 below the knee, then falls by handholdingPressureSlope per unit of pressure', () => {
    expect(underLoad(8)).toMatchObject({ pressure: 0.4, handholding: 1 });
    expect(underLoad(12).handholding).toBeCloseTo(1 - 3 * 0.1, 12);
    expect(underLoad(16).handholding).toBeCloseTo(1 - 3 * 0.3, 12);
    expect(underLoad(20).handholding).toBe(0); // clamped
  });

  test('pressure-followup: follow-up propensity is followUpPropensity below the knee, then falls by followUpPressureSlope per unit', () => {
    expect(underLoad(8).followUp).toBeCloseTo(0.6, 12);
    expect(underLoad(16).followUp).toBeCloseTo(0.6 * (1 - 1.5 * 0.3), 12);
    expect(underLoad(40).followUp).toBe(0);
  });

  test('managers-pressure: management overhead shrinks the effective cap, so the same caseload is more pressure', () => {
    const none = underLoad(10, { 'clw.managementOverhead': 0 });
    const half = underLoad(10, { 'clw.managementOverhead': 0.5 });
    expect([none.cap, half.cap]).toEqual([20, 10]);
    expect(half.pressure).toBeCloseTo(2 * none.pressure, 12);
    expect(half.handholding).toBeLessThan(none.handholding);
  });

  test('a client held while waiting at a TSO counts holdWeight of one in sessions', () => {
    const w = tinyWorld({ 'clw.count': 1, 'clw.caseloadCap': 20, 'clw.managementOverhead': 0, 'clw.holdWeight': 0.5 });
    w.clws.withN[0] = 4;
    w.clws.heldN[0] = 8;
    updatePressure.fn(w);
    expect(w.clws.pressure[0]).toBeCloseTo((4 + 0.5 * 8) / 20, 12);
  });
});

describe('monitoring on referral counts', () => {
  test('kpi-referral-counts-trust: the referral-count regime adds kpiOverReferral to over-referral (a one-session referral, flagged)', () => {
    const course = (regime: string) => {
      const w = tinyWorld({ 'clw.count': 1, 'practice.kpiRegime': regime, 'practice.overReferral': 0, 'practice.kpiOverReferral': 1,
        'demand.clwOnlyShare': 0, 'clw.declineProb': 0, 'clw.maxSessions': 12 });
      const c = referToClw(w, 0);
      w.clients.setReadiness(c, 0.1);
      const n = sessionWeeks(w, c, 0, stream(1, 'clw')); // over-referral has probability 0 or 1 here, and no one declines: any draws
      return { n, over: (w.clients.flags(c) & F.OVER_REFERRED) !== 0 };
    };
    expect(course('referrals')).toEqual({ n: 1, over: true });
    const outcomes = course('outcomes');
    expect(outcomes.over).toBe(false);
    expect(outcomes.n).toBeGreaterThan(1);
  });
});
