/**
 * `--posterior FILE --draws N` for run, compare, sweep and calibrate --check: parameter
 * uncertainty from a calibration's posterior. Replication i uses draw i, so N draws are N
 * replications; the draws come from the run seed (see src/experiment/posterior.ts).
 */
import type { Command } from 'commander';
import { InputError } from '../scenario/errors.js';
import { loadPosterior, posteriorPath, staleWarning } from '../io/posteriorFile.js';
import { checkArmsAgree, checkNoOverlap, posteriorDraws, type Posterior, type PosteriorUse } from '../experiment/posterior.js';
import { parseSet } from '../scenario/checks.js';
import type { Scenario } from '../model/scenario.js';
import { withDraw } from '../experiment/runner.js';
import type { Sweep } from '../scenario/sweep.js';
import { positiveInt } from './options.js';
import type { Io } from './program.js';

export interface PosteriorOpts { posterior?: string; draws?: number; reps?: number }

export function posteriorOptions(c: Command): Command {
  return c
    .option('--posterior <file>', 'carry parameter uncertainty: replication i runs with draw i of this posterior.csv (from clwsim calibrate); "default": the posterior shipped in scenarios/posterior/, if any')
    .option('--draws <n>', 'posterior draws, one per replication (default: the replications)', positiveInt);
}

export interface LoadedPosterior { posterior: Posterior; sha256: string }

/**
 * The posterior named on the command line (undefined without --posterior, or for "default" when
 * none is shipped: then a note says so), and the replication count the draws set.
 */
export function readPosterior(o: PosteriorOpts, io: Io): { loaded?: LoadedPosterior; reps?: number } {
  if (o.posterior === undefined) {
    if (o.draws !== undefined) throw new InputError(`--draws ${o.draws}: only used with --posterior`);
    return { reps: o.reps };
  }
  if (o.draws !== undefined && o.reps !== undefined && o.draws !== o.reps)
    throw new InputError(`--draws ${o.draws}: replication i uses draw i, so draws and --reps (${o.reps}) must agree; give one of them`);
  const file = posteriorPath(o.posterior);
  if (file === undefined) {
    io.err('clwsim: note: --posterior default: no posterior is shipped yet (scenarios/posterior/posterior.csv); parameters as set, stochastic uncertainty only\n');
    return { reps: o.reps ?? o.draws };
  }
  const loaded = loadPosterior(file);
  const stale = staleWarning(file);
  if (stale) io.err(`clwsim: warning: ${stale}\n`);
  return { loaded, reps: o.draws ?? o.reps };
}

/** The draws of replications 0..reps-1 and what the result records about them. */
export function useOf(p: LoadedPosterior, reps: number, seed: number): PosteriorUse {
  return { file: p.posterior.file, sha256: p.sha256, particles: p.posterior.particles.length, draws: posteriorDraws(p.posterior, reps, seed) };
}

/** One line for the console: which posterior, how many draws. */
export const posteriorLine = (u: PosteriorUse): string =>
  `parameter uncertainty: ${u.draws.length} draws from ${u.file} (${u.particles} particles, ${u.draws[0] ? Object.keys(u.draws[0].values).length : 0} parameters)\n`;

/** The draws of paired arms (checked: no arm and no --set changes a parameter the posterior draws). */
export function armsUse(p: LoadedPosterior, arms: Scenario[], set: string[]): PosteriorUse {
  checkNoOverlap(p.posterior, [{ what: '--set', paths: set.map((s) => parseSet(s)[0]) }]);
  checkArmsAgree(p.posterior, arms);
  const use = useOf(p, arms[0]!.reps, arms[0]!.seed);
  for (const a of arms) withDraw(a, use.draws[0]); // a draw an arm cannot take (an area's register) fails before anything runs
  return use;
}

/** The arguments that re-run a result with the same posterior. */
export const posteriorArgs = (u: PosteriorUse | undefined): string[] => (u ? ['--posterior', u.file, '--draws', String(u.draws.length)] : []);

/** The draws of a sweep: one per replication, up to the adaptive-precision cap. */
export function sweepUse(p: LoadedPosterior, s: Sweep, set: string[]): PosteriorUse {
  checkNoOverlap(p.posterior, [{ what: '--set', paths: set.map((x) => parseSet(x)[0]) }, { what: `${s.name}: factors`, paths: s.factors.map((f) => f.path) }]);
  return useOf(p, Math.max(s.reps, s.precision?.maxReps ?? 0), s.seed);
}
