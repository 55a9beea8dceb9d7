/** The digest that holds the engine still must see the smallest change and name where it is. */
import { describe, expect, test } from 'vitest';
import { digestRun, explainDifference } from './digest.js';

const run = () => ({
  metrics: { a: Float64Array.from([1, 2, 3]), b: Float64Array.from([0.1, 0.2, 0.3]) },
  tsoTypes: { crisis: { places: Float64Array.from([5, 6, 7]) } },
  funnel: { completed: 10, dropped_out: 3 },
  clientWeeks: 1234,
  scenario: 'ignored', seed: 1,
});

describe('run digests', () => {
  test('equal runs give equal digests; inputs (name, seed) are not hashed', () => {
    const x = run();
    const y = { ...run(), scenario: 'other', seed: 2 };
    expect(digestRun(x)).toEqual(digestRun(y));
    expect(explainDifference(digestRun(x), digestRun(y))).toBeUndefined();
  });

  test('one ulp in one week of one series changes the digest and names that series', () => {
    const base = digestRun(run());
    const y = run();
    y.tsoTypes.crisis.places[2] = 7 + 2 ** -50;
    expect(explainDifference(base, digestRun(y))).toMatch(/^series tsoTypes\.crisis\.places has different values; 1 of 6 series differ/);
  });

  test('-0 and 0 differ (bit patterns, not values); a funnel count and client-weeks are series too', () => {
    const base = digestRun(run());
    const zero = run();
    zero.metrics.a[0] = 0;
    const negZero = run();
    negZero.metrics.a[0] = -0;
    expect(explainDifference(digestRun(zero), digestRun(negZero))).toMatch(/^series metrics\.a /);
    const f = run();
    f.funnel.completed = 11;
    expect(explainDifference(base, digestRun(f))).toMatch(/^series funnel\.completed /);
    const c = run();
    c.clientWeeks = 1235;
    expect(explainDifference(base, digestRun(c))).toMatch(/^series clientWeeks /);
  });

  test('a missing, a new and a renamed series are told apart', () => {
    const base = digestRun(run());
    const { b, ...rest } = run().metrics;
    expect(explainDifference(base, digestRun({ ...run(), metrics: rest }))).toMatch(/^series metrics\.b is missing from the output/);
    expect(explainDifference(base, digestRun({ ...run(), metrics: { ...run().metrics, c: b } }))).toMatch(/^series metrics\.c is new/);
    expect(explainDifference(base, digestRun({ ...run(), metrics: { ...rest, b2: b } }))).toMatch(/a rename\?/);
  });

  test('a result without an output field, or with a non-numeric leaf, is refused', () => {
    const { clientWeeks: _, ...noWeeks } = run();
    expect(() => digestRun(noWeeks)).toThrow(/no field clientWeeks/);
    expect(() => digestRun({ ...run(), funnel: { completed: '10' } })).toThrow(/funnel\.completed/);
  });
});
