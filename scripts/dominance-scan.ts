/**
 * Which feedback loop the explorer names as dominant, week by week, for bundled scenarios and
 * seeds: the worker's own steps (Simulation.step, LoopMeter.update, Dominance.update; see
 * src/explorer/worker.ts), without a browser. Prints, per run, the spells during which each
 * loop leads ("none" when no loop clearly leads), and the loop scores at a few weeks.
 * The numbers in docs/students.md ("The feedback loops") come from:
 *   nice npx tsx scripts/dominance-scan.ts --scenarios baseline,funding-cut,funding-cut-restored,virtuous-circle --seeds 1,2,3
 */
import { parseArgs } from 'node:util';
import { Simulation } from '../src/model/simulate.js';
import { buildScenario } from '../src/scenario/build.js';
import { bundledScenarios } from '../src/cli/explorerBuild.js';
import { LOOPS, LoopMeter } from '../src/explorer/loops.js';
import { Dominance } from '../src/explorer/dominance.js';

const { values: o } = parseArgs({ options: {
  scenarios: { type: 'string', default: 'baseline,funding-cut,funding-cut-restored,virtuous-circle' },
  seeds: { type: 'string', default: '1,2,3' },
  /** Spells shorter than this many weeks are printed but marked, so flicker is easy to see. */
  short: { type: 'string', default: '4' },
  at: { type: 'string', default: '52,104,130,156,208,260' },
} });
const bundled = new Map(bundledScenarios().map((b) => [b.file, b.scenario]));
const short = Number(o.short);
const atWeeks = new Set(o.at!.split(',').map(Number));

interface Spell { loop: string; from: number; to: number }

/** Runs one scenario and seed as the explorer's worker does; returns its spells of leadership. */
function scan(name: string, seed: number): { spells: Spell[]; scores: string[] } {
  const base = bundled.get(name);
  if (!base) throw new Error(`no bundled scenario ${name} (have: ${[...bundled.keys()].join(', ')})`);
  // As the page builds it (src/explorer/main.ts): the scenario with the chosen seed, one rep.
  const sc = { ...base, seed, reps: 1, interventions: base.interventions.map((iv) => ({ ...iv, set: { ...iv.set } })) };
  const sim = new Simulation(buildScenario(`scenario ${name}`, sc), 0);
  const meter = new LoopMeter(sim.world);
  const dom = new Dominance();
  const spells: Spell[] = [];
  const scores: string[] = [];
  while (!sim.done) {
    sim.step();
    meter.update(sim.world);
    const leader = dom.update(meter.score, sim.week);
    const id = leader >= 0 ? LOOPS[leader]!.id : 'none';
    const last = spells.at(-1);
    if (last && last.loop === id) last.to = sim.week;
    else spells.push({ loop: id, from: sim.week, to: sim.week });
    if (atWeeks.has(sim.week)) scores.push(`  week ${sim.week}: ${LOOPS.map((l, i) => `${l.id} ${meter.score[i]!.toFixed(2)}`).join(', ')}`);
  }
  return { spells, scores };
}

for (const name of o.scenarios!.split(',')) {
  for (const seed of o.seeds!.split(',').map(Number)) {
    const { spells, scores } = scan(name, seed);
    const text = spells.map((s) => `${s.loop} ${s.from}-${s.to}${s.to - s.from + 1 < short ? '*' : ''}`).join(', ');
    console.log(`${name} seed ${seed}: ${text}`);
    for (const line of scores) console.log(line);
  }
}
console.log(`(* a spell shorter than ${short} weeks)`);
