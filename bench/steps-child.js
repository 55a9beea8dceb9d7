/** Time per step of the weekly SCHEDULE on the national scenario (WEEKS, default 100). Prints one JSON line. */
import { join } from 'node:path';
import { DIST, ROOT } from './lib.js';

// The build at DIST is tsc of src/: its API has src's types.
/** @type {typeof import('../src/io/scenario.js')} */
const { loadScenario } = await import(join(DIST, 'io', 'scenario.js'));
/** @type {typeof import('../src/model/simulate.js')} */
const { Simulation, SCHEDULE } = await import(join(DIST, 'model', 'simulate.js'));
/** @typedef {import('../src/model/world.js').World} World */
const s = loadScenario(join(ROOT, 'scenarios', 'national-england.yaml'), { weeks: Number(process.env.WEEKS ?? 100), warmup: 0 }); // the warm-up only trims summaries
/** @type {Map<string, number>} */
const ms = new Map();
/** @typedef {import('../src/model/mechanism.js').Mechanism} Mechanism */
/** @type {Mechanism[]} */
const timed = SCHEDULE.map((m) => ({ ...m, fn: (/** @type {World} */ w) => {
  const name = `${m.step}. ${m.title}`;
  const t = performance.now();
  m.fn(w);
  ms.set(name, (ms.get(name) ?? 0) + performance.now() - t);
} }));
/** @type {Mechanism[]} */ (SCHEDULE).splice(0, SCHEDULE.length, ...timed); // readonly to the model's users, not to a bench
const t0 = performance.now();
const sim = new Simulation(s, 0);
while (!sim.done) sim.step();
const total = performance.now() - t0;
console.log(JSON.stringify({ weeks: s.weeks, totalMs: total, steps: Object.fromEntries(ms) }));
