/** Replications of one scenario: rep r uses a seed derived from (run seed, r). */
import type { Scenario } from '../model/scenario.js';
import { type RunResult, simulate, type SimulateOptions } from '../model/simulate.js';

export interface ReplicateOptions extends SimulateOptions {
  /** Called after each replication finishes. */
  onRep?: (done: number, total: number, result: RunResult) => void;
}

export function replicate(scenario: Scenario, opts: ReplicateOptions = {}): RunResult[] {
  const out: RunResult[] = [];
  for (let r = 0; r < scenario.reps; r++) {
    const res = simulate(scenario, r, opts);
    out.push(res);
    opts.onRep?.(r + 1, scenario.reps, res);
  }
  return out;
}
