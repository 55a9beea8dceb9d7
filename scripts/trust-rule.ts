/**
 * The trust rule alone (src/model/mechanisms/trust.ts): where does a
 * TSO's trust settle, and how fast, when it hears Poisson(volume) signals a week, each good with
 * probability g? No feedback: the signals do not depend on trust here.
 *   nice npx tsx scripts/trust-rule.ts [--set trust.confirmationBias=0 ...]
 */
import { parseArgs } from 'node:util';
import seedrandom from 'seedrandom';
import { randomPoisson } from 'd3-random';
import { defaultScenario } from '../src/scenario/build.js';
import { parseSet } from '../src/scenario/checks.js';
import { createWorld } from '../src/model/createWorld.js';
import { setParam } from '../src/model/params.js';
import { updateTrust } from '../src/model/mechanisms/trust.js';

const { values: o } = parseArgs({ options: { set: { type: 'string', multiple: true, default: [] } } });
const s = defaultScenario();
s.params.tso.count = { crisis: 200, mh: 0, activity: 0, specialist: 0 };
for (const kv of o.set!) setParam(s.params, ...parseSet(kv));
const weeks = 1040;
console.log(`| good share g | signals/week | trust at week 52 | week 104 | settled (weeks 521-1040) | per-signal balance g/(g + (η₋/η₊)(1−g)) |`);
console.log('|---|---|---|---|---|---|');
for (const g of [0.5, 0.6, 0.65, 0.7, 0.75]) {
  for (const vol of [0.5, 2, 6]) {
    const w = createWorld(s, 1);
    const r = seedrandom.alea(`${g}:${vol}`) as unknown as () => number;
    const pois = randomPoisson.source(r)(vol);
    const at: number[] = [];
    let settled = 0;
    for (w.week = 1; w.week <= weeks; w.week++) {
      for (let j = 0; j < w.tsos.n; j++) {
        const n = pois();
        for (let k = 0; k < n; k++) (r() < g ? w.tsos.pos : w.tsos.neg)[j]! += 1;
        w.tsos.lastReferral[j] = w.week; // never forgotten here
      }
      updateTrust.fn(w);
      const mean = w.tsos.trust.reduce((a, x) => a + x, 0) / w.tsos.n;
      if (w.week === 52 || w.week === 104) at.push(mean);
      if (w.week > weeks / 2) settled += mean / (weeks / 2);
    }
    const ratio = s.params.trust.etaDown / s.params.trust.etaUp;
    console.log(`| ${g} | ${vol} | ${at[0]!.toFixed(3)} | ${at[1]!.toFixed(3)} | ${settled.toFixed(3)} | ${(g / (g + ratio * (1 - g))).toFixed(3)} |`);
  }
}
