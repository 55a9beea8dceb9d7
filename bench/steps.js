/** Which step of the weekly schedule takes the time, on the national scenario (diagnostic; not in the default set). */
import { child, fmt, median, REPS, save, table } from './lib.js';

export default function steps() {
  const runs = Array.from({ length: REPS }, () => child('steps-child.js'));
  const total = median(runs.map((r) => r.totalMs));
  const rows = Object.keys(runs[0].steps).map((name) => {
    const ms = median(runs.map((r) => r.steps[name]));
    return [name, `${fmt(ms / runs[0].weeks, 2)} ms`, `${fmt((100 * ms) / total, 0)}%`];
  });
  save('steps', { weeks: runs[0].weeks, totalMs: total, runs });
  return table([`national, ${runs[0].weeks} weeks: step`, 'per week', 'share'], rows);
}
