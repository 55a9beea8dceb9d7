/**
 * Unit tests of the funding rules (src/model/mechanisms/funding.ts, step 2) behind the mechanism
 * patterns: a TSO funded below its core cost burns its reserves and closes (and does not reopen);
 * a cut costs trust in proportion to its size, times cutTrustShock (a cut read as inequitable).
 */
import { describe, expect, test } from 'vitest';
import { fundTsos } from '../../src/model/mechanisms/funding.js';
import { refreshDerived } from '../../src/model/world.js';
import { tinyWorld, beginWeek } from './world.js';

const ONE = { 'tso.count.crisis': 1, 'tso.count.mh': 0, 'tso.count.activity': 0, 'tso.count.specialist': 0, 'clw.count': 1 };

describe('a cut', () => {
  test('cut-closes-tsos: below its core cost a TSO spends a week of reserves a week, closes when they run out, and stays closed', () => {
    const w = tinyWorld(ONE);
    const t = w.tsos;
    t.coreShare[0] = 0.6;
    t.reserve[0] = 2;
    w.p.funding.multiplier.crisis = 0.5;
    refreshDerived(w); // parameters edited by hand: the constants that follow them (src/model/derived.ts)
    const open: number[] = [];
    for (let week = 1; week <= 4; week++) {
      beginWeek(w, week);
      fundTsos.fn(w);
      open.push(t.open[0]!);
    }
    expect(open).toEqual([1, 1, 0, 0]); // reserves 2 → 1 → 0 → −1: closed in the third week
    expect(t.places[0]).toBe(0);
    w.p.funding.multiplier.crisis = 1; // funding restored: a closed TSO does not reopen by itself
    refreshDerived(w);
    fundTsos.fn(w);
    expect(t.open[0]).toBe(0);
  });

  test('above its core cost a TSO shrinks: places follow funding', () => {
    const w = tinyWorld(ONE);
    const t = w.tsos;
    t.coreShare[0] = 0.5;
    beginWeek(w, 1);
    fundTsos.fn(w);
    const before = t.places[0]!;
    w.p.funding.multiplier.crisis = 0.7;
    refreshDerived(w);
    fundTsos.fn(w);
    expect(t.open[0]).toBe(1);
    expect(t.places[0]).toBeLessThan(before);
    expect(t.places[0]).toBeGreaterThanOrEqual(Math.floor(0.7 * before) - 1);
  });

  test('cut-lowers-trust and inequitable-cut-trust: a cut of x costs trust × cutTrustShock × x, once; none when cutTrustShock is 0', () => {
    const trustAfterCut = (shock: number) => {
      const w = tinyWorld({ ...ONE, 'funding.cutTrustShock': shock });
      w.tsos.coreShare[0] = 0;
      w.tsos.trust[0] = 0.6;
      beginWeek(w, 1);
      w.p.funding.multiplier.crisis = 0.7;
      refreshDerived(w);
      fundTsos.fn(w);
      beginWeek(w, 2);
      fundTsos.fn(w); // no further cut: no further cost
      return w.tsos.trust[0]!;
    };
    expect(trustAfterCut(0.3)).toBeCloseTo(0.6 * (1 - 0.3 * 0.3), 12);
    expect(trustAfterCut(0)).toBe(0.6);
  });
});
