/** Replications of one scenario through the runner: rep r uses a seed derived from (run seed, r). */
import type { Scenario } from '../model/scenario.js';
import type { RunResult } from '../model/simulate.js';
import { pairedJobs, type Draw } from './runner.js';
import { runJobs, type RunJobsOptions } from './pool.js';

/** Every replication of `scenario` (scenario.reps of them), whole results, in rep order. */
export async function replicate(scenario: Scenario, o: RunJobsOptions & { draws?: Draw[] } = {}): Promise<RunResult[]> {
  const out = await runJobs(pairedJobs([scenario], scenario.reps, 'result', o.draws), o);
  return out.map((x) => x.result!);
}

/** Paired arms: the same seeds (and draws) in every arm; results per arm, in rep order. */
export async function replicateArms(arms: Scenario[], reps: number, o: RunJobsOptions & { draws?: Draw[] } = {}): Promise<RunResult[][]> {
  const out = await runJobs(pairedJobs(arms, reps, 'result', o.draws), o);
  return arms.map((_, a) => out.slice(a * reps, (a + 1) * reps).map((x) => x.result!));
}
