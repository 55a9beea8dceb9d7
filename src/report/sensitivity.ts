/**
 * "The assumptions that drive the result most", computed: a one-at-a-time perturbation of every
 * numeric model parameter (except those the scenarios themselves set) on the comparison's
 * bottom line, the paired difference in net cost per year over the window.
 *  1. Screen: each parameter raised by `delta` (±25% by default), `screenReps` paired replications.
 *  2. Refine: the `top` largest movers, lowered and raised, `refineReps` paired replications.
 * Unit costs act linearly on the costs, so their effect is computed exactly from the comparison.
 */
import { leaves, getParam, setParam, cloneParams, type NumSpec } from '../model/params.js';
import type { Scenario } from '../model/scenario.js';
import { simulate } from '../model/simulate.js';
import type { Arm, Window } from './arms.js';
import { armFromRuns } from './arms.js';
import { costRows } from './costs.js';

export interface SensitivityOptions {
  delta?: number;
  screenReps?: number;
  refineReps?: number;
  top?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SensitivityRow {
  path: string;
  description: string;
  unit: string;
  source: string;
  value: number;
  low: number;
  high: number;
  /** Net cost difference per year (scenario − baseline) with the parameter at low / high. */
  effectLow: number;
  effectHigh: number;
  /** The same with the parameter as set, on the same replications. */
  effectRef: number;
  swing: number;
  method: 'simulated' | 'exact';
  reps: number;
}

export interface Sensitivity {
  scenario: string;
  outcome: string;
  delta: number;
  screened: number;
  screenReps: number;
  rows: SensitivityRow[];
}

const numericLeaves = () => leaves().filter((l): l is { path: string; spec: NumSpec } => l.spec.kind === 'number');

/** The value `frac` away from v (relative), kept inside the parameter's range; undefined if no change. */
function perturbed(spec: NumSpec, v: number, frac: number): number | undefined {
  let x = v !== 0 ? v * (1 + frac) : spec.min + frac * (spec.max - spec.min);
  x = Math.min(spec.max, Math.max(spec.min, x));
  if (spec.integer) x = Math.round(x);
  return x === v ? undefined : x;
}

function withParam(s: Scenario, path: string, value: number, reps: number): Scenario {
  const params = cloneParams(s.params);
  setParam(params, path, value);
  return { ...s, params, reps };
}

const netPerYear = (base: Arm, arm: Arm, w: Window) =>
  costRows(base, [arm], w).find((r) => r.component === 'net' && r.period === 'per_year')!.diff;

/** Paired net-cost effect of `arm` vs `base` over reps 0..reps-1, with `path` set to `value` in both. */
function effect(base: Scenario, arm: Scenario, w: Window, reps: number, path?: string, value?: number): number {
  const b = path ? withParam(base, path, value!, reps) : { ...base, reps };
  const a = path ? withParam(arm, path, value!, reps) : { ...arm, reps };
  const run = (s: Scenario) => armFromRuns(s, Array.from({ length: reps }, (_, r) => simulate(s, r)));
  return netPerYear(run(b), run(a), w);
}

export function sensitivity(base: Arm, arm: Arm, w: Window, o: SensitivityOptions = {}): Sensitivity {
  const delta = o.delta ?? 0.25;
  const screenReps = Math.min(o.screenReps ?? 1, base.runs.length);
  const refineReps = Math.min(o.refineReps ?? 3, base.runs.length);
  const top = o.top ?? 5;
  const levers = new Set([...base.scenario.interventions, ...arm.scenario.interventions].flatMap((iv) => Object.keys(iv.set)));
  const candidates = numericLeaves().filter((l) => !l.path.startsWith('costs.') && !levers.has(l.path) && !l.path.startsWith('tso.count.'));
  const total = candidates.length + 3 + top * 2; // reference, screen, reference, both ends of each top one, unit costs
  let done = 0;
  const tick = () => o.onProgress?.(++done, total);

  const ref1 = effect(base.scenario, arm.scenario, w, screenReps);
  tick();
  const screened: Array<{ path: string; spec: NumSpec; score: number }> = [];
  for (const c of candidates) {
    const v = getParam(base.scenario.params, c.path) as number;
    const hi = perturbed(c.spec, v, delta);
    if (hi !== undefined) screened.push({ ...c, score: Math.abs(effect(base.scenario, arm.scenario, w, screenReps, c.path, hi) - ref1) });
    tick();
  }
  screened.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path));

  const rows: SensitivityRow[] = [];
  const ref = effect(base.scenario, arm.scenario, w, refineReps);
  tick();
  for (const c of screened.slice(0, top)) {
    const v = getParam(base.scenario.params, c.path) as number;
    const lo = perturbed(c.spec, v, -delta) ?? v;
    const hi = perturbed(c.spec, v, delta) ?? v;
    const eLo = lo === v ? ref : effect(base.scenario, arm.scenario, w, refineReps, c.path, lo);
    tick();
    const eHi = hi === v ? ref : effect(base.scenario, arm.scenario, w, refineReps, c.path, hi);
    tick();
    rows.push({ path: c.path, description: c.spec.description, unit: c.spec.unit, source: c.spec.source, value: v, low: lo, high: hi,
      effectLow: eLo, effectHigh: eHi, effectRef: ref, swing: Math.abs(eHi - eLo), method: 'simulated', reps: refineReps });
  }

  // Unit costs: exact, on the full comparison.
  const full = netPerYear(base, arm, w);
  for (const c of numericLeaves().filter((l) => l.path.startsWith('costs.'))) {
    const v = getParam(base.scenario.params, c.path) as number;
    const lo = perturbed(c.spec, v, -delta) ?? v;
    const hi = perturbed(c.spec, v, delta) ?? v;
    const at = (x: number) => netPerYear({ ...base, scenario: withParam(base.scenario, c.path, x, base.runs.length) }, arm, w);
    const eLo = at(lo), eHi = at(hi);
    rows.push({ path: c.path, description: c.spec.description, unit: c.spec.unit, source: c.spec.source, value: v, low: lo, high: hi,
      effectLow: eLo, effectHigh: eHi, effectRef: full, swing: Math.abs(eHi - eLo), method: 'exact', reps: base.runs.length });
  }
  tick();
  rows.sort((a, b) => b.swing - a.swing || a.path.localeCompare(b.path));
  return { scenario: arm.scenario.name, outcome: 'net cost difference per year (£)', delta, screened: screened.length, screenReps, rows };
}
