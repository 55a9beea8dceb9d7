import { scratch } from '../helpers.js';
import { describe, expect, test, } from 'vitest';
import { loadSweep } from '../../src/io/sweepFile.js';
import { InputError } from '../../src/scenario/errors.js';

const { file } = scratch('sweepfile');
const base = `scenario: ${process.cwd()}/scenarios/baseline.yaml\n`;
const ok = `${base}factors:\n  practice.scatterShare: [0.1, 0.5]\n`;

describe('sweep files: resolved values and overrides', () => {
  test('defaults come from the base scenario; the window defaults to the weeks after warm-up', () => {
    const s = loadSweep(file(ok));
    expect(s.reps).toBe(10);
    expect(s.weeks).toBe(260);
    expect(s.window).toEqual({ from: 105, to: 260 });
    expect(s.crn).toBe(true);
    expect(s.keep).toBe('summaries');
    expect(s.statistic).toBe('mean');
  });

  test('the sweep file overrides the scenario; --reps, --weeks, --seed and --set override the sweep file', () => {
    const f = file(`${ok}reps: 4\nweeks: 150\nseed: 3\nwindow: { last: 20 }\nset:\n  clw.count: 30\n`);
    const s = loadSweep(f);
    expect([s.reps, s.weeks, s.seed, s.window.from, s.base.params.clw.count]).toEqual([4, 150, 3, 131, 30]);
    const o = loadSweep(f, { reps: 2, weeks: 120, seed: 8, set: ['clw.count=12'] });
    expect([o.reps, o.weeks, o.seed, o.base.params.clw.count]).toEqual([2, 120, 8, 12]);
  });

  test('a factor that an intervention of the base scenario also sets is warned about', () => {
    const s = loadSweep(file(`scenario: ${process.cwd()}/scenarios/funding-cut.yaml\nfactors:\n  funding.multiplier.crisis: [0.5, 1]\n  practice.scatterShare: [0.1]\n`));
    expect(s.warnings.length).toBe(1);
    expect(s.warnings[0]).toMatch(/factors.funding.multiplier.crisis: the scenario's intervention at week 104 .* sets it too/);
    expect(loadSweep(file(ok)).warnings).toEqual([]);
  });

  test('--precision turns on adaptive replications with every kept metric by default', () => {
    const s = loadSweep(file(`${ok}reps: 3\nmetrics: [waitlist_total, trust_mean]\n`), { precision: 0.05, maxReps: 20 });
    expect(s.precision).toEqual({ target: 0.05, metrics: ['waitlist_total', 'trust_mean'], maxReps: 20 });
  });
});

describe('sweep files: one-line errors naming the file, the field and what was expected', () => {
  const bad: Array<[string, RegExp]> = [
    [`factors:\n  a: [1]\n`, /: scenario: expected the path of a base scenario file/],
    [`${base}factors:\n  practice.scaterShare: [0.1]\n`, /: factors: unknown parameter "practice.scaterShare" \(did you mean "practice.scatterShare"\?\)/],
    [`${base}factors:\n  practice.scatterShare: [0.1, 7]\n`, /: factors: practice.scatterShare: expected a number from 0 to 1, got 7/],
    [`${base}factors:\n  practice.scatterShare: { min: 0.5, max: 0.2 }\nsamples: 4\n`, /factors.practice.scatterShare: expected min < max/],
    [`${base}factors:\n  practice.scatterShare: { min: 0.1, max: 0.5 }\n`, /: samples: expected the number of Latin-hypercube points/],
    [`${base}factors:\n  practice.kpiRegime: { min: 0, max: 1 }\nsamples: 2\n`, /factors.practice.kpiRegime: expected a list of values \(practice.kpiRegime is a choice/],
    [`${base}factors: {}\n`, /: factors: expected a mapping of parameter paths/],
    [`${ok}reps: 0\n`, /: reps: expected an integer from 1 to 100000, got 0/],
    [`${ok}metrics: [waitlist]\n`, /: metrics\[0\]: expected a metric name/],
    [`${ok}window: { last: 9999 }\n`, /: window.last: expected an integer from 1 to 260/],
    [`${ok}keep: everything\n`, /: keep: expected summaries or trajectories, got "everything"/],
    [`${ok}factor: 1\n`, /: \(top level\): unknown key "factor"/],
    [`${ok}precision: { target: 5 }\n`, /: precision.target: expected a number between 0 and 1/],
    [`${ok}reps: 1\nprecision: 0.05\n`, /: reps: adaptive precision needs at least 2 replications/],
    [`${base}factors: [1, 2\n`, /: malformed YAML/],
  ];
  test.each(bad)('%#: %s', (text, re) => {
    const f = file(text);
    let err: unknown;
    try {
      loadSweep(f);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const msg = (err as Error).message;
    expect(msg).toMatch(re);
    expect(msg).not.toMatch(/\n/);
  });

  test('--max-reps needs --precision', () => {
    expect(() => loadSweep(file(ok), { maxReps: 9 })).toThrow(/--max-reps 9: only used with --precision/);
  });

  test('--set may not fix a factor; the base scenario is checked too', () => {
    expect(() => loadSweep(file(ok), { set: ['practice.scatterShare=0.2'] })).toThrow(/--set practice.scatterShare=0.2: practice.scatterShare is a factor of this sweep/);
    expect(() => loadSweep(file(ok), { set: ['clw.count=-1'] })).toThrow(/clw.count: expected an integer from 1/);
    expect(() => loadSweep(file(`scenario: nowhere.yaml\nfactors:\n  practice.scatterShare: [0.1]\n`))).toThrow(/nowhere.yaml: file not found/);
  });

  test('Morris needs ranges; "all" takes every numeric parameter around its default', () => {
    expect(() => loadSweep(file(ok), {}, 'morris')).toThrow(/factors.practice.scatterShare: expected a range/);
    const s = loadSweep(file(`${base}factors: all\n`), {}, 'morris');
    expect(s.factors.length).toBeGreaterThan(50);
    for (const f of s.factors) expect(f.kind === 'range' && f.min < f.max).toBe(true);
    expect(() => loadSweep(file(`${base}factors: all\n`))).toThrow(/"all" is for sensitivity/);
  });
});
