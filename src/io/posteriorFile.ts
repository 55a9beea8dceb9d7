/**
 * Posterior files on disk: read and check a posterior.csv (src/experiment/posterior.ts), with its
 * SHA-256 so a result records exactly which file it used. `default` names the posterior shipped
 * with the scenarios (scenarios/posterior/posterior.csv), when there is one.
 */
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePosterior, type Posterior } from '../experiment/posterior.js';
import { readInput } from './yaml.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Where `clwsim calibrate --ship`-style output is put for users to get by default. */
export const SHIPPED_POSTERIOR = join(root, 'scenarios', 'posterior', 'posterior.csv');

/** The posterior file an argument names: `default` is the shipped one (undefined when none is shipped). */
export function posteriorPath(arg: string): string | undefined {
  if (arg !== 'default') return arg;
  return existsSync(SHIPPED_POSTERIOR) ? relative(process.cwd(), SHIPPED_POSTERIOR) || SHIPPED_POSTERIOR : undefined;
}

export function loadPosterior(file: string): { posterior: Posterior; sha256: string } {
  const text = readInput(file, '--posterior');
  return { posterior: parsePosterior(file, text), sha256: createHash('sha256').update(text).digest('hex') };
}
