/**
 * One national run in a fresh process: simulate() on scenarios/national-england.yaml (optionally
 * scaled by SCALE: CLWs and TSOs × SCALE, per-CLW and per-TSO loads unchanged), then the floor
 * loop over the same number of client-weeks in the same process. Prints one JSON line.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST, ROOT } from './lib.js';

// The build at DIST is tsc of src/, so its API has src's types (typecheck holds bench to them).
/** @type {typeof import('../src/io/scenario.js')} */
const { loadScenario } = await import(join(DIST, 'io', 'scenario.js'));
/** @type {typeof import('../src/model/simulate.js')} */
const { simulate } = await import(join(DIST, 'model', 'simulate.js'));
/** @type {typeof import('../src/model/params.js')} */
const { TSO_TYPES } = await import(join(DIST, 'model', 'params.js'));
/** @type {typeof import('seedrandom')} */
const seedrandom = createRequire(import.meta.url)('seedrandom');

const scale = Number(process.env.SCALE ?? 1);
const s = loadScenario(join(ROOT, 'scenarios', 'national-england.yaml'), process.env.WEEKS ? { weeks: Number(process.env.WEEKS), warmup: 0 } : {}); // the warm-up only trims summaries
s.params.clw.count = Math.max(1, Math.round(s.params.clw.count * scale));
for (const t of TSO_TYPES) s.params.tso.count[t] = Math.round(s.params.tso.count[t] * scale);

const u0 = process.cpuUsage();
const t0 = performance.now();
const r = simulate(s, 0);
const wallMs = performance.now() - t0;
const u = process.cpuUsage(u0);
const rssMB = process.resourceUsage().maxRSS / 1024;

/**
 * The floor: the same client-weeks through a bare typed-array loop, one update and one draw
 * from the engine's generator (seedrandom Alea) each — the fastest this process can touch that
 * much client state. Sequential access: a lower bound, not a model.
 * @param {number} clientWeeks
 * @param {number} weeks
 */
function floor(clientWeeks, weeks) {
  const n = Math.round(clientWeeks / weeks);
  const x = new Float64Array(n);
  const rng = seedrandom.alea('floor');
  const t = performance.now();
  for (let wk = 0; wk < weeks; wk++) for (let i = 0; i < n; i++) x[i] = 0.9 * /** @type {number} */ (x[i]) + rng();
  const ms = performance.now() - t;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += /** @type {number} */ (x[i]);
  return { ms, n, check: sum };
}
floor(1e6, 5); // warm the loop like the engine is warm by the end of its run
const f = floor(r.clientWeeks, r.weeks);

console.log(JSON.stringify({
  scale, weeks: r.weeks, clws: s.params.clw.count, tsos: Object.values(s.params.tso.count).reduce((a, b) => a + b, 0),
  clientWeeks: r.clientWeeks, wallMs, cpuMs: (u.user + u.system) / 1000, rssMB,
  floorMs: f.ms, floorClients: f.n, referralsPerYear: r.funnel.referred_to_clw / (r.weeks / 52),
}));
