/** `clwsim sweep`, `clwsim merge` and `clwsim sensitivity`: parse, call src/experiment, print. */
import { type Command, InvalidArgumentError } from 'commander';
import { join, resolve } from 'node:path';
import { InputError } from '../scenario/errors.js';
import type { Io } from './program.js';
import { CommandFailed } from './errors.js';
import { collect, intIn, positiveInt, seedInt, weeksInt, workersInt, outputOptions } from './options.js';
import { OVERWRITE_HELP } from './outputs.js';
import { FORMAT_HELP, formatArg } from './format.js';
import type { Format } from '../experiment/table.js';
import { plural } from '../report/format.js';
import { claimMergeOutput, claimSweepOutput, sweepOutput } from './sweepOutput.js';
import { loadSweep } from '../io/sweepFile.js';
import type { Sweep, SweepMode } from '../scenario/sweep.js';
import { FileStore } from '../io/fileStore.js';
import { provenance } from '../io/provenance.js';
import { runSweep, type SweepResult } from '../experiment/sweep.js';
import { designPoints, shardRange } from '../experiment/design.js';
import { mergeShards } from '../experiment/merge.js';
import { MAX_SHARDS, resolveShard } from '../experiment/shard.js';
import { defaultWorkers } from '../experiment/pool.js';
import { morrisRows, morrisTable } from '../experiment/sensitivity.js';
import { sobolRows, sobolTable } from '../experiment/sobolSweep.js';
import { verifySobol } from './sobolVerify.js';
import { posteriorLine, posteriorOptions, readPosterior, sweepUse, type PosteriorOpts } from './posteriorOption.js';

interface Opts extends PosteriorOpts {
  method?: 'morris' | 'sobol'; verify?: string; format?: Format;
  out?: string; overwrite?: boolean; workers?: number; shard?: string; shards?: number; resume?: boolean; quiet?: boolean;
  reps?: number; weeks?: number; seed?: number; set: string[]; precision?: number; maxReps?: number; top?: number; dryRun?: boolean;
}

const stem = (f: string) => f.replace(/\.(csv|json|parquet)$/, '');

const precisionNum = (v: string): number => {
  const x = Number(v);
  if (!(x > 0 && x < 1)) throw new InvalidArgumentError(`expected a number between 0 and 1, e.g. 0.05 (95% half-width within 5% of the mean), got "${v}"`);
  return x;
};

const methodArg = (v: string): 'morris' | 'sobol' => {
  if (v !== 'morris' && v !== 'sobol') throw new InvalidArgumentError(`expected morris or sobol, got "${v}"`);
  return v;
};

function common(c: Command): Command {
  return outputOptions(posteriorOptions(c)
    .option('--workers <n>', 'worker threads (default: every core)', workersInt)
    .option('--resume', 'finish an interrupted sweep in --out: run only what is missing'),
  'output folder (default output/<sweep name>)', `${OVERWRITE_HELP}; an unfinished sweep there is started over`)
    .option('--reps <n>', 'replications per design point (overrides the sweep file)', positiveInt)
    .option('--weeks <n>', 'horizon in weeks (overrides the sweep file)', weeksInt)
    .option('--seed <n>', 'sweep seed (overrides the sweep file)', seedInt)
    .option('--set <path=value>', 'fix a parameter for every run (repeatable)', collect, [])
    .option('--precision <rel>', 'adaptive replications: add replications until every chosen metric\'s 95% half-width is within this share of its mean', precisionNum)
    .option('--max-reps <n>', 'cap on replications per point under --precision (default 100)', positiveInt)
    .option('--format <csv|parquet>', FORMAT_HELP, formatArg, 'csv')
    .option('--dry-run', 'check the sweep file and print the design size; run and write nothing');
}

/** Progress on stderr: a bar with runs/s and ETA on a terminal, a plain line every 5 s otherwise. */
export function runBar(io: Io, quiet: boolean, tty = process.stderr.isTTY === true) {
  const start = Date.now();
  let last = 0, base = -1;
  const time = (s: number) => (s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${s.toFixed(0)}s`);
  return {
    update(done: number, total: number) {
      if (quiet) return;
      if (base < 0) base = done - 1; // runs resumed from the journal do not count towards the rate
      const now = Date.now();
      if (now - last < (tty ? 150 : 5000) && done < total) return;
      last = now;
      const el = (now - start) / 1000;
      const rate = el > 0 ? (done - base) / el : 0;
      const eta = rate > 0 ? time((total - done) / rate) : '?';
      const pct = total ? done / total : 1;
      const text = `${done}/${total} runs  ${rate.toFixed(1)} runs/s  ETA ${done >= total ? '0s' : eta}`;
      if (tty) io.err(`\r\x1b[K[${'#'.repeat(Math.round(pct * 30)).padEnd(30, '.')}] ${text}`);
      else io.err(`${text}\n`);
    },
    end() {
      if (!quiet && tty) io.err('\r\x1b[K');
    },
  };
}

async function execute(io: Io, file: string, o: Opts, mode: SweepMode): Promise<{ sweep: Sweep; res: SweepResult; secs: number } | null> {
  const { loaded, reps } = readPosterior(o, io);
  const sweep = loadSweep(file, { reps, weeks: o.weeks, seed: o.seed, set: o.set, precision: o.precision, maxReps: o.maxReps }, mode);
  const shard = mode !== 'morris' ? resolveShard(o.shard, o.shards) : null;
  const out = sweepOutput(io, o, sweep.name, shard);
  for (const w of sweep.warnings) io.err(`clwsim: warning: ${w}\n`);
  if (loaded) sweep.posterior = sweepUse(loaded, sweep, o.set);
  const workers = o.workers ?? defaultWorkers();
  if (o.dryRun) {
    const all = designPoints(sweep).length;
    const r = shard ? shardRange(all, shard.index, shard.count) : { from: 0, to: all };
    const n = r.to - r.from;
    io.out(`${file}: ok (${sweep.name}: ${plural(all, 'design point')} × ${plural(sweep.reps, 'replication')} = ${plural(all * sweep.reps, 'run')} of ${sweep.weeks} weeks`
      + `${sweep.precision ? `, up to ${all * sweep.precision.maxReps} with --precision ${sweep.precision.target}` : ''})\n`);
    if (shard) io.out(`shard ${shard.index}/${shard.count}: points ${r.from}..${r.to - 1} (${plural(n, 'point')}, ${plural(n * sweep.reps, 'run')})\n`);
    io.out(`would write ${out}\n`);
    return null;
  }
  const claim = claimSweepOutput(io, out, o);
  const bar = runBar(io, o.quiet === true);
  const t0 = Date.now();
  // Ctrl-C: every finished run is already journaled; say how to carry on
  const onSignal = (sig: NodeJS.Signals) => {
    bar.end();
    io.err(`\nclwsim: ${sig}: finished runs are kept in ${join(out, 'journal')}; run the same command with --resume${o.out === undefined ? ` --out ${out}` : ''} to finish\n`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let res: SweepResult;
  try {
    res = await runSweep(sweep, {
      store: new FileStore(claim.dir), provenance: provenance(), workers, resume: o.resume, kind: mode === 'sweep' ? 'sweep' : 'sensitivity', format: o.format,
      shard: shard ? { index: shard.index, count: shard.count } : undefined,
      onProgress: (d, t) => bar.update(d, t),
    });
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    bar.end();
  }
  claim.finish(res.files);
  const secs = (Date.now() - t0) / 1000;
  const t = res.totals;
  const what = shard ? `shard ${shard.index}/${shard.count} of ${sweep.name}` : sweep.name;
  io.out(`${what}: ${plural(t.points, 'design point')}, ${plural(t.runs, 'run')}${res.resumed ? ` (${res.resumed} from the journal, ${res.ranNow} run now)` : ''}, ${plural(workers, 'worker')}, ${secs.toFixed(1)} s${res.ranNow ? `, ${(res.ranNow / secs).toFixed(1)} runs/s` : ''}\n`);
  if (sweep.precision && t.nonconverged) {
    const bad = res.nonconverged.map((c) => `point ${c.point} ${c.metric} (±${(100 * c.relative).toFixed(1)}% after ${c.n})`);
    io.out(`precision: ${plural(t.nonconverged, 'metric')} did not reach ±${100 * sweep.precision.target}% within ${plural(sweep.precision.maxReps, 'replication')}${bad.length ? `: ${bad.join(', ')}${t.nonconverged > bad.length ? ', …' : ''}` : ''}; see convergence.${o.format ?? 'csv'}\n`);
  } else if (sweep.precision) io.out(`precision: every chosen metric within ±${100 * sweep.precision.target}% of its mean\n`);
  if (sweep.posterior) io.out(posteriorLine(sweep.posterior));
  io.out(`summaries: ${sweep.statistic} of weeks ${sweep.window.from}-${sweep.window.to} of ${sweep.weeks}; ${plural(t.failed, 'run')} failed${t.failed ? ` (see failures.${o.format ?? 'csv'})` : ''}\n`);
  io.out(`wrote ${out}/{${res.files.map(stem).join(',')}}${o.format === 'parquet' ? ' (Parquet)' : ''}\n`);
  return { sweep, res, secs };
}

/** Exit code 3 when some runs failed (the outputs are complete otherwise). */
function failIfAny(io: Io, res: SweepResult): void {
  if (res.totals.failed > 0) {
    io.err(`clwsim: ${res.totals.failed} of ${plural(res.totals.runs, 'run')} failed; see ${join(res.where, res.files.find((f) => f.startsWith('failures.')) ?? 'failures.csv')}\n`);
    throw new CommandFailed(3);
  }
}

export function registerSweep(program: Command, io: Io): void {
  common(program.command('sweep <file>'))
    .description('run a parameter sweep (factorial lists, Latin-hypercube ranges) with replications; resumable, parallel, shardable')
    .option('--shard <k/N>', 'run only shard k of N (numbered from 1); default from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX')
    .option('--shards <n>', 'number of shards when the index comes from JOB_COMPLETION_INDEX', intIn(1, MAX_SHARDS, 'a number of shards'))
    .action(async (file: string, o: Opts) => {
      const r = await execute(io, file, o, 'sweep');
      if (r) failIfAny(io, r.res);
    });

  program.command('merge <dirs...>')
    .description('combine the shard folders of one sweep into the output of the unsharded sweep')
    .requiredOption('--out <dir>', 'output folder')
    .option('--overwrite', OVERWRITE_HELP)
    .option('--format <csv|parquet>', 'format of the merged tables (default: the shards\' format)', formatArg)
    .action(async (dirs: string[], o: { out: string; overwrite?: boolean; format?: Format }) => {
      if (dirs.some((d) => resolve(d) === resolve(o.out))) throw new InputError(`--out ${o.out}: must not be one of the shard folders`);
      const claim = claimMergeOutput(io, o.out, o.overwrite);
      const r = await mergeShards(dirs.map((d) => new FileStore(d)), new FileStore(claim.dir), o.format);
      claim.finish(r.files);
      io.out(`merged ${plural(r.shards, 'shard')}: ${plural(r.totals.points, 'design point')}, ${plural(r.totals.runs, 'run')}, ${r.totals.failed} failed\n`);
      io.out(`wrote ${o.out}/{${r.files.map(stem).join(',')}}\n`);
    });

  common(program.command('sensitivity [file]'))
    .description('Morris elementary-effects screening (μ*, σ; default) or Sobol\' indices (S1, ST; --method sobol) of parameters, per metric')
    .option('--method <name>', 'morris (screening) or sobol (variance-based indices; Saltelli design, resumable and shardable)', methodArg, 'morris')
    .option('--verify <function>', 'with --method sobol: run the estimators on a function with known indices (ishigami) and write sobol.csv')
    .option('--shard <k/N>', 'with --method sobol: run only shard k of N (merge the folders with clwsim merge)')
    .option('--shards <n>', 'number of shards when the index comes from JOB_COMPLETION_INDEX', positiveInt)
    .option('--top <n>', 'rows per metric in the printed table (default 8)', positiveInt)
    .action(async (file: string | undefined, o: Opts) => {
      if (o.verify !== undefined) return verifySobol(io, o.verify, o.method, file, o.out);
      if (file === undefined) throw new InputError('sensitivity: expected a sensitivity file (e.g. scenarios/sweeps/morris.yaml), or --method sobol --verify ishigami');
      if (o.method === 'morris' && (o.shard !== undefined || o.shards !== undefined)) throw new InputError('--shard: Morris screening runs whole; shard a Sobol\' design (--method sobol) or a sweep');
      const r = await execute(io, file, o, o.method ?? 'morris');
      if (!r) return;
      if (r.res.points.length && r.sweep.morris) io.out(`\n${morrisTable(morrisRows(r.sweep, r.res.points), o.top ?? 8)}`);
      if (r.res.points.length && r.res.files.some((f) => f.startsWith('sobol.'))) io.out(`\n${sobolTable(sobolRows(r.sweep, r.res.points), o.top ?? 8)}`);
      failIfAny(io, r.res);
    });
}
