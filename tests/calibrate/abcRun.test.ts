/**
 * The calibration engine on the model: deterministic whatever the worker count, resumable by
 * generation (a resumed run equals an uninterrupted one), and refusing to mix two calibrations.
 * A short horizon and few particles keep it quick; the method itself is verified on problems
 * with known posteriors in tests/experiment/abc.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { loadTargets } from '../../src/calibrate/targets.js';
import { distance, runCalibration, STATE_FILE, type CalibrationSpec } from '../../src/calibrate/abcRun.js';
import { posteriorCsv, predictiveCsv } from '../../src/calibrate/outputs.js';
import { executor } from '../../src/experiment/pool.js';
import { MemoryStore } from '../../src/experiment/store.js';
import { loadScenario } from '../../src/io/scenario.js';
import { InputError } from '../../src/scenario/errors.js';

const targets = loadTargets('scenarios/calibration/targets.yaml');
const spec = (o: Partial<CalibrationSpec> = {}): CalibrationSpec => ({
  targets, scenario: loadScenario('scenarios/baseline.yaml', { weeks: 60, warmup: 20 }),
  particles: 8, generations: 3, seed: 7, predictive: 4, provenance: { test: 1 }, ...o,
});

async function calibrate(c: CalibrationSpec, workers: number, store = new MemoryStore(), resume = false) {
  const exec = executor(workers);
  try {
    const cal = await runCalibration(c, { store, exec, resume });
    return { cal, store, files: { posterior: posteriorCsv(cal.abc), predictive: predictiveCsv(cal.predictive) } };
  } finally {
    await exec.close();
  }
}

describe('distance', () => {
  const ts = targets.targets.slice(0, 2);
  test('root mean square of errors in tolerances; a missing statistic is never accepted', () => {
    expect(distance([ts[0]!.target, ts[1]!.target], ts)).toBe(0);
    expect(distance([ts[0]!.target + ts[0]!.tolerance, ts[1]!.target - 3 * ts[1]!.tolerance], ts)).toBeCloseTo(Math.sqrt((1 + 9) / 2), 12);
    expect(distance([NaN, ts[1]!.target], ts)).toBe(Infinity);
  });
});

describe('calibration on the model', () => {
  test('the same posterior and predictive check on 1 or 2 workers; weights sum to 1', async () => {
    const one = await calibrate(spec(), 1);
    const two = await calibrate(spec(), 2);
    expect(two.files).toEqual(one.files);
    expect(one.cal.abc.generations.map((g) => g.generation)).toEqual([0, 1, 2]);
    expect(one.cal.abc.particles.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12);
    // every particle lies inside its prior's support
    for (const p of one.cal.abc.particles)
      targets.parameters.forEach((q, k) => {
        expect(p.theta[k]!).toBeGreaterThanOrEqual(q.lo!);
        expect(p.theta[k]!).toBeLessThanOrEqual(q.hi!);
      });
    expect(one.cal.predictive.map((r) => r.n)).toEqual(targets.targets.map(() => 4));
  });

  test('resumed by generation, it ends exactly where an uninterrupted run does', async () => {
    const whole = await calibrate(spec(), 1);
    const part = await calibrate(spec({ generations: 2 }), 1);
    part.store.remove('manifest.json'); // as if killed before the end
    expect(JSON.parse(part.store.read(STATE_FILE)!).state.history).toHaveLength(2);
    const resumed = await calibrate(spec(), 1, part.store, true);
    expect(resumed.cal.resumedGenerations).toBe(2);
    expect(resumed.cal.ranSimulations).toBe(whole.cal.abc.generations[2]!.simulations);
    expect(resumed.files).toEqual(whole.files);
  });

  test('a folder with an unfinished calibration is not overwritten, nor resumed with other settings', async () => {
    const part = await calibrate(spec({ generations: 1 }), 1);
    part.store.remove('manifest.json');
    await expect(calibrate(spec(), 1, part.store)).rejects.toThrow(/holds an unfinished calibration; add --resume/);
    const other = calibrate(spec({ seed: 8 }), 1, part.store, true);
    await expect(other).rejects.toThrow(InputError);
    await expect(calibrate(spec({ seed: 8 }), 1, part.store, true)).rejects.toThrow(/differs from this one \(seed: 7 there, 8 here\)/);
  });

  test('a set-up in which every simulation fails stops with the model\'s error, not an endless search', async () => {
    const broken = { ...targets, parameters: [{ name: 'demand.readinessMin', dist: 'uniform' as const, lo: 0.6, hi: 0.9, source: 'above readinessMax (0.5): no world' }],
      targets: [{ ...targets.targets[0]!, informs: ['demand.readinessMin'] }] };
    await expect(calibrate(spec({ targets: broken }), 1)).rejects.toThrow(/all 8 simulations of a batch failed; the first: .*readinessMin/);
  });
});
