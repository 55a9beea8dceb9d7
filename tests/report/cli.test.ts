import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, writeFileSync, mkdirSync, cpSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { METRICS } from '../../src/model/metrics.js';
import { TOTAL_METRICS } from '../../src/report/compare.js';
import { KEY_CHARTS } from '../../src/report/charts.js';
import { csvRows } from './csv.js';
import { cli } from '../helpers.js';
import { moneyClaims, moneyProblems } from './claims.js';

const tmp = mkdtempSync(join(tmpdir(), 'clwsim-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SMALL = ['--reps', '3', '--weeks', '130', '--window', '26', '--quiet'];
const read = (...p: string[]) => readFileSync(join(...p), 'utf8');

describe('clwsim compare', () => {
  const dir = join(tmp, 'cut');
  let r: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    r = await cli('compare', 'scenarios/baseline.yaml', 'scenarios/funding-cut.yaml', ...SMALL, '--sensitivity', '2', '--out', dir);
  });

  test('writes comparison.csv, costs.csv, sensitivity.csv, charts, report.html, report.json and the runs', () => {
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/report: .*report\.html/);
    for (const f of ['comparison.csv', 'costs.csv', 'sensitivity.csv', 'report.html', 'report.json', 'runs/baseline/trajectories.csv', 'runs/funding-cut/manifest.json'])
      expect(existsSync(join(dir, f)), f).toBe(true);
    expect(readdirSync(join(dir, 'charts')).sort()).toEqual(KEY_CHARTS.map((c) => `${c.metric}.svg`).sort());
    const rows = csvRows(read(dir, 'comparison.csv'));
    expect(rows.length).toBe(METRICS.length + TOTAL_METRICS.length);
    const win = rows.filter((x) => x.statistic === 'window_mean');
    expect(new Set(win.map((x) => `${x.week_from}-${x.week_to}`))).toEqual(new Set(['105-130']));
    for (const x of rows) {
      expect(Number(x.difference)).toBeCloseTo(Number(x.scenario_mean) - Number(x.baseline_mean), 4);
      expect(Number(x.diff_ci_low)).toBeLessThanOrEqual(Number(x.difference));
      expect(x.n_pairs).toBe('3');
    }
  });

  test('both arms ran on the same seeds (paired)', () => {
    const a = JSON.parse(read(dir, 'runs/baseline/manifest.json'));
    const b = JSON.parse(read(dir, 'runs/funding-cut/manifest.json'));
    expect(b.seeds).toEqual(a.seeds);
    expect(b.scenario.weeks).toBe(130);
  });

  test('every cost carries its source, and the GP unit cost is overridable', async () => {
    const costs = csvRows(read(dir, 'costs.csv'));
    for (const c of costs) expect(c.source?.length).toBeGreaterThan(10);
    expect(costs.find((c) => c.component === 'gp')!.source).toMatch(/£42 per consultation.*Jones et al/);
    const d49 = join(tmp, 'gp49');
    expect((await cli('compare', 'scenarios/baseline.yaml', 'scenarios/funding-cut.yaml', ...SMALL, '--sensitivity', '0', '--set', 'costs.gpConsultation=49', '--out', d49)).code).toBe(0);
    const c49 = csvRows(read(d49, 'costs.csv'));
    const gp = (rows: typeof costs) => Number(rows.find((c) => c.component === 'gp' && c.period === 'per_year')!.difference_gbp);
    expect(gp(c49) / gp(costs)).toBeCloseTo(49 / 42, 4);
    expect(existsSync(join(d49, 'sensitivity.csv'))).toBe(false);
  });

  test('same inputs → byte-identical CSVs and report', async () => {
    const again = join(tmp, 'cut2');
    await cli('compare', 'scenarios/baseline.yaml', 'scenarios/funding-cut.yaml', ...SMALL, '--sensitivity', '2', '--out', again);
    for (const f of ['comparison.csv', 'costs.csv', 'sensitivity.csv', 'charts/waitlist_people.svg']) expect(read(again, f), f).toBe(read(dir, f));
    expect(read(again, 'report.html').replace(again, dir)).toBe(read(dir, 'report.html'));
  });

  test('clwsim report rebuilds the same comparison, costs and report from disk', async () => {
    const copy = join(tmp, 'copy');
    cpSync(dir, copy, { recursive: true });
    for (const f of ['comparison.csv', 'costs.csv', 'report.html', 'charts/dropouts.svg']) writeFileSync(join(copy, f), 'stale');
    const res = await cli('report', copy, '--quiet');
    expect(res.code).toBe(0);
    for (const f of ['comparison.csv', 'costs.csv', 'sensitivity.csv', 'report.html', 'charts/dropouts.svg']) expect(read(copy, f), f).toBe(read(dir, f));
  });

  test('clwsim report with another window restates the window', async () => {
    const copy = join(tmp, 'copy13');
    cpSync(dir, copy, { recursive: true });
    expect((await cli('report', copy, '--window', '13', '--quiet')).code).toBe(0);
    const rows = csvRows(read(copy, 'comparison.csv')).filter((x) => x.statistic === 'window_mean');
    expect(rows.every((x) => x.week_from === '118' && x.week_to === '130')).toBe(true);
    expect(JSON.parse(read(copy, 'report.json')).window).toEqual({ weeks: 13, from: 118, to: 130 });
  });
});

describe('a cut restored before the comparison window (issue 12 §3: text and tables agree)', () => {
  const dir = join(tmp, 'restored');
  let html = '';
  beforeAll(async () => {
    // a shortened funding-cut-restored: cut at week 10, restored at week 40, compared over weeks 55-80
    const file = join(tmp, 'cut-restored-short.yaml');
    writeFileSync(file, [`name: cut-restored-short`, `description: Crisis, MH and activity TSO grants cut 40% at week 10, restored at week 40`,
      `extends: ${JSON.stringify(resolve('scenarios/baseline.yaml'))}`, 'interventions:',
      '  - { week: 10, label: Cut grants by 40%, set: { funding.multiplier.crisis: 0.6, funding.multiplier.mh: 0.6, funding.multiplier.activity: 0.6 } }',
      '  - { week: 40, label: Restore grants, set: { funding.multiplier.crisis: 1, funding.multiplier.mh: 1, funding.multiplier.activity: 1 } }', ''].join('\n'));
    const r = await cli('compare', 'scenarios/baseline.yaml', file, '--reps', '3', '--weeks', '80', '--warmup', '5', '--window', '26', '--sensitivity', '0', '--quiet', '--out', dir);
    expect(r.err).toBe('');
    html = read(dir, 'report.html');
  }, 120_000);

  test('every money sentence names its period and quotes only its own row of costs.csv', () => {
    expect(moneyProblems(html, csvRows(read(dir, 'costs.csv')))).toEqual([]);
    expect(moneyClaims(html).map((c) => c.period)).toEqual(expect.arrayContaining(['per_year', 'horizon_total']));
  });

  test('grants still lower after the restoration: the TSOs that closed are named, and that none reopened', () => {
    const open = csvRows(read(dir, 'comparison.csv')).find((x) => x.metric === 'active_tsos' && x.statistic === 'window_mean')!;
    const closed = Math.round(Number(open.baseline_mean) - Number(open.scenario_mean));
    expect(closed).toBeGreaterThan(5);
    const legacy = html.match(/<p class="money legacy" data-closed="(\d+)" data-reopened="0">([\s\S]*?)<\/p>/)!;
    expect(Math.abs(Number(legacy[1]) - closed)).toBeLessThanOrEqual(1); // at the restoration week vs the window's mean: the model reopens none
    expect(legacy[2]!.replace(/<[^>]+>/g, '')).toMatch(new RegExp(`a year less is paid in TSO grants in weeks 55–80: ${legacy[1]} of the baseline's 52 TSOs closed while the change lasted and none has reopened`));
    expect(html).toContain('<h1>Crisis, mental-health (MH) and activity third-sector organisation (TSO) grants cut 40% at week 10, restored at week 40</h1>');
  });
});

describe('short horizons', () => {
  test('the default window is the last year, or the whole run when shorter', async () => {
    const out = join(tmp, 'short');
    const r = await cli('compare', 'scenarios/baseline.yaml', 'scenarios/scattergun.yaml', '--reps', '2', '--weeks', '30', '--warmup', '10', '--sensitivity', '0', '--quiet', '--out', out);
    expect(r.err).toBe('');
    const rows = csvRows(read(out, 'comparison.csv')).filter((x) => x.statistic === 'window_mean');
    expect(rows.every((x) => x.week_from === '1' && x.week_to === '30')).toBe(true);
  });
});

describe('clwsim report on a plain run folder', () => {
  test('a single-scenario report with charts and levels', async () => {
    const run = join(tmp, 'run');
    expect((await cli('run', 'scenarios/funding-cut.yaml', '--reps', '2', '--weeks', '130', '--out', run, '--quiet')).code).toBe(0);
    const r = await cli('report', run, '--quiet');
    expect(r.code).toBe(0);
    const html = read(run, 'report.html');
    // titled by the scenario's own description, abbreviations spelt out at first use
    expect(html).toContain('<h1>Crisis and activity third-sector organisation (TSO) grants cut by 30% from week 104</h1>');
    expect(html).toContain('<title>clwsim report: Crisis and activity TSO grants cut by 30% from week 104</title>');
    expect(html).toMatch(/class="level" data-metric="waitlist_people"/);
    expect(existsSync(join(run, 'charts', 'trust_mean.svg'))).toBe(true);
    expect(existsSync(join(run, 'comparison.csv'))).toBe(false);
  });
});

describe('bad input: one line naming the problem, exit 2, nothing written', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['missing scenario file', ['compare', 'scenarios/baseline.yaml', 'scenarios/nope.yaml'], /scenarios\/nope\.yaml: file not found/],
    ['bad --set', ['compare', 'scenarios/baseline.yaml', 'scenarios/funding-cut.yaml', '--set', 'costs.gpConsultation=-5'], /costs\.gpConsultation: expected a number from 0 to 1000/],
    ['window beyond the horizon', ['compare', 'scenarios/baseline.yaml', 'scenarios/funding-cut.yaml', '--weeks', '110', '--warmup', '5', '--window', '120'], /--window: expected at most the horizon \(110 weeks\), got 120/],
    ['bad --window', ['compare', 'scenarios/baseline.yaml', 'scenarios/funding-cut.yaml', '--window', 'year'], /--window.*expected a number of weeks.*"year"/],
    ['two scenarios with one name', ['compare', 'scenarios/baseline.yaml', 'scenarios/baseline.yaml'], /name: "baseline" is also the name of scenarios\/baseline\.yaml/],
    ['no scenario to compare', ['compare', 'scenarios/baseline.yaml'], /missing required argument 'scenarios'/],
  ];
  for (const [what, args, msg] of cases)
    test(what, async () => {
      const out = join(tmp, `bad-${what.replace(/\W/g, '')}`);
      const r = await cli(...args, '--out', out, '--quiet');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err.trim().split('\n').length).toBe(1);
      expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
      expect(existsSync(out)).toBe(false);
    });

  test('report on a folder without results', async () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    const r = await cli('report', empty);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/empty: not a clwsim results folder; expected report\.json .* or manifest\.json and trajectories\.csv/);
    expect(readdirSync(empty)).toEqual([]);
  });

  test('report on a damaged run folder names the file and the line', async () => {
    const run = join(tmp, 'damaged');
    await cli('run', 'scenarios/baseline.yaml', '--reps', '1', '--weeks', '10', '--warmup', '2', '--out', run, '--quiet');
    const f = join(run, 'trajectories.csv');
    writeFileSync(f, read(f).replace(/\nbaseline,0,(\d+),3,/, '\nbaseline,0,$1,three,'));
    const r = await cli('report', run);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/trajectories\.csv: line 4: expected an integer rep and a week from 1 to 10, got rep "0", week "three"/);
    expect(existsSync(join(run, 'report.html'))).toBe(false);
  });

  test('report on a folder that does not exist', async () => {
    const r = await cli('report', join(tmp, 'nowhere'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nowhere: folder not found/);
  });
});
