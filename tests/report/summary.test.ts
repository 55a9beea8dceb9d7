/**
 * The board summary (issue 12 §3) on made-up arms whose answers are known: the verdict, the harms
 * ranked by the documented rule, sign flips with their probability, moves that mislead explained,
 * money sentences that state their period and agree with costs.csv, and plain words.
 */
import { describe, expect, test } from 'vitest';
import { METRIC_NAMES, type MetricName } from '../../src/model/metrics.js';
import { defaultScenario } from '../../src/scenario/build.js';
import type { Arm } from '../../src/report/arms.js';
import type { Intervention } from '../../src/model/scenario.js';
import { buildReport } from '../../src/report/build.js';
import { compareArms } from '../../src/report/compare.js';
import { harms, foldChange } from '../../src/report/harms.js';
import { csvRows } from './csv.js';
import { metricRange } from '../../src/report/intervals.js';
import { moneyClaims, moneyProblems, summaryOf } from './claims.js';

type Series = (metric: MetricName, rep: number, week: number) => number;

/** An arm of `reps` replications whose metric m in week w (1-based) of replication r is f(m, r, w). */
function arm(name: string, weeks: number, f: Series, o: { reps?: number; interventions?: Intervention[]; description?: string } = {}): Arm {
  const reps = o.reps ?? 4;
  return {
    scenario: defaultScenario({ name, description: o.description ?? '', weeks, warmup: 0, reps, interventions: o.interventions ?? [] }),
    runs: Array.from({ length: reps }, (_, r) => ({
      rep: r, seed: 100 + r,
      metrics: Object.fromEntries(METRIC_NAMES.map((m) => [m, Float64Array.from({ length: weeks }, (_, w) => f(m, r, w + 1))])) as Record<MetricName, Float64Array>,
    })),
  };
}

/** The baseline: every metric 10 (shares and scores 0.4), all waiting lists 30, active TSOs 52, grants £1,000 a week. */
const BASE: Series = (m) => (m === 'active_tsos' ? 52 : m === 'tso_grants' ? 1000 : m === 'waitlist_total' ? 30 : metricRange(m)[1] === 1 ? 0.4 : 10);
/** An option that changes some metrics by a factor (with noise, so every change has a real interval). */
const scaled = (factors: Partial<Record<MetricName, number>>): Series => (m, r, w) => BASE(m, r, w) * (factors[m] ?? 1) + (factors[m] ? ((r % 2) - 0.5) / 100 : 0);

async function report(base: Arm, option: Arm, window = { from: base.scenario.weeks - 51, to: base.scenario.weeks }) {
  const files = new Map((await buildReport(base, [option], window, { version: 't', command: 'c' })).files);
  return { html: files.get('report.html')!, costs: csvRows(files.get('costs.csv')!), comparison: csvRows(files.get('comparison.csv')!) };
}
const spans = (html: string, cls: string) => [...summaryOf(html).matchAll(new RegExp(`<span class="${cls}"([^>]*)>([^<]*)</span>`, 'g'))]
  .map((m) => ({ attrs: m[1]!, text: m[2]!.replace(/&amp;/g, '&'), metric: m[1]!.match(/data-metric="([^"]*)"/)?.[1] }));

describe('the largest harms, by the documented rule', () => {
  const base = arm('base', 60, BASE);
  const cut = arm('cut', 60, scaled({ clw_waitlist: 16, completions: 0.45, waitlist_total: 2, handholding_share: 0.12, arrivals: 1.5, waitlist_mh: 0.25 }));
  const rows = compareArms(base, [cut], { from: 9, to: 60 });

  test('clear moves the worse way only, people before the system, largest relative change first', () => {
    // dropouts, not changed, and arrivals (no better direction) and waitlist_mh (better) are not harms
    expect(harms(rows, 'cut').map((h) => [h.metric, h.tier])).toEqual([
      ['clw_waitlist', 'people'], ['completions', 'people'], ['waitlist_total', 'people'], ['handholding_share', 'system']]);
    expect(foldChange(10, 5)).toBeCloseTo(foldChange(10, 20)); // a halving counts as a doubling
    expect(foldChange(10, 0)).toBe(Infinity);
  });

  test('the summary lists them in that order and the verdict names completions and the largest harm', async () => {
    const { html } = await report(base, cut);
    expect(spans(html, 'harm').map((s) => s.metric)).toEqual(['clw_waitlist', 'completions', 'waitlist_total', 'handholding_share']);
    expect(spans(html, 'harm')[0]!.text).toBe('Waiting for a first CLW session: 10.0 → 160 people (16 times the baseline)');
    const verdict = html.match(/<p class="verdict"[\s\S]*?<\/p>/)![0];
    expect(verdict).toContain('completed programmes halved (10.0 → 4.50 a week)');
    expect(verdict).toContain('the waiting list for a link worker 16 times the baseline (10.0 → 160 people)');
  });

  test('the comparison table shows every measure the summary names', async () => {
    const { html } = await report(base, cut);
    const table = html.match(/<table class="comparison"[\s\S]*?<\/table>/)![0];
    for (const m of ['clw_waitlist', 'completions', 'waitlist_total', 'handholding_share']) expect(table, m).toContain(`data-metric="${m}" data-statistic="window_mean"`);
  });

  test('two replications: no harm is named and no direction claimed', async () => {
    const two = await report(arm('base', 60, BASE, { reps: 2 }), arm('cut', 60, scaled({ clw_waitlist: 16 }), { reps: 2 }));
    expect(spans(two.html, 'harm')).toEqual([]);
    expect(two.html).toContain('Largest harms: none named (n = 2: too few replications for an interval).');
  });
});

describe('moves that mislead are explained from the model\'s numbers', () => {
  test('a shorter mental-health list while the link-worker list grows: the backlog has moved', async () => {
    const base = arm('base', 60, BASE);
    const { html } = await report(base, arm('cut', 60, scaled({ waitlist_mh: 0.25, clw_waitlist: 16 })));
    const p = html.match(/<p class="explain" data-rule="backlog-moved" data-metric="waitlist_mh">[\s\S]*?<\/p>/)![0];
    // the total list is unchanged, so the other TSOs' lists took up what the mental-health lists lost
    expect(p.replace(/<[^>]+>/g, '')).toBe('Why mental-health TSO waiting lists fell (10.0 → 2.50 entries): the backlog has moved, not gone: upstream, the waiting list for a link worker grew (10.0 → 160 people); and the waiting lists of the other TSOs grew (20.0 → 27.5 entries).');
    // the same fall with no queue growing upstream or beside it (the total falls as much) is not explained away
    const alone = await report(base, arm('cut', 60, scaled({ waitlist_mh: 0.25, waitlist_total: 0.75 })));
    expect(alone.html).not.toContain('class="explain"');
  });

  test('fewer drop-outs only because fewer start, while the drop-out rate rises', async () => {
    const base = arm('base', 60, BASE);
    const { html } = await report(base, arm('cut', 60, scaled({ dropouts: 0.9, dropout_rate: 1.3, starts: 0.7 })));
    expect(html.match(/<p class="explain" data-rule="fewer-at-risk"[\s\S]*?<\/p>/)![0].replace(/<[^>]+>/g, ''))
      .toBe('Why drop-outs fell (10.0 → 9.00 a week): only because fewer people start a programme (10.0 → 7.00 a week); the share of leavers who drop out rose (40% → 52%).');
    const ok = await report(base, arm('cut', 60, scaled({ dropouts: 0.9, dropout_rate: 0.9 })));
    expect(ok.html).not.toContain('data-rule="fewer-at-risk"');
  });
});

describe('money: every sentence states its period and agrees with costs.csv', () => {
  // Grants cut in year one (weeks 10-40), restored at week 40; 12 TSOs closed and never reopened; GP use up in year two.
  const ivs: Intervention[] = [
    { week: 10, rampWeeks: 0, label: 'Cut grants', set: { 'funding.multiplier.crisis': 0.6 } },
    { week: 40, rampWeeks: 0, label: 'Restore grants', set: { 'funding.multiplier.crisis': 1 } },
  ];
  const option: Series = (m, r, w) => m === 'tso_grants' ? (w < 53 ? 500 : 900) + r + (r % 2) * 3
    : m === 'gp_attendances' ? (w < 53 ? 10 : 15) + r / 10 + (r % 2) / 50
      : m === 'active_tsos' ? (w < 20 ? 52 : 40) : BASE(m, r, w);
  const base = arm('base', 104, BASE, { description: 'Stable TSO funding' });
  const restored = arm('restored', 104, option, { interventions: ivs, description: 'Crisis TSO grants cut at week 10, restored at week 40' });

  test('the last year costs more, the whole run saves: both said, each with its period, every amount from its own row', async () => {
    const { html, costs } = await report(base, restored);
    expect(moneyProblems(html, costs)).toEqual([]);
    const net = (period: string) => Number(costs.find((c) => c.component === 'net' && c.period === period)!.difference_gbp);
    expect(net('per_year')).toBeGreaterThan(0);
    expect(net('horizon_total')).toBeLessThan(0);
    const text = summaryOf(html).replace(/<[^>]+>/g, '');
    expect(text).toContain('The two periods point different ways. Over weeks 1–104 the option saves £');
    expect(text).toMatch(/in weeks 53–104 it costs £[\d,]+ a year more, net: in that year the grant saving \(£[\d,]+ a year\) is smaller than the extra GP and statutory costs/);
    expect(text).toMatch(/; over the whole run \(weeks 1–104, 2 years\), a net saving of £[\d,]+;/);
  });

  test('a saving that outlives a restored cut is explained: TSOs closed and none reopened', async () => {
    const { html } = await report(base, restored);
    const p = html.match(/<p class="money legacy"[^>]*>[\s\S]*?<\/p>/)![0];
    expect(p).toContain('data-closed="12" data-reopened="0"');
    expect(p.replace(/<[^>]+>/g, '')).toMatch(/^Every change this option makes is undone by week 40, before weeks 53–104: .* Grants are back as in the baseline from week 40, yet £[\d,]+ a year less is paid in TSO grants in weeks 53–104: 12 of the baseline's 52 TSOs closed while the change lasted and none has reopened/);
    expect(html).toContain('12 of 52 TSOs closed while the change lasted and none reopened after week 40');
    // a cut still in force in the window is not "undone"
    const ongoing = await report(base, { ...restored, scenario: { ...restored.scenario, interventions: ivs.slice(0, 1) } });
    expect(ongoing.html).not.toContain('class="money legacy"');
  });

  test('an option that does not touch grants says so, instead of "no clear change (£0)"', async () => {
    const { html, costs } = await report(base, arm('better', 104, scaled({ gp_attendances: 0.9 })));
    expect(moneyProblems(html, costs)).toEqual([]);
    const text = summaryOf(html).replace(/<[^>]+>/g, '');
    expect(text).toContain('leaves grants unchanged to TSOs, the charities and community groups that link workers refer people to; saves £');
    expect(text).toContain('it leaves TSO grants unchanged, saves £');
  });

  test('the checker itself catches a sentence quoting the wrong row or period', async () => {
    const { html, costs } = await report(base, restored);
    const [first] = moneyClaims(html);
    expect(first!.cost).toBe('grants');
    const wrong = html.replace('data-cost="grants" data-period="per_year"', 'data-cost="grants" data-period="horizon_total"');
    expect(moneyProblems(wrong, costs).length).toBeGreaterThan(0);
    expect(moneyProblems(html.replace('<p class="note lead">', '<p class="note lead">It saves £1,234. '), costs)).toContain('£1,234 in the summary outside any checked claim');
  });
});
