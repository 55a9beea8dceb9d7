/**
 * What a report is built from: arms (a scenario and its replications' weekly metric series).
 * Both `clwsim compare` (results in memory) and `clwsim report` (results read back from disk)
 * produce arms, so the two give the same numbers. No node:* imports.
 */
import type { Scenario } from '../model/scenario.js';
import type { RunResult } from '../model/simulate.js';
import { METRIC_NAMES, type MetricName } from '../model/metrics.js';
import { fmt } from '../scenario/csv.js';
import type { Draw } from '../experiment/runner.js';
import type { OrgResult } from '../model/orgs.js';

export interface RepSeries {
  rep: number;
  seed: number;
  metrics: Record<MetricName, Float64Array>;
  /** The posterior draw this replication ran with (parameter uncertainty), if any. */
  draw?: Draw;
  /** An area's per-organisation results (organisations.csv), if any. */
  orgs?: OrgResult;
}

export interface Arm {
  scenario: Scenario;
  runs: RepSeries[];
}

/**
 * An arm from results in memory, with every value rounded exactly as trajectories.csv stores it,
 * so a report rebuilt later from the CSV files is byte-identical. `draws[i]`: the posterior draw
 * replication i ran with.
 */
export function armFromRuns(scenario: Scenario, runs: RunResult[], draws?: Draw[]): Arm {
  return {
    scenario,
    runs: runs.map((r, i) => ({
      rep: r.rep,
      seed: r.seed,
      metrics: roundedOnRead(r.metrics),
      ...(draws ? { draw: draws[i] } : {}),
      ...(r.organisations ? { orgs: r.organisations } : {}),
    })),
  };
}

/** An arm read back from disk with the draws its replications ran with (recorded in report.json). */
export const withDraws = (arm: Arm, draws: Draw[] | undefined): Arm => (draws ? { ...arm, runs: arm.runs.map((r, i) => ({ ...r, draw: draws[i] })) } : arm);

/** The draws an arm's replications ran with, in order (undefined: parameters as set). */
export const drawsOf = (arm: Arm): Draw[] | undefined => (arm.runs.length > 0 && arm.runs.every((r) => r.draw) ? arm.runs.map((r) => r.draw!) : undefined);

/** The value trajectories.csv would hold (NaN for an empty cell). */
export function roundLikeCsv(x: number): number {
  const v = fmt(x);
  return v === '' ? NaN : Number(v);
}

/**
 * roundLikeCsv of each value, by a plain loop: Float64Array.from with a map function goes through
 * the iterator protocol, and compare's main thread does this for every run while the workers wait
 * for the next step's jobs (the sensitivity analysis makes ~400 runs into arms).
 */
function roundedLikeCsv(xs: Float64Array): Float64Array {
  const out = new Float64Array(xs.length);
  for (let k = 0; k < xs.length; k++) out[k] = roundLikeCsv(xs[k]!);
  return out;
}

/**
 * The metrics of a run, each rounded like the CSV (roundedLikeCsv) when first read, then kept. The
 * sensitivity step makes ~330 runs into arms and reads three metrics of each (the costs): rounding
 * all ~60 series of 260 weeks first took compare's main thread ~0.2 s while the workers waited.
 */
function roundedOnRead(src: Record<MetricName, Float64Array>): Record<MetricName, Float64Array> {
  const out = {} as Record<MetricName, Float64Array>;
  for (const m of METRIC_NAMES) {
    Object.defineProperty(out, m, {
      enumerable: true, configurable: true,
      get: () => {
        const value = roundedLikeCsv(src[m]);
        Object.defineProperty(out, m, { value, enumerable: true, writable: true, configurable: true });
        return value;
      },
    });
  }
  return out;
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
