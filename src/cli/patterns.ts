/** `clwsim patterns`: every realist-matrix claim as a replicated paired experiment. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { claimOutput } from '../io/outputDir.js';
import { outputFolder, OVERWRITE_HELP } from './outputs.js';
import type { Io } from './program.js';
import { CommandFailed } from './errors.js';
import { runPatterns, QUICK, FULL, PATTERN_COLUMNS, type PatternResult } from '../patterns/run.js';
import { PATTERNS } from '../patterns/definitions.js';
import { writeCsv } from '../io/files.js';
import { fmt } from '../scenario/csv.js';
import { InputError } from '../scenario/errors.js';
import { defaultWorkers } from '../experiment/pool.js';
import { progress } from './progress.js';
import { positiveInt, seedInt, weeksInt, collect, workersInt, WORKERS_HELP, outputOptions } from './options.js';

const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(4));

export function patternsTable(rows: PatternResult[]): string {
  const lines = rows.map((r) => `${r.verdict === 'pass' ? 'PASS' : 'FAIL'}  ${r.kind.padEnd(9)} ${r.pattern.padEnd(30)} ${r.metric.padEnd(25)} ${r.expected_direction.padEnd(4)} ${num(r.mean_difference).padStart(9)}  (${num(r.ci_low)} to ${num(r.ci_high)})  ${r.seeds_passed}/${r.seeds_total}`);
  const count = (kind: string) => {
    const of = rows.filter((r) => r.kind === kind);
    return `${of.filter((r) => r.verdict === 'pass').length} of ${of.length} ${kind}`;
  };
  const head = `verdict kind      pattern${' '.repeat(24)}metric${' '.repeat(20)}exp  mean diff  (95% interval)  blocks passed`;
  return `${[head, ...lines, `${count('emergent')} and ${count('mechanism')} patterns pass in every seed block`].join('\n')}\n`;
}

export function registerPatterns(program: Command, io: Io): void {
  const cmd = program
    .command('patterns')
    .description('run every realist-matrix pattern as a paired experiment (common random numbers) and judge it')
    .option('--quick', `the CI mode: ${QUICK.seeds} seed blocks of ${QUICK.reps} replications of ${QUICK.weeks} weeks (default: ${FULL.seeds} blocks of ${FULL.reps} of ${FULL.weeks} weeks)`)
    .option('--reps <n>', 'replications per arm in each seed block', positiveInt)
    .option('--weeks <n>', 'horizon (at least 156: the cut is at week 104)', weeksInt)
    .option('--seed <n>', 'run seed of the first seed block', seedInt)
    .option('--seeds <n>', 'independent seed blocks; a pattern passes only if it passes in every one', positiveInt)
    .option('--only <id>', 'run only this pattern (repeatable)', collect, [])
    .option('--workers <n>', WORKERS_HELP, workersInt);
  outputOptions(cmd, 'folder for patterns.csv (default output/patterns, or the next free one)', OVERWRITE_HELP)
    .action(async (o: { quick?: boolean; reps?: number; weeks?: number; seed?: number; seeds?: number; only: string[]; workers?: number; out?: string; overwrite?: boolean; quiet?: boolean }) => {
      const mode = o.quick ? QUICK : FULL;
      const opts = { reps: o.reps ?? mode.reps, weeks: o.weeks ?? mode.weeks, seed: o.seed ?? mode.seed, seeds: o.seeds ?? mode.seeds, only: o.only };
      if (opts.weeks < 156) throw new InputError(`--weeks: expected at least 156 (the funding cut starts at week 104), got ${opts.weeks}`);
      if (opts.reps < 2) throw new InputError(`--reps: expected at least 2 to form an interval, got ${opts.reps}`);
      for (const id of o.only) if (!PATTERNS.some((p) => p.id === id)) throw new InputError(`--only ${id}: unknown pattern; expected one of ${PATTERNS.map((p) => p.id).join(', ')}`);
      const claim = claimOutput(io, outputFolder(io, o.out, 'output/patterns', o.overwrite), { mode: 'results', overwrite: o.overwrite });
      claim.plan(['patterns.csv']);
      const bar = progress(o.quiet);
      const rows = await runPatterns({ ...opts, workers: o.workers ?? defaultWorkers(), onProgress: (d, t) => bar.update(d, t, 'patterns:', 'run') });
      bar.end();
      const file = join(claim.dir, 'patterns.csv');
      writeCsv(file, PATTERN_COLUMNS as string[], rows.map((r) => PATTERN_COLUMNS.map((c) => (typeof r[c] === 'number' ? fmt(r[c] as number) : (r[c] as string)))));
      claim.finish(['patterns.csv']);
      io.out(patternsTable(rows));
      io.out(`${opts.seeds === 1 ? '1 seed block' : `${opts.seeds} seed blocks`} (seeds ${opts.seed} to ${opts.seed + opts.seeds - 1}) of ${opts.reps} paired replications of ${opts.weeks} weeks; wrote ${file}\n`);
      if (rows.some((r) => r.verdict === 'fail')) throw new CommandFailed(1);
    });
}
