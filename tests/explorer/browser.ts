/** Headless Debian Chromium (apt package `chromium`; .ci/run installs it) driven by playwright-core over CDP: no browser download. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildExplorer } from '../../src/cli/explorerBuild.js';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });

/** Build the page from the sources into a fresh temporary folder (tests leave nothing in output/). */
export async function buildPage(): Promise<{ dir: string; page: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'clwsim-explorer-test-'));
  const page = join(dir, 'index.html');
  await buildExplorer(page);
  return { dir, page };
}

/** Open a local file as a user would (file://, no extra flags); collects console errors. */
export async function openFile(browser: Browser, file: string, viewport = { width: 1400, height: 1000 }, init?: () => void): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  if (init) await page.addInitScript(init);
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(pathToFileURL(resolve(file)).href);
  return { page, errors };
}

/**
 * For a describe block: build the page and launch Chromium before its tests, close and remove
 * them after. `env.browser` and `env.page` (the page's file) are set once beforeAll has run.
 */
export function browserSuite(): { browser: Browser; page: string } {
  const env = { browser: undefined as unknown as Browser, page: '' };
  let dir = '';
  beforeAll(async () => {
    ({ dir, page: env.page } = await buildPage());
    env.browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await env.browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return env;
}
