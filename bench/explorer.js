/**
 * Explorer responsiveness in headless Debian Chromium (playwright-core, never a downloaded
 * browser): for each speed, a fresh page runs the baseline from week 0 and we measure, over a
 * window after a short warm-up,
 *   - frames/s: animation frames the page delivered (a rAF counter; a long task blocks them),
 *   - draws/s: frames that showed a new week (body[data-week] took a new value),
 *   - long tasks: main-thread tasks over 50 ms (PerformanceObserver 'longtask'), total ms,
 *   - weeks/s simulated and shown,
 *   - main-thread CPU: the page's main thread's own CPU time (Chrome's ThreadTime), per second
 *     and per frame drawn: unlike wall times, it does not grow when other processes take the CPU,
 * then press Pause and measure the pause latency: from the click's input event to the last week
 * drawn after it (the display stops moving), and to the page saying "paused".
 *
 *   node bench/explorer.js                 # builds the page from dist/ (npm run build first)
 *   EXPLORER_PAGE=before=old.html,after=new.html node bench/explorer.js
 *                                          # existing pages, measured in turn (same load for both)
 *
 * Medians of BENCH_REPS pages (default 3); writes bench/results/explorer[-TAG].json.
 */
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { DIST, REPS, fmt, median, save, table } from './lib.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 7500);
/**
 * Index of the #speed slider (the page's SPEEDS: 1, 2, 5, 10, 26, full), name, warm-up before
 * the window, and when to press Pause (after the window, or this many ms after Run: a full-speed
 * run of the baseline's 260 weeks ends in about a second).
 */
const SPEEDS = [[3, '10 weeks/s', 500, null], [4, '26 weeks/s', 500, null], [5, 'full speed', 100, null], [5, 'full speed, Pause after 300 ms', 100, 300]];

/**
 * What the probe records in the page: frame times; long tasks [start, duration]; each new week
 * shown [time, week]; each change of data-running [time, value]; the Pause click's input time.
 * @typedef {{ frames: number[], long: Array<[number, number]>, weeks: Array<[number, number]>, running: Array<[number, string | undefined]>, pauseAt: number }} Probe
 * @typedef {import('playwright-core').Browser} Browser
 * @typedef {{ lastDrawMs: number, pausedShownMs: number | null, weeksAfterClick: number }} Pause
 * @typedef {{ windowS: number, framesPerS: number, drawsPerS: number, weeksPerS: number, longTaskMs: number, longTaskShare: number, cpuMsPerS: number, cpuMsPerDraw: number | null, finishedInWindow: boolean, pause: Pause | null }} Once
 */

/** The probe's record, as the page holds it. */
const probeOf = () => /** @type {Window & { __bench: Probe }} */ (/** @type {unknown} */ (window)).__bench;

/** Installed in the page before its own script: counters the page itself knows nothing of. */
function probe() {
  /** @type {Probe} */
  const b = { frames: [], long: [], weeks: [], running: [], pauseAt: -1 };
  /** @type {Window & { __bench?: Probe }} */ (window).__bench = b;
  /** @param {number} t */
  const tick = (t) => { b.frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((l) => { for (const e of l.getEntries()) b.long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((ms) => {
      const now = performance.now();
      for (const m of ms) {
        const w = Number(document.body.dataset.week);
        if (m.attributeName === 'data-week' && w !== b.weeks[b.weeks.length - 1]?.[1]) b.weeks.push([now, w]);
        if (m.attributeName === 'data-running') b.running.push([now, document.body.dataset.running]);
      }
    }).observe(document.body, { attributes: true, attributeFilter: ['data-week', 'data-running'] });
    // Input time of the Pause click (the event's own time stamp: when the browser received it).
    document.addEventListener('click', (e) => { if (/** @type {HTMLElement | null} */ (e.target)?.id === 'pause') b.pauseAt = e.timeStamp; }, true);
  });
}

/**
 * One page at one speed.
 * @param {Browser} browser @param {string} url @param {number} speedIndex @param {number} warmMs @param {number | null} pauseAfter
 * @returns {Promise<Once>}
 */
async function once(browser, url, speedIndex, warmMs, pauseAfter) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(probe);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const cpu = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
  await page.goto(url);
  await page.waitForSelector('#run:not([disabled])');
  await page.fill('#speed', String(speedIndex));
  await page.waitForTimeout(300); // idle: let the first frames settle
  // Pause is pressed at its place on screen, with no waiting for the page to be ready (a user
  // does not wait either): the input's time stamp is taken when the browser receives it.
  const box = await page.locator('#pause').boundingBox();
  if (!box) throw new Error('no Pause button on the page');
  const t0 = await page.evaluate(() => { document.getElementById('run')?.click(); return performance.now(); });
  await page.waitForTimeout(warmMs);
  const cpu0 = await cpu();
  const t1 = await page.evaluate(() => performance.now());
  await page.waitForTimeout((pauseAfter ?? warmMs + WINDOW_MS) - warmMs);
  const cpu1 = await cpu();
  const t2 = await page.evaluate(() => performance.now());
  let wasRunning = (await page.getAttribute('body', 'data-running')) === 'yes';
  if (wasRunning) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(1500); // anything still in flight lands
  const b = await page.evaluate(probeOf);
  await page.close();
  if (wasRunning && b.pauseAt < 0) wasRunning = false; // the run ended before the click landed
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  const start = t0 + warmMs;
  // The window ends at the pause click, or when the run finished by itself.
  const finished = b.running.find(([t, v]) => t > t0 && v === 'no');
  const end = Math.min(start + WINDOW_MS, wasRunning ? b.pauseAt : finished ? finished[0] : Infinity);
  const secs = (end - start) / 1000;
  /** @param {number} t */
  const inWin = (t) => t >= start && t < end;
  const frames = b.frames.filter(inWin).length;
  const weeks = b.weeks.filter(([t]) => inWin(t));
  const longMs = b.long.reduce((s, [t, d]) => s + Math.max(0, Math.min(end, t + d) - Math.max(start, t)), 0);
  const drawsCpu = b.weeks.filter(([t]) => t >= t1 && t < Math.min(t2, end)).length;
  /** @param {number} t */
  const weekAt = (t) => { let w = 0; for (const [tt, v] of b.weeks) if (tt <= t) w = v; return w; };
  /** @type {Pause | null} */
  let pause = null;
  if (wasRunning && b.pauseAt > 0) {
    const after = b.weeks.filter(([t]) => t > b.pauseAt);
    const stopped = b.running.find(([t, v]) => t > b.pauseAt && v === 'no');
    pause = {
      lastDrawMs: after.length ? (after[after.length - 1]?.[0] ?? b.pauseAt) - b.pauseAt : 0,
      pausedShownMs: stopped ? stopped[0] - b.pauseAt : null,
      weeksAfterClick: weekAt(Infinity) - weekAt(b.pauseAt),
    };
  }
  return {
    windowS: secs, framesPerS: frames / secs, drawsPerS: weeks.length / secs,
    weeksPerS: (weekAt(end) - weekAt(start)) / secs, longTaskMs: longMs, longTaskShare: longMs / (end - start),
    // CPU over [t1, t2] (the window, give or take the round trips that read it); per draw in it.
    cpuMsPerS: (cpu1 - cpu0) / ((t2 - t1) / 1000), cpuMsPerDraw: drawsCpu ? (cpu1 - cpu0) / drawsCpu : null,
    finishedInWindow: !wasRunning, pause,
  };
}

/**
 * Pages to measure: EXPLORER_PAGE ("name=file,name=file" or one file), else a fresh build of dist/.
 * @returns {Promise<Array<[string, string]>>}
 */
async function pages() {
  const spec = process.env.EXPLORER_PAGE;
  if (spec) return spec.split(',').map((p, k) => (p.includes('=') ? [p.split('=')[0] ?? '', p.split('=')[1] ?? ''] : [spec.includes(',') ? `page ${k + 1}` : 'page', p]));
  /** @type {typeof import('../src/cli/explorerBuild.js')} */
  const { buildExplorer } = await import(pathToFileURL(join(DIST, 'cli', 'explorerBuild.js')).href);
  const file = join(mkdtempSync(join(tmpdir(), 'clwsim-bench-explorer-')), 'index.html');
  await buildExplorer(file);
  return [['dist', file]];
}

export default async function explorer() {
  const files = await pages();
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install --no-install-recommends chromium)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
  // Idle frame rate: what this headless browser delivers with nothing to do (the ceiling).
  const idlePage = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await idlePage.addInitScript(probe);
  await idlePage.goto(pathToFileURL(resolve(files[0]?.[1] ?? '')).href);
  await idlePage.waitForTimeout(2000);
  const idleFps = await idlePage.evaluate(() => {
    const b = /** @type {Window & { __bench: Probe }} */ (/** @type {unknown} */ (window)).__bench;
    return b.frames.filter((t) => t > performance.now() - 1000).length;
  });
  await idlePage.close();
  // Pages in turn within each repetition, so a change of load on the machine hits them alike.
  /** @type {Record<string, Record<string, Once[]>>} */
  const results = {};
  for (const [name] of files) results[name] = Object.fromEntries(SPEEDS.map(([, s]) => [String(s), []]));
  for (const [idx, speed, warm, pauseAfter] of SPEEDS)
    for (let r = 0; r < REPS; r++)
      for (const [name, file] of files) results[name]?.[String(speed)]?.push(await once(browser, pathToFileURL(resolve(file)).href, Number(idx), Number(warm), pauseAfter === null ? null : Number(pauseAfter)));
  await browser.close();
  /** @type {string[][]} */
  const rows = [];
  for (const [name] of files)
    for (const [, speed] of SPEEDS) {
      const rs = results[name]?.[String(speed)] ?? [];
      /** @param {(r: Once) => number | null | undefined} f */
      const med = (f) => median(/** @type {number[]} */ (rs.map(f).filter((x) => x !== null && x !== undefined)));
      const paused = rs.some((r) => r.pause);
      rows.push([name, String(speed), fmt(med((r) => r.framesPerS)), fmt(med((r) => r.drawsPerS)), fmt(med((r) => r.weeksPerS)),
        `${fmt(med((r) => r.longTaskMs), 0)} ms of ${fmt(med((r) => r.windowS), 1)} s`,
        `${fmt(med((r) => r.cpuMsPerS), 0)} ms/s, ${fmt(med((r) => r.cpuMsPerDraw), 1)} ms/draw`,
        paused ? `${fmt(med((r) => r.pause?.lastDrawMs), 0)} ms` : 'run ended first',
        paused ? `${fmt(med((r) => r.pause?.pausedShownMs), 0)} ms` : '',
        paused ? fmt(med((r) => r.pause?.weeksAfterClick), 0) : '']);
    }
  save('explorer', { pages: Object.fromEntries(files), idleFps, windowMs: WINDOW_MS, results });
  return `explorer in headless Chromium (idle: ${idleFps} frames/s); medians of ${REPS} pages each\n${table(
    ['page', 'speed', 'frames/s', 'draws/s', 'weeks/s', 'long tasks (>50 ms)', 'main-thread CPU', 'pause → last week drawn', 'pause → "paused" shown', 'weeks drawn after the click'], rows)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await explorer());
