/** trajectories.csv for one run in the browser: the same table builder as the CLI (src/scenario). */
import type { RunResult } from '../model/simulate.js';
import { trajectoriesCsv as table } from '../scenario/tables.js';

/** Rows for the weeks simulated so far (`weeks` ≤ the horizon). */
export const trajectoriesCsv = (r: RunResult, weeks = r.weeks): string => table([r], weeks);
