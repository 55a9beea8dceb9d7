/**
 * Two engine builds timed in one process, interleaved, on the national scenario scaled by SCALE
 * (default 0.1: CLWs and TSOs × SCALE, per-CLW and per-TSO loads unchanged; its time per
 * client-week is the full run's, bench/README.md "memory"), WEEKS weeks (default 120). Runs
 * alternate between the builds, the order swapping each round, so a burst of load on a shared
 * machine falls on both alike: separate processes of the full run moved by ±20% between
 * consecutive runs of one build, too much to see a few per cent (bench/README.md, fifth pass).
 *
 *   CLWSIM_A=<other build>/dist node bench/ab-national.js   # A: another build, B: this dist/
 *   SCALE=0.1 WEEKS=120 ROUNDS=16 (defaults)
 */
import { join } from 'node:path';
import { DIST, ROOT, median } from './lib.js';

const other = process.env.CLWSIM_A;
if (!other) throw new Error('set CLWSIM_A to the dist/ folder of the build to compare with');
const scale = Number(process.env.SCALE ?? 0.1), weeks = Number(process.env.WEEKS ?? 120), rounds = Number(process.env.ROUNDS ?? 16);
const engines = await Promise.all([other, process.env.CLWSIM_B ?? DIST].map(async (d) => {
  // The builds at these paths are tsc of src/: their API has src's types.
  /** @type {typeof import('../src/model/simulate.js')} */
  const { simulate } = await import(join(d, 'model', 'simulate.js'));
  /** @type {typeof import('../src/io/scenario.js')} */
  const { loadScenario } = await import(join(d, 'io', 'scenario.js'));
  /** @type {typeof import('../src/model/params.js')} */
  const { TSO_TYPES } = await import(join(d, 'model', 'params.js'));
  const s = loadScenario(join(ROOT, 'scenarios', 'national-england.yaml'), { weeks, warmup: 0 });
  s.params.clw.count = Math.max(1, Math.round(s.params.clw.count * scale));
  for (const t of TSO_TYPES) s.params.tso.count[t] = Math.round(s.params.tso.count[t] * scale);
  return (/** @type {number} */ rep) => simulate(s, rep);
}));
for (const e of engines) e(999); // warm both
/** @type {number[][]} */
const ms = [[], []];
for (let r = 0; r < rounds; r++)
  for (const k of r % 2 ? [1, 0] : [0, 1]) {
    const t = performance.now();
    engines[k]?.(r);
    ms[k]?.push(performance.now() - t);
  }
const [a = [], b = []] = ms;
const ratios = a.map((x, i) => /** @type {number} */ (b[i]) / x);
console.log(`national × ${scale}, ${weeks} weeks: A ${median(a).toFixed(0)} ms, B ${median(b).toFixed(0)} ms a run (medians of ${rounds}); B/A by round ${ratios.map((x) => x.toFixed(3)).join(' ')}; median ${median(ratios).toFixed(3)}`);
