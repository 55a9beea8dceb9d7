/**
 * The explorer's layout on a phone (390 px) and a desktop (issue 13 item 17): nothing wider than
 * the screen, legible chart ticks, whole numbers on count axes, captions and legends that do not
 * run into each other, agent labels not cut off, chart marks numbered above the plot, the CSV
 * named after what it holds, and "Set this up" bringing the charts into view.
 */
import { describe, test, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserSuite, hasChromium, openFile } from './browser.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1400, height: 1000 };

/** Exercise 1 (a cut at week 104), run past it to week 110, a lever moved: every kind of content on screen. */
async function busyPage(browser: Browser, file: string, viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openFile(browser, file, viewport);
  await page.click('#ex-cut-restore button');
  await page.waitForSelector('body[data-week="0"] #run:not([disabled])');
  await page.fill('#speed', '5');
  await page.fill('#until', '110');
  await page.click('#run');
  await page.waitForSelector('body[data-week="110"][data-running="no"]');
  await page.fill('#lever-practice-scatterShare', '0.5');
  await page.waitForSelector('#chart-trust .mark.you');
  await page.evaluate(() => window.scrollTo(0, 0));
  return { page, errors };
}

/** Elements reaching past the right or left edge of the window (tag#id.class and their extent). */
const overflowing = (page: Page) => page.evaluate(() => {
  const W = window.innerWidth;
  const out: string[] = [];
  if (document.documentElement.scrollWidth > W) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  for (const e of document.body.querySelectorAll('*')) {
    if (e.closest('.sr-only')) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > W + 0.5 || r.left < -0.5) out.push(`${e.tagName.toLowerCase()}#${e.id}.${e.getAttribute('class') ?? ''}: ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return out;
});

/** Rendered size (px) of the smallest chart tick label. */
const smallestTick = (page: Page) => page.$$eval('svg[id^="chart-"] text.tick', (ts) => Math.min(...ts.map((t) => {
  const svg = (t as SVGTextElement).ownerSVGElement!;
  return parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
})));

const overlap = (a: DOMRect, b: DOMRect) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

describe.skipIf(!hasChromium && !process.env.CI)('explorer layout in chromium', () => {
  const env = browserSuite();

  test('on a phone nothing is wider than the screen, and chart ticks are legible', async () => {
    const { page, errors } = await busyPage(env.browser, env.page, PHONE);
    expect(await overflowing(page)).toEqual([]);
    expect(await smallestTick(page)).toBeGreaterThanOrEqual(10);
    expect(errors).toEqual([]);
  });

  test('count axes read whole numbers; captions, legends, agent labels and mark numbers do not collide', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const { page, errors } = await busyPage(env.browser, env.page, viewport);
      expect(await smallestTick(page)).toBeGreaterThanOrEqual(10);
      for (const id of ['waits', 'gp', 'tsos']) {
        const yTicks = await page.$$eval(`#chart-${id} text.tick[text-anchor="end"]`, (ts) => ts.map((t) => t.textContent));
        expect(yTicks.length, id).toBeGreaterThan(1);
        for (const t of yTicks) expect(t, `${id} axis`).toMatch(/^\d{1,3}(,\d{3})*$/);
      }
      expect(await page.$$eval('#chart-trust text.tick[text-anchor="end"]', (ts) => ts.map((t) => t.textContent))).toEqual(['0.0', '0.5', '1.0']);
      // Caption: the value does not run into the title; every legend entry (key and label) on one line.
      const captions = await page.$$eval('figure.chart figcaption', (cs) => cs.map((c) => ({
        head: c.querySelector('.head')!.getBoundingClientRect().toJSON(),
        value: c.querySelector('.value')!.getBoundingClientRect().toJSON(),
        items: Array.from(c.querySelectorAll('.legend .item')).map((i) => new Set(Array.from(i.getClientRects(), (r) => Math.round(r.bottom))).size),
      })));
      expect(captions).toHaveLength(6);
      for (const c of captions) {
        expect(overlap(c.head as DOMRect, c.value as DOMRect)).toBe(0);
        expect(c.items.every((n) => n === 1)).toBe(true);
      }
      // (An entry may be several boxes, one per piece of text, but all on one line.)
      const wrapped = await page.$$eval('#agents-legend .item', (is) => is.filter((i) => new Set(Array.from(i.getClientRects(), (r) => Math.round(r.bottom))).size !== 1).map((i) => i.textContent));
      expect(wrapped).toEqual([]);
      // Agent row labels end before the first cell (x = 92 in the panel's units).
      const labels = await page.$$eval('#agents text.rowlabel', (ts) => ts.map((t) => { const b = (t as SVGTextElement).getBBox(); return [t.textContent, b.x + b.width]; }));
      for (const [text, right] of labels) expect(right as number, String(text)).toBeLessThanOrEqual(90);
      // Mark numbers: above the plot (its top is y = 18), and apart from each other.
      for (const id of ['trust', 'waits']) {
        const boxes = await page.$$eval(`#chart-${id} .marklabel`, (ts) => ts.map((t) => (t as SVGTextElement).getBBox()).map((b) => ({ left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height })));
        expect(boxes).toHaveLength(2);
        for (const b of boxes) expect(b.bottom).toBeLessThanOrEqual(18);
        expect(overlap(boxes[0] as DOMRect, boxes[1] as DOMRect)).toBe(0);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  test('the CSV is named after scenario, seed and week, and says when levers changed the run', async () => {
    const { page, errors } = await openFile(env.browser, env.page);
    await page.fill('#speed', '5');
    await page.fill('#until', '120');
    await page.click('#run');
    await page.waitForSelector('body[data-week="120"][data-running="no"]');
    const name = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
      return download.suggestedFilename();
    };
    expect(await name()).toBe('baseline-seed1-week120-trajectories.csv');
    await page.fill('#lever-demand-level', '1.5');
    await page.click('#step');
    await page.waitForSelector('body[data-week="121"]');
    expect(await name()).toBe('baseline-changed-seed1-week121-trajectories.csv');
    await page.selectOption('#scenario', 'scattergun');
    await page.fill('#seed', '4');
    await page.press('#seed', 'Tab');
    await page.waitForFunction(() => document.getElementById('cli')!.textContent!.includes('scattergun.yaml --seed 4 '));
    await page.waitForSelector('body[data-week="0"] #run:not([disabled])');
    await page.click('#step');
    await page.waitForSelector('body[data-week="1"]');
    expect(await name()).toBe('scattergun-seed4-week1-trajectories.csv');
    expect(errors).toEqual([]);
  });

  test('"Set this up" brings the charts into view, Run within reach', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const { page, errors } = await openFile(env.browser, env.page, viewport);
      await page.waitForSelector('#run:not([disabled])');
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.click('#ex-scattergun button');
      await page.waitForSelector('body[data-week="0"] #run:not([disabled])');
      const where = await page.evaluate(() => ({
        charts: document.getElementById('charts-h')!.closest('section')!.getBoundingClientRect().top,
        run: document.getElementById('run')!.getBoundingClientRect().toJSON(),
        header: getComputedStyle(document.querySelector('header')!).position === 'sticky' ? document.querySelector('header')!.getBoundingClientRect().bottom : 0,
        height: window.innerHeight,
      }));
      expect(where.charts).toBeGreaterThanOrEqual(where.header);
      expect(where.charts).toBeLessThan(where.height * 0.6);
      expect(where.run.top).toBeGreaterThanOrEqual(0);
      expect(where.run.bottom).toBeLessThanOrEqual(where.height);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('run');
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
