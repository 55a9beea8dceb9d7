/**
 * "The assumptions that drive the result most", computed: a one-at-a-time perturbation of every
 * numeric model parameter (except those the scenarios themselves set) on the comparison's
 * bottom line, the paired difference in net cost per year over the window.
 *  1. Screen: each parameter raised by `delta` (±25% by default), `screenReps` paired replications.
 *  2. Refine: the `top` largest movers, lowered and raised, `refineReps` paired replications.
 * Unit costs act linearly on the costs, so their effect is computed exactly from the comparison.
 * Each step's runs go to the runner at once, so they spread over the worker pool. With a
 * posterior, replication r runs with the comparison's draw r, and the posterior's parameters are
 * not perturbed (their uncertainty is already in the comparison).
 */
import { leaves, getParam, setParam, cloneParams, type NumSpec } from '../model/params.js';
import type { Scenario } from '../model/scenario.js';
import type { Window } from '../scenario/stats.js';
import type { Arm } from './arms.js';
import { armFromRuns, drawsOf } from './arms.js';
import { costRows } from './costs.js';
import { pairedJobs, type Draw, type Job } from '../experiment/runner.js';
import { runJobs, type Executor } from '../experiment/pool.js';
import { oneOfEachTwin, twinsOf } from './twins.js';

export interface SensitivityOptions {
  delta?: number;
  workers?: number;
  /** A worker pool to run on (compare's own, already warm), instead of a new one of `workers` threads. */
  exec?: Executor;
  screenReps?: number;
  refineReps?: number;
  top?: number;
  onProgress?: (done: number, total: number) => void;
  /** The screen, already started (compare starts it with the comparison: startScreen). */
  screen?: Screen;
  /** Jobs handed to the pool at a time (pool.ts RunJobsOptions). */
  inFlight?: number;
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
  /** Parameters with exactly this effect (./twins.ts), not moved or listed separately. */
  twins?: string[];
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

/** A perturbation: `path` set to `value` in both arms (none: the arms as they are). */
interface Setting { path?: string; value?: number }

/**
 * Paired net-cost effects of `arm` vs `base` over reps 0..reps-1, one per setting, all run in
 * one batch through the runner.
 */
async function effects(base: Scenario, arm: Scenario, w: Window, reps: number, settings: Setting[], o: SensitivityOptions & { draws?: Draw[] }, tick: () => void): Promise<number[]> {
  const at = (s: Scenario, x: Setting) => (x.path ? withParam(s, x.path, x.value!, reps) : { ...s, reps });
  const draws = o.draws?.slice(0, reps);
  const jobs: Job[] = settings.flatMap((x) => pairedJobs([at(base, x), at(arm, x)], reps, 'result', draws));
  const per = 2 * reps;
  let done = 0;
  const outs = await runJobs(jobs, { workers: o.workers, exec: o.exec, inFlight: o.inFlight, onProgress: (d) => { while (done < Math.floor(d / per)) { done++; tick(); } } });
  return settings.map((x, i) => {
    const mine = outs.slice(i * per, (i + 1) * per).map((y) => y.result!);
    return netPerYear(armFromRuns(at(base, x), mine.slice(0, reps), draws), armFromRuns(at(arm, x), mine.slice(reps), draws), w);
  });
}

/**
 * The parameters the screen moves: every numeric one but unit costs (exact, below), TSO counts,
 * the scenarios' own levers and the posterior's parameters (their uncertainty is already in the
 * comparison); of each group of twins (./twins.ts), one: moved once, listed once.
 */
export function screenCandidates(base: Scenario, arm: Scenario, draws?: Draw[]): Array<{ path: string; spec: NumSpec }> {
  const levers = new Set([...base.interventions, ...arm.interventions].flatMap((iv) => Object.keys(iv.set)));
  const drawn = new Set(Object.keys(draws?.[0]?.values ?? {}));
  return oneOfEachTwin(numericLeaves().filter((l) => !l.path.startsWith('costs.') && !l.path.startsWith('tso.count.') && !levers.has(l.path) && !drawn.has(l.path)), drawn);
}

/**
 * Step 1 of the analysis, started: its runs depend only on the two scenarios, the number of
 * replications and the posterior draws, so compare starts them with the comparison's own and the
 * pool never waits between the two (bench/README.md, fifth pass). Its progress ticks are counted
 * until sensitivity() takes them over.
 */
export interface Screen {
  /** The relative step each parameter was raised by (the refinement moves the top ones as far). */
  delta: number;
  candidates: Array<{ path: string; spec: NumSpec }>;
  raised: Array<{ path: string; spec: NumSpec; hi: number }>;
  screenReps: number;
  /** Net cost effect of the reference and of each raised parameter, in that order. */
  effects: Promise<number[]>;
  ticks: { done: number; on?: () => void };
}

export function startScreen(base: Scenario, arm: Scenario, w: Window, reps: number, draws: Draw[] | undefined, o: SensitivityOptions = {}): Screen {
  const delta = o.delta ?? 0.25;
  const screenReps = Math.min(o.screenReps ?? 1, reps);
  const candidates = screenCandidates(base, arm, draws);
  const asSet = (path: string) => getParam(base.params, path) as number;
  const raised = candidates.map((c) => ({ ...c, hi: perturbed(c.spec, asSet(c.path), delta) })).filter((c): c is typeof c & { hi: number } => c.hi !== undefined);
  const ticks: Screen['ticks'] = { done: 0 };
  const effectsOf = effects(base, arm, w, screenReps, [{}, ...raised.map((c) => ({ path: c.path, value: c.hi }))], { ...o, draws }, () => {
    ticks.done++;
    ticks.on?.();
  });
  effectsOf.catch(() => {}); // awaited by sensitivity(); a command that fails before then must not also report this
  return { delta, candidates, raised, screenReps, effects: effectsOf, ticks };
}

export async function sensitivity(base: Arm, arm: Arm, w: Window, o: SensitivityOptions = {}): Promise<Sensitivity> {
  const refineReps = Math.min(o.refineReps ?? 3, base.runs.length);
  const top = o.top ?? 5;
  const draws = drawsOf(base);
  const sc = o.screen ?? startScreen(base.scenario, arm.scenario, w, base.runs.length, draws, o);
  const { delta, candidates, raised, screenReps } = sc;
  const total = candidates.length + 3 + top * 2; // reference, screen, reference, both ends of each top one, unit costs
  let done = 0;
  const tick = () => o.onProgress?.(++done, total);
  for (let k = 0; k < sc.ticks.done; k++) tick(); // the screen's runs done before this call
  sc.ticks.on = tick;
  const screen = await sc.effects;
  sc.ticks.on = undefined;
  for (let k = raised.length + 1; k <= candidates.length; k++) tick(); // parameters already at the edge of their range
  const asSet = (path: string) => getParam(base.scenario.params, path) as number;
  const ref1 = screen[0]!;
  const screened = raised.map((c, i) => ({ path: c.path, spec: c.spec, score: Math.abs(screen[i + 1]! - ref1) }));
  screened.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path));

  const tops = screened.slice(0, top).map((c) => {
    const v = asSet(c.path);
    return { ...c, v, lo: perturbed(c.spec, v, -delta) ?? v, hi: perturbed(c.spec, v, delta) ?? v };
  });
  const refine = await effects(base.scenario, arm.scenario, w, refineReps,
    [{}, ...tops.flatMap((c) => [{ path: c.path, value: c.lo }, { path: c.path, value: c.hi }])], { ...o, draws }, tick);
  const ref = refine[0]!;
  const rows: SensitivityRow[] = tops.map((c, i) => {
    const eLo = c.lo === c.v ? ref : refine[1 + 2 * i]!;
    const eHi = c.hi === c.v ? ref : refine[2 + 2 * i]!;
    return { path: c.path, description: c.spec.description, unit: c.spec.unit, source: c.spec.source, value: c.v, low: c.lo, high: c.hi,
      effectLow: eLo, effectHigh: eHi, effectRef: ref, swing: Math.abs(eHi - eLo), method: 'simulated', reps: refineReps, twins: twinsOf(c.path) };
  });

  // Unit costs: exact, on the full comparison.
  const full = netPerYear(base, arm, w);
  for (const c of numericLeaves().filter((l) => l.path.startsWith('costs.') && !(draws && l.path in draws[0]!.values))) {
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
