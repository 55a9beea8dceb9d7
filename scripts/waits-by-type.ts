/**
 * Where TSO waits settle, by type and year: the wait TSOs quote (intake.ts) and what starters
 * waited, over replications. tso.initialWaitWeeks is set near the settled starters' wait so a run
 * starts near its equilibrium.
 *   nice npx tsx scripts/waits-by-type.ts [seed] [path=value ...]
 */
import { loadScenario } from '../src/io/scenario.js';
import { Simulation } from '../src/model/simulate.js';
import { TSO_TYPES } from '../src/model/params.js';

const s = loadScenario('scenarios/baseline.yaml', { reps: 20, seed: Number(process.argv[2] ?? 11), set: process.argv.slice(3) });
const years = Math.ceil(s.weeks / 52);
const grid = () => Array.from({ length: years }, () => TSO_TYPES.map(() => 0));
const quoted = grid(), tsoWeeks = grid(), waited = grid(), starts = grid();
for (let rep = 0; rep < s.reps; rep++) {
  const sim = new Simulation(s, rep);
  const w = sim.world;
  while (!sim.done) {
    sim.step();
    const y = Math.floor((w.week - 1) / 52);
    for (let j = 0; j < w.tsos.n; j++) {
      if (!w.tsos.open[j]) continue;
      const t = w.tsos.type[j]!;
      quoted[y]![t]! += w.tsos.quotedWait[j]!;
      tsoWeeks[y]![t]!++;
      waited[y]![t]! += w.tsos.startWaitSum[j]!;
      starts[y]![t]! += w.tsos.starts[j]!;
    }
  }
}
console.log(`${s.name}, seed ${s.seed}, ${s.reps} reps: quoted wait | starters' wait (weeks), types ${TSO_TYPES.join(' ')}`);
for (let y = 0; y < years; y++) {
  const q = quoted[y]!.map((x, t) => (x / tsoWeeks[y]![t]!).toFixed(2)).join(' ');
  const st = waited[y]!.map((x, t) => (x / starts[y]![t]!).toFixed(2)).join(' ');
  console.log(`year ${y + 1}: ${q} | ${st}`);
}
