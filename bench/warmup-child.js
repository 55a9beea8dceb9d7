/**
 * The first runs in a fresh process, as a worker of `compare` makes them: the baseline and
 * funding-cut city scenarios (260 weeks) alternately, RUNS runs. Prints one JSON line last: the
 * time of each run. Run with --trace-deopt, the caller counts V8's "marking dependent code"
 * lines: optimised code thrown away when the next world is built (bench/README.md, fifth pass).
 */
import { join } from 'node:path';
import { DIST, ROOT } from './lib.js';

// The build at DIST is tsc of src/: its API has src's types.
/** @type {typeof import('../src/io/scenario.js')} */
const { loadScenario } = await import(join(DIST, 'io', 'scenario.js'));
/** @type {typeof import('../src/model/simulate.js')} */
const { simulate } = await import(join(DIST, 'model', 'simulate.js'));
const arms = ['baseline', 'funding-cut'].map((f) => loadScenario(join(ROOT, 'scenarios', `${f}.yaml`)));
const n = Number(process.env.RUNS ?? 8);
const ms = [];
for (let k = 0; k < n; k++) {
  const t = performance.now();
  simulate(/** @type {import('../src/model/scenario.js').Scenario} */ (arms[k % 2]), k);
  ms.push(performance.now() - t);
  console.log(`=== run ${k + 1} done`); // for the caller: which deopts fell in which run
}
console.log(JSON.stringify({ ms }));
