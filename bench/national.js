/** National run: wall, CPU, client-weeks/s, peak RSS, the floor and the ratio (medians of REPS fresh processes). */
import { join } from 'node:path';
import { BENCH_DIR, child, fmt, median, REPS, save, table } from './lib.js';
/** @typedef {import('./lib.js').NationalRun} NationalRun */

/**
 * BENCH_PROFILE=1 writes a CPU profile of each run to bench/results/ (read it with bench/top.js);
 * BENCH_PROFILE=noinline also turns off inlining, so each small function keeps its own frame.
 */
const PROFILE = !process.env.BENCH_PROFILE ? [] : [
  '--cpu-prof', `--cpu-prof-dir=${join(BENCH_DIR, 'results')}`, ...(process.env.BENCH_PROFILE === 'noinline' ? ['--no-turbo-inlining'] : []),
];

/** @returns {NationalRun[]} */
export function nationalRuns(scale = 1, reps = REPS, weeks = 0) {
  const runs = [];
  const env = { SCALE: String(scale), ...(weeks > 0 ? { WEEKS: String(weeks) } : {}) };
  for (let k = 0; k < reps; k++) runs.push(/** @type {NationalRun} */ (child('national-child.js', env, PROFILE)));
  return runs;
}

/** @param {NationalRun[]} runs (not empty) */
export function summarise(runs) {
  const first = runs[0];
  if (!first) throw new Error('no national runs (BENCH_REPS=0?)');
  /** @param {(r: NationalRun) => number} f */
  const m = (f) => median(runs.map(f));
  return {
    wallS: m((r) => r.wallMs / 1000), cpuS: m((r) => r.cpuMs / 1000), rssMB: m((r) => r.rssMB),
    clientWeeks: first.clientWeeks, mcwPerS: m((r) => r.clientWeeks / r.wallMs / 1000),
    floorS: m((r) => r.floorMs / 1000), floorMcwPerS: m((r) => r.clientWeeks / r.floorMs / 1000),
    ratio: m((r) => r.wallMs / r.floorMs), referralsPerYear: first.referralsPerYear,
  };
}

/** @param {import('./lib.js').BenchCache} [cache] */
export default function national(cache = {}) {
  const runs = nationalRuns(1);
  cache.national = runs;
  const s = summarise(runs);
  save('national', { summary: s, runs });
  return table(['national (260 weeks)', 'median', 'target'], [
    ['wall time (simulate)', `${fmt(s.wallS)} s`, '≤ 10 s'],
    ['CPU time', `${fmt(s.cpuS)} s`, ''],
    ['peak RSS', `${fmt(s.rssMB, 0)} MB`, '≤ 300 MB'],
    ['client-weeks', `${fmt(s.clientWeeks / 1e6)} M`, ''],
    ['throughput', `${fmt(s.mcwPerS)} M client-weeks/s`, '≥ 20 M/s'],
    ['floor loop (same client-weeks, same process)', `${fmt(s.floorS, 2)} s (${fmt(s.floorMcwPerS, 0)} M/s)`, ''],
    ['ratio to floor', `${fmt(s.ratio)}×`, '≤ 8× (then 6×)'],
    ['referrals to CLWs', `${fmt(s.referralsPerYear / 1e6, 2)} M/year`, '~1.3 M'],
  ]);
}

/** Ten years of the national scenario (520 weeks), in fresh processes like national. */
export function decade() {
  const runs = nationalRuns(1, REPS, 520);
  const s = summarise(runs);
  save('decade', { summary: s, runs });
  return table(['national, 10 years (520 weeks)', 'median', 'target'], [
    ['wall time (simulate)', `${fmt(s.wallS)} s (runs: ${runs.map((r) => fmt(r.wallMs / 1000)).join(', ')})`, '≤ 20 s'],
    ['peak RSS', `${fmt(s.rssMB, 0)} MB`, ''],
    ['throughput', `${fmt(s.mcwPerS)} M client-weeks/s`, ''],
    ['ratio to floor', `${fmt(s.ratio)}×`, ''],
  ]);
}
