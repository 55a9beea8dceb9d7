/**
 * Posterior files on disk: read and check a posterior.csv (src/experiment/posterior.ts), with its
 * SHA-256 so a result records exactly which file it used. `default` names the posterior shipped
 * with the scenarios (scenarios/posterior/posterior.csv), when there is one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePosterior, type Posterior } from '../experiment/posterior.js';
import { readInput } from './yaml.js';
import { modelFingerprint } from './provenance.js';

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

/**
 * A warning when the calibration that made `file` (its manifest.json beside it) ran different
 * model code: its posterior may no longer fit the model. Undefined when it matches or is unknown.
 */
export function staleWarning(file: string): string | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dirname(file), 'manifest.json'), 'utf8')) as { kind?: string; model?: string };
    if (m.kind !== 'calibration' || typeof m.model !== 'string' || m.model === modelFingerprint()) return undefined;
    return `${file}: calibrated with other model code (${m.model}, now ${modelFingerprint()}); re-run the calibration (npm run calibrate:ship for the shipped one)`;
  } catch {
    return undefined;
  }
}
