import { describe, expect, test, onTestFinished } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadTargets } from '../../src/calibrate/targets.js';
import { baselineOf, check, score } from '../../src/calibrate/check.js';
import { InputError } from '../../src/scenario/errors.js';

describe('calibration', () => {
  const file = 'scenarios/targets.yaml';
  const t = loadTargets(file);

  test('every target names its source', () => {
    for (const g of t.targets) expect(g.source).toMatch(/Allbutt|Evidence/);
  });

  test('the baseline meets every published target (clwsim calibrate --check)', async () => {
    const rows = await check(t, baselineOf(t, file));
    for (const r of rows) expect(Math.abs(r.value - r.target), `${r.id}: ${r.value} vs ${r.target} ± ${r.tolerance}`).toBeLessThanOrEqual(r.tolerance);
    expect(score(rows)).toBeLessThan(rows.length);
  });

  test('a target the model misses is reported as a miss', async () => {
    const bad = { ...t, targets: [{ ...t.targets[0]!, target: 10, tolerance: 1 }] };
    const [row] = await check(bad, { ...baselineOf(t, file), reps: 2, weeks: 80, warmup: 20 });
    expect(row!.verdict).toBe('fail');
  });

  test('bad targets files are refused with the field named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clwsim-cal-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const f = join(dir, 't.yaml');
    writeFileSync(f, 'scenario: baseline.yaml\ntargets:\n  - { id: x, stat: nope, target: 1, tolerance: 1, source: somewhere }\n');
    expect(() => loadTargets(f)).toThrow(InputError);
    expect(() => loadTargets(f)).toThrow(/targets\[0\]\.stat: expected one of referrals_per_clw_year/);
  });
});
