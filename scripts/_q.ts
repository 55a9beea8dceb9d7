import { loadScenario } from '../src/io/scenario.js';
import { Simulation } from '../src/model/simulate.js';
const s = loadScenario('scenarios/baseline.yaml', { reps: 20, seed: Number(process.argv[2] ?? 11), set: process.argv.slice(3) });
const yrs = 5, q = Array.from({ length: yrs }, () => [0, 0, 0, 0]), n = Array.from({ length: yrs }, () => [0, 0, 0, 0]), sw = Array.from({ length: yrs }, () => [0, 0, 0, 0]), st = Array.from({ length: yrs }, () => [0, 0, 0, 0]);
for (let rep = 0; rep < s.reps; rep++) { const sim = new Simulation(s, rep); const w = sim.world;
  while (!sim.done) { sim.step(); const y = Math.floor((w.week - 1) / 52);
    for (let j = 0; j < w.tsos.n; j++) if (w.tsos.open[j]) { const t = w.tsos.type[j]!; q[y]![t]! += w.tsos.quotedWait[j]!; n[y]![t]!++; sw[y]![t]! += w.tsos.startWaitSum[j]!; st[y]![t]! += w.tsos.starts[j]!; } } }
for (let y = 0; y < yrs; y++) console.log(`year ${y + 1}: quoted`, q[y]!.map((x, t) => (x / n[y]![t]!).toFixed(2)).join(' '), '| starters', sw[y]!.map((x, t) => (x / st[y]![t]!).toFixed(2)).join(' '));
