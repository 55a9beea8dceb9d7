/**
 * Sweep throughput: a batch of city runs on a pool of 1 and of 2 worker threads (each worker
 * warmed first), runs per second and parallel efficiency = rate(2) / (2 × rate(1)).
 * Medians of REPS batches per pool size.
 */
import { availableParallelism } from 'node:os';
import { fmt, median, REPS, save, table } from './lib.js';
import { startPool } from './pool.js';

const BATCH = Number(process.env.BENCH_SWEEP_RUNS ?? 80);

async function rate(size, reps) {
  const pool = await startPool(size);
  await pool.run(Array.from({ length: 10 * size }, (_, k) => 5000 + k)); // warm every worker
  const rates = [];
  for (let k = 0; k < reps; k++) {
    const t = performance.now();
    await pool.run(Array.from({ length: BATCH }, (_, i) => k * BATCH + i));
    rates.push(BATCH / ((performance.now() - t) / 1000));
  }
  await pool.close();
  return rates;
}

export default async function sweep() {
  const r1 = await rate(1, REPS);
  const r2 = await rate(2, REPS);
  const s = { batch: BATCH, runsPerS1: median(r1), runsPerS2: median(r2), speedup: median(r2) / median(r1), efficiency: median(r2) / (2 * median(r1)), cores: availableParallelism() };
  save('sweep', { summary: s, rates1: r1, rates2: r2 });
  return table(['sweep (city runs, worker_threads)', 'median', 'target'], [
    ['1 worker', `${fmt(s.runsPerS1)} runs/s`, ''],
    ['2 workers', `${fmt(s.runsPerS2)} runs/s (speed-up ${fmt(s.speedup, 2)}×)`, ''],
    ['efficiency, 2 workers', `${fmt(100 * s.efficiency, 0)}%`, '≥ 90%'],
  ]);
}
