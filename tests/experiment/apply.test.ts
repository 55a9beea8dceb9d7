import { scratch } from '../helpers.js';
import { describe, expect, test, } from 'vitest';
import { applyPoint } from '../../src/experiment/apply.js';
import { runTask, type Task } from '../../src/experiment/runTask.js';
import { loadSweep } from '../../src/io/sweepFile.js';
import { loadScenario } from '../../src/io/scenario.js';

const { file } = scratch('apply');
const cut = `scenario: ${process.cwd()}/scenarios/funding-cut.yaml\n`;

describe('factors on interventions', () => {
  test('applyPoint changes the intervention of the copy, never the base', () => {
    const base = loadScenario('scenarios/funding-cut.yaml', { weeks: 120 });
    const before = JSON.stringify(base);
    const s = applyPoint(base, ['interventions[0].set.funding.multiplier.crisis', 'interventions[0].week', 'practice.scatterShare'], [0.3, 40, 0.5]);
    expect(s.interventions[0]!.set['funding.multiplier.crisis']).toBe(0.3);
    expect(s.interventions[0]!.set['funding.multiplier.activity']).toBe(0.7);
    expect(s.interventions[0]!.week).toBe(40);
    expect(s.params.practice.scatterShare).toBe(0.5);
    expect(JSON.stringify(base)).toBe(before);
  });

  test('the cut depth as a factor: its base value reproduces the scenario, a deeper cut changes the outcome', () => {
    const s = loadSweep(file(`${cut}factors:\n  interventions[0].set.funding.multiplier.crisis: [0.7, 0.2]\nreps: 1\nweeks: 140\nwindow: { last: 36 }\nmetrics: [waitlist_total, active_tsos, tso_grants]\n`));
    const task = (paths: string[], values: Array<number | string>): Task => ({ base: s.base, paths, values, point: 0, seed: 1, rep: 0, window: s.window, statistic: 'mean', metrics: s.metrics, trajectories: false });
    const plain = runTask(task([], []));
    const same = runTask(task(['interventions[0].set.funding.multiplier.crisis'], [0.7]));
    const deeper = runTask(task(['interventions[0].set.funding.multiplier.crisis'], [0.2]));
    expect(plain.ok && same.ok && deeper.ok).toBe(true);
    expect(same.values).toEqual(plain.values);
    expect(deeper.values![2]).toBeLessThan(plain.values![2]!); // less grant money paid after the deeper cut
  });

  test('validated like any factor, with the intervention checked against the base scenario', () => {
    expect(() => loadSweep(file(`${cut}factors:\n  interventions[3].week: [10]\n`))).toThrow(/factors.interventions\[3\].week: the base scenario .*funding-cut.yaml has 1 intervention\(s\), numbered from 0/);
    expect(() => loadSweep(file(`${cut}factors:\n  interventions[0].set.funding.multiplier.crisis: [9]\n`))).toThrow(/factors: funding.multiplier.crisis: expected a number from 0 to 5, got 9/);
    expect(() => loadSweep(file(`${cut}factors:\n  interventions[0].week: [0]\n`))).toThrow(/factors.interventions\[0\].week: expected an integer from 1 to 5200, got 0/);
    expect(() => loadSweep(file(`${cut}factors:\n  interventions[0].set.tso.count.mh: [3]\n`))).toThrow(/TSO counts are fixed at the start/);
    expect(() => loadSweep(file(`${cut}factors:\n  interventions[0].set.funding.multiplyer.crisis: [0.5]\n`))).toThrow(/unknown parameter "funding.multiplyer.crisis"/);
    const ok = loadSweep(file(`${cut}factors:\n  interventions[0].week: { min: 20, max: 60 }\nsamples: 3\n`));
    expect(ok.factors[0]).toMatchObject({ kind: 'range', integer: true, min: 20, max: 60 });
  });
});
