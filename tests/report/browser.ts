/** Headless Debian Chromium (apt package `chromium`; .ci/run installs it) through playwright-core: no browser download. */
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export const launch = (): Promise<Browser> => chromium.launch({
  executablePath: CHROMIUM, headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
});

/** Open a file:// page, collecting console errors, page errors and failed requests. */
export async function openFile(browser: Browser, file: string, width = 1100) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith('file://')) requests.push(r.url()); });
  await page.goto(pathToFileURL(resolve(file)).href);
  return { page, errors, requests };
}
