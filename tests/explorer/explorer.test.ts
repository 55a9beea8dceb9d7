/**
 * The explorer in a real browser: loaded from file://, run, paused, a lever moved mid-run, the
 * charts, loop diagram and agents updating, keyboard access, and its exported CSV equal to
 * `clwsim run` for the same scenario and seed. Screenshots go to a temporary folder (printed).
 */
import { describe, test, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { main } from '../../src/cli/program.js';
import { buildPage, hasChromium, launch, openFile } from './browser.js';

let OUT = '';
let PAGE = '';

const week = async (page: Page) => Number(await page.getAttribute('body', 'data-week'));
const strengths = (page: Page) => page.$$eval('#cld g.link', (gs) => gs.map((g) => Number(g.getAttribute('data-strength'))));
/** Run until the page pauses itself at week w (the "Pause at week" box). */
const runUntil = async (page: Page, w: number) => {
  await page.fill('#until', String(w));
  await page.click('#run');
  await page.waitForSelector(`body[data-week="${w}"][data-running="no"]`, { timeout: 30_000 });
  await page.fill('#until', '');
};

async function cliTrajectories(scenario: string, seed: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'clwsim-explorer-'));
  const io = { out: () => {}, err: (s: string) => { throw new Error(s); } };
  const code = await main(['run', `scenarios/${scenario}.yaml`, '--seed', String(seed), '--reps', '1', '--out', dir, '--quiet'], io);
  expect(code).toBe(0);
  return readFileSync(join(dir, 'trajectories.csv'), 'utf8');
}

describe.skipIf(!hasChromium && !process.env.CI)('explorer in chromium', () => {
  let browser: Browser;
  let cli: string;
  beforeAll(async () => {
    // Page and CLI output from the same sources, built together.
    ({ dir: OUT, page: PAGE } = await buildPage());
    cli = await cliTrajectories('funding-cut', 7);
    browser = await launch();
  }, 60_000);
  afterAll(async () => { await browser?.close(); });

  test('runs from file://, a lever moved mid-run is marked, charts and loops update, CSV equals the CLI', async () => {
    const { page, errors } = await openFile(browser, PAGE);
    await page.selectOption('#scenario', 'funding-cut');
    await page.fill('#seed', '7');
    await page.press('#seed', 'Tab'); // change event: a new run with seed 7
    await page.waitForSelector('#run:not([disabled])');
    expect(await page.getAttribute('body', 'data-seed')).not.toBe(null);

    // One week by hand.
    await page.click('#step');
    await page.waitForSelector('body[data-week="1"]');
    expect(await page.getAttribute('#chart-trust', 'data-points')).toBe('1');
    const s1 = await strengths(page);
    expect(s1.length).toBeGreaterThan(10);

    // Run on at full speed, pause after the scheduled cut (week 104).
    await page.fill('#speed', '5');
    await runUntil(page, 110);
    const w1 = await week(page);
    expect(w1).toBe(110);
    for (const id of ['trust', 'waits', 'dropout', 'gp', 'tsos', 'caseload'])
      expect(Number(await page.getAttribute(`#chart-${id}`, 'data-points'))).toBe(w1);
    const pathD = await page.getAttribute('#chart-waits path.cur', 'd');
    expect((pathD ?? '').length).toBeGreaterThan(200);
    const s80 = await strengths(page);
    expect(s80.every((s) => s >= 0 && s <= 1)).toBe(true);
    expect(s80.some((s, k) => Math.abs(s - s1[k]!) > 0.01)).toBe(true); // the diagram follows the model
    const cutLink = Number(await page.getAttribute('#link-funding-places', 'data-strength'));
    expect(cutLink).toBeGreaterThan(0); // the scenario's cut is lit
    expect(await page.textContent('#dominance')).toMatch(/dominates now|clearly leads/);
    expect(await page.$$('#chart-trust .mark.scenario')).toHaveLength(1); // the scenario's cut at week 104

    // Move a lever mid-run: it applies from the next week and is marked on every chart.
    await page.fill('#lever-practice-scatterShare', '0.6');
    expect(await page.inputValue('#lever-practice-scatterShare')).toBe('0.6');
    await page.waitForSelector('#chart-trust .mark.you');
    const title = await page.textContent('#chart-waits .mark.you title');
    expect(title).toContain(`week ${w1 + 1}`);
    expect(await page.getAttribute('#cli', 'data-exact')).toBe('no');
    expect(await page.textContent('#cli')).not.toContain('--set'); // a change during the run is not a --set
    await page.click('#step');
    await page.waitForSelector(`body[data-week="${w1 + 1}"]`);
    await runUntil(page, w1 + 40);
    const scatter = await page.$eval('#link-pressure-scatter', (g) => Number(g.getAttribute('data-strength')));
    expect(scatter).toBeGreaterThan(s80[6]!); // scattergun → its link thickens
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${OUT}/mid-run-lever.png`, fullPage: true });

    // Agents: one cell per TSO; the colour switch works.
    expect(await page.$$('#agents g.tso')).toHaveLength(52);
    await page.selectOption('#colour-by', 'trust');

    // Reset: the scenario's own levers, a fresh run of the same seed; the old run stays faint.
    await page.click('#reset');
    await page.waitForSelector('body[data-week="0"]');
    expect(await page.getAttribute('#cli', 'data-exact')).toBe('yes');
    expect(((await page.getAttribute('#chart-trust path.prev', 'd')) ?? '').length).toBeGreaterThan(100);
    await page.click('#run');
    await page.waitForSelector('body[data-done="yes"]', { timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const file = await download.path();
    const csv = readFileSync(file, 'utf8');
    expect(download.suggestedFilename()).toBe('funding-cut-seed7-week260-trajectories.csv');
    expect(await page.inputValue('#csv-text')).toBe(csv);
    expect(csv.split('\n').length).toBe(262); // header, 260 weeks, final newline
    expect(csv).toBe(cli);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${OUT}/funding-cut-done.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  test('every control is labelled and keyboard-operable; exercises set up a run', async () => {
    const { page, errors } = await openFile(browser, PAGE);
    await page.waitForSelector('#run:not([disabled])');
    const unlabelled = await page.$$eval('input:not([type=hidden]):not([aria-hidden=true]), select, button', (els) =>
      els.filter((e) => {
        const el = e as HTMLInputElement;
        const named = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent!.trim());
        return !named;
      }).map((e) => e.outerHTML.slice(0, 80)));
    expect(unlabelled).toEqual([]);
    // Tab order reaches the levers and the cut; arrow keys move a slider; Enter presses a button.
    const seen = new Set<string>();
    await page.focus('#scenario');
    for (let k = 0; k < 40; k++) {
      await page.keyboard.press('Tab');
      seen.add(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    for (const id of ['seed', 'setup', 'run', 'step', 'reset', 'speed', 'lever-practice-scatterShare', 'lever-demand-level', 'cut-size', 'cut-crisis']) expect(seen).toContain(id);
    await page.focus('#lever-demand-level');
    const before = Number(await page.inputValue('#lever-demand-level'));
    await page.keyboard.press('ArrowRight');
    expect(Number(await page.inputValue('#lever-demand-level'))).toBeCloseTo(before + 0.1, 6);
    // At week 0 a lever change rebuilds the run, like --set on the CLI.
    await page.waitForFunction(() => document.getElementById('cli')!.textContent!.includes('--set demand.level='));
    await page.focus('#step');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-week="1"]');
    // Exercise 1: baseline with a 40% cut scheduled at week 104 (marked ahead on the charts).
    await page.click('#ex-cut-restore button');
    await page.waitForSelector('body[data-week="0"]');
    expect(await page.inputValue('#scenario')).toBe('baseline');
    expect(await page.inputValue('#cut-size')).toBe('40');
    expect(await page.inputValue('#cut-week')).toBe('104');
    expect(await page.inputValue('#until')).toBe('182');
    await page.waitForSelector('#chart-trust .mark.you.future');
    await page.fill('#speed', '5');
    await runUntil(page, 110);
    await page.waitForSelector('#chart-trust .mark.you.past');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${OUT}/exercise-cut.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
