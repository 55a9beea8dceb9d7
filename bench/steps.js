/** Which step of the weekly schedule takes the time, on the national scenario (diagnostic; not in the default set). */
import { child, fmt, median, REPS, save, table } from './lib.js';

/** @typedef {{ weeks: number, totalMs: number, steps: Record<string, number> }} StepsRun as steps-child.js prints it */

export default function steps() {
  const runs = Array.from({ length: REPS }, () => /** @type {StepsRun} */ (child('steps-child.js')));
  const first = runs[0];
  if (!first) throw new Error('no runs (BENCH_REPS=0?)');
  const total = median(runs.map((r) => r.totalMs));
  const rows = Object.keys(first.steps).map((name) => {
    const ms = median(runs.map((r) => r.steps[name] ?? NaN));
    return [name, `${fmt(ms / first.weeks, 2)} ms`, `${fmt((100 * ms) / total, 0)}%`];
  });
  save('steps', { weeks: first.weeks, totalMs: total, runs });
  return table([`national, ${first.weeks} weeks: step`, 'per week', 'share'], rows);
}
