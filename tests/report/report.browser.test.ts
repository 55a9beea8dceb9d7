/**
 * report.html in a real browser (headless Debian Chromium): it renders from file:// with no
 * console errors and no network, every chart has plotted data, the numbers shown are those of
 * comparison.csv and costs.csv, and the summary's words agree with the signs of the data.
 */
import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { main } from '../../src/cli/program.js';
import { KEY_CHARTS } from '../../src/report/charts.js';
import { direction, HEADLINE } from '../../src/report/summary.js';
import { pct } from '../../src/report/format.js';
import { hasChromium, launch, openFile } from './browser.js';
import { csvRows } from './csv.js';
import { moneyProblems } from './claims.js';
import { testDir } from '../testDir.js';

// A temporary folder (CLWSIM_TEST_KEEP=<folder> keeps the report, screenshot and PDF: tests/testDir.ts).
let FILES = '';
let OUT = '';
let cleanup = () => {};
const WEEKS = 130;

describe.skipIf(!hasChromium && !process.env.CI)('report.html in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let requests: string[];
  beforeAll(async () => {
    ({ dir: FILES, cleanup } = testDir('test-report'));
    OUT = join(FILES, 'report');
    const code = await main(['compare', 'scenarios/baseline.yaml', 'scenarios/funding-cut.yaml', '--reps', '3', '--weeks', String(WEEKS), '--window', '26',
      '--sensitivity', '1', '--quiet', '--out', OUT], { out: () => {}, err: (s) => process.stderr.write(s) });
    expect(code).toBe(0);
    browser = await launch();
    ({ page, errors, requests } = await openFile(browser, join(OUT, 'report.html')));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    cleanup();
  });

  test('renders offline with no console errors, every chart plotted; screenshot saved', async () => {
    for (const spec of KEY_CHARTS) {
      const chart = await page.$(`figure[data-metric="${spec.metric}"] svg`);
      expect(chart, spec.metric).not.toBeNull();
      const lines = await chart!.$$eval('path.series-line', (ps) => ps.map((p) => [p.getAttribute('data-scenario'), p.getAttribute('d') ?? '']));
      expect(lines.map((l) => l[0])).toEqual(['baseline', 'funding-cut']);
      for (const [, d] of lines) expect(d!.match(/[ML]/g)!.length, `${spec.metric} points`).toBe(WEEKS);
      const bands = await chart!.$$eval('path.band', (ps) => ps.map((p) => p.getAttribute('d') ?? ''));
      expect(bands.length).toBe(2);
      for (const d of bands) expect(d.length).toBeGreaterThan(100);
      const box = await chart!.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      const texts = await chart!.$$eval('text', (ts) => ts.map((t) => t.textContent));
      expect(texts).toContain(spec.axis);
      expect(texts).toContain('Week (52 weeks = 1 year)');
      expect(await chart!.$$eval('g.marker', (ms) => ms.map((m) => m.getAttribute('data-week')))).toEqual(['104']);
    }
    await page.screenshot({ path: join(FILES, 'report-screenshot.png'), fullPage: true });
    expect(statSync(join(FILES, 'report-screenshot.png')).size).toBeGreaterThan(50_000);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  test('the comparison and cost tables show the numbers of comparison.csv and costs.csv', async () => {
    const csv = csvRows(readFileSync(join(OUT, 'comparison.csv'), 'utf8'));
    const shown = await page.$$eval('table.comparison tr[data-metric]', (trs) => trs.map((tr) => ({
      metric: tr.getAttribute('data-metric'), statistic: tr.getAttribute('data-statistic'),
      cells: Object.fromEntries([...tr.querySelectorAll('td[data-field][data-value]')].map((td) => [td.getAttribute('data-field'), [td.getAttribute('data-value'), td.textContent]])),
    })));
    expect(shown.length).toBeGreaterThan(10);
    const toNumber = (text: string) => Number(text.replace(/[,%£+]/g, '').replace('−', '-'));
    for (const row of shown) {
      const c = csv.find((x) => x.metric === row.metric && x.statistic === row.statistic)!;
      expect(c, `${row.metric} ${row.statistic}`).toBeDefined();
      for (const f of ['baseline_mean', 'scenario_mean', 'difference', 'pct_change']) {
        const [value, text] = row.cells[f]!;
        expect(value, `${row.metric} ${f}`).toBe(c[f]);
        if (c[f] === '') continue;
        const v = Number(c[f]);
        expect(Math.abs(toNumber(text!) - v), `${row.metric} ${f}: "${text}" vs ${v}`).toBeLessThanOrEqual(Math.max(0.0051 * Math.abs(v), 0.051));
      }
    }
    const costs = csvRows(readFileSync(join(OUT, 'costs.csv'), 'utf8'));
    const shownCosts = await page.$$eval('table.costs tr[data-component]', (trs) => trs.map((tr) => ({
      component: tr.getAttribute('data-component'), period: tr.getAttribute('data-period'),
      diff: tr.querySelector('td[data-field="difference_gbp"]')!.textContent!, sup: tr.querySelector('sup a')?.getAttribute('href'),
    })));
    expect(shownCosts.length).toBe(costs.length);
    for (const s of shownCosts) {
      const c = costs.find((x) => x.component === s.component && x.period === s.period)!;
      expect(Math.abs(toNumber(s.diff) - Number(c.difference_gbp)), `${s.component} ${s.period}`).toBeLessThanOrEqual(50.01);
      expect(s.sup, 'every cost has a footnote').toMatch(/^#fn\d+$/);
      const note = await page.textContent(s.sup!);
      expect(note!.length).toBeGreaterThan(10);
    }
  });

  test('the summary is true to the data: direction words follow the 95% interval of the difference', async () => {
    const csv = csvRows(readFileSync(join(OUT, 'comparison.csv'), 'utf8'));
    const claims = await page.$$eval('.summary .claim[data-metric]', (ss) => ss.map((s) => ({ metric: s.getAttribute('data-metric')!, dir: s.getAttribute('data-direction'), text: s.textContent! })));
    expect(claims.map((c) => c.metric)).toEqual(HEADLINE.map((h) => h.metric));
    expect(claims.map((c) => c.metric)).toEqual(expect.arrayContaining(['waitlist_people', 'clw_waitlist', 'dropouts', 'gp_attendances', 'trust_mean']));
    for (const c of claims) {
      const r = csv.find((x) => x.metric === c.metric && x.statistic === 'window_mean')!;
      const dir = direction(Number(r.diff_ci_low), Number(r.diff_ci_high));
      expect(c.dir, c.metric).toBe(dir);
      expect(c.text.includes(' higher'), c.text).toBe(dir === 'up');
      expect(c.text.includes(' lower'), c.text).toBe(dir === 'down');
      expect(c.text.includes('no clear change'), c.text).toBe(dir === 'unclear');
      if (r.pct_change !== '') expect(c.text, c.metric).toContain(`${pct(Number(r.pct_change))} (95% interval ${pct(Number(r.pct_ci_low))} to ${pct(Number(r.pct_ci_high))})`);
    }
    // the money: every sentence names its period and quotes only its own row of costs.csv (tests/report/claims.ts)
    const costs = csvRows(readFileSync(join(OUT, 'costs.csv'), 'utf8'));
    const sens = csvRows(readFileSync(join(OUT, 'sensitivity.csv'), 'utf8'));
    const html = await page.content();
    expect(moneyProblems(html, costs, sens)).toEqual([]);
    const verdict = await page.$$eval('.verdict .claim[data-cost]', (ss) => ss.map((s) => `${s.getAttribute('data-cost')} ${s.getAttribute('data-period')}`));
    expect(verdict.slice(0, 3)).toEqual(['grants per_year', 'services per_year', 'net per_year']);
    const g = costs.find((x) => x.component === 'grants' && x.period === 'per_year')!;
    expect(await page.textContent('.verdict .claim[data-cost="grants"]')).toMatch(Number(g.difference_gbp) < 0 ? /^saves £/ : /^adds £/);
    // The bundled cut pays out less in grants, whatever the calibration.
    expect(Number(g.diff_ci_high)).toBeLessThan(0);
  });

  test('reads as a board would: the verdict first, TSO spelt out at first use, parameters by their description', async () => {
    const body = (await page.textContent('body')) ?? '';
    const first = body.search(/\bTSOs?\b/);
    expect(body.slice(first - 32, first + 4)).toMatch(/third-sector organisations? \(TSO/);
    expect(body).toContain('charities and community groups');
    expect(body).toContain('the range that contains the true average 95 times in 100, given the model\'s assumptions');
    const order = await page.$$eval('#summary .summary > *', (els) => els.map((e) => e.className || e.tagName.toLowerCase()));
    expect(order[0]).toBe('verdict');
    const assumption = await page.$$eval('table.sensitivity tr[data-path] td:first-child', (tds) => tds.map((td) => td.textContent ?? ''));
    for (const a of assumption) expect(a, 'a description first, then the path in small print').toMatch(/^[A-Z][a-z]/);
  });

  test('on a 390 px phone: nothing wider than the screen, tables scroll in their own box, the money line on the first screen', async () => {
    const phone = await openFile(browser, join(OUT, 'report.html'), 390);
    const p = phone.page;
    await p.setViewportSize({ width: 390, height: 844 });
    const layout = await p.evaluate(() => {
      const inWrap = (e: Element) => !!e.closest('.table-wrap');
      const wide = [...document.querySelectorAll('body *')].filter((e) => !inWrap(e) && e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((e) => `${e.tagName} ${e.getAttribute('class') ?? ''}`);
      const wraps = [...document.querySelectorAll('.table-wrap')].map((w) => ({ box: w.getBoundingClientRect().right, scroll: w.scrollWidth, client: w.clientWidth, overflow: getComputedStyle(w).overflowX }));
      const net = document.querySelector('.verdict .claim[data-cost="net"]')!.getBoundingClientRect();
      const chart = document.querySelector('#charts figure')!.getBoundingClientRect();
      return { page: document.documentElement.scrollWidth, wide, wraps, netBottom: net.bottom, chartTop: chart.top, height: window.innerHeight };
    });
    expect(layout.page).toBeLessThanOrEqual(390);
    expect(layout.wide).toEqual([]);
    expect(layout.wraps.length).toBeGreaterThanOrEqual(4);
    for (const w of layout.wraps) {
      expect(w.box).toBeLessThanOrEqual(390.5);
      expect(w.overflow).toBe('auto');
    }
    expect(layout.wraps.some((w) => w.scroll > w.client), 'the comparison table is wider than a phone: it scrolls inside its box').toBe(true);
    expect(layout.netBottom, 'the net money line is visible without scrolling').toBeLessThanOrEqual(layout.height);
    expect(layout.netBottom).toBeLessThan(layout.chartTop);
    await p.screenshot({ path: join(FILES, 'report-phone.png') });
    expect(phone.errors).toEqual([]);
    await p.close();
  });

  test('prints: a multi-page PDF with every chart', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', path: join(FILES, 'report-print.pdf') });
    await page.emulateMedia({ media: 'screen' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(2);
    expect(errors).toEqual([]);
  });

  test('the footer says how to make the report again', async () => {
    const cmd = await page.textContent('footer code.command');
    expect(cmd).toBe(`npx clwsim compare scenarios/baseline.yaml scenarios/funding-cut.yaml --reps 3 --seed 1 --weeks ${WEEKS} --window 26 --sensitivity 1 --out ${OUT}`);
    const seeds = JSON.parse(readFileSync(join(OUT, 'runs/baseline/manifest.json'), 'utf8')).seeds as number[];
    expect(await page.textContent('footer code.seeds')).toBe(seeds.join(' '));
    expect(await page.textContent('footer')).toMatch(/clwsim \d+\.\d+\.\d+/);
  });
});
