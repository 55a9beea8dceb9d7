/**
 * Unit test of the trust rule (src/model/mechanisms/trust.ts, step 9) behind the mechanism pattern
 * virtuous-keeps-trust: each week's share of good signals is read through current trust
 * (confirmation bias), so two TSOs that hear the same signals keep the gap between their starting
 * trust for a long time, and both approach one level: logit T* = logit E ÷ (1 − bias).
 */
import { describe, expect, test } from 'vitest';
import { updateTrust } from '../../src/model/mechanisms/trust.js';
import { logit, logistic } from '../../src/model/math.js';
import { tinyWorld, beginWeek } from './world.js';

/** Two TSOs starting at 0.2 and 0.85, hearing 3 good and 1 bad signals every week for `weeks` weeks. */
function twoTsos(bias: number, weeks: number): [number, number] {
  const w = tinyWorld({ 'tso.count.crisis': 2, 'tso.count.mh': 0, 'tso.count.activity': 0, 'tso.count.specialist': 0, 'clw.count': 1, 'trust.confirmationBias': bias });
  w.tsos.trust[0] = 0.2;
  w.tsos.trust[1] = 0.85;
  for (let week = 1; week <= weeks; week++) {
    beginWeek(w, week);
    for (const j of [0, 1]) {
      w.tsos.pos[j] = 3;
      w.tsos.neg[j] = 1;
      w.tsos.lastReferral[j] = week;
    }
    updateTrust.fn(w);
  }
  return [w.tsos.trust[0]!, w.tsos.trust[1]!];
}

describe('trust read through trust', () => {
  test('virtuous-keeps-trust: with confirmation bias the high starter stays above the low one for years; both approach the one level', () => {
    const [low1, high1] = twoTsos(0.6, 52);
    expect(high1 - low1).toBeGreaterThan(0.05);
    const star = logistic(logit(0.75) / (1 - 0.6));
    const [low, high] = twoTsos(0.6, 3000);
    expect(low).toBeCloseTo(star, 3);
    expect(high).toBeCloseTo(star, 3);
  });

  test('without the bias both settle at the share of good signals, sooner', () => {
    const [low, high] = twoTsos(0, 3000);
    expect(low).toBeCloseTo(0.75, 6);
    expect(high).toBeCloseTo(0.75, 6);
    const [biasedLow, biasedHigh] = twoTsos(0.6, 52);
    const [plainLow, plainHigh] = twoTsos(0, 52);
    expect(biasedHigh - biasedLow).toBeGreaterThan(plainHigh - plainLow);
  });
});
