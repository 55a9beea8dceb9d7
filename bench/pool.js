/** A minimal pool of sim-worker.js threads: enough for the benches, independent of src/experiment. */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { BENCH_DIR, DIST, ROOT } from './lib.js';

/**
 * @param {number} size worker threads
 * @param {string} [file] scenario each worker loads
 */
export async function startPool(size, file = join(ROOT, 'scenarios', 'baseline.yaml')) {
  const workers = await Promise.all(Array.from({ length: size }, () => /** @type {Promise<Worker>} */ (new Promise((resolve, reject) => {
    const w = new Worker(join(BENCH_DIR, 'sim-worker.js'), { workerData: { dist: DIST, file } });
    w.once('error', reject);
    w.once('message', () => resolve(w));
  }))));
  /**
   * Run reps on the pool (each worker takes the next rep when free); resolves to the results.
   * @param {number[]} reps
   * @returns {Promise<import('./lib.js').CityRun[]>}
   */
  function run(reps) {
    /** @type {import('./lib.js').CityRun[]} */
    const out = [];
    let next = 0;
    return new Promise((resolve, reject) => {
      let busy = 0;
      /** @param {Worker} w */
      const feed = (w) => {
        if (next >= reps.length) {
          if (busy === 0) resolve(out);
          return;
        }
        busy++;
        w.postMessage({ rep: reps[next++] });
      };
      for (const w of workers) {
        w.removeAllListeners('message');
        w.on('message', (/** @type {import('./lib.js').CityRun} */ m) => { out.push(m); busy--; feed(w); });
        w.once('error', reject);
      }
      for (const w of workers) feed(w);
    });
  }
  return { run, close: () => Promise.all(workers.map((w) => w.terminate())) };
}
