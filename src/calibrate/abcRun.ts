/**
 * `clwsim calibrate`'s engine: ABC-SMC (src/experiment/abc.ts) with the model as its simulator.
 * A proposal θ is one replication of the targets' scenario with θ set on its free parameters
 * (a runner draw) and the seed ABC gives it; its distance is the root mean square of
 * (statistic − target) / tolerance over the targets. Proposals go to the worker pool in batches
 * of fixed size, so results do not depend on the worker count. After each generation the whole
 * state is written to the store (abc-state.json), so a killed calibration resumes at the last
 * finished generation. A replication that throws (a world the model cannot build) is never
 * accepted. Files only through the store.
 */
import { quantile } from 'simple-statistics';
import { InputError } from '../scenario/errors.js';
import type { Scenario } from '../model/scenario.js';
import { abcResume, abcSmc, resampleIndices, type AbcProgress, type AbcResult, type AbcState } from '../experiment/abc.js';
import { pairedJobs, type Draw, type Job, type JobOutput } from '../experiment/runner.js';
import type { Executor } from '../experiment/pool.js';
import { difference } from '../experiment/journal.js';
import type { Store } from '../experiment/store.js';
import type { Target, Targets } from './targets.js';

export const STATE_FILE = 'abc-state.json';

export interface CalibrationSpec {
  targets: Targets;
  /** The targets' scenario, resolved (horizon, warm-up, parameters). */
  scenario: Scenario;
  particles: number;
  generations: number;
  seed: number;
  /** Posterior-predictive replications after the last generation. */
  predictive: number;
  /** Proposals per batch (default: particles). Part of the result. */
  batchSize?: number;
  /** Quantile of the previous distances that sets the next tolerance (default 0.5). */
  quantile?: number;
  /** What must not change on --resume besides the spec (tool version, model code). */
  provenance: unknown;
}

export interface CalibrationProgress extends AbcProgress { generations: number; phase: 'abc' | 'predictive'; predictiveDone: number; predictive: number }

export interface PredictiveRow { target: Target; mean: number; low: number; high: number; within: boolean; n: number }

export interface Calibration { abc: AbcResult; predictive: PredictiveRow[]; resumedGenerations: number; ranSimulations: number }

/** Root mean square of the targets' standardised errors; ∞ when a statistic is not a number. */
export function distance(values: readonly number[], targets: readonly Target[]): number {
  let s = 0;
  for (const [k, t] of targets.entries()) {
    const z = (values[k]! - t.target) / t.tolerance;
    if (!Number.isFinite(z)) return Infinity;
    s += z * z;
  }
  return Math.sqrt(s / targets.length);
}

/** A parameter vector as a runner draw. */
export const drawOf = (names: readonly string[], theta: readonly number[], id: number): Draw => ({ id, values: Object.fromEntries(names.map((n, k) => [n, theta[k]!])) });

/** Run jobs on the executor, keeping order; a job that throws gives its error, not a crash. */
async function runBatch(exec: Executor, jobs: Job[], onDone: () => void): Promise<Array<JobOutput | Error>> {
  const out = new Array<JobOutput | Error>(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await exec.run({ job: jobs[i]! }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      onDone();
    }
  };
  await Promise.all(Array.from({ length: exec.size * 2 }, lane));
  return out;
}

const identityOf = (c: CalibrationSpec) => ({
  provenance: c.provenance, targets: c.targets, scenario: c.scenario,
  particles: c.particles, seed: c.seed, batchSize: c.batchSize ?? c.particles, quantile: c.quantile ?? 0.5,
});

/** The saved state to continue from, or null to start afresh (an InputError when it cannot be used). */
function savedState(c: CalibrationSpec, store: Store, resume: boolean): AbcState | null {
  const text = store.read(STATE_FILE);
  if (text === undefined) return null;
  if (!resume) {
    if (!store.exists('manifest.json')) throw new InputError(`${store.where}: holds an unfinished calibration; add --resume to continue it, or use another --out`);
    return null; // a finished calibration: start over
  }
  let saved: { identity: unknown; state: AbcState };
  try {
    saved = JSON.parse(text) as typeof saved;
  } catch {
    throw new InputError(`${store.where}/${STATE_FILE}: not valid JSON; delete it to start over`);
  }
  const here = JSON.parse(JSON.stringify(identityOf(c)));
  if (JSON.stringify(saved.identity) !== JSON.stringify(here))
    throw new InputError(`${store.where}: --resume: the calibration there differs from this one (${difference(saved.identity, here)}); use the same targets and options, or another --out`);
  return saved.state;
}

/**
 * Run (or resume) a calibration. `outputs`: the files a finished calibration leaves in the store;
 * removed before any work, so a folder never mixes two calibrations (manifest.json, written last,
 * marks a finished one).
 */
export async function runCalibration(c: CalibrationSpec, o: { store: Store; exec: Executor; resume?: boolean; outputs?: string[]; onProgress?: (p: CalibrationProgress) => void }): Promise<Calibration> {
  const { targets, scenario } = c;
  const names = targets.parameters.map((p) => p.name);
  if (names.length === 0) throw new InputError('calibrate: the targets file declares no free parameters (parameters:)');
  const keep = targets.targets.map((t) => ({ target: t.stat }));
  const saved = savedState(c, o.store, o.resume === true);
  for (const f of o.outputs ?? []) o.store.remove(f);
  if (!saved) o.store.remove(STATE_FILE);
  const base: CalibrationProgress = { generation: 0, epsilon: Infinity, simulations: 0, generationSimulations: 0, accepted: 0, particles: c.particles, generations: c.generations, phase: 'abc', predictiveDone: 0, predictive: c.predictive };
  let last = base, ran = 0;
  const tell = (p: Partial<CalibrationProgress>) => {
    last = { ...last, ...p };
    o.onProgress?.(last);
  };

  const simulate = async (thetas: number[][], seeds: number[]) => {
    const jobs: Job[] = thetas.map((th, i) => ({ scenario: { ...scenario, seed: seeds[i]! }, rep: 0, draw: drawOf(names, th, i), keep }));
    const outs = await runBatch(o.exec, jobs, () => tell({ generationSimulations: last.generationSimulations + 1, simulations: last.simulations + 1 }));
    ran += jobs.length;
    // one failure is a world the model cannot build; a whole batch failing is a broken set-up
    const firstOk = outs.find((x) => !(x instanceof Error));
    if (!firstOk) throw new InputError(`calibrate: all ${jobs.length} simulations of a batch failed; the first: ${(outs[0] as Error).message.split('\n')[0]}`);
    return outs.map((x) => (x instanceof Error ? Infinity : distance(x.values!, targets.targets)));
  };
  const opts = {
    priors: targets.parameters.map(({ source: _s, ...p }) => p), simulate, particles: c.particles, seed: c.seed,
    batchSize: c.batchSize, quantile: c.quantile, maxGenerations: c.generations,
    onProgress: (p: AbcProgress) => tell(p),
    onGeneration: (state: AbcState) => {
      o.store.write(STATE_FILE, `${JSON.stringify({ identity: identityOf(c), state })}\n`);
      tell({ generation: state.history.length, generationSimulations: 0, accepted: 0 });
    },
  };
  if (saved) tell({ generation: saved.history.length, simulations: saved.simulations });
  const abc = saved ? await abcResume(saved, opts) : await abcSmc(opts);
  if (abc.particles.length === 0) throw new InputError(`calibrate: no generation finished (stopped: ${abc.stopReason})`);
  tell({ phase: 'predictive' });
  const predictive = await predictiveCheck(c, abc, o.exec, () => tell({ predictiveDone: last.predictiveDone + 1 }));
  return { abc, predictive, resumedGenerations: saved?.history.length ?? 0, ranSimulations: ran };
}

/**
 * The posterior predictive check: `c.predictive` replications, each with a particle drawn by
 * weight (fixed by the seed) and its own seed; per target the mean and the 2.5-97.5% range of
 * the statistic. `within`: the predictive mean lies within target ± tolerance (as --check).
 */
async function predictiveCheck(c: CalibrationSpec, abc: AbcResult, exec: Executor, tick: () => void): Promise<PredictiveRow[]> {
  const idx = resampleIndices(abc.particles.map((p) => p.weight), c.predictive, `${c.seed}:predictive`);
  const draws = idx.map((i) => drawOf(abc.names, abc.particles[i]!.theta, i));
  const jobs = pairedJobs([{ ...c.scenario, seed: c.seed }], c.predictive, c.targets.targets.map((t) => ({ target: t.stat })), draws);
  const outs = await runBatch(exec, jobs, tick);
  return c.targets.targets.map((t, k) => {
    const xs = outs.flatMap((x) => (x instanceof Error || !Number.isFinite(x.values![k]) ? [] : [x.values![k]!]));
    if (xs.length === 0) return { target: t, mean: NaN, low: NaN, high: NaN, within: false, n: 0 };
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return { target: t, mean, low: quantile(xs, 0.025), high: quantile(xs, 0.975), within: Math.abs(mean - t.target) <= t.tolerance, n: xs.length };
  });
}
