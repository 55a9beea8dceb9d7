/**
 * Retake the README's pictures: `npm run demo && npx tsx docs/images/screenshots.ts`.
 * Headless Chromium (/usr/bin/chromium, or CHROMIUM_PATH) through playwright-core, as the
 * browser tests use it. Writes docs/images/report.png and docs/images/explorer.png.
 */
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const here = resolve('docs/images');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND'],
});
try {
  // the report of `npm run demo`: title, summary and the first chart
  const report = await browser.newPage({ viewport: { width: 1000, height: 1180 } });
  await report.goto(pathToFileURL(resolve('output/demo/report.html')).href);
  await report.screenshot({ path: join(here, 'report.png') });

  // the explorer, the funding cut run to week 150
  const tmp = mkdtempSync(join(tmpdir(), 'clwsim-shots-'));
  const page = join(tmp, 'explorer.html');
  execFileSync(process.execPath, ['bin/clwsim.js', 'explore', '--out', page, '--quiet']);
  const ex = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await ex.goto(pathToFileURL(page).href);
  await ex.waitForSelector('#run:not([disabled])');
  await ex.selectOption('#scenario', 'funding-cut');
  await ex.waitForSelector('#run:not([disabled])');
  await ex.fill('#until', '150');
  await ex.click('#run');
  await ex.waitForSelector('body[data-week="150"][data-running="no"]', { timeout: 120_000 });
  await ex.screenshot({ path: join(here, 'explorer.png') });
  rmSync(tmp, { recursive: true, force: true });
} finally {
  await browser.close();
}
