import { describe, expect, test } from 'vitest';
import { METRIC_NAMES, METRICS, type MetricName } from '../../src/model/metrics.js';
import { defaultScenario } from '../../src/scenario/build.js';
import { simulate } from '../../src/model/simulate.js';
import { summarize } from '../../src/scenario/stats.js';
import { type Arm, armFromRuns, lastWeeks, checkPaired } from '../../src/report/arms.js';
import { compareArms, compareMetric, comparisonCsv, findRow, TOTAL_METRICS } from '../../src/report/compare.js';
import { costRows, headcountByWeek, COMPONENTS } from '../../src/report/costs.js';
import { scenario } from '../helpers.js';

/** An arm whose replication r has `metric` = values[r] every week (other metrics 0). */
function flatArm(name: string, weeks: number, values: Partial<Record<MetricName, number[]>>, seeds = [11, 12, 13, 14]): Arm {
  const n = Object.values(values)[0]!.length;
  return {
    scenario: defaultScenario({ name, weeks, warmup: 0, reps: n }),
    runs: Array.from({ length: n }, (_, r) => ({
      rep: r, seed: seeds[r]!,
      metrics: Object.fromEntries(METRIC_NAMES.map((m) => [m, new Float64Array(weeks).fill(values[m]?.[r] ?? 0)])) as Record<MetricName, Float64Array>,
    })),
  };
}

describe('paired comparison', () => {
  test('differences are per replication pair, with a t-interval of the paired differences', () => {
    const base = flatArm('base', 10, { waitlist_total: [100, 200, 300, 400] });
    const arm = flatArm('cut', 10, { waitlist_total: [110, 230, 310, 450] });
    const r = compareMetric(base, arm, 'waitlist_total', 'window_mean', lastWeeks(10, 4));
    const d = summarize([10, 30, 10, 50]);
    expect(r.baseline).toBe(250);
    expect(r.value).toBe(275);
    expect(r.diff).toBeCloseTo(25);
    expect(r.diffLow).toBeCloseTo(d.ci_low);
    expect(r.diffHigh).toBeCloseTo(d.ci_high);
    expect(r.pct).toBeCloseTo(10);
    expect(r.pctLow).toBeCloseTo((100 * d.ci_low) / 250);
    expect([r.from, r.to, r.n]).toEqual([7, 10, 4]);
  });

  test('p_increase is the share of pairs whose difference is above zero; with draws the uncertainty says so', () => {
    const base = flatArm('base', 10, { waitlist_total: [100, 200, 300, 400] });
    const arm = flatArm('cut', 10, { waitlist_total: [110, 200, 290, 450] });
    const r = compareMetric(base, arm, 'waitlist_total', 'window_mean', lastWeeks(10, 4));
    expect([r.pIncrease, r.uncertainty]).toEqual([0.5, 'stochastic']); // +10, 0, −10, +50
    const drawn = (a: Arm): Arm => ({ ...a, runs: a.runs.map((x, i) => ({ ...x, draw: { id: i, values: { 'trust.etaDown': 0.05 + i / 100 } } })) });
    expect(compareMetric(drawn(base), drawn(arm), 'waitlist_total', 'window_mean', lastWeeks(10, 4)).uncertainty).toBe('stochastic+parameter');
  });

  test('the chance of a saving is the share of pairs in which a cost falls; each pair priced with its draw', () => {
    const base = flatArm('base', 52, { gp_attendances: [10, 10, 10, 10] });
    const arm = flatArm('cut', 52, { gp_attendances: [9, 11, 8, 10] });
    const gp = costRows(base, [arm], lastWeeks(52, 52)).find((c) => c.component === 'gp' && c.period === 'per_year')!;
    expect(gp.pSaving).toBe(0.5); // −1, +1, −2, 0
    // a draw that moves the GP unit cost prices that pair's consultations with it
    const priced = (a: Arm): Arm => ({ ...a, runs: a.runs.map((x, i) => ({ ...x, draw: { id: i, values: { 'costs.gpConsultation': i === 0 ? 100 : 42 } } })) });
    const gp2 = costRows(priced(base), [priced(arm)], lastWeeks(52, 52)).find((c) => c.component === 'gp' && c.period === 'per_year')!;
    expect(gp2.diff).toBeCloseTo((52 * (-1 * 100 + 1 * 42 - 2 * 42 + 0)) / 4, 6);
  });

  test('whole-horizon totals sum every week, whatever the window', () => {
    const base = flatArm('base', 10, { gp_attendances: [5, 5, 5, 5] });
    const arm = flatArm('cut', 10, { gp_attendances: [6, 7, 6, 7] });
    const r = compareMetric(base, arm, 'gp_attendances', 'horizon_total', lastWeeks(10, 2));
    expect([r.baseline, r.value, r.diff, r.from, r.to]).toEqual([50, 65, 15, 1, 10]);
    expect(r.unit).toBe('consultations');
  });

  test('a scenario against itself differs by exactly zero, with a zero-width interval', () => {
    const s = defaultScenario({ name: 'self', weeks: 40, reps: 2 });
    const arm = armFromRuns(s, [simulate(s, 0), simulate(s, 1)]);
    const rows = compareArms(arm, [{ ...arm, scenario: { ...s, name: 'copy' } }], lastWeeks(40, 13));
    expect(rows.length).toBe(METRICS.length + TOTAL_METRICS.length);
    for (const r of rows) {
      expect(r.diff).toBe(0);
      expect(r.diffLow).toBe(0);
      expect(r.diffHigh).toBe(0);
    }
  });

  test('the bundled funding cut pays less in grants, and the net is the sum of its parts, per replication', () => {
    const o = { weeks: 132, reps: 3, warmup: 52 };
    const [b, c] = [scenario('baseline', o), scenario('funding-cut', o)];
    const base = armFromRuns(b, [0, 1, 2].map((r) => simulate(b, r)));
    const cut = armFromRuns(c, [0, 1, 2].map((r) => simulate(c, r)));
    expect(checkPaired(base, cut)).toBeUndefined();
    const w = lastWeeks(132, 26);
    const g = findRow(compareArms(base, [cut], w), 'funding-cut', 'tso_grants')!;
    expect(g.diffHigh).toBeLessThan(0);
    const costs = costRows(base, [cut], w);
    expect(costs.length).toBe(2 * COMPONENTS.length);
    for (const period of ['per_year', 'horizon_total'] as const) {
      const get = (k: string) => costs.find((r) => r.component === k && r.period === period)!;
      expect(get('net').diff).toBeCloseTo(get('grants').diff + get('gp').diff + get('statutory').diff + get('clw').diff, 4);
      expect(get('services').diff).toBeCloseTo(get('gp').diff + get('statutory').diff, 4);
      expect(get('grants').diffHigh).toBeLessThan(0);
      expect(get('clw').diff).toBe(0);
    }
    // Per year over the window: the window's grants × 52 / 26.
    const grantsYear = costs.find((r) => r.component === 'grants' && r.period === 'per_year')!;
    const sumWindow = base.runs.map((r) => r.metrics.tso_grants.slice(106, 132).reduce((a, x) => a + x, 0) * 2);
    expect(grantsYear.baseline).toBeCloseTo(summarize(sumWindow).mean, 4);
  });

  test('GP costs scale exactly with the sourced, overridable unit cost', () => {
    const base = flatArm('base', 52, { gp_attendances: [100, 100, 100, 100] });
    const arm = flatArm('more', 52, { gp_attendances: [110, 120, 110, 120] });
    const gp = (unit: number) => {
      base.scenario.params.costs.gpConsultation = unit;
      return costRows(base, [arm], lastWeeks(52, 52)).find((r) => r.component === 'gp' && r.period === 'per_year')!;
    };
    expect(gp(42).diff).toBeCloseTo(15 * 52 * 42);
    const r49 = gp(49);
    expect(r49.diff).toBeCloseTo(15 * 52 * 49);
    expect(r49.source).toMatch(/£49 per consultation \(costs\.gpConsultation\).*Unit Costs of Health and Social Care/);
  });

  test('CLW headcount follows scheduled, phased changes of clw.count', () => {
    const s = defaultScenario({ weeks: 20, interventions: [{ week: 5, set: { 'clw.count': 15 }, rampWeeks: 5, label: 'fewer CLWs' }] });
    const h = Array.from(headcountByWeek(s));
    expect(h.slice(0, 4)).toEqual([25, 25, 25, 25]);
    expect(h.slice(4, 10)).toEqual([23, 21, 19, 17, 15, 15]);
  });

  test('unpaired arms are refused', () => {
    const a = flatArm('a', 10, { arrivals: [1, 2] }, [1, 2]);
    expect(checkPaired(a, flatArm('b', 10, { arrivals: [1, 2] }, [1, 3]))).toMatch(/replication 1 has seed 3, the baseline 2/);
    expect(checkPaired(a, flatArm('c', 10, { arrivals: [1, 2, 3] }, [1, 2, 3]))).toMatch(/3 replications, the baseline 2/);
  });

  test('comparison.csv is byte-identical for the same inputs and states its window', () => {
    const base = flatArm('base', 10, { dropouts: [1, 2, 3, 4] });
    const arm = flatArm('cut', 10, { dropouts: [2, 2, 4, 5] });
    const csv = () => comparisonCsv('base', compareArms(base, [arm], lastWeeks(10, 5)));
    expect(csv()).toBe(csv());
    const lines = csv().trim().split('\n');
    expect(lines[0]).toBe('scenario,baseline,metric,unit,statistic,week_from,week_to,baseline_mean,scenario_mean,difference,diff_ci_low,diff_ci_high,pct_change,pct_ci_low,pct_ci_high,n_pairs,uncertainty,p_increase');
    expect(lines.find((l) => l.startsWith('cut,base,dropouts,clients/week,window_mean,6,10,'))).toBeDefined();
  });
});
