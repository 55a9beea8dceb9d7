/**
 * Sweep throughput: a batch of city runs on a pool of 1 and of 2 worker threads (each worker
 * warmed first), runs per second and parallel efficiency = rate(2) / (2 × rate(1)).
 * Medians of REPS batches per pool size. The time per run inside each worker is also reported:
 * if it grows with 2 workers, the workers slow each other (or other load shares the cores).
 */
import { availableParallelism } from 'node:os';
import { fmt, median, REPS, save, table } from './lib.js';
import { startPool } from './pool.js';

const BATCH = Number(process.env.BENCH_SWEEP_RUNS ?? 80);

/** @param {number} size workers @param {number} reps batches */
async function rate(size, reps) {
  const pool = await startPool(size);
  await pool.run(Array.from({ length: 10 * size }, (_, k) => 5000 + k)); // warm every worker
  const rates = [];
  const perRun = [];
  for (let k = 0; k < reps; k++) {
    const t = performance.now();
    const res = await pool.run(Array.from({ length: BATCH }, (_, i) => k * BATCH + i));
    rates.push(BATCH / ((performance.now() - t) / 1000));
    perRun.push(median(res.map((r) => r.ms)));
  }
  await pool.close();
  return { rates, perRunMs: median(perRun) };
}

export default async function sweep() {
  const one = await rate(1, REPS);
  const two = await rate(2, REPS);
  const r1 = median(one.rates), r2 = median(two.rates);
  const s = { batch: BATCH, runsPerS1: r1, runsPerS2: r2, speedup: r2 / r1, efficiency: r2 / (2 * r1), msPerRun1: one.perRunMs, msPerRun2: two.perRunMs, cores: availableParallelism() };
  save('sweep', { summary: s, rates1: one.rates, rates2: two.rates });
  return table(['sweep (city runs, worker_threads)', 'median', 'target'], [
    ['1 worker', `${fmt(s.runsPerS1)} runs/s`, ''],
    ['2 workers', `${fmt(s.runsPerS2)} runs/s (speed-up ${fmt(s.speedup, 2)}×)`, ''],
    ['efficiency, 2 workers', `${fmt(100 * s.efficiency, 0)}%`, ''],
    ['20,000 city runs on 2 workers (at the measured rate)', `${fmt(2e4 / s.runsPerS2 / 60, 1)} min`, '≤ 3 min'],
    ['time per run inside a worker, 1 → 2 workers', `${fmt(s.msPerRun1)} → ${fmt(s.msPerRun2)} ms`, ''],
  ]);
}
