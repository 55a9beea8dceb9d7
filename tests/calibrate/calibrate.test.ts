import { describe, expect, test, onTestFinished } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { checkTargets, loadTargets } from '../../src/calibrate/targets.js';
import { baselineOf, check, score } from '../../src/calibrate/check.js';
import { InputError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/io/scenario.js';

describe('calibration targets', () => {
  const file = 'scenarios/calibration/targets.yaml';
  const t = loadTargets(file);

  test('every target names its source and the parameters it informs; every free parameter has a prior with a source', () => {
    for (const g of t.targets) {
      expect(g.source).toMatch(/Allbutt|Evidence/);
      expect(g.informs.length).toBeGreaterThan(0);
    }
    expect(t.parameters.length).toBeGreaterThan(0);
    for (const p of t.parameters) {
      expect(p.source.length).toBeGreaterThan(10);
      expect(t.targets.some((g) => g.informs.includes(p.name))).toBe(true);
    }
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

  test('the targets sit outside scenarios/*.yaml: every file there is a valid scenario (validate, explore)', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
    expect(files).toContain('baseline.yaml');
    for (const f of files) expect(() => loadScenario(join('scenarios', f)), f).not.toThrow();
  });
});

describe('bad targets files are refused with the field named', () => {
  const target = { id: 'x', stat: 'uptake_share', target: 0.7, tolerance: 0.1, informs: ['waiting.attendP0'], source: 'somewhere' };
  const prior = { prior: 'uniform', lo: 0.5, hi: 0.9, source: 'a reason for it' };
  const doc = (o: { target?: Record<string, unknown>; parameters?: Record<string, unknown> } = {}) =>
    ({ scenario: 'x.yaml', targets: [{ ...target, ...o.target }], parameters: o.parameters ?? { 'waiting.attendP0': prior } });
  test.each([
    [{ target: { stat: 'nope' } }, /targets\[0\]\.stat: expected one of referrals_per_clw_year/],
    [{ target: { informs: [] } }, /targets\[0\]\.informs: expected the list of parameter paths/],
    [{ target: { informs: ['no.such'] } }, /targets\[0\]\.informs\[0\]: expected a numeric parameter path/],
    [{ target: { tolerance: 0 } }, /targets\[0\]\.tolerance: expected a number > 0/],
    [{ target: { extra: 1 } }, /targets\[0\]: unknown key "extra"/],
    [{ parameters: { 'waiting.attendP0': { ...prior, prior: 'beta' } } }, /parameters\.waiting\.attendP0\.prior: expected uniform, loguniform or normal/],
    [{ parameters: { 'waiting.attendP0': { ...prior, hi: 1.5 } } }, /parameters\.waiting\.attendP0\.hi: waiting\.attendP0: expected a number from 0\.01 to 0\.99, got 1\.5/],
    [{ parameters: { 'waiting.attendP0': { ...prior, source: undefined } } }, /parameters\.waiting\.attendP0\.source: expected where the prior comes from/],
    [{ parameters: { 'waiting.attendP0': { prior: 'normal', mean: 2, sd: 0.1, source: 'a reason for it' } } }, /attendP0\.mean: expected a number from 0\.01 to 0\.99, got 2/],
    [{ parameters: { 'waiting.attendP0': { prior: 'loguniform', lo: 0.5, hi: 0.9, sd: 1, source: 'a reason for it' } } }, /mean and sd are for a normal prior/],
    [{ parameters: { 'waiting.attendP0': prior, 'clw.count': prior } }, /parameters\.clw\.count: clw\.count is an integer/],
    [{ parameters: { 'waiting.attendP0': prior, 'clw.sessionGain': { ...prior, lo: 0.05, hi: 0.1 } } }, /parameters\.clw\.sessionGain: no target informs it/],
    [{ parameters: { 'waiting.atendP0': prior } }, /unknown parameter "waiting\.atendP0" \(did you mean "waiting\.attendP0"\?\)/],
  ])('%j', (o, re) => {
    expect(() => checkTargets('t.yaml', doc(o))).toThrow(InputError);
    expect(() => checkTargets('t.yaml', doc(o))).toThrow(re);
  });

  test('a normal prior is truncated to the schema range unless bounded; the file is read from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clwsim-cal-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const f = join(dir, 't.yaml');
    writeFileSync(f, 'scenario: baseline.yaml\ntargets:\n  - { id: u, stat: uptake_share, target: 0.7, tolerance: 0.1, informs: [waiting.attendP0], source: somewhere }\n'
      + 'parameters:\n  waiting.attendP0: { prior: normal, mean: 0.8, sd: 0.05, source: "a reason for it" }\n');
    expect(loadTargets(f).parameters).toEqual([{ name: 'waiting.attendP0', dist: 'normal', mean: 0.8, sd: 0.05, lo: 0.01, hi: 0.99, source: 'a reason for it' }]);
  });
});
