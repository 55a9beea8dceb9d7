/**
 * Costs to the public purse, per replication and paired like the comparison: TSO grants paid
 * (the tso_grants metric), GP consultations and other statutory contacts (model counts × sourced,
 * overridable unit costs under params.costs) and CLW posts (headcount × cost per post-year).
 * Unit costs are the baseline's, so both arms are priced alike; each carries its source. With a
 * posterior, each replication is priced with its own draw (which may move clw.count or a unit
 * cost), and `pSaving` is the probability that the change saves money under parameter and
 * stochastic uncertainty together.
 */
import { specAt, getParam, WEEKS_PER_YEAR } from '../model/params.js';
import type { Scenario } from '../model/scenario.js';
import { summarize, statistic } from '../scenario/stats.js';
import { fmt, toCsv } from '../scenario/csv.js';
import type { Arm, RepSeries } from './arms.js';
import { withDraw } from '../experiment/runner.js';
import type { Window } from '../scenario/stats.js';
import { unitGbp } from './format.js';
import type { PairedDifference } from './compare.js';

export type CostComponent = 'grants' | 'gp' | 'statutory' | 'services' | 'clw' | 'net';
export const COMPONENTS: CostComponent[] = ['grants', 'gp', 'statutory', 'services', 'clw', 'net'];
export type CostPeriod = 'per_year' | 'horizon_total';

export const COMPONENT_LABELS: Record<CostComponent, string> = {
  grants: 'TSO grants paid',
  gp: 'GP consultations',
  statutory: 'Other statutory contacts (A&E, social work, police)',
  services: 'GP and other statutory services together',
  clw: 'CLW posts',
  net: 'Net cost to the public purse',
};

export interface UnitCost { path: string; value: number; unit: string; source: string }

export interface CostRow extends PairedDifference {
  component: CostComponent;
  period: CostPeriod;
  /** Share of paired replications in which the change costs less (difference below zero). */
  pSaving: number;
  /** Share of paired replications in which the change costs more (difference above zero). */
  pMore: number;
  /** How the figure is made and where its numbers come from. */
  source: string;
}

export function unitCosts(s: Scenario): Record<'gp' | 'statutory' | 'clw', UnitCost> {
  const uc = (path: string): UnitCost => {
    const spec = specAt(path)!;
    return { path, value: getParam(s.params, path) as number, unit: spec.unit, source: spec.source };
  };
  return { gp: uc('costs.gpConsultation'), statutory: uc('costs.statutoryContact'), clw: uc('costs.clwPostYear') };
}

/**
 * CLW headcount each week, replaying the scenario's scheduled changes of clw.count as the model's
 * interventions step applies them (at the start of their week, ramped linearly over rampWeeks).
 */
export function headcountByWeek(s: Scenario): Float64Array {
  const out = new Float64Array(s.weeks);
  let count = s.params.clw.count;
  const from: Array<number | undefined> = [];
  for (let week = 1; week <= s.weeks; week++) {
    s.interventions.forEach((iv, k) => {
      const to = iv.set['clw.count'];
      const ramp = Math.max(0, iv.rampWeeks);
      if (typeof to !== 'number' || week < iv.week || week > iv.week + Math.max(0, ramp - 1)) return;
      if (week === iv.week) from[k] = count;
      const frac = ramp <= 1 ? 1 : (week - iv.week + 1) / ramp;
      count = from[k]! + (to - from[k]!) * frac;
    });
    out[week - 1] = count;
  }
  return out;
}

/** £ spent by one replication on each component over weeks [from, to] (1-based, inclusive). */
function spend(r: RepSeries, headcount: Float64Array, prices: ReturnType<typeof unitCosts>, from: number, to: number): Record<CostComponent, number> {
  const grants = statistic(r.metrics.tso_grants, { from, to }, 'sum');
  const gp = statistic(r.metrics.gp_attendances, { from, to }, 'sum') * prices.gp.value;
  const statutory = statistic(r.metrics.statutory_contacts, { from, to }, 'sum') * prices.statutory.value;
  const clw = (statistic(headcount, { from, to }, 'sum') * prices.clw.value) / WEEKS_PER_YEAR;
  return { grants, gp, statutory, services: gp + statutory, clw, net: grants + gp + statutory + clw };
}

const money = unitGbp;
const share = (xs: number[], f: (x: number) => boolean) => (xs.length ? xs.filter(f).length / xs.length : NaN);

export function costSources(base: Scenario): Record<CostComponent, string> {
  const p = unitCosts(base);
  const fund = specAt('tso.fundingPerYear.crisis')!.source;
  return {
    grants: `Model: grant paid to TSOs while open (metric tso_grants). Grant sizes: ${fund}`,
    gp: `Model GP consultations × ${money(p.gp.value)} per consultation (${p.gp.path}). ${p.gp.source}`,
    statutory: `Model statutory contacts × ${money(p.statutory.value)} per contact (${p.statutory.path}). ${p.statutory.source}`,
    services: 'The GP and statutory lines together',
    clw: `CLW headcount (clw.count) × ${money(p.clw.value)} per post-year (${p.clw.path}). ${p.clw.source}`,
    net: 'Grants + GP + statutory + CLW posts; a negative difference is a saving',
  };
}

/**
 * Each component per year over the window (window spend × 52 ÷ window weeks) and in total over
 * the whole horizon, for each scenario against the baseline, with 95% intervals of the paired
 * difference.
 */
export function costRows(base: Arm, arms: Arm[], w: Window): CostRow[] {
  const sources = costSources(base.scenario);
  const weeks = base.scenario.weeks;
  // replication i of every arm ran with the same draw: prices and headcount as that draw sets them
  const asRun = (s: Scenario, i: number) => (base.runs[i]?.draw ? withDraw(s, base.runs[i]!.draw) : s);
  const prices = base.runs.map((_, i) => unitCosts(asRun(base.scenario, i)));
  const headcount = (s: Scenario) => {
    const same = headcountByWeek(s);
    return base.runs.map((r, i) => (r.draw ? headcountByWeek(asRun(s, i)) : same));
  };
  const rows: CostRow[] = [];
  for (const arm of arms) {
    const hb = headcount(base.scenario);
    const ha = headcount(arm.scenario);
    for (const period of ['per_year', 'horizon_total'] as const) {
      const [from, to] = period === 'per_year' ? [w.from, w.to] : [1, weeks];
      const scale = period === 'per_year' ? 52 / (to - from + 1) : 1;
      const b = base.runs.map((r, i) => spend(r, hb[i]!, prices[i]!, from, to));
      const s = arm.runs.map((r, i) => spend(r, ha[i]!, prices[i]!, from, to));
      for (const c of COMPONENTS) {
        const diffs = s.map((x, i) => (x[c] - b[i]![c]) * scale);
        const d = summarize(diffs);
        rows.push({
          scenario: arm.scenario.name, component: c, period, from, to,
          baseline: summarize(b.map((x) => x[c] * scale)).mean, value: summarize(s.map((x) => x[c] * scale)).mean,
          diff: d.mean, diffLow: d.ci_low, diffHigh: d.ci_high, n: d.n,
          pSaving: share(diffs, (x) => x < 0), pMore: share(diffs, (x) => x > 0), source: sources[c],
        });
      }
    }
  }
  return rows;
}

export const COST_COLUMNS = ['scenario', 'baseline', 'component', 'period', 'week_from', 'week_to', 'baseline_gbp', 'scenario_gbp',
  'difference_gbp', 'diff_ci_low', 'diff_ci_high', 'n_pairs', 'p_saving', 'source'];

export function costsCsv(baseline: string, rows: CostRow[]): string {
  const gbp = (x: number) => fmt(Math.round(x * 100) / 100);
  return toCsv(COST_COLUMNS, rows.map((r) => [r.scenario, baseline, r.component, r.period, r.from, r.to, gbp(r.baseline), gbp(r.value),
    gbp(r.diff), gbp(r.diffLow), gbp(r.diffHigh), r.n, fmt(r.pSaving), r.source]));
}
