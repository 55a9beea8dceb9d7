/**
 * The realist-matrix pattern suite (quick mode): every claim of Table 2 the model represents,
 * as a paired experiment with common random numbers, in every seed block the full mode runs
 * (QUICK: half the replications). A pattern fails when, in any block, the 95% interval of the
 * paired difference does not lie on the expected side of zero. What each pattern proves
 * (emergent or a rule) is checked on the source in formula.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { runPatterns, QUICK, FULL, type PatternResult } from '../../src/patterns/run.js';
import { PATTERNS } from '../../src/patterns/definitions.js';
import { MATRIX_ROWS } from '../../src/model/matrix.js';

const results: PatternResult[] = await runPatterns({ ...QUICK, workers: 2 });

describe('realist-matrix patterns (quick mode)', () => {
  test('the suite covers every row the brief lists and every mechanism row of Table 2 it represents', () => {
    const rows = new Set(PATTERNS.flatMap((p) => p.rows));
    for (const id of ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'C1', 'C3'] as const) {
      expect(MATRIX_ROWS[id]).toBeTruthy();
      expect(rows.has(id), `no pattern for ${id}`).toBe(true);
    }
  });

  test('each pattern says what it proves: its kind, and how the effect travels or which rule it checks', () => {
    for (const p of PATTERNS) {
      expect(['emergent', 'mechanism'], p.id).toContain(p.kind);
      expect(p.how?.length ?? 0, `${p.id}: how`).toBeGreaterThan(15);
    }
  });

  test('the CI suite runs every seed block of the full mode, and every pattern', () => {
    expect([QUICK.seeds, QUICK.seed, QUICK.weeks]).toEqual([FULL.seeds, FULL.seed, FULL.weeks]);
    expect(results.map((r) => r.pattern)).toEqual(PATTERNS.map((p) => p.id));
    for (const r of results) expect(r.seeds_total, r.pattern).toBe(FULL.seeds);
  });

  for (const r of results)
    test(`${r.pattern} (${r.kind}): ${r.claim}`, () => {
      expect(r.n).toBe(QUICK.reps * QUICK.seeds);
      expect(r.seeds_passed, `${r.metric} difference ${r.mean_difference} (${r.ci_low} to ${r.ci_high}): ${r.expected_direction} in ${r.seeds_passed} of ${r.seeds_total} seed blocks`).toBe(QUICK.seeds);
      expect(r.verdict).toBe('pass');
    });

  test('the vicious circle unfolds in order after the cut: waits, then pressure, then less handholding and more scattergun', () => {
    const byId = Object.fromEntries(results.map((r) => [r.pattern, r]));
    for (const id of ['vicious-1-waits-first', 'vicious-2-pressure', 'vicious-3-less-handholding', 'vicious-4-more-scattergun'])
      expect(byId[id]!.verdict, id).toBe('pass');
  });
});
