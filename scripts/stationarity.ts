/**
 * Does the baseline hold still? Runs a scenario's replications and prints, as markdown:
 *  - the stationarity check (first vs last third of the summary window, issue 11's criterion),
 *  - the MSER-5 warm-up of each key metric (on the mean series across replications),
 *  - yearly means of the key metrics (where a run goes).
 *   nice npx tsx scripts/stationarity.ts                       # baseline, 20 reps, seed 11
 *   nice npx tsx scripts/stationarity.ts --weeks 520           # ten years
 *   nice npx tsx scripts/stationarity.ts --seeds 1,2,3,4,5 --brief   # independent seed blocks, no yearly table
 *   nice npx tsx scripts/stationarity.ts --set clw.turnoverPerYear=0 --extra clw_pressure_mean
 */
import { parseArgs } from 'node:util';
import { loadScenario } from '../src/io/scenario.js';
import { replicate } from '../src/experiment/replicate.js';
import { KEY_METRICS, stationarity, warmupOf, meanSeries } from '../src/experiment/warmup.js';
import { afterWarmup, statistic } from '../src/scenario/stats.js';
import type { RunResult } from '../src/model/simulate.js';

const { values: o, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    reps: { type: 'string', default: '20' }, seed: { type: 'string', default: '11' }, seeds: { type: 'string' },
    weeks: { type: 'string' }, warmup: { type: 'string' }, set: { type: 'string', multiple: true, default: [] },
    extra: { type: 'string', default: '' }, brief: { type: 'boolean', default: false }, workers: { type: 'string', default: '1' },
  },
});
const file = positionals[0] ?? 'scenarios/baseline.yaml';
const seeds = (o.seeds ?? o.seed).split(',').map(Number);
const extra = o.extra ? o.extra.split(',') : [];
const f = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const series = (runs: RunResult[], m: string) => runs.map((r) => (r.metrics as Record<string, Float64Array>)[m]!);

let allPass = true;
for (const seed of seeds) {
  const s = loadScenario(file, { reps: Number(o.reps), seed, weeks: o.weeks ? Number(o.weeks) : undefined, warmup: o.warmup ? Number(o.warmup) : undefined, set: o.set });
  const runs = await replicate(s, { workers: Number(o.workers) });
  const key = Object.fromEntries(Object.keys(KEY_METRICS).map((m) => [m, series(runs, m)]));
  const win = afterWarmup(s);
  const rows = stationarity(key, KEY_METRICS, win);
  const third = Math.floor((s.weeks - s.warmup) / 3);
  console.log(`\n### ${s.name}: seed ${seed}, ${s.reps} reps, ${s.weeks} weeks, warm-up ${s.warmup}${o.set.length ? `, --set ${o.set.join(' ')}` : ''}`);
  console.log(`First third = weeks ${s.warmup + 1}-${s.warmup + third}, last third = weeks ${s.weeks - third + 1}-${s.weeks}; change is absolute for shares (< 0.03), relative for counts (< 10%).\n`);
  console.log('| metric | kind | first third | last third | change | 95% CI of change | pass |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const pct = r.kind === 'count';
    const c = (x: number) => (pct ? `${(100 * x).toFixed(1)}%` : f(x));
    console.log(`| ${r.metric} | ${r.kind} | ${f(r.first)} | ${f(r.last)} | ${c(r.change)} | ${c(r.ci_low)} to ${c(r.ci_high)} | ${r.pass ? 'yes' : '**no**'} |`);
    allPass &&= r.pass;
  }
  console.log(`\nPassing: ${rows.filter((r) => r.pass).length} of ${rows.length}.`);
  const wu = warmupOf(key);
  console.log(`MSER-5 truncation (weeks, mean series from week 1): ${Object.entries(wu.byMetric).map(([m, t]) => `${m} ${t}`).join(', ')}; largest ${wu.warmup}.`);
  const ms = [...Object.keys(KEY_METRICS), ...extra];
  console.log(`\nLevels over weeks ${win.from}-${win.to} (mean over replications): ${ms.map((m) => `${m} ${f(statistic(meanSeries(series(runs, m)), win), 3)}`).join(', ')}.`);
  if (!o.brief) {
    console.log('\nYearly means (mean over replications):\n');
    console.log(`| year | ${ms.join(' | ')} |`);
    console.log(`|---|${ms.map(() => '---').join('|')}|`);
    for (let y = 0; y * 52 < s.weeks; y++) {
      const cells = ms.map((m) => f(statistic(meanSeries(series(runs, m)), { from: y * 52 + 1, to: Math.min(s.weeks, (y + 1) * 52) }), KEY_METRICS[m] === 'count' ? 1 : 3));
      console.log(`| ${y + 1} | ${cells.join(' | ')} |`);
    }
  }
}
console.log(`\nAll blocks pass: ${allPass ? 'yes' : 'no'}`);
