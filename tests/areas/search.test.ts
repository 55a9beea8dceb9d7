/** The optimiser's parts on cases with known answers: the compass search and the allocation rules. */
import { describe, expect, test } from 'vitest';
import { compassSearch } from '../../src/experiment/compass.js';
import { EQUAL_POINT, endSmallestCuts, equalCuts, familyCuts, keepOpenCut, savingOf, typeCuts } from '../../src/experiment/allocation.js';
import type { Organisation } from '../../src/model/scenario.js';

describe('compass search', () => {
  test('finds the minimum of a quadratic with a discrete switch (known answer)', async () => {
    // f = (x0 − 1.3)² + 2(x1 + 0.7)² + (switch off ? 1 : 0): minimum at (1.3, −0.7, 1)
    const f = (x: number[]) => (x[0]! - 1.3) ** 2 + 2 * (x[1]! + 0.7) ** 2 + (x[2]! < 0.5 ? 1 : 0);
    let calls = 0;
    const r = await compassSearch([[0, 0, 0]], [{ lo: -6, hi: 6 }, { lo: -6, hi: 6 }, { lo: 0, hi: 1, discrete: true }],
      async (xs) => { calls += xs.length; return xs.map(f); }, { step: 1, minStep: 1e-4, iterations: 200 });
    expect(r.best.x[0]).toBeCloseTo(1.3, 3);
    expect(r.best.x[1]).toBeCloseTo(-0.7, 3);
    expect(r.best.x[2]).toBe(1);
    expect(r.best.value).toBeLessThan(1e-6);
    expect(calls).toBe(r.history.length); // no point evaluated twice
  });

  test('skips infeasible points and respects bounds', async () => {
    const r = await compassSearch([[0]], [{ lo: -1, hi: 2 }], async (xs) => xs.map((x) => (x[0]! > 1.5 ? undefined : -x[0]!)), { step: 1, minStep: 0.01, iterations: 50 });
    expect(r.best.x[0]).toBeGreaterThan(1.49);
    expect(r.best.x[0]).toBeLessThanOrEqual(1.5);
  });
});

const org = (id: string, type: Organisation['type'], grant: number, extra: Partial<Organisation> = {}): Organisation =>
  ({ id, name: id, type, grant, costPerPlace: 5000, costRef: 5000, programmeWeeks: 8, otherIncome: 0, ...extra });
const ORGS = [org('a', 'crisis', 10000, { coreCost: 6000 }), org('b', 'mh', 30000, { coreCost: 27000 }), org('c', 'activity', 20000, { otherIncome: 20000, coreCost: 24000 }), org('d', 'specialist', 40000, { coreCost: 20000 })];

describe('allocations of a saving', () => {
  test('the rules take exactly the saving (known answers)', () => {
    expect(equalCuts(ORGS, 25000)).toEqual([0.25, 0.25, 0.25, 0.25]);
    // smallest first: a (10000) ended, c (20000) cut by 15000
    expect(endSmallestCuts(ORGS, 25000)).toEqual([1, 0, 0.75, 0]);
    expect(typeCuts(ORGS, 20000, 'specialist')).toEqual([0, 0, 0, 0.5]);
    expect(typeCuts(ORGS, 50000, 'specialist')).toBeUndefined();
  });

  test('the family: θ = 0 is equal; the saving is met; caps keep organisations above their core costs', () => {
    const eq = familyCuts(ORGS, 25000, EQUAL_POINT, 0.6)!;
    for (const x of eq) expect(x).toBeCloseTo(0.25, 12);
    // the deepest cut that keeps each open: a 40%, b 10%, c 80% (other income 20000 of core 24000), d 50%; less 0.01
    expect(ORGS.map((o) => keepOpenCut(o, 0.6))).toEqual([0.39, 0.09, 0.79, 0.49].map((x) => expect.closeTo(x, 12)));
    const safe = familyCuts(ORGS, 25000, { ...EQUAL_POINT, protect: true }, 0.6)!;
    expect(savingOf(ORGS, safe)).toBeCloseTo(25000, 6);
    safe.forEach((x, j) => void expect(x).toBeLessThanOrEqual(keepOpenCut(ORGS[j]!, 0.6) + 1e-12));
    expect(safe[1]).toBeCloseTo(0.09, 12); // b's cap binds
    // more than the caps hold: infeasible
    expect(familyCuts(ORGS, 50000, { ...EQUAL_POINT, protect: true }, 0.6)).toBeUndefined();
    // a high crisis score takes nearly all of a small saving from crisis
    const crisis = familyCuts(ORGS, 5000, { ...EQUAL_POINT, type: [6, 0, 0] }, 0.6)!;
    expect(crisis[0]! * 10000).toBeGreaterThan(4800); // 10000·e⁶ against 90000: 97.8% of it
  });
});
