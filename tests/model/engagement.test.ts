/**
 * Unit tests of the engagement rules (src/model/mechanisms/engagement.ts, step 6, and the first
 * session in intake.ts, step 5) behind the mechanism patterns: the terms of the drop-out hazard
 * (confusion, a complex client who came alone, readiness), and the lower attendance of a complex
 * client who comes alone.
 */
import { describe, expect, test } from 'vitest';
import { S, F } from '../../src/model/world.js';
import { dropHazard } from '../../src/model/mechanisms/engagement.js';
import { takeOnClients } from '../../src/model/mechanisms/clwWork.js';
import { referOn } from '../../src/model/mechanisms/referral.js';
import { admitToTsos } from '../../src/model/mechanisms/intake.js';
import { tinyWorld, beginWeek, referToClw } from './world.js';

/** log of the cumulative weekly hazard −log(1 − h): the log-hazard the terms add to. */
const logH = (h: number) => Math.log(-Math.log(1 - h));

/** The drop-out hazard of one client at TSO 0 (trust 0.5, fit 1, no wait) with these flags and readiness. */
function hazard(flags: number, readiness = 1): number {
  const w = tinyWorld({ 'clw.count': 1 });
  const c = referToClw(w, 0);
  w.clients.setFlags(c, flags);
  w.clients.setReadiness(c, readiness);
  w.tsos.trust[0] = 0.5;
  return dropHazard(w, c, 0, 1, 0);
}

describe('the drop-out hazard, term by term', () => {
  const e = tinyWorld().p.engagement;

  test('scatter-confusion-dropout: a client referred to several services at once carries confusionLogHR', () => {
    expect(logH(hazard(F.CONFUSED)) - logH(hazard(0))).toBeCloseTo(e.confusionLogHR, 9);
  });

  test('handholding-dropout: a complex client who came alone carries complexAloneLogHR; accompanied, none', () => {
    expect(logH(hazard(F.COMPLEX)) - logH(hazard(0))).toBeCloseTo(e.complexAloneLogHR, 9);
    expect(logH(hazard(F.COMPLEX | F.ACCOMPANIED))).toBeCloseTo(logH(hazard(0)), 9);
  });

  test('readiness-dropout: unreadyLogHR × (1 − readiness), so a readier client is likelier to stay', () => {
    expect(logH(hazard(0, 0.5)) - logH(hazard(0, 0.85))).toBeCloseTo(e.unreadyLogHR * 0.35, 6) // readiness is stored as float32;
  });
});

describe('the first session', () => {
  test('handholding-engagement: a complex client comes with logit p₀ − complexAloneNoShowLogOdds alone, p₀ when accompanied', () => {
    const came = (perWeek: number) => {
      const w = tinyWorld({ 'tso.count.crisis': 1, 'tso.count.mh': 0, 'tso.count.activity': 0, 'tso.count.specialist': 0, 'clw.count': 1,
        'clw.knownTsos': 1, 'clw.employedKnowledgeBonus': 0, 'clw.maxSessions': 1, 'clw.firstSessionLeadWeeks': 0, 'clw.firstSessionAttendP0': 1,
        'clw.declineProb': 0, 'clw.caseloadCap': 10000, 'demand.clwOnlyShare': 0, 'demand.complexShare': 1, 'demand.needShare.crisis': 1,
        'demand.needShare.mh': 0, 'demand.needShare.activity': 0, 'demand.needShare.specialist': 0, 'practice.overReferral': 0,
        'practice.kpiOverReferral': 0, 'practice.scatterShare': 0, 'practice.gamingSensitivity': 0, 'practice.pressureScatter': 0,
        'waiting.attendP0': 0.9, 'engagement.complexAloneNoShowLogOdds': 3, 'clw.handholdingPerWeek': perWeek, 'tso.emergencyWellbeing': 0 });
      beginWeek(w, 1);
      const n = 400;
      for (let k = 0; k < n; k++) referToClw(w, 0);
      takeOnClients.fn(w);
      referOn.fn(w);
      w.clws.hhCap[0] = 1;
      w.clws.hhUsed[0] = 0;
      w.tsos.places[0] = n;
      admitToTsos.fn(w);
      expect(w.stateCount[S.WAIT_TSO]).toBe(0);
      return { came: w.wk.starts / n, accompanied: w.wk.accompanied };
    };
    const alone = came(0);
    const held = came(1000);
    expect(alone.accompanied).toBe(0);
    expect(held.accompanied).toBe(400);
    expect(held.came).toBeCloseTo(0.9, 1);
    expect(alone.came).toBeCloseTo(1 / (1 + Math.exp(-(Math.log(0.9 / 0.1) - 3))), 1); // ≈ 0.31
  });
});
