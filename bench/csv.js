/**
 * CSV output speed: trajectories.csv of 40 city runs (260 weeks each, every metric) written by
 * the build's trajectoriesCsv (src/scenario/tables.ts) in this process, MB/s; the median of REPS
 * timings after one warm-up. CLWSIM_DIST at another build measures its writer (main: csv-stringify).
 */
import { join } from 'node:path';
import { DIST, ROOT, fmt, median, REPS, save, table } from './lib.js';

const RUNS = 40;

export default async function csv() {
  /** @type {typeof import('../src/io/scenario.js')} */
  const { loadScenario } = await import(join(DIST, 'io', 'scenario.js'));
  /** @type {typeof import('../src/model/simulate.js')} */
  const { simulate } = await import(join(DIST, 'model', 'simulate.js'));
  /** @type {typeof import('../src/scenario/tables.js')} */
  const { trajectoriesCsv } = await import(join(DIST, 'scenario', 'tables.js'));
  const s = loadScenario(join(ROOT, 'scenarios', 'baseline.yaml'));
  const runs = Array.from({ length: RUNS }, (_, k) => simulate(s, k));
  let bytes = Buffer.byteLength(trajectoriesCsv(runs)); // warm-up
  const ms = [];
  for (let k = 0; k < Math.max(REPS, 5); k++) {
    const t = performance.now();
    bytes = Buffer.byteLength(trajectoriesCsv(runs));
    ms.push(performance.now() - t);
  }
  const m = median(ms);
  const mbPerS = bytes / 1e6 / (m / 1000);
  save('csv', { summary: { bytes, medianMs: m, mbPerS, runs: RUNS }, ms });
  return table(['CSV output (trajectories.csv, 40 city runs)', 'median', 'target'], [
    ['size', `${fmt(bytes / 1e6)} MB`, ''],
    ['time to write the text', `${fmt(m, 0)} ms (of ${ms.map((x) => fmt(x, 0)).join(', ')})`, ''],
    ['throughput', `${fmt(mbPerS)} MB/s`, '≥ 30 MB/s'],
  ]);
}
