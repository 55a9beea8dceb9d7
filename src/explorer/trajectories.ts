/**
 * trajectories.csv for one run, in the browser: the same columns and number formatting as
 * src/io/runOutputs.ts (which pulls in node:fs, so it cannot be bundled for the page).
 * tests/explorer checks the two agree byte for byte.
 */
import { METRIC_NAMES } from '../model/metrics.js';
import type { RunResult } from '../model/simulate.js';
import { fmt, toCsv } from '../io/csv.js';

/** Rows for the weeks simulated so far (`weeks` ≤ the horizon). */
export function trajectoriesCsv(r: RunResult, weeks = r.weeks): string {
  const rows: Array<Array<string | number>> = [];
  for (let w = 0; w < weeks; w++) rows.push([r.scenario, r.rep, r.seed, w + 1, ...METRIC_NAMES.map((m) => fmt(r.metrics[m][w]!))]);
  return toCsv(['scenario', 'rep', 'seed', 'week', ...METRIC_NAMES], rows);
}
