/**
 * Scan candidate pattern levers against every metric: paired differences (common random numbers)
 * of each treatment arm against its control, per independent seed block, with the smallest
 * |t| over blocks. A tool for choosing patterns that hold in every block, not a test.
 *   nice npx tsx scripts/pattern-scan.ts --reps 10 --seeds 3 --weeks 156 [--only cut,follow]
 */
import { parseArgs } from 'node:util';
import { armScenario } from '../src/patterns/run.js';
import type { Arm } from '../src/patterns/definitions.js';
import { pairedJobs } from '../src/experiment/runner.js';
import { runJobs } from '../src/experiment/pool.js';
import { METRIC_NAMES, type MetricName } from '../src/model/metrics.js';
import { summarize, lastWeeks, type Window } from '../src/scenario/stats.js';
import type { Measure } from '../src/experiment/measures.js';

const { values: o } = parseArgs({ options: {
  reps: { type: 'string', default: '10' }, seeds: { type: 'string', default: '3' }, seed: { type: 'string', default: '1' },
  weeks: { type: 'string', default: '156' }, only: { type: 'string' }, workers: { type: 'string', default: '2' },
  window: { type: 'string' }, metrics: { type: 'string' },
} });
const weeks = Number(o.weeks), reps = Number(o.reps), nSeeds = Number(o.seeds), seed0 = Number(o.seed);
const win: Window = o.window ? { from: Number(o.window.split('-')[0]), to: Number(o.window.split('-')[1]) } : lastWeeks(weeks, 52);

const B: Arm = {};
const CANDIDATES: Record<string, [Arm, Arm]> = {
  cut: [B, { scenario: 'funding-cut' }],
  cut0: [B, { scenario: 'funding-cut', set: { 'funding.cutTrustShock': 0 } }],
  over: [B, { set: { 'practice.overReferral': 0.4 } }],
  scatter: [B, { set: { 'practice.scatterShare': 0.5 } }],
  hh0: [{ set: { 'clw.handholdingPerWeek': 0 } }, B],
  follow: [B, { set: { 'clw.followUpPropensity': 0.1 } }],
  expert: [B, { set: { 'clw.expertiseMean': 0.75 } }],
  cap: [B, { set: { 'clw.caseloadCap': 12 } }],
  demand: [B, { set: { 'demand.level': 1.4 } }],
  clws: [B, { set: { 'clw.count': 18 } }],
  trust: [{ set: { 'trust.initial': 0.2 } }, { set: { 'trust.initial': 0.85 } }],
  etaDown: [B, { set: { 'trust.etaDown': 0.12 } }],
  mh: [B, { set: { 'funding.multiplier.mh': 1.3 } }],
  explore: [B, { set: { 'clw.exploreProb': 0.02 } }],
  managers: [B, { set: { 'clw.managementOverhead': 0.5 } }],
  kpi: [B, { set: { 'practice.kpiRegime': 'outcomes' } }],
  fitChoice: [{ set: { 'clw.fitChoiceMax': 2 } }, B],
  employed: [{ set: { 'clw.tsoEmployedShare': 0 } }, B],
  scatter6: [B, { set: { 'practice.scatterShare': 0.6 } }],
  readiness: [{ set: { 'clw.readinessThreshold': 0.5, 'clw.caseloadCap': 60 } }, { set: { 'clw.readinessThreshold': 0.85, 'clw.caseloadCap': 60 } }],
  inequitable: [{ scenario: 'funding-cut', set: { 'funding.cutTrustShock': 0 } }, { scenario: 'funding-cut' }],
};
const names = o.only ? o.only.split(',') : Object.keys(CANDIDATES);
const metrics = (o.metrics ? o.metrics.split(',') : METRIC_NAMES) as MetricName[];
const measures: Measure[] = metrics.map((metric) => ({ metric, window: win, statistic: 'mean' }));

// Distinct arms, each simulated once per block.
const arms = new Map<string, Arm>();
const keyOf = (a: Arm) => JSON.stringify(a);
for (const n of names) for (const a of CANDIDATES[n]!) arms.set(keyOf(a), a);
const armList = [...arms.entries()];
const blocks = Array.from({ length: nSeeds }, (_, b) => seed0 + b);
const jobs = blocks.flatMap((seed) => armList.flatMap(([, a]) => pairedJobs([{ ...armScenario(a, { weeks, seed, reps }), seed }], reps, measures)));
const t0 = Date.now();
const outs = await runJobs(jobs, { workers: Number(o.workers) });
console.error(`${jobs.length} runs in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
const val = (b: number, key: string, mi: number) => {
  const i = armList.findIndex(([k]) => k === key);
  const at = (b * armList.length + i) * reps;
  return outs.slice(at, at + reps).map((x) => x.values![mi]!);
};
console.log(`weeks ${weeks}, window ${win.from}-${win.to}, ${nSeeds} blocks x ${reps} reps`);
for (const n of names) {
  const [c, t] = CANDIDATES[n]!;
  console.log(`\n## ${n}`);
  metrics.forEach((m, mi) => {
    const per = blocks.map((_, b) => {
      const cv = val(b, keyOf(c), mi), tv = val(b, keyOf(t), mi);
      const s = summarize(tv.map((x, i) => x - cv[i]!));
      return { s, t: s.mean / (s.sd / Math.sqrt(s.n)), base: summarize(cv).mean };
    });
    const ts = per.map((p) => p.t);
    const minAbs = Math.min(...ts.map(Math.abs));
    const same = ts.every((x) => Math.sign(x) === Math.sign(ts[0]!));
    const mean = per.reduce((a, p) => a + p.s.mean, 0) / per.length;
    const base = per.reduce((a, p) => a + p.base, 0) / per.length;
    const flag = same && minAbs > 4 ? '***' : same && minAbs > 2.5 ? '*' : '';
    console.log(`${m.padEnd(26)} base ${base.toPrecision(4).padStart(9)} diff ${mean.toPrecision(3).padStart(10)}  t ${ts.map((x) => x.toFixed(1)).join(' ')} ${flag}`);
  });
}
