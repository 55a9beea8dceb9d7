/**
 * Benchmarks: `npm run bench` runs them all, `npm run bench -- national city` the named ones.
 * Each prints a table and writes bench/results/<name>.json; see bench/README.md.
 * Environment: BENCH_REPS (repetitions, default 3), CLWSIM_DIST (engine build, default dist/),
 * BENCH_TAG (suffix of result files), BENCH_PROFILE (1 or noinline: CPU profiles of national runs).
 */
import { loadavg } from 'node:os';
import { machine, commit, requireBuild } from './lib.js';
import national, { decade } from './national.js';
import csv from './csv.js';
import memory from './memory.js';
import city from './city.js';
import sweep from './sweep.js';
import steps from './steps.js';
import sweepScale from './sweepScale.js';
import warmup from './warmup.js';

/** @type {Record<string, (cache: import('./lib.js').BenchCache) => string | Promise<string>>} */
const BENCHES = { national, memory, city, sweep, steps, sweepScale, csv, decade, warmup };
const DEFAULT = ['national', 'memory', 'city', 'sweep', 'csv']; // steps (a diagnostic), decade (10-year national), warmup (start-up) and sweepScale (25 min): ask by name
const names = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT;
for (const n of names) if (!BENCHES[n]) throw new Error(`unknown bench "${n}"; expected one of ${Object.keys(BENCHES).join(', ')}`);
requireBuild();
const m = machine();
console.log(`clwsim bench @ ${commit()} — ${m.cpu}, ${m.cores} cores, node ${m.node}; load average ${m.loadavg.join(' ')}\n`);
/** @type {import('./lib.js').BenchCache} */
const cache = {};
for (const n of names) {
  const t = performance.now();
  console.log(await BENCHES[n]?.(cache));
  console.log(`(${n}: ${((performance.now() - t) / 1000).toFixed(0)} s; load average now ${loadavg().map((x) => x.toFixed(2)).join(' ')})\n`);
}
