import { describe, expect, test } from 'vitest';
import { sobolPoints, SOBOL_MAX_DIMENSIONS } from '../../src/experiment/sobolSequence.js';
import { sobolDesign, sobolIndices, ishigami, ishigamiAnalytic, ishigamiRows } from '../../src/experiment/sobol.js';

describe("Sobol' sequence", () => {
  // Reference values from SciPy's independent implementation (scipy.stats.qmc.Sobol(d, scramble=False),
  // Joe–Kuo new-joe-kuo-6.21201 direction numbers). The first 2-D points are the textbook ones.
  test('first eight points of the first five dimensions', () => {
    expect(sobolPoints(8, 5)).toEqual([
      [0, 0, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25, 0.75],
      [0.25, 0.75, 0.75, 0.75, 0.25],
      [0.375, 0.375, 0.625, 0.875, 0.375],
      [0.875, 0.875, 0.125, 0.375, 0.875],
      [0.625, 0.125, 0.875, 0.625, 0.625],
      [0.125, 0.625, 0.375, 0.125, 0.125],
    ]);
  });

  test('points 777 and 1000 in all 128 dimensions (×1024) match SciPy', () => {
    const p777 = [709, 959, 167, 281, 651, 365, 195, 781, 357, 331, 763, 713, 393, 485, 583, 527, 413, 885, 379, 771, 243, 279, 969, 493, 353, 149, 61, 799, 65, 113, 555, 921, 115, 3, 825, 969, 473, 359, 351, 367, 739, 273, 971, 411, 329, 155, 385, 33, 795, 975, 85, 37, 631, 725, 709, 933, 365, 661, 821, 565, 525, 501, 141, 437, 961, 929, 529, 817, 433, 369, 849, 729, 137, 521, 473, 425, 963, 575, 175, 447, 763, 551, 835, 371, 163, 699, 199, 679, 851, 695, 199, 79, 427, 427, 467, 163, 667, 683, 87, 523, 863, 775, 731, 755, 947, 301, 961, 1017, 981, 133, 3, 211, 359, 233, 421, 625, 979, 375, 481, 913, 641, 463, 113, 415, 829, 47, 97, 121];
    const p1000 = [225, 99, 531, 693, 287, 929, 47, 921, 513, 71, 87, 261, 165, 393, 147, 379, 737, 353, 1015, 743, 535, 563, 973, 553, 597, 929, 41, 1003, 61, 349, 151, 149, 303, 607, 821, 789, 869, 851, 315, 491, 935, 261, 983, 719, 861, 95, 893, 941, 1023, 491, 361, 529, 771, 449, 129, 913, 465, 81, 905, 585, 457, 617, 265, 457, 133, 509, 573, 61, 197, 877, 157, 261, 933, 245, 189, 917, 543, 547, 867, 123, 111, 755, 951, 767, 351, 1007, 963, 491, 599, 723, 787, 547, 7, 615, 375, 887, 247, 783, 835, 191, 787, 555, 903, 567, 791, 65, 773, 693, 201, 105, 991, 815, 963, 629, 97, 885, 135, 163, 37, 621, 261, 795, 509, 563, 465, 691, 173, 557];
    expect(SOBOL_MAX_DIMENSIONS).toBe(128);
    const pts = sobolPoints(1024, 128);
    expect(pts[777]!.map((x) => x * 1024)).toEqual(p777);
    expect(pts[1000]!.map((x) => x * 1024)).toEqual(p1000);
  });

  test('the first 2^m points are a net: each dimension hits every interval [j/2^m, (j+1)/2^m) once', () => {
    const pts = sobolPoints(256, 40);
    for (let d = 0; d < 40; d++) {
      const cells = new Set(pts.map((p) => Math.floor(p[d]! * 256)));
      expect(cells.size).toBe(256);
    }
  });

  test('skip gives the same rows as the tail of a longer run', () => {
    expect(sobolPoints(5, 7, 11)).toEqual(sobolPoints(16, 7).slice(11));
  });

  test('rejects dimensions it has no direction numbers for', () => {
    expect(() => sobolPoints(4, 129)).toThrow(/dimension/);
  });
});

describe('Saltelli design', () => {
  test('n(k+2) rows in the documented order: A, AB_1..AB_k, B per base sample', () => {
    const k = 4, n = 16;
    const d = sobolDesign(k, n, { skip: 1 });
    const base = sobolPoints(n, 2 * k, 1);
    expect(d.points.length).toBe(n * (k + 2));
    for (let j = 0; j < n; j++) {
      const a = base[j]!.slice(0, k), b = base[j]!.slice(k);
      expect(d.points[j * (k + 2)]).toEqual(a);
      expect(d.points[j * (k + 2) + k + 1]).toEqual(b);
      for (let i = 0; i < k; i++) {
        const ab = d.points[j * (k + 2) + 1 + i]!;
        expect(ab.map((x, c) => (c === i ? x === b[c] : x === a[c]))).toEqual(Array(k).fill(true));
      }
    }
  });
});

describe('Sobol indices', () => {
  test('analytic Ishigami values are those published (a = 7, b = 0.1)', () => {
    const { S1, ST } = ishigamiAnalytic();
    expect(S1.map((x) => +x.toFixed(3))).toEqual([0.314, 0.442, 0]);
    expect(ST.map((x) => +x.toFixed(3))).toEqual([0.558, 0.442, 0.244]);
  });

  test('Ishigami: S1 and ST within 0.05 of the analytic values, intervals cover them', () => {
    const t0 = Date.now();
    const rows = ishigamiRows({ n: 4096, bootstrap: 500, seed: 'ishigami-test' });
    const { S1, ST } = ishigamiAnalytic();
    expect(rows.map((r) => r.factor)).toEqual(['x1', 'x2', 'x3']);
    rows.forEach((r, i) => {
      expect(Math.abs(r.S1 - S1[i]!)).toBeLessThan(0.05);
      expect(Math.abs(r.ST - ST[i]!)).toBeLessThan(0.05);
      expect(r.S1_low).toBeLessThanOrEqual(S1[i]!);
      expect(r.S1_high).toBeGreaterThanOrEqual(S1[i]!);
      expect(r.ST_low).toBeLessThanOrEqual(ST[i]!);
      expect(r.ST_high).toBeGreaterThanOrEqual(ST[i]!);
      expect(r.S1_high - r.S1_low).toBeLessThan(0.2);
    });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test('an additive linear model: S1 = ST = a_i² / Σa², a factor with no effect gets 0', () => {
    const coef = [1, 2, 0, 3];
    const d = sobolDesign(4, 1024);
    const y = d.points.map((u) => u.reduce((s, x, i) => s + coef[i]! * x, 0));
    const total = coef.reduce((s, c) => s + c * c, 0);
    const idx = sobolIndices(d, y, { bootstrap: 200 });
    idx.forEach((s, i) => {
      expect(s.S1).toBeCloseTo(coef[i]! ** 2 / total, 2);
      expect(s.ST).toBeCloseTo(coef[i]! ** 2 / total, 2);
    });
    expect(idx[2]!.ST).toBe(0); // f(A) = f(AB_3) exactly when factor 3 has no effect
  });

  test('bootstrap intervals are reproducible for a seed and change with it', () => {
    const d = sobolDesign(3, 256);
    const y = d.points.map((u) => ishigami(u.map((v) => -Math.PI + 2 * Math.PI * v)));
    const a = sobolIndices(d, y, { seed: 's', bootstrap: 100 });
    expect(sobolIndices(d, y, { seed: 's', bootstrap: 100 })).toEqual(a);
    expect(sobolIndices(d, y, { seed: 't', bootstrap: 100 })[0]!.S1_low).not.toBe(a[0]!.S1_low);
  });

  test('rejects outputs of the wrong length', () => {
    expect(() => sobolIndices({ k: 3, n: 4 }, [1, 2, 3])).toThrow(/expected 20/);
  });
});
