/**
 * Validation apart from calibration: the shipped figures are kept out of the targets (a figure
 * claiming independence on a target's statistic, or on one that restates inputs, is refused),
 * and validate() predicts each on its scenario, paired across scenarios, reporting misses.
 */
import { describe, expect, test } from 'vitest';
import { checkValidation, loadValidation, validate } from '../../src/calibrate/validation.js';
import { CAL_STATS } from '../../src/experiment/targetStats.js';
import { InputError } from '../../src/scenario/errors.js';

const FILE = 'scenarios/calibration/validation.yaml';

describe('the shipped validation figures', () => {
  const v = loadValidation(FILE);
  test('are kept out of the targets: independent figures use outputs no target uses; each names its source', () => {
    const targetStats = new Set(v.targets.targets.map((t) => t.stat));
    const indep = v.figures.filter((f) => f.independent);
    expect(indep.length).toBeGreaterThanOrEqual(5);
    for (const f of indep) {
      expect(targetStats.has(f.stat), f.id).toBe(false);
      expect(CAL_STATS[f.stat]!.kind, f.id).toBe('output');
    }
    for (const f of v.figures) expect(f.source, f.id).toMatch(/Allbutt L\d+|Evidence §\d/);
  });
});

describe('bad validation files are refused with the field named', () => {
  const fig = { id: 'f', stat: 'handholding_share', scenario: '../baseline.yaml', published: 'rare', low: 0, high: 0.2, source: 'Allbutt L179', independent: true, note: 'a note long enough' };
  const doc = (o: Record<string, unknown>) => ({ targets: 'targets.yaml', figures: [{ ...fig, ...o }] });
  test.each([
    [{ stat: 'completion_share' }, /figures\[0\]\.independent: completion_share is the statistic of target completion_share; set independent: false/],
    [{ stat: 'declined_share' }, /figures\[0\]\.independent: declined_share restates inputs \(clw\.declineProb/],
    [{ low: 1, high: 0 }, /figures\[0\]: expected low ≤ high/],
    [{ stat: 'nope' }, /figures\[0\]\.stat: expected one of/],
    [{ independent: 'yes' }, /figures\[0\]\.independent: expected true or false/],
    [{ extra: 1 }, /figures\[0\]: unknown key "extra"/],
  ])('%j', (o, re) => {
    expect(() => checkValidation(FILE, doc(o))).toThrow(InputError);
    expect(() => checkValidation(FILE, doc(o))).toThrow(re);
  });
  test('a cross-check on a target\'s statistic is accepted when it says it is not independent', () => {
    expect(checkValidation(FILE, doc({ stat: 'completion_share', independent: false })).figures[0]!.independent).toBe(false);
  });
});

describe('validate', () => {
  test('predicts each figure on its scenario (paired arms); a figure the model misses is reported as a miss', async () => {
    const base = { scenario: '../baseline.yaml', source: 'Allbutt L179', independent: true, note: 'a note long enough', published: 'x' };
    const v = checkValidation(FILE, {
      targets: 'targets.yaml',
      figures: [
        { ...base, id: 'far', stat: 'handholding_share', low: 5, high: 6 },
        { ...base, id: 'wide', stat: 'handholding_share', low: 0, high: 1 },
        { ...base, id: 'cut', stat: 'tso_closed_share_first_year', scenario: '../funding-cut.yaml', low: 0, high: 1 },
        { ...base, id: 'no-cut', stat: 'tso_closed_share_first_year', low: 0, high: 0 },
      ],
    });
    const rows = await validate(v, { reps: 3, weeks: 160 });
    expect(rows.map((r) => [r.figure.id, r.verdict, r.n])).toEqual([['far', 'miss', 3], ['wide', 'consistent', 3], ['cut', 'consistent', 3], ['no-cut', 'consistent', 3]]);
    // the cut closes organisations in its first year; stable funding closes none
    expect(rows[2]!.mean).toBeGreaterThan(0.05);
    expect(rows[3]!.mean).toBe(0);
    expect(rows[0]!.low).toBeLessThanOrEqual(rows[0]!.mean);
    expect(rows[0]!.high).toBeGreaterThanOrEqual(rows[0]!.mean);
  });
});
