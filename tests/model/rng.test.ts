/** The engine's generator draws exactly seedrandom's Alea sequence (rng.ts says why it has its own). */
import { describe, expect, test } from 'vitest';
import seedrandom from 'seedrandom';
import { STREAMS, draw, stream } from '../../src/model/rng.js';

describe('stream()', () => {
  test.each([0, 1, 987654321, 4294967295])('equals seedrandom.alea draw for draw (seed %i)', (seed) => {
    for (const name of STREAMS) {
      const ours = stream(seed, name);
      const theirs = seedrandom.alea(`${seed}:${name}`);
      for (let k = 0; k < 20000; k++) {
        const a = draw(ours);
        const b = theirs();
        if (a !== b) expect({ seed, name, k, a }).toEqual({ seed, name, k, a: b });
      }
    }
  });

  test('streams are independent: drawing from one does not move another', () => {
    const a = stream(7, 'arrivals');
    const b = stream(7, 'referral');
    const ref = seedrandom.alea('7:referral');
    for (let k = 0; k < 100; k++) draw(a);
    expect(draw(b)).toBe(ref());
  });
});
