import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';
import { Sha256, sha256 } from '../../src/experiment/sha256.js';

const node = (t: string) => `sha256:${createHash('sha256').update(t, 'utf8').digest('hex')}`;

describe('sha256 (pure, for output checksums)', () => {
  test('the FIPS 180-4 examples', () => {
    expect(sha256('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('sha256:248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  test('equals node:crypto on random texts of every length around the block boundaries, in pieces too', () => {
    const rng = seedrandom('sha');
    const chars = 'abc,.\n0123456789é€😀';
    for (let len = 0; len < 300; len++) {
      const t = Array.from({ length: len }, () => chars[Math.floor(rng() * chars.length)]).join('');
      expect(sha256(t)).toBe(node(t));
      let cut = Math.floor(rng() * (t.length + 1));
      if (/[\udc00-\udfff]/.test(t[cut] ?? '')) cut++; // pieces of whole characters
      expect(`sha256:${new Sha256().update(t.slice(0, cut)).update(t.slice(cut)).digest()}`).toBe(node(t));
    }
  });

  test('a text longer than one encoding slice, with a surrogate pair across the slice edge', () => {
    const t = `${'x'.repeat((1 << 16) - 1)}😀${'y'.repeat(70000)}`;
    expect(sha256(t)).toBe(node(t));
  });
});
