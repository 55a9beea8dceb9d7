/**
 * Two engine builds timed in one process, interleaved: rounds of 10 city runs (scenarios/
 * baseline.yaml, 260 weeks) with each build, the order alternating, after 20 warm-up runs each.
 * On a shared machine a burst of load then falls on both builds alike, so a few per cent show.
 * Checks that both builds give the same metrics for one run.
 *
 *   CLWSIM_A=<other build>/dist node bench/ab.js        # A: another build, B: this dist/
 *   ROUNDS=14 (default)
 */
import { join } from 'node:path';
import { DIST, ROOT } from './lib.js';

const other = process.env.CLWSIM_A;
if (!other) throw new Error('set CLWSIM_A to the dist/ folder of the build to compare with');
const builds = [other, process.env.CLWSIM_B ?? DIST];
const file = join(ROOT, 'scenarios', 'baseline.yaml');
// The builds at these paths are tsc of src/: their API has src's types.
const engines = await Promise.all(builds.map(async (d) => {
  /** @type {typeof import('../src/model/simulate.js')} */
  const { simulate } = await import(join(d, 'model', 'simulate.js'));
  /** @type {typeof import('../src/io/scenario.js')} */
  const { loadScenario } = await import(join(d, 'io', 'scenario.js'));
  const scenario = loadScenario(file);
  return { run: (/** @type {number} */ rep) => simulate(scenario, rep) };
}));
const ROUNDS = Number(process.env.ROUNDS ?? 14), PER = 10;
for (const e of engines) for (let i = 0; i < 20; i++) e.run(500 + i);
/** @type {number[][]} */
const ms = [[], []];
for (let r = 0; r < ROUNDS; r++)
  for (const k of r % 2 ? [1, 0] : [0, 1])
    for (let i = 0; i < PER; i++) {
      const t = performance.now();
      engines[k]?.run(r * PER + i);
      ms[k]?.push(performance.now() - t);
    }
const [a, b] = engines.map((e) => e.run(7).metrics);
const same = !!a && !!b && Object.entries(a).every(([m, xs]) => xs.every((x, w) => Object.is(x, b[/** @type {keyof typeof b} */ (m)][w])));
/** @param {number[]} x */
const median = (x) => [...x].sort((p, q) => p - q)[x.length >> 1];
const [ma = NaN, mb = NaN] = ms.map(median);
console.log(`A ${ma.toFixed(2)} ms, B ${mb.toFixed(2)} ms a run (medians of ${ROUNDS * PER}); B/A ${(mb / ma).toFixed(3)}; same metrics: ${same}`);
