/** City baseline latency: scenarios/baseline.yaml (260 weeks) in one warm worker thread, ms per run. */
import { fmt, median, save, table } from './lib.js';
import { startPool } from './pool.js';

const WARM = 20;
const RUNS = Number(process.env.BENCH_CITY_RUNS ?? 60);

export default async function city() {
  const pool = await startPool(1);
  await pool.run(Array.from({ length: WARM }, (_, k) => 1000 + k));
  const res = await pool.run(Array.from({ length: RUNS }, (_, k) => k));
  await pool.close();
  const ms = res.map((r) => r.ms);
  const s = { medianMs: median(ms), minMs: Math.min(...ms), maxMs: Math.max(...ms), clientWeeks: median(res.map((r) => r.clientWeeks)), runs: RUNS, warmup: WARM };
  save('city', { summary: s, ms });
  return table(['city baseline (260 weeks, warm worker)', 'median', 'target'], [
    ['time per run', `${fmt(s.medianMs)} ms (min ${fmt(s.minMs)}, max ${fmt(s.maxMs)}; ${RUNS} runs after ${WARM} warm-up)`, '≤ 30 ms'],
    ['client-weeks per run', `${fmt(s.clientWeeks / 1e3, 0)} k (${fmt(s.clientWeeks / s.medianMs / 1e3)} M/s)`, ''],
    ['10,000 runs on 2 cores (projected)', `${fmt((1e4 * s.medianMs) / 2 / 1000 / 60, 1)} min`, '≤ 3 min'],
  ]);
}
