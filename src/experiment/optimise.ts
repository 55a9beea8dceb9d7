/**
 * clwsim optimise: the least harmful way found to take a saving from an area's grants.
 *
 * 1. Search (replications 0..R−1, common random numbers: every candidate runs on the same seeds
 *    and posterior draws as the area as it is). A compass search (compass.ts) over the family of
 *    allocations of allocation.ts, from `equal` and its protected version, minimising the mean
 *    paired harm (harm.ts).
 * 2. Judge afresh (replications R..R+F−1, seeds the search never saw, so the winner's luck on the
 *    search seeds does not carry over): the optimum and the simple rules (equal, end-smallest,
 *    cut-<type>) against the area as it is, with each one's harm, its 95% interval, and the
 *    paired 95% interval of its harm minus equal's.
 * 3. The trade-off: the optimum's rule and equal at other savings (pareto.csv).
 * Every run goes through the one runner, on the worker pool. Node-free.
 */
import type { Scenario } from '../model/scenario.js';
import { TSO_TYPES } from '../model/params.js';
import { lastWeeks, summarize, type Summary, type Window } from '../scenario/stats.js';
import type { OptimiseSpec } from '../scenario/optimiseFile.js';
import type { Draw, Job } from './runner.js';
import { executor, type Executor } from './pool.js';
import type { Measure } from './measures.js';
import { HARM_TERMS, type HarmTerm, harmMeasures, harmOf, termsOf } from './harm.js';
import { compassSearch, type CompassResult, type Dim } from './compass.js';
import { EQUAL_POINT, type FamilyPoint, endSmallestCuts, equalCuts, familyCuts, fromVector, savingOf, toVector, typeCuts, withCuts } from './allocation.js';

export interface Budget { name: string; searchReps: number; iterations: number; finalReps: number; paretoLevels: number[]; step: number; minStep: number }
export const BUDGETS: Record<'small' | 'default' | 'large', Budget> = {
  small: { name: 'small', searchReps: 6, iterations: 6, finalReps: 20, paretoLevels: [0.5, 0.75, 1.25, 1.5], step: 1, minStep: 0.125 },
  default: { name: 'default', searchReps: 10, iterations: 10, finalReps: 40, paretoLevels: [0.25, 0.5, 0.75, 1.25, 1.5, 2], step: 1, minStep: 0.0625 },
  large: { name: 'large', searchReps: 20, iterations: 16, finalReps: 100, paretoLevels: [0.25, 0.5, 0.75, 1.25, 1.5, 2], step: 1, minStep: 0.03125 },
};

/** Family coordinates: type and tilt scores within ±6 (e^6 ≈ 400 times the share), protect 0/1. */
export const DIMS: Dim[] = [{ lo: -6, hi: 6 }, { lo: -6, hi: 6 }, { lo: -6, hi: 6 }, { lo: -6, hi: 6 }, { lo: -6, hi: 6 }, { lo: 0, hi: 1, discrete: true }];

export interface OptimiseInput {
  spec: OptimiseSpec;
  area: Scenario;
  budget: Budget;
  /** Posterior draws by replication (at least searchReps + finalReps), if any. */
  draws?: Draw[];
  workers: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface StrategyResult {
  strategy: string;
  /** What it does, in plain words. */
  words: string;
  cuts: number[];
  saving: number;
  harm: Summary;
  /** Paired: this strategy's harm minus equal's. */
  vsEqual: Summary;
  terms: Record<HarmTerm, Summary>;
  /** Change in grants actually paid, £ a year (closed organisations are paid nothing). */
  grants: Summary;
  /** Per organisation, the share of replications in which it closed. */
  pClose: number[];
}

export interface ParetoRow { saving: number; strategy: string; harm: Summary }

export interface OptimiseResult {
  window: Window;
  fromWeek: number;
  searchReps: number[];
  finalReps: number[];
  search: CompassResult;
  optimum: FamilyPoint;
  strategies: StrategyResult[];
  /** Per organisation, the share of final replications in which it closed with no saving. */
  pCloseNow: number[];
  pareto: ParetoRow[];
  runs: number;
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);

/** The simple rules at a saving, in plain words; infeasible ones left out. */
export function simpleRules(area: Scenario, saving: number): Array<{ strategy: string; words: string; cuts: number[] }> {
  const orgs = area.organisations!;
  const out = [
    { strategy: 'equal', words: 'the same share from every grant', cuts: equalCuts(orgs, saving) },
    { strategy: 'end-smallest', words: 'end the smallest grants until the saving is met', cuts: endSmallestCuts(orgs, saving) },
  ];
  for (const t of TSO_TYPES) {
    const cuts = typeCuts(orgs, saving, t);
    if (cuts) out.push({ strategy: `cut-${t}`, words: `take it all from ${t} organisations, the same share from each`, cuts });
  }
  return out;
}

export async function optimise(inp: OptimiseInput): Promise<OptimiseResult> {
  const { spec, area, budget: b } = inp;
  const orgs = area.organisations!;
  const fromWeek = spec.fromWeek ?? Math.max(1, area.warmup);
  const w = lastWeeks(area.weeks, spec.windowWeeks);
  const base = harmMeasures(area, w);
  const orgMeasures: Measure[] = orgs.map((_, j) => ({ orgClosed: j }));
  const exec: Executor = executor(inp.workers);
  let runs = 0;
  const run = async (phase: string, arms: Scenario[], reps: number[], keep: Measure[]): Promise<number[][][]> => {
    const jobs: Job[] = arms.flatMap((scenario) => reps.map((rep) => ({ scenario, rep, draw: inp.draws?.[rep], keep })));
    let done = 0;
    const out = await Promise.all(jobs.map(async (j) => {
      const o = await exec.run({ job: j });
      inp.onProgress?.(phase, ++done, jobs.length);
      return o.values!;
    }));
    runs += jobs.length;
    return arms.map((_, a) => out.slice(a * reps.length, (a + 1) * reps.length));
  };
  const harmSummary = (vals: number[][], baseVals: number[][]) => vals.map((v, r) => harmOf(termsOf(v, baseVals[r]!, area, w), spec.harm));
  try {
    // 1. search on replications 0..R−1
    const sReps = range(0, b.searchReps);
    const [sBase] = await run('search', [area], sReps, base);
    const f = async (xs: number[][], it: number) => {
      const arms = xs.map((x, k) => {
        const cuts = familyCuts(orgs, spec.savingGbp, fromVector(x), area.params.tso.coreCostShare);
        return cuts && withCuts(area, `candidate-${it}-${k}`, cuts, fromWeek, 'candidate');
      });
      const live = arms.filter((a): a is Scenario => !!a);
      const vals = await run(`search ${it}/${b.iterations}`, live, sReps, base);
      let k = 0;
      return arms.map((a) => (a ? mean(harmSummary(vals[k++]!, sBase!)) : undefined));
    };
    const search = await compassSearch([toVector(EQUAL_POINT), toVector({ ...EQUAL_POINT, protect: true })], DIMS, f, { step: b.step, minStep: b.minStep, iterations: b.iterations });
    const optimum = fromVector(search.best.x);
    // 2. judge afresh on replications R..R+F−1
    const fReps = range(b.searchReps, b.finalReps);
    const rules = simpleRules(area, spec.savingGbp);
    const optCuts = familyCuts(orgs, spec.savingGbp, optimum, area.params.tso.coreCostShare)!;
    const all = [...rules, { strategy: 'optimised', words: 'the least harmful allocation the search found', cuts: optCuts }];
    const keep = [...base, ...orgMeasures];
    const arms = all.map((s) => withCuts(area, s.strategy, s.cuts, fromWeek, s.words));
    const [fBase, ...fArms] = await run('judge', [area, ...arms], fReps, keep);
    const harms = fArms.map((v) => harmSummary(v, fBase!));
    const eq = harms[0]!;
    const strategies: StrategyResult[] = all.map((s, a) => {
      const terms = fArms[a]!.map((v, r) => termsOf(v, fBase![r]!, area, w));
      return {
        ...s, saving: savingOf(orgs, s.cuts), harm: summarize(harms[a]!), vsEqual: summarize(harms[a]!.map((h, r) => h - eq[r]!)),
        terms: Object.fromEntries(HARM_TERMS.map((t) => [t, summarize(terms.map((x) => x[t]))])) as Record<HarmTerm, Summary>,
        grants: summarize(terms.map((x) => x.grants)),
        pClose: orgs.map((_, j) => mean(fArms[a]!.map((v) => v[base.length + j]!))),
      };
    });
    const pCloseNow = orgs.map((_, j) => mean(fBase!.map((v) => v[base.length + j]!)));
    // 3. the optimum's rule and equal at other savings
    const total = orgs.reduce((x, o) => x + o.grant, 0);
    const levels = b.paretoLevels.map((l) => l * spec.savingGbp).filter((s) => s < total);
    const curve = levels.flatMap((s) => {
      const opt = familyCuts(orgs, s, optimum, area.params.tso.coreCostShare);
      return [{ s, strategy: 'equal', cuts: equalCuts(orgs, s) }, ...(opt ? [{ s, strategy: 'optimised', cuts: opt }] : [])];
    });
    const cVals = await run('trade-off', curve.map((c, k) => withCuts(area, `level-${k}`, c.cuts, fromWeek, c.strategy)), fReps, base);
    const pareto: ParetoRow[] = [
      ...curve.map((c, k) => ({ saving: c.s, strategy: c.strategy, harm: summarize(harmSummary(cVals[k]!, fBase!)) })),
      ...strategies.filter((s) => s.strategy === 'equal' || s.strategy === 'optimised').map((s) => ({ saving: spec.savingGbp, strategy: s.strategy, harm: s.harm })),
    ].sort((x, y) => x.saving - y.saving || x.strategy.localeCompare(y.strategy));
    return { window: w, fromWeek, searchReps: sReps, finalReps: fReps, search, optimum, strategies, pCloseNow, pareto, runs };
  } finally {
    await exec.close();
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
