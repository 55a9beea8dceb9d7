/** A worker thread that runs replications of one scenario on request: { rep } → { rep, ms, clientWeeks }. */
import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';

const { loadScenario } = await import(join(workerData.dist, 'io', 'scenario.js'));
const { simulate } = await import(join(workerData.dist, 'model', 'simulate.js'));
const scenario = loadScenario(workerData.file);

parentPort.on('message', ({ rep }) => {
  const t = performance.now();
  const r = simulate(scenario, rep);
  parentPort.postMessage({ rep, ms: performance.now() - t, clientWeeks: r.clientWeeks, last: r.metrics.waitlist_total[r.weeks - 1] });
});
parentPort.postMessage({ ready: true });
