/**
 * What a report is built from: arms (a scenario and its replications' weekly metric series).
 * Both `clwsim compare` (results in memory) and `clwsim report` (results read back from disk)
 * produce arms, so the two give the same numbers. No node:* imports.
 */
import type { Scenario } from '../model/scenario.js';
import type { RunResult } from '../model/simulate.js';
import { METRIC_NAMES, type MetricName } from '../model/metrics.js';
import { fmt } from '../scenario/csv.js';

export interface RepSeries {
  rep: number;
  seed: number;
  metrics: Record<MetricName, Float64Array>;
}

export interface Arm {
  scenario: Scenario;
  runs: RepSeries[];
}

/**
 * An arm from results in memory, with every value rounded exactly as trajectories.csv stores it,
 * so a report rebuilt later from the CSV files is byte-identical.
 */
export function armFromRuns(scenario: Scenario, runs: RunResult[]): Arm {
  return {
    scenario,
    runs: runs.map((r) => ({
      rep: r.rep,
      seed: r.seed,
      metrics: Object.fromEntries(METRIC_NAMES.map((m) => [m, Float64Array.from(r.metrics[m], roundLikeCsv)])) as Record<MetricName, Float64Array>,
    })),
  };
}

/** The value trajectories.csv would hold (NaN for an empty cell). */
export function roundLikeCsv(x: number): number {
  const v = fmt(x);
  return v === '' ? NaN : Number(v);
}

export { lastWeeks, type Window } from '../scenario/stats.js';

/** Replications paired by index: same rep number and seed in both arms (common random numbers). */
export function checkPaired(base: Arm, arm: Arm): string | undefined {
  if (base.runs.length !== arm.runs.length) return `${arm.scenario.name} has ${arm.runs.length} replications, the baseline ${base.runs.length}`;
  if (base.scenario.weeks !== arm.scenario.weeks) return `${arm.scenario.name} runs ${arm.scenario.weeks} weeks, the baseline ${base.scenario.weeks}`;
  for (let i = 0; i < base.runs.length; i++)
    if (base.runs[i]!.seed !== arm.runs[i]!.seed) return `${arm.scenario.name} replication ${arm.runs[i]!.rep} has seed ${arm.runs[i]!.seed}, the baseline ${base.runs[i]!.seed}`;
  return undefined;
}
