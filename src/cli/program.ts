/**
 * Commander wiring: parse, call the library, print. Nothing else. makeProgram() is tested
 * in-process; bin/clwsim.js only calls main().
 */
import { Command, CommanderError } from 'commander';
import { InputError } from '../scenario/errors.js';
import { loadScenario } from '../io/scenario.js';
import { writeRunOutputs, runFiles } from '../io/results.js';
import { FORMAT_HELP, formatArg } from './format.js';
import type { Format } from '../experiment/table.js';
import { claimOutput, releaseOutputs } from '../io/outputDir.js';
import { folderName } from '../scenario/names.js';
import { outputFolder, OVERWRITE_HELP } from './outputs.js';
import { plural } from '../report/format.js';
import { version, gitCommit } from '../io/provenance.js';
import { paramsJson, paramsMarkdown, paramsText, scenarioJsonSchema } from '../io/paramsDoc.js';
import { matrixMarkdown } from '../docs/matrix.js';
import { PATTERNS } from '../patterns/definitions.js';
import { replicate } from '../experiment/replicate.js';
import { defaultWorkers } from '../experiment/pool.js';
import { progress } from './progress.js';
import { summaryText } from './summaryText.js';
import { collect, outputOptions, replicationOptions } from './options.js';
import { CommandFailed, commanderError, internalError, oneLine, PREFIX } from './errors.js';
import { registerSweep } from './sweep.js';
import { registerPatterns } from './patterns.js';
import { registerLoops } from './loops.js';
import { registerCalibrate } from './calibrate.js';
import { registerReport } from './report.js';
import { registerExplore } from './explore.js';
import { registerDiscover } from './discover.js';
import { registerArea } from './area.js';
import { registerOptimise } from './optimise.js';
import { armsUse, posteriorLine, posteriorOptions, readPosterior, type PosteriorOpts } from './posteriorOption.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** The arguments main() received (recorded in manifests). */
  argv?: string[];
}
const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export { version };

/** The command as typed (quoted where needed), for manifests and "re-run with" lines. */
export const commandOf = (io: Io): string => ['clwsim', ...(io.argv ?? [])].map((a) => (/^[\w./=:@+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');

/** What every manifest records about where and how a result was made. */
export const origin = (io: Io) => ({ tool: 'clwsim', version: version(), commit: gitCommit(), command: commandOf(io), argv: io.argv ?? [] });

/** A command module adds its subcommand to the program (one file per command family). */
export type Register = (program: Command, io: Io) => void;

/** Every command family; add yours here. */
const COMMANDS: Register[] = [registerRun, registerPatterns, registerLoops, registerCalibrate, registerSweep, registerReport, registerExplore, registerDiscover, registerArea, registerOptimise];

export function makeProgram(io: Io = stdio): Command {
  const program = new Command('clwsim')
    .description('Agent-based simulation of the CLW → TSO social-prescribing referral ecosystem')
    .version(version())
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: (s) => io.err(commanderError(s)) });
  for (const register of COMMANDS) register(program, io);
  return program;
}

function registerRun(program: Command, io: Io): void {
  posteriorOptions(outputOptions(replicationOptions(program
    .command('run <scenario>')
    .description('run a scenario (replications) and write trajectories, summaries, funnel and manifest'),
  'replications', 'run seed', 'override a parameter (repeatable)'),
  'output folder (default output/<scenario name>, or the next free output/<name>-2 …)', OVERWRITE_HELP)
    .option('--format <csv|parquet>', FORMAT_HELP, formatArg, 'csv'))
    .action(async (file: string, o: PosteriorOpts & { reps?: number; seed?: number; weeks?: number; warmup?: number; set: string[]; workers?: number; out?: string; quiet?: boolean; overwrite?: boolean; format?: Format }) => {
      const { loaded, reps } = readPosterior(o, io);
      const scenario = loadScenario(file, { reps, seed: o.seed, weeks: o.weeks, warmup: o.warmup, set: o.set });
      const use = loaded ? armsUse(loaded, [scenario], o.set) : undefined;
      const out = claimOutput(io, outputFolder(io, o.out, `output/${folderName(scenario.name)}`, o.overwrite), { mode: 'results', overwrite: o.overwrite });
      out.plan(runFiles(scenario, o.format));
      const dir = out.dir;
      const started = new Date();
      const bar = progress(o.quiet);
      const runs = await replicate(scenario, {
        workers: o.workers ?? defaultWorkers(), draws: use?.draws,
        onProgress: (d, t) => bar.update(d, t, `${scenario.name}:`),
      });
      bar.end();
      out.finish(writeRunOutputs(dir, runs, {
        ...origin(io), scenario, started: started.toISOString(), duration_ms: Date.now() - started.getTime(), ...(use ? { posterior: use } : {}),
      }, o.format));
      io.out(summaryText(runs));
      if (use) io.out(posteriorLine(use));
      io.out(`wrote ${dir}/{trajectories,summary,funnel,tso_types${scenario.organisations ? ',organisations' : ''}}.${o.format ?? 'csv'} and manifest.json\n`);
    });

  program
    .command('validate <scenario>')
    .description('check a scenario file (and its extends chain) without running it')
    .option('--set <path=value>', 'override a parameter (repeatable)', collect, [])
    .action((file: string, o: { set: string[] }) => {
      const s = loadScenario(file, { set: o.set });
      io.out(`${file}: ok (${s.name}: ${s.weeks} weeks, ${plural(s.reps, 'replication')}, seed ${s.seed}, ${plural(s.interventions.length, 'intervention')})\n`);
    });

  program
    .command('params')
    .description('list every parameter: name, default, unit, range, provenance')
    .option('--json', 'as JSON')
    .option('--markdown', 'as the Markdown table of docs/parameters.md')
    .option('--json-schema', 'as a JSON Schema for scenario files (docs/scenario.schema.json)')
    .option('--matrix', 'the realist matrix: each row\'s mechanisms, parameters, patterns and output columns (docs/matrix.md)')
    .action((o: { json?: boolean; markdown?: boolean; jsonSchema?: boolean; matrix?: boolean }) => {
      if (o.jsonSchema) return io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      if (o.matrix) return io.out(matrixMarkdown(PATTERNS));
      io.out(o.json ? paramsJson() : o.markdown ? paramsMarkdown() : paramsText());
    });
}

/** Run the CLI; returns the exit code (0 ok, 2 bad input or usage). */
export async function main(argv: string[], out: Io = stdio): Promise<number> {
  const io: Io = { ...out, argv: [...argv] };
  const program = makeProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommandFailed) return e.exitCode;
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return 2; // commander has already printed its one-line message
    }
    if (e instanceof InputError) {
      io.err(`${PREFIX}${oneLine(e.message)}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && err.syscall) {
      io.err(`${PREFIX}${oneLine(`${err.path ?? ''}: ${err.code} (${err.syscall})`)}\n`);
      return 2;
    }
    io.err(internalError(e));
    return 1;
  } finally {
    releaseOutputs(io);
  }
}
