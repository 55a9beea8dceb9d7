/**
 * Pure optimisations must not change results: the live engine (src/model) and the frozen
 * unoptimised engine (tests/perf/reference, refreshed by refresh-reference.sh) run the same
 * explicit scenario objects and must give bit-identical trajectories, per-type series, funnel
 * and client-weeks. Both engines get the same Params object, so re-calibrated defaults on main
 * do not break this check; a deliberate change of mechanism code is applied to the reference
 * too (see refresh-reference.sh).
 */
import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import { defaults, setParam, type Params } from '../../src/model/params.js';
import type { Scenario, Intervention } from '../../src/model/scenario.js';
import { simulate as simulateRef } from './reference/simulate.js';
import type { Scenario as RefScenario } from './reference/scenario.js';

function make(name: string, set: Record<string, number | string>, weeks: number, seed: number, interventions: Intervention[] = []): Scenario {
  const params: Params = defaults();
  for (const [k, v] of Object.entries(set)) setParam(params, k, v);
  return { name, description: '', params, interventions, weeks, warmup: 0, reps: 1, seed };
}

const CITY = { 'clw.count': 25, 'demand.referralsPerClwWeek': 2.6, 'tso.count.crisis': 12, 'tso.count.mh': 8, 'tso.count.activity': 24, 'tso.count.specialist': 8 };
const cut = (week: number, mult: number): Intervention => ({ week, rampWeeks: 0, label: 'cut', set: { 'funding.multiplier.crisis': mult, 'funding.multiplier.activity': mult } });

/** Scenarios chosen to reach every code path: closures, scattergun, headcount changes, ramps, the expertise lever, pressure. */
const CASES: Scenario[] = [
  make('city', CITY, 260, 1),
  make('city-seed', CITY, 200, 987654321),
  make('scattergun', { ...CITY, 'practice.scatterShare': 0.5, 'practice.scatterK': 4 }, 200, 3),
  make('funding-cut', CITY, 200, 5, [cut(52, 0.3), { ...cut(150, 1), rampWeeks: 20 }]),
  make('headcount', CITY, 200, 7, [{ week: 60, rampWeeks: 0, label: 'cut CLWs', set: { 'clw.count': 15 } }, { week: 120, rampWeeks: 0, label: 'restore', set: { 'clw.count': 30 } }]),
  make('training', CITY, 160, 13, [{ week: 40, rampWeeks: 10, label: 'training', set: { 'clw.expertiseMean': 0.8 } }]),
  make('pressure', { ...CITY, 'demand.level': 2.5, 'practice.kpiRegime': 'outcomes', 'clw.tsoEmployedShare': 0.5 }, 200, 9),
  make('regional', { 'clw.count': 120, 'clw.caseloadCap': 100, 'demand.referralsPerClwWeek': 7.14, 'tso.count.crisis': 160, 'tso.count.mh': 110, 'tso.count.activity': 320, 'tso.count.specialist': 110 }, 160, 11),
];

function firstDifference(a: ReturnType<typeof simulate>, b: ReturnType<typeof simulate>): string | undefined {
  for (const [m, xs] of Object.entries(a.metrics)) {
    const ys = (b.metrics as Record<string, Float64Array>)[m]!;
    for (let t = 0; t < xs.length; t++) if (!Object.is(xs[t], ys[t])) return `metric ${m}, week ${t + 1}: ${xs[t]} vs ${ys[t]}`;
  }
  for (const [type, rec] of Object.entries(a.tsoTypes)) {
    for (const [f, xs] of Object.entries(rec)) {
      const ys = (b.tsoTypes as Record<string, Record<string, Float64Array>>)[type]![f]!;
      for (let t = 0; t < xs.length; t++) if (!Object.is(xs[t], ys[t])) return `${type}.${f}, week ${t + 1}: ${xs[t]} vs ${ys[t]}`;
    }
  }
  if (JSON.stringify(a.funnel) !== JSON.stringify(b.funnel)) return `funnel ${JSON.stringify(a.funnel)} vs ${JSON.stringify(b.funnel)}`;
  if (a.clientWeeks !== b.clientWeeks) return `clientWeeks ${a.clientWeeks} vs ${b.clientWeeks}`;
  return undefined;
}

describe('optimised engine = unoptimised reference, bit for bit', () => {
  for (const s of CASES) {
    test(s.name, () => {
      const live = simulate(s, 0);
      const ref = simulateRef(structuredClone(s) as unknown as RefScenario, 0) as unknown as ReturnType<typeof simulate>;
      expect(firstDifference(live, ref)).toBeUndefined();
      expect(live.clientWeeks).toBeGreaterThan(0);
    });
  }
});
