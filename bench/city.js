/**
 * City baseline latency: scenarios/baseline.yaml (260 weeks) in one warm worker thread, ms per
 * run. REPS batches of RUNS runs; the median of the batch medians is quoted, so a burst of other
 * load on a shared machine moves one batch, not the figure.
 */
import { fmt, median, REPS, save, table } from './lib.js';
import { startPool } from './pool.js';

const WARM = 20;
const RUNS = Number(process.env.BENCH_CITY_RUNS ?? 60);

export default async function city() {
  const pool = await startPool(1);
  await pool.run(Array.from({ length: WARM }, (_, k) => 1000 + k));
  /** @type {import('./lib.js').CityRun[][]} */
  const batches = [];
  for (let b = 0; b < REPS; b++) batches.push(await pool.run(Array.from({ length: RUNS }, (_, k) => b * RUNS + k)));
  await pool.close();
  const medians = batches.map((res) => median(res.map((r) => r.ms)));
  const all = batches.flat().map((r) => r.ms);
  const s = { medianMs: median(medians), batchMedians: medians, minMs: Math.min(...all), clientWeeks: median(batches.flat().map((r) => r.clientWeeks)), runs: RUNS, batches: REPS, warmup: WARM };
  save('city', { summary: s, ms: all });
  return table(['city baseline (260 weeks, warm worker)', 'median', 'target'], [
    ['time per run', `${fmt(s.medianMs)} ms (batch medians ${medians.map((m) => fmt(m)).join(', ')}; fastest run ${fmt(s.minMs)})`, '≤ 12 ms'],
    ['client-weeks per run', `${fmt(s.clientWeeks / 1e3, 0)} k (${fmt(s.clientWeeks / s.medianMs / 1e3)} M/s)`, ''],
    ['20,000 runs on 2 cores (projected from one warm worker)', `${fmt((2e4 * s.medianMs) / 2 / 1000 / 60, 1)} min`, '≤ 3 min'],
  ]);
}
