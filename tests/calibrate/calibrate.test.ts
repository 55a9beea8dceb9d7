/**
 * What the calibration claims: every target is an output of the model (its statistic is
 * declared an output in targetStats.ts, with the mechanisms it emerges from, and reads no
 * parameter it informs); the shipped posterior's predictive check meets every target; a target
 * the model misses is reported as a miss; bad targets files are refused with the field named.
 */
import { describe, expect, test, onTestFinished } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { checkTargets, loadTargets } from '../../src/calibrate/targets.js';
import { baselineOf, check } from '../../src/calibrate/check.js';
import { CAL_STATS } from '../../src/experiment/targetStats.js';
import { SCHEDULE } from '../../src/model/simulate.js';
import { simulateReplication } from '../../src/experiment/runner.js';
import { parsePosterior, posteriorDraws } from '../../src/experiment/posterior.js';
import { InputError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/io/scenario.js';
import type { Scenario } from '../../src/model/scenario.js';

const file = 'scenarios/calibration/targets.yaml';
const t = loadTargets(file);

/** The parameter paths a statistic reads, recorded through a proxy on the scenario's parameters. */
function paramsRead(fn: (typeof CAL_STATS)[string]['fn'], r: ReturnType<typeof simulateReplication>, s: Scenario): string[] {
  const seen = new Set<string>();
  const wrap = (o: object, path: string): object => new Proxy(o, {
    get(target, key, recv) {
      const v = Reflect.get(target, key, recv);
      if (typeof key !== 'string') return v;
      const p = path ? `${path}.${key}` : key;
      if (typeof v === 'object' && v !== null) return wrap(v, p);
      seen.add(p);
      return v;
    },
  });
  fn(r, { ...s, params: wrap(s.params, '') as Scenario['params'] });
  return [...seen].sort();
}

describe('targets are outputs', () => {
  const s = loadScenario('scenarios/baseline.yaml', { weeks: 70, warmup: 20 });
  const run = simulateReplication(s, 0);
  const mechanisms = new Set(SCHEDULE.map((m) => m.id));
  const free = new Set(t.parameters.map((p) => p.name));

  test('each target\'s statistic is declared an output, emerging from mechanisms of the schedule, not a restatement of inputs', () => {
    for (const g of t.targets) {
      const def = CAL_STATS[g.stat]!;
      expect(def.kind, `${g.id}: ${g.stat}`).toBe('output');
      expect(def.restates, g.id).toBeUndefined();
      expect(def.emerges.length, `${g.id}: an output emerges from several mechanisms meeting`).toBeGreaterThanOrEqual(2);
      for (const m of def.emerges) expect(mechanisms.has(m), `${g.stat}: no mechanism "${m}"`).toBe(true);
      expect(def.why.length, g.id).toBeGreaterThan(30);
    }
  });

  test('every statistic reads only the parameters it declares, and none a target informs: it is computed from outputs', () => {
    for (const [name, def] of Object.entries(CAL_STATS)) {
      expect(paramsRead(def.fn, run, s), name).toEqual([...(def.reads ?? [])].sort());
      for (const p of def.reads ?? []) expect(free.has(p), `${name} reads ${p}, a free parameter`).toBe(false);
      if (def.kind === 'input') expect(def.restates?.length, name).toBeGreaterThan(0);
      expect(Number.isFinite(def.fn(run, s)), name).toBe(true);
    }
  });

  test('the targets inform every free parameter and only free parameters; every source is named', () => {
    for (const g of t.targets) {
      expect(g.source).toMatch(/Allbutt L\d+|Evidence §\d/);
      expect(g.informs.some((p) => free.has(p)), `${g.id} informs no free parameter`).toBe(true);
    }
    for (const p of t.parameters) {
      expect(p.source.length).toBeGreaterThan(10);
      expect(t.targets.some((g) => g.informs.includes(p.name))).toBe(true);
    }
  });

  test('the shipped posterior\'s predictive check meets every target within tolerance (40 draws)', async () => {
    // made from these targets and priors (re-ship after changing them: npm run calibrate:ship)
    const made = JSON.parse(readFileSync('scenarios/posterior/manifest.json', 'utf8'));
    expect(made.targets).toEqual(t.targets);
    expect(made.parameters).toEqual(t.parameters);
    const posterior = parsePosterior('posterior.csv', readFileSync('scenarios/posterior/posterior.csv', 'utf8'));
    expect([...posterior.paths].sort()).toEqual([...free].sort());
    const base = baselineOf(t, file);
    const draws = posteriorDraws(posterior, 40, base.seed);
    const rows = await check(t, { ...base, reps: 40 }, { workers: 2 }, draws);
    for (const r of rows) expect(Math.abs(r.value - r.target), `${r.id}: ${r.value} vs ${r.target} ± ${r.tolerance}`).toBeLessThanOrEqual(r.tolerance);
    expect(rows.every((r) => r.verdict === 'pass')).toBe(true);
  });

  test('a target the model misses is reported as a miss', async () => {
    const bad = { ...t, targets: [{ ...t.targets[0]!, target: 40, tolerance: 1 }] };
    const [row] = await check(bad, { ...baselineOf(t, file), reps: 2, weeks: 80, warmup: 20 });
    expect(row!.verdict).toBe('fail');
    expect(Math.abs(row!.value - 40)).toBeGreaterThan(1);
  });

  test('the targets sit outside scenarios/*.yaml: every file there is a valid scenario (validate, explore)', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
    expect(files).toContain('baseline.yaml');
    for (const f of files) expect(() => loadScenario(join('scenarios', f)), f).not.toThrow();
  });
});

describe('bad targets files are refused with the field named', () => {
  const target = { id: 'x', stat: 'completion_share', target: 0.5, tolerance: 0.1, informs: ['waiting.attendP0'], source: 'somewhere' };
  const prior = { prior: 'uniform', lo: 0.5, hi: 0.9, source: 'a reason for it' };
  const doc = (o: { target?: Record<string, unknown>; parameters?: Record<string, unknown> } = {}) =>
    ({ scenario: 'x.yaml', targets: [{ ...target, ...o.target }], parameters: o.parameters ?? { 'waiting.attendP0': prior } });
  test.each([
    [{ target: { stat: 'nope' } }, /targets\[0\]\.stat: expected one of referrals_per_clw_year/],
    [{ target: { stat: 'uptake_share' } }, /targets\[0\]\.stat: uptake_share restates inputs \(waiting\.attendP0, waiting\.waitLogitSlope: .*\); a target must be an output/],
    [{ target: { stat: 'referrals_per_clw_year' } }, /referrals_per_clw_year restates inputs \(demand\.referralsPerClwWeek/],
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
    writeFileSync(f, 'scenario: baseline.yaml\ntargets:\n  - { id: u, stat: completion_share, target: 0.5, tolerance: 0.1, informs: [waiting.attendP0], source: somewhere }\n'
      + 'parameters:\n  waiting.attendP0: { prior: normal, mean: 0.8, sd: 0.05, source: "a reason for it" }\n');
    expect(loadTargets(f).parameters).toEqual([{ name: 'waiting.attendP0', dist: 'normal', mean: 0.8, sd: 0.05, lo: 0.01, hi: 0.99, source: 'a reason for it' }]);
  });
});
