/**
 * A private copy of the built CLI (dist, bin, scenarios, package.json; node_modules linked) for
 * tests that spawn it: on a shared machine another rebuild of dist/ mid-test must not make two
 * runs of one test use different model code.
 */
import { cpSync, existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

export function snapshotApp(): { root: string; bin: string; scenarios: string } {
  const repo = process.cwd();
  if (!existsSync(join(repo, 'dist', 'cli', 'sweep.js')) || !existsSync(join(repo, 'dist', 'experiment', 'worker.js')))
    throw new Error('run "npm run build" first: these tests drive the built CLI');
  const root = mkdtempSync(join(tmpdir(), 'clwsim-app-'));
  for (const d of ['dist', 'bin', 'scenarios', 'package.json']) cpSync(join(repo, d), join(root, d), { recursive: true });
  symlinkSync(resolve(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, bin: join(root, 'bin', 'clwsim.js'), scenarios: join(root, 'scenarios') };
}
