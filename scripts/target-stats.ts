/**
 * Every calibration statistic (src/experiment/targetStats.ts) on a scenario's replications, with
 * its 95% interval: the numbers a targets file would be judged on, whatever the targets.
 *   nice npx tsx scripts/target-stats.ts [scenario] [--reps 20] [--seed 11] [--set path=value]
 */
import { parseArgs } from 'node:util';
import { loadScenario } from '../src/io/scenario.js';
import { replicate } from '../src/experiment/replicate.js';
import { CAL_STATS } from '../src/experiment/targetStats.js';
import { summarize } from '../src/scenario/stats.js';

const { values: o, positionals } = parseArgs({
  allowPositionals: true,
  options: { reps: { type: 'string', default: '20' }, seed: { type: 'string', default: '11' }, set: { type: 'string', multiple: true, default: [] } },
});
const s = loadScenario(positionals[0] ?? 'scenarios/baseline.yaml', { reps: Number(o.reps), seed: Number(o.seed), set: o.set });
const runs = await replicate(s);
console.log(`${s.name}: ${s.reps} reps, seed ${s.seed}, weeks ${s.warmup + 1}-${s.weeks}${o.set.length ? `, --set ${o.set.join(' ')}` : ''}\n`);
console.log('| statistic | value | 95% CI | unit |\n|---|---|---|---|');
for (const [name, st] of Object.entries(CAL_STATS)) {
  const x = summarize(runs.map((r) => st.fn(r, s)));
  console.log(`| ${name} | ${x.mean.toFixed(3)} | ${x.ci_low.toFixed(3)} to ${x.ci_high.toFixed(3)} | ${st.unit} |`);
}
