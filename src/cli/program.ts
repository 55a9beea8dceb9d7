/**
 * Commander wiring: parse, call the library, print. Nothing else. main() is tested in-process;
 * bin/clwsim.js only calls it. Each command family's module is imported only when one of its
 * commands runs (help and unknown commands load them all, to list them), so `--version` starts
 * in a fraction of the time and `run` does not load the sweep, calibration or report code.
 */
import { Command, CommanderError } from 'commander';
import { InputError } from '../scenario/errors.js';
import { version, gitCommit } from '../io/provenance.js';
import { CommandFailed, commanderError, internalError, oneLine, PREFIX } from './errors.js';

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

/** Every command family, in help order: its commands and how to load it; add yours here. */
const FAMILIES: Array<{ commands: string[]; load: () => Promise<Register> }> = [
  { commands: ['run', 'validate', 'params'], load: async () => (await import('./runCommands.js')).registerRun },
  { commands: ['patterns'], load: async () => (await import('./patterns.js')).registerPatterns },
  { commands: ['loops'], load: async () => (await import('./loops.js')).registerLoops },
  { commands: ['calibrate'], load: async () => (await import('./calibrate.js')).registerCalibrate },
  { commands: ['sweep', 'merge', 'sensitivity'], load: async () => (await import('./sweep.js')).registerSweep },
  { commands: ['compare', 'report'], load: async () => (await import('./report.js')).registerReport },
  { commands: ['explore'], load: async () => (await import('./explore.js')).registerExplore },
  { commands: ['discover'], load: async () => (await import('./discover.js')).registerDiscover },
  { commands: ['area'], load: async () => (await import('./area.js')).registerArea },
  { commands: ['optimise'], load: async () => (await import('./optimise.js')).registerOptimise },
];

/** The families argv needs: the one its command belongs to, none for a bare --version, else all (help, suggestions). */
function familiesFor(argv: string[]) {
  const name = argv.find((a) => !a.startsWith('-'));
  if (name === undefined && argv.length > 0 && argv.every((a) => a === '--version' || a === '-V')) return [];
  const own = FAMILIES.filter((f) => f.commands.includes(name ?? ''));
  return own.length > 0 ? own : FAMILIES;
}

/** The program with the commands argv needs (all of them when argv is not given). */
export async function makeProgram(io: Io = stdio, argv?: string[]): Promise<Command> {
  const program = new Command('clwsim')
    .description('Agent-based simulation of the CLW → TSO social-prescribing referral ecosystem')
    .version(version())
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: (s) => io.err(commanderError(s)) });
  const families = argv ? familiesFor(argv) : FAMILIES;
  const registers = await Promise.all(families.map((f) => f.load()));
  for (const register of registers) register(program, io);
  return program;
}

/** Run the CLI; returns the exit code (0 ok, 2 bad input or usage). */
export async function main(argv: string[], out: Io = stdio): Promise<number> {
  const io: Io = { ...out, argv: [...argv] };
  const program = await makeProgram(io, argv);
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
    // Output folders are claimed only by commands, which have loaded outputDir.js already.
    if (program.commands.length > 0) (await import('../io/outputDir.js')).releaseOutputs(io);
  }
}
