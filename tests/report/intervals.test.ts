/**
 * Few replications (issue 13 item 12): no interval or axis below zero for a count or a share,
 * no share above one, no percentage change below −100%, and no interval at all under three
 * replications, with the text saying why.
 */
import { describe, expect, test } from 'vitest';
import { METRIC_NAMES, type MetricName } from '../../src/model/metrics.js';
import { defaultScenario } from '../../src/scenario/build.js';
import { summarize } from '../../src/scenario/stats.js';
import type { Arm } from '../../src/report/arms.js';
import { compareArms, compareMetric } from '../../src/report/compare.js';
import { chartSvg, KEY_CHARTS, weeklyBand } from '../../src/report/charts.js';
import { levelInterval, MIN_N, metricRange } from '../../src/report/intervals.js';
import { buildReport } from '../../src/report/build.js';
import { summaryText } from '../../src/cli/summaryText.js';
import type { RunResult } from '../../src/model/simulate.js';

/** An arm whose replication r has each metric's values[r] every week (others 0). */
function flatArm(name: string, weeks: number, values: Partial<Record<MetricName, number[]>>): Arm {
  const n = Object.values(values)[0]!.length;
  return {
    scenario: defaultScenario({ name, weeks, warmup: 0, reps: n }),
    runs: Array.from({ length: n }, (_, r) => ({
      rep: r, seed: 11 + r,
      metrics: Object.fromEntries(METRIC_NAMES.map((m) => [m, new Float64Array(weeks).fill(values[m]?.[r] ?? 0)])) as Record<MetricName, Float64Array>,
    })),
  };
}
const asRuns = (a: Arm): RunResult[] => a.runs.map((r) => ({ ...r, scenario: a.scenario.name, weeks: a.scenario.weeks }) as unknown as RunResult);
const report = async (base: Arm, arms: Arm[]) => new Map((await buildReport(base, arms, { from: 1, to: base.scenario.weeks }, { version: 't', command: 'c' })).files);

describe('levels', () => {
  test('every metric is a count, share, score, money or weeks: never below 0, shares and scores never above 1', () => {
    expect(metricRange('waitlist_total')).toEqual([0, Infinity]);
    expect(metricRange('dropout_rate')).toEqual([0, 1]);
    expect(metricRange('trust_mean')).toEqual([0, 1]);
  });

  test('fewer than 3 replications: no interval; from 3, cut at the metric\'s range', () => {
    expect(levelInterval(summarize([10, 300]), 'waitlist_total')).toBeUndefined();
    const s = summarize([1, 2, 300]);
    expect(s.ci_low).toBeLessThan(0);
    expect(levelInterval(s, 'waitlist_total')).toEqual({ low: 0, high: s.ci_high });
    expect(levelInterval(summarize([0.2, 0.9, 1]), 'dropout_rate')!.high).toBe(1);
    expect(MIN_N).toBe(3);
  });

  test('clwsim run\'s summary: no absurd interval for 2 replications, none below 0 for 3', () => {
    const two = summaryText(asRuns(flatArm('two', 60, { waitlist_total: [10, 300], dropout_rate: [0.1, 0.9] })));
    expect(two.split('\n')[0]).toBe('two: 2 replications, mean of weeks 9-60, no interval (n = 2: too few replications for an interval; use --reps 3 or more)');
    expect(two).not.toMatch(/ to /);
    const three = summaryText(asRuns(flatArm('three', 60, { waitlist_total: [1, 2, 300], dropout_rate: [0.2, 0.9, 1] })));
    expect(three.split('\n')[0]).toMatch(/3 replications, .*95% interval across replications$/);
    expect(three).toMatch(/waitlist_total\s+101\s+\(0\.000 to /);
    expect(three).toMatch(/dropout_rate\s+0\.700\s+\(\S+ to 1\.000\)/);
    expect(three).not.toMatch(/[( ]-\d/); // no negative level or bound
  });
});

describe('paired differences', () => {
  test('a fall cannot exceed the baseline (−100%), a share cannot rise past 1', () => {
    const base = flatArm('b', 10, { waitlist_total: [10, 12, 200], dropout_rate: [0.5, 0.6, 0.9] });
    const arm = flatArm('s', 10, { waitlist_total: [0, 0, 0], dropout_rate: [1, 1, 1] });
    const w = compareMetric(base, arm, 'waitlist_total', 'window_mean', { from: 1, to: 10 });
    expect(summarize([-10, -12, -200]).ci_low).toBeLessThan(-74);
    expect(w.diffLow).toBeCloseTo(-74);
    expect(w.pctLow).toBeCloseTo(-100);
    const d = compareMetric(base, arm, 'dropout_rate', 'window_mean', { from: 1, to: 10 });
    expect(d.diffHigh).toBeCloseTo(1 - 2 / 3);
  });
});

describe('the report', () => {
  test('two replications: the comparison and cost tables say so instead of printing an interval', async () => {
    const base = flatArm('base', 60, { waitlist_total: [10, 300], gp_attendances: [50, 80], tso_grants: [1000, 1200] });
    const arm = flatArm('cut', 60, { waitlist_total: [5, 400], gp_attendances: [60, 70], tso_grants: [700, 900] });
    const html = (await report(base, [arm])).get('report.html')!;
    const cells = [...html.matchAll(/data-field="diff_ci"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.every((c) => c === 'n = 2: too few replications for an interval')).toBe(true);
    expect([...html.matchAll(/class="claim"[^>]*data-direction="(\w+)"/g)].every((m) => m[1] === 'unclear')).toBe(true);
    expect(html).toMatch(/Figures are means over weeks 1–60 of 2 replications: too few for a 95% interval, so none is shown\./);
    expect(compareArms(base, [arm], { from: 1, to: 60 })[0]!.n).toBe(2);
  });

  test('a single run of one replication does not explain an interval it cannot have', async () => {
    const one = flatArm('solo', 60, { waitlist_total: [40] });
    const html = (await report(one, [])).get('report.html')!;
    expect(html).toMatch(/1 replication of 60 weeks\./);
    expect(html).not.toMatch(/t-interval|95 times in 100/);
    expect(html).toMatch(/of 1 replication: too few for a 95% interval/);
    expect(html).not.toMatch(/replication\(s\)/);
  });

  test('chart axes never go below zero for counts and shares, even with wild replications', () => {
    for (const values of [[1, 2, 300], [0, 500], [0.01, 0.02, 0.99]]) {
      const arms = [flatArm('a', 30, Object.fromEntries(KEY_CHARTS.map((c) => [c.metric, values]))), flatArm('b', 30, Object.fromEntries(KEY_CHARTS.map((c) => [c.metric, values.map((v) => v / 2)])))];
      for (const spec of KEY_CHARTS) {
        const band = weeklyBand(arms[0]!, spec.metric);
        expect(Math.min(...band.lo), spec.metric).toBeGreaterThanOrEqual(0);
        const svg = chartSvg(spec, arms).html;
        const ticks = [...svg.split('class="x-axis"')[0]!.matchAll(/text-anchor="end" fill="#333">([^<]+)</g)].map((m) => Number(m[1]!.replace(/,/g, '').replace('−', '-')));
        expect(ticks.length, spec.metric).toBeGreaterThan(1);
        expect(Math.min(...ticks), `${spec.metric} ${values}`).toBe(0);
      }
    }
  });
});
