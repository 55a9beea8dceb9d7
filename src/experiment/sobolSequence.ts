/**
 * The Sobol' low-discrepancy sequence (Sobol' 1967), 32-bit, in Gray-code order (Antonov &
 * Saleev 1979) exactly as Joe & Kuo's reference generator and SciPy's unscrambled
 * `qmc.Sobol` produce it: point 0 is the origin, point i = point i−1 XOR V[c], where c is the
 * position of the lowest zero bit of i−1. Direction numbers: Joe & Kuo (2008), 128 dimensions.
 * Pure and deterministic (no randomness, no node:* imports).
 */
import { JOE_KUO } from './sobolDirections.js';

const BITS = 32;
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;

/** Direction integers V[1..32] of one dimension (1-based), each a 32-bit unsigned integer. */
function directionIntegers(dim: number): number[] {
  const v = new Array<number>(BITS + 1).fill(0);
  if (dim === 1) {
    for (let j = 1; j <= BITS; j++) v[j] = 2 ** (BITS - j); // all m_j = 1
    return v;
  }
  const row = JOE_KUO[dim - 2]!;
  const a = row[0]!;
  const m = row.slice(1);
  const s = m.length;
  for (let j = 1; j <= Math.min(s, BITS); j++) v[j] = m[j - 1]! * 2 ** (BITS - j);
  for (let j = s + 1; j <= BITS; j++) {
    let x = (v[j - s]! ^ (v[j - s]! >>> s)) >>> 0;
    for (let k = 1; k < s; k++) {
      if ((a >>> (s - 1 - k)) & 1) x = (x ^ v[j - k]!) >>> 0;
    }
    v[j] = x;
  }
  return v;
}

/** 1-based position of the lowest zero bit of i (i = 0 → 1, 1 → 2, 3 → 3, …). */
function lowestZeroBit(i: number): number {
  let c = 1;
  while (i & 1) {
    i = Math.floor(i / 2);
    c++;
  }
  return c;
}

/**
 * Points skip … skip+n−1 of the d-dimensional sequence, each in [0,1)^d. Skipping is done by
 * running the recurrence through the skipped points, so any (skip, n) window equals the same
 * rows of one long sequence.
 */
export function sobolPoints(n: number, d: number, skip = 0): number[][] {
  if (!Number.isInteger(d) || d < 1 || d > SOBOL_MAX_DIMENSIONS) {
    throw new Error(`Sobol' sequence: dimension ${d} outside 1..${SOBOL_MAX_DIMENSIONS}`);
  }
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(skip) || skip < 0 || skip + n > 2 ** BITS) {
    throw new Error(`Sobol' sequence: n = ${n}, skip = ${skip} must be integers with n + skip ≤ 2^32`);
  }
  const dirs = Array.from({ length: d }, (_, i) => directionIntegers(i + 1));
  const x = new Array<number>(d).fill(0);
  const out: number[][] = [];
  const scale = 2 ** -BITS;
  for (let i = 0; i < skip + n; i++) {
    if (i > 0) {
      const c = lowestZeroBit(i - 1);
      for (let j = 0; j < d; j++) x[j] = (x[j]! ^ dirs[j]![c]!) >>> 0;
    }
    if (i >= skip) out.push(x.map((v) => v * scale));
  }
  return out;
}
