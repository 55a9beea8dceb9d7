/**
 * The loop characterisation (src/patterns/loops.ts, `clwsim loops`): the lever value written for
 * each week is the one the model ran with; the verdict counts two levels only when the starts
 * settle apart; a short run writes the data and the figure.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOOP_LEVERS, STARTS, TWO_LEVELS, equilibriumRow, gridOf, hysteresis, rampPlan, runLoops } from '../../src/patterns/loops.js';
import { armScenario } from '../../src/patterns/run.js';
import { Simulation } from '../../src/model/simulate.js';
import { getParam } from '../../src/model/params.js';
import { cli } from '../helpers.js';
import { testDir } from '../testDir.js';

const lever = (name: string) => LOOP_LEVERS.find((l) => l.name === name)!;
const { dir, cleanup } = testDir('loops');
afterAll(cleanup);

describe('the slow ramp', () => {
  test('the lever value recorded each week is the value the model ran with (up, held, down, held)', () => {
    for (const l of LOOP_LEVERS) {
      const plan = rampPlan(l, { rampWeeks: 12, holdWeeks: 5 });
      expect(plan.weeks).toBe(3 * 5 + 2 * 12); // held calm, up, held stressed, down, held calm
      const sim = new Simulation(armScenario({ set: plan.set(l.calm), interventions: plan.interventions }, { weeks: plan.weeks, seed: 3, reps: 1 }));
      const phases = new Set<string>();
      while (!sim.done) {
        sim.step();
        for (const path of l.paths) expect(getParam(sim.world.p, path), `${l.name} week ${sim.week}`).toBeCloseTo(plan.value(sim.week), 9);
        phases.add(plan.phase(sim.week));
      }
      expect([...phases]).toEqual(['before', 'up', 'held', 'down', 'after']);
      expect(plan.value(5 + 12)).toBeCloseTo(l.stressed, 12);
    }
  });

  test('hysteresis compares the two legs at matching lever values', () => {
    const row = (phase: 'up' | 'down', v: number, trust: number) => ({ lever: 'x', start: 'high' as const, week: 0, phase, lever_value: v, trust_mean: trust, trust_ci_low: 0, trust_ci_high: 0, active_tsos: 10, clw_pressure_mean: 0, good_signal_share: 0 });
    const up = [0.25, 0.5, 0.75, 1].map((v) => row('up', v, 1 - v / 2));
    const down = [0.75, 0.5, 0.25, 0].map((v) => row('down', v, 0.9 - v / 2));
    expect(hysteresis([...up, ...down], 'high').trust).toBeCloseTo(-0.1, 9); // lines 0.1 apart, matched at the same values
  });
});

describe('one level or two', () => {
  test('two levels only when the paired difference between the starts clears TWO_LEVELS with 95% confidence', () => {
    const l = lever('pressure');
    const one = equilibriumRow(l, 20, [[[0.61, 50], [0.6, 50], [0.62, 50]], [[0.6, 50], [0.61, 50], [0.6, 50]]]);
    expect(one.levels).toBe(1);
    const two = equilibriumRow(l, 20, [[[0.81, 50], [0.8, 50], [0.82, 50]], [[0.3, 50], [0.31, 50], [0.3, 50]]]);
    expect(two.levels).toBe(2);
    expect(two.ci_low).toBeGreaterThan(TWO_LEVELS);
    expect(two.difference).toBeCloseTo(0.5066667, 6);
  });

  test('the grid runs calm to stressed inclusive', () => {
    expect(gridOf(lever('pressure'), 5)).toEqual([40, 32, 24, 16, 8]);
    expect(gridOf(lever('over-referral'), 2)).toEqual([0, 0.8]);
  });

  test('a short run: both starts at every week, every grid value, the start forgotten where the lever is calm', async () => {
    const o = { levers: ['over-referral'], reps: 3, seed: 2, rampWeeks: 30, holdWeeks: 10, equilibriumWeeks: 400, tailWeeks: 52, points: 2, workers: 1 };
    const [r] = await runLoops(o);
    const weeks = rampPlan(lever('over-referral'), o).weeks;
    expect(r!.ramp.length).toBe(2 * weeks);
    expect(r!.ramp.filter((x) => x.start === 'high' && x.week === 1)[0]!.trust_mean).toBeGreaterThan(r!.ramp.filter((x) => x.start === 'low' && x.week === 1)[0]!.trust_mean);
    expect(r!.equilibria.map((e) => e.lever_value)).toEqual([0, 0.8]);
    for (const e of r!.equilibria) {
      expect(e.n).toBe(3);
      expect(Math.abs(e.difference)).toBeLessThan(0.1);
    }
    expect(r!.equilibria[0]!.trust_high_start).toBeGreaterThan(r!.equilibria[1]!.trust_high_start); // over-referral costs trust
    expect(STARTS.high).toBeGreaterThan(STARTS.low);
  });
});

describe('clwsim loops', () => {
  test('writes loops.csv, equilibria.csv and loops.svg, and says one level or two', async () => {
    const out = join(dir, 'loops');
    const r = await cli('loops', '--lever', 'pressure', '--reps', '2', '--ramp-weeks', '8', '--hold-weeks', '4', '--equilibrium-weeks', '170', '--points', '2', '--workers', '1', '--out', out, '--quiet');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^pressure \(CLW caseload cap/);
    expect(r.out).toMatch(/long-run trust has (one level at every value|two levels at)/);
    const ramp = readFileSync(join(out, 'loops.csv'), 'utf8').trim().split('\n');
    expect(ramp[0]).toBe('lever,start,week,phase,lever_value,trust_mean,trust_ci_low,trust_ci_high,active_tsos,clw_pressure_mean,good_signal_share');
    expect(ramp.length).toBe(1 + 2 * (3 * 4 + 2 * 8));
    const eq = readFileSync(join(out, 'equilibria.csv'), 'utf8').trim().split('\n');
    expect(eq[0]).toBe('lever,lever_value,trust_high_start,trust_low_start,difference,ci_low,ci_high,n,active_tsos,levels');
    expect(eq.length).toBe(3);
    expect(readFileSync(join(out, 'loops.svg'), 'utf8')).toMatch(/^<svg[\s\S]*pressure: long-run trust[\s\S]*<\/svg>\n$/);
    const bad = await cli('loops', '--lever', 'nope', '--out', join(dir, 'never'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--lever nope: unknown lever/);
  });
});
