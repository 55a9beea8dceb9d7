/**
 * Unit test of the GP attendance rule (src/model/mechanisms/gp.ts, step 8, with the per-client
 * rates of lifecycle.ts) behind the mechanism pattern need-gp: the week's consultations are one
 * Poisson draw on the sum of the rates of the people observed, so each client adds its rate.
 */
import { describe, expect, test } from 'vitest';
import { S } from '../../src/model/world.js';
import { gpRateOf } from '../../src/model/lifecycle.js';
import { attendGp } from '../../src/model/mechanisms/gp.js';
import { tinyWorld, beginWeek, referToClw } from './world.js';

describe('GP attendance', () => {
  test('need-gp: the weekly rate is the sum of the clients\' rates, so every client referred adds its own; consultations are Poisson on it', () => {
    const w = tinyWorld({ 'clw.count': 1 });
    const before = w.gpRateSum;
    const cs = Array.from({ length: 100 }, () => referToClw(w, 0));
    const added = cs.reduce((s, c) => s + gpRateOf(w, c), 0);
    expect(cs.every((c) => w.clients.state(c) === S.WAIT_CLW && gpRateOf(w, c) > 0)).toBe(true);
    expect(w.gpRateSum - before).toBeCloseTo(added, 9);
    let total = 0;
    const weeks = 400;
    for (let week = 1; week <= weeks; week++) {
      beginWeek(w, week);
      attendGp.fn(w);
      total += w.wk.gpAttendances;
    }
    expect(total / weeks / w.gpRateSum).toBeCloseTo(1, 1);
  });
});
