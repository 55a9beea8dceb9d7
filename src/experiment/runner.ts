/**
 * The one runner: every command runs the model through here (run, compare, report, patterns,
 * calibrate, sensitivity, sweep, posterior draws, optimisation). A replication is
 * (scenario, parameter draw, seed); the arms of a comparison share seeds and draws, so their
 * differences carry common random numbers. Jobs run in this thread or on the worker pool with
 * byte-identical results: a job's output depends on the job alone, and results come back in
 * job order whatever order they finish in.
 */
import { simulate, type RunResult } from '../model/simulate.js';
import { repSeed } from '../model/rng.js';
import { cloneParams, setParam } from '../model/params.js';
import type { Scenario } from '../model/scenario.js';
import { buildScenario } from '../scenario/build.js';
import { measureAll, type Measure } from './measures.js';

/** A parameter draw (e.g. a posterior particle): path → value, applied on top of the scenario. */
export interface Draw { id: number; values: Record<string, number | string> }

export interface Job {
  scenario: Scenario;
  rep: number;
  draw?: Draw;
  /** Reduce the run in the worker: the statistics listed, or the whole result. */
  keep: 'result' | Measure[];
}

export interface JobOutput {
  rep: number;
  seed: number;
  draw?: number;
  /** When keep = 'result'. */
  result?: RunResult;
  /** When keep lists measures: one value per measure, in order. */
  values?: number[];
}

/** The scenario a replication runs: the draw's values set on top of its parameters, re-checked. */
export function withDraw(s: Scenario, draw: Draw | undefined): Scenario {
  if (!draw) return s;
  const params = cloneParams(s.params);
  for (const [path, v] of Object.entries(draw.values)) setParam(params, path, v);
  return buildScenario(`draw ${draw.id}`, { ...s, params });
}

/** The one place outside src/model that calls simulate(). */
export function simulateReplication(s: Scenario, rep: number, draw?: Draw): RunResult {
  return simulate(withDraw(s, draw), rep);
}

export function runOne(job: Job): JobOutput {
  const res = simulateReplication(job.scenario, job.rep, job.draw);
  const out: JobOutput = { rep: job.rep, seed: res.seed, draw: job.draw?.id };
  if (job.keep === 'result') out.result = res;
  else out.values = measureAll(res, job.scenario, job.keep);
  return out;
}

/** The seed replication `rep` of a scenario runs with (as simulate() derives it). */
export const seedOf = (s: Scenario, rep: number): number => repSeed(s.seed, rep);

/**
 * The jobs of paired arms: for every replication r (0..reps-1), each arm runs with seed
 * (run seed, r) and draw r (when draws are given), so arm differences are paired.
 * Order: arm by arm, replication by replication.
 */
export function pairedJobs(arms: Scenario[], reps: number, keep: Job['keep'], draws?: Draw[]): Job[] {
  if (draws && draws.length < reps) throw new Error(`${reps} replications need ${reps} parameter draws, got ${draws.length}`);
  const seed = arms[0]?.seed;
  if (arms.some((a) => a.seed !== seed)) throw new Error('paired arms must share the run seed');
  return arms.flatMap((scenario) => Array.from({ length: reps }, (_, rep) => ({ scenario, rep, draw: draws?.[rep], keep })));
}

/** Split a flat list of outputs of pairedJobs back into one list per arm. */
export function byArm<T>(outputs: T[], arms: number, reps: number): T[][] {
  return Array.from({ length: arms }, (_, a) => outputs.slice(a * reps, (a + 1) * reps));
}
