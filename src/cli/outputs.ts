/** Where a command writes: the default folder when --out is omitted, and the --overwrite option. */
import type { Command } from 'commander';
import { defaultOutput } from '../io/outputDir.js';
import type { Io } from './program.js';

export const OVERWRITE_HELP = 'replace clwsim\'s earlier results in the output folder (it never touches files it did not write)';

/** Adds --overwrite (see src/io/outputDir.ts for the rule it belongs to). */
export const withOverwrite = (c: Command): Command => c.option('--overwrite', OVERWRITE_HELP);

/**
 * --out as given, else `fallback` when free, else the next free fallback-2, -3, … (printed, so
 * a second command never silently replaces the first one's results).
 */
export function outputFolder(io: Io, given: string | undefined, fallback: string, overwrite = false): string {
  if (given !== undefined) return given;
  const dir = defaultOutput(fallback, overwrite);
  if (dir !== fallback) io.out(`${fallback} holds earlier results (kept); writing to ${dir} (--overwrite replaces them, --out chooses the folder)\n`);
  return dir;
}
