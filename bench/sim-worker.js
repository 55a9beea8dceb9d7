/** A worker thread that runs replications of one scenario on request: { rep } → { rep, ms, clientWeeks }. */
import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';

// The build at workerData.dist is tsc of src/: its API has src's types.
/** @type {typeof import('../src/io/scenario.js')} */
const { loadScenario } = await import(join(workerData.dist, 'io', 'scenario.js'));
/** @type {typeof import('../src/model/simulate.js')} */
const { simulate } = await import(join(workerData.dist, 'model', 'simulate.js'));
const scenario = loadScenario(workerData.file);
const port = parentPort;
if (!port) throw new Error('sim-worker.js runs as a worker thread (bench/pool.js)');

port.on('message', (/** @type {{ rep: number }} */ { rep }) => {
  const t = performance.now();
  const r = simulate(scenario, rep);
  port.postMessage({ rep, ms: performance.now() - t, clientWeeks: r.clientWeeks, last: r.metrics.waitlist_total[r.weeks - 1] });
});
port.postMessage({ ready: true });
