/**
 * A folder for the files a test writes, never the user's output/: a fresh temporary folder that
 * cleanup() removes; or, with CLWSIM_TEST_KEEP=<folder>, <folder>/<name> (emptied first) kept
 * afterwards, to look at the screenshots and PDFs the browser tests take.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export function testDir(name: string): { dir: string; cleanup: () => void } {
  const keep = process.env.CLWSIM_TEST_KEEP;
  if (keep) {
    const dir = resolve(keep, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return { dir, cleanup: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), `clwsim-${name}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
