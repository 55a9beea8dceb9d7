/** `clwsim loops`: the trust loop swept slowly up and down, and at fixed levels, from high and low starting trust. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { claimOutput } from '../io/outputDir.js';
import { writeAtomic, writeCsv } from '../io/files.js';
import { outputFolder, OVERWRITE_HELP } from './outputs.js';
import type { Io } from './program.js';
import { InputError } from '../scenario/errors.js';
import { fmt } from '../scenario/csv.js';
import { defaultWorkers } from '../experiment/pool.js';
import { progress } from './progress.js';
import { collect, intIn, positiveInt, seedInt, workersInt, WORKERS_HELP, outputOptions } from './options.js';
import { LOOP_DEFAULTS, LOOP_LEVERS, STARTS, TWO_LEVELS, hysteresis, runLoops, type EquilibriumRow, type LoopResult, type RampRow } from '../patterns/loops.js';
import { loopsSvg } from '../patterns/loopsFigure.js';

const FILES = ['loops.csv', 'equilibria.csv', 'loops.svg'];
const RAMP_COLUMNS: Array<keyof RampRow> = ['lever', 'start', 'week', 'phase', 'lever_value', 'trust_mean', 'trust_ci_low', 'trust_ci_high', 'active_tsos', 'clw_pressure_mean', 'good_signal_share'];
const EQ_COLUMNS: Array<keyof EquilibriumRow> = ['lever', 'lever_value', 'trust_high_start', 'trust_low_start', 'difference', 'ci_low', 'ci_high', 'n', 'active_tsos', 'levels'];
const cell = (v: unknown) => (typeof v === 'number' ? fmt(v) : String(v));

/** What the runs say, per lever, in a few lines. */
export function loopsText(results: LoopResult[]): string {
  return results.map((r) => {
    const two = r.equilibria.filter((e) => e.levels === 2);
    const widest = r.equilibria.reduce((a, e) => (Math.abs(e.difference) > Math.abs(a.difference) ? e : a));
    const h = hysteresis(r.ramp, 'high'), l = hysteresis(r.ramp, 'low');
    return [
      `${r.lever.name} (${r.lever.label}, ${r.lever.calm} → ${r.lever.stressed}):`,
      `  long-run trust ${two.length ? `has two levels at ${two.map((e) => e.lever_value).join(', ')}` : 'has one level at every value'} (high start − low start: largest ${widest.difference.toFixed(3)}, 95% CI ${widest.ci_low.toFixed(3)} to ${widest.ci_high.toFixed(3)}, at ${widest.lever_value}); from ${r.equilibria[0]!.trust_high_start.toFixed(3)} calm to ${r.equilibria.at(-1)!.trust_high_start.toFixed(3)} stressed`,
      `  slow ramp, trust on the way down minus on the way up: ${h.trust.toFixed(3)} (high start), ${l.trust.toFixed(3)} (low start); active TSOs ${h.activeTsos.toFixed(1)}, ${l.activeTsos.toFixed(1)}`,
    ].join('\n');
  }).join('\n').concat('\n');
}

export function registerLoops(program: Command, io: Io): void {
  const names = LOOP_LEVERS.map((l) => l.name);
  const cmd = program
    .command('loops')
    .description(`the trust loop: slow ramps of a lever up and down, and long runs at fixed values, from high (${STARTS.high}) and low (${STARTS.low}) starting trust: one long-run level of trust, or two?`)
    .option('--lever <name>', `a lever to sweep (repeatable; default all: ${names.join(', ')})`, collect, [])
    .option('--reps <n>', `replications per start (default ${LOOP_DEFAULTS.reps})`, positiveInt)
    .option('--seed <n>', `run seed (default ${LOOP_DEFAULTS.seed})`, seedInt)
    .option('--ramp-weeks <n>', `weeks each ramp takes, up and down (default ${LOOP_DEFAULTS.rampWeeks})`, intIn(1, 5200, 'a number of weeks'))
    .option('--hold-weeks <n>', `weeks held before, between and after the ramps (default ${LOOP_DEFAULTS.holdWeeks})`, intIn(1, 5200, 'a number of weeks'))
    .option('--equilibrium-weeks <n>', `length of each fixed-value run (default ${LOOP_DEFAULTS.equilibriumWeeks}; long-run trust is its last ${LOOP_DEFAULTS.tailWeeks})`, intIn(LOOP_DEFAULTS.tailWeeks + 1, 5200, 'a number of weeks'))
    .option('--points <n>', `fixed lever values, calm to stressed (default ${LOOP_DEFAULTS.points})`, intIn(2, 101, 'a number of values'))
    .option('--workers <n>', WORKERS_HELP, workersInt);
  outputOptions(cmd, 'folder for loops.csv, equilibria.csv and loops.svg (default output/loops, or the next free one)', OVERWRITE_HELP)
    .action(async (o: { lever: string[]; reps?: number; seed?: number; rampWeeks?: number; holdWeeks?: number; equilibriumWeeks?: number; points?: number; workers?: number; out?: string; overwrite?: boolean; quiet?: boolean }) => {
      for (const l of o.lever) if (!names.includes(l)) throw new InputError(`--lever ${l}: unknown lever; expected one of ${names.join(', ')}`);
      const opts = {
        ...LOOP_DEFAULTS, levers: o.lever.length ? [...new Set(o.lever)] : names,
        ...Object.fromEntries(Object.entries({ reps: o.reps, seed: o.seed, rampWeeks: o.rampWeeks, holdWeeks: o.holdWeeks, equilibriumWeeks: o.equilibriumWeeks, points: o.points }).filter(([, v]) => v !== undefined)),
      };
      if (opts.reps < 2) throw new InputError(`--reps: expected at least 2 to form an interval, got ${opts.reps}`);
      const claim = claimOutput(io, outputFolder(io, o.out, 'output/loops', o.overwrite), { mode: 'results', overwrite: o.overwrite });
      claim.plan(FILES);
      const bar = progress(o.quiet);
      const results = await runLoops({ ...opts, workers: o.workers ?? defaultWorkers(), onProgress: (d, t) => bar.update(d, t, 'loops:', 'run') });
      bar.end();
      writeCsv(join(claim.dir, 'loops.csv'), RAMP_COLUMNS, results.flatMap((r) => r.ramp.map((x) => RAMP_COLUMNS.map((c) => cell(x[c])))));
      writeCsv(join(claim.dir, 'equilibria.csv'), EQ_COLUMNS, results.flatMap((r) => r.equilibria.map((x) => EQ_COLUMNS.map((c) => cell(x[c])))));
      writeAtomic(join(claim.dir, 'loops.svg'), loopsSvg(results));
      claim.finish(FILES);
      io.out(loopsText(results));
      io.out(`Two levels: the paired difference (high start − low start) of trust over the last ${opts.tailWeeks} of ${opts.equilibriumWeeks} weeks is above ${TWO_LEVELS} with 95% confidence; ${opts.reps} replications per start, seed ${opts.seed}. Wrote ${join(claim.dir, '{loops,equilibria}.csv')} and loops.svg\n`);
    });
}
