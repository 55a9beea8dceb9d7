/**
 * Commander wiring: parse, call the library, print. Nothing else. makeProgram() is tested
 * in-process; bin/clwsim.js only calls main().
 */
import { Command, CommanderError } from 'commander';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadScenario, InputError } from '../io/scenario.js';
import { writeRunOutputs } from '../io/runOutputs.js';
import { paramsJson, paramsMarkdown, paramsText, scenarioJsonSchema } from '../io/paramsDoc.js';
import { matrixMarkdown } from '../docs/matrix.js';
import { PATTERNS } from '../patterns/definitions.js';
import { replicate } from '../experiment/replicate.js';
import { progress } from './progress.js';
import { summaryText } from './summaryText.js';
import { collect, positiveInt, seedInt, weeksInt } from './options.js';
import { CommandFailed } from './errors.js';
import { registerSweep } from './sweep.js';
import { registerPatterns } from './patterns.js';
import { registerCalibrate } from './calibrate.js';
import { registerReport } from './report.js';
import { registerExplore } from './explore.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** A command module adds its subcommand to the program (one file per command family). */
export type Register = (program: Command, io: Io) => void;

/** Every command family; add yours here. */
const COMMANDS: Register[] = [registerRun, registerPatterns, registerCalibrate, registerSweep, registerReport, registerExplore];

export function makeProgram(io: Io = stdio): Command {
  const program = new Command('clwsim')
    .description('Agent-based simulation of the CLW → TSO social-prescribing referral ecosystem')
    .version(version())
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  for (const register of COMMANDS) register(program, io);
  return program;
}

function registerRun(program: Command, io: Io): void {
  program
    .command('run <scenario>')
    .description('run a scenario (replications) and write trajectories, summaries, funnel and manifest')
    .option('--reps <n>', 'replications', positiveInt)
    .option('--seed <n>', 'run seed', seedInt)
    .option('--weeks <n>', 'horizon in weeks', weeksInt)
    .option('--set <path=value>', 'override a parameter (repeatable)', collect, [])
    .option('--out <dir>', 'output folder (default output/<scenario name>)')
    .option('--quiet', 'no progress output')
    .action((file: string, o: { reps?: number; seed?: number; weeks?: number; set: string[]; out?: string; quiet?: boolean }) => {
      const scenario = loadScenario(file, { reps: o.reps, seed: o.seed, weeks: o.weeks, set: o.set });
      const dir = resolve(o.out ?? `output/${scenario.name}`);
      const started = new Date();
      const bar = progress(o.quiet);
      const totalWeeks = scenario.reps * scenario.weeks;
      let repsDone = 0;
      const runs = replicate(scenario, {
        onWeek: (sim) => bar.update(repsDone * scenario.weeks + sim.week, totalWeeks, `${scenario.name}: week`),
        onRep: (d) => { repsDone = d; },
      });
      bar.end();
      const argv = process.argv.slice(2).map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ');
      writeRunOutputs(dir, runs, {
        tool: 'clwsim', version: version(), command: `clwsim ${argv}`, scenario,
        started: started.toISOString(), duration_ms: Date.now() - started.getTime(),
      });
      io.out(summaryText(runs));
      io.out(`wrote ${dir}/{trajectories,summary,funnel,tso_types}.csv and manifest.json\n`);
    });

  program
    .command('validate <scenario>')
    .description('check a scenario file (and its extends chain) without running it')
    .option('--set <path=value>', 'override a parameter (repeatable)', collect, [])
    .action((file: string, o: { set: string[] }) => {
      const s = loadScenario(file, { set: o.set });
      io.out(`${file}: ok (${s.name}: ${s.weeks} weeks, ${s.reps} reps, seed ${s.seed}, ${s.interventions.length} intervention(s))\n`);
    });

  program
    .command('params')
    .description('list every parameter: name, default, unit, range, provenance')
    .option('--json', 'as JSON')
    .option('--markdown', 'as the Markdown table of docs/parameters.md')
    .option('--json-schema', 'as a JSON Schema for scenario files (docs/scenario.schema.json)')
    .option('--matrix', 'the realist matrix: each row\'s mechanisms, parameters, patterns and output columns (docs/matrix.md)')
    .action((o: { json?: boolean; markdown?: boolean; jsonSchema?: boolean; matrix?: boolean }) => {
      if (o.jsonSchema) return io.out(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
      if (o.matrix) return io.out(matrixMarkdown(PATTERNS));
      io.out(o.json ? paramsJson() : o.markdown ? paramsMarkdown() : paramsText());
    });
}

/** Run the CLI; returns the exit code (0 ok, 2 bad input or usage). */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
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
      io.err(`clwsim: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && err.syscall) {
      io.err(`clwsim: ${err.path ?? ''}: ${err.code} (${err.syscall})\n`);
      return 2;
    }
    throw e;
  }
}
