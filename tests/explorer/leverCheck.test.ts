/** The explorer checks every lever with the scenario layer's checks before the worker applies it. */
import { describe, expect, test } from 'vitest';
import { checkedSet } from '../../src/explorer/leverCheck.js';
import { InputError } from '../../src/scenario/errors.js';
import { LEVERS } from '../../src/explorer/levers.js';

describe('explorer lever checks', () => {
  test('a valid change passes unchanged', () => {
    expect(checkedSet('lever', { 'practice.scatterShare': 0.4, 'funding.multiplier.crisis': 0.7 })).toEqual({ 'practice.scatterShare': 0.4, 'funding.multiplier.crisis': 0.7 });
  });

  test('an unknown parameter, a value out of range, NaN or a start-only parameter is refused in one line', () => {
    const bad: Array<Record<string, number>> = [{ 'practice.scatterShar': 0.4 }, { 'practice.scatterShare': 1.5 }, { 'practice.scatterShare': Number.NaN }, { 'tso.count.mh': 3 }, { 'clw.count': 2.5 }];
    for (const set of bad) {
      let err: unknown;
      try {
        checkedSet('lever', set);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(set)).toBeInstanceOf(InputError);
      expect((err as Error).message).not.toContain('\n');
    }
  });

  test('every lever the page offers, at both ends of its slider, passes the checks', () => {
    for (const l of LEVERS) for (const v of [l.min, l.max]) expect(() => checkedSet('lever', { [l.path]: v }), `${l.path}=${v}`).not.toThrow();
  });
});
