/** Shared option parsers (a bad value is a one-line error naming the option) and shared option sets. */
import { type Command, InvalidArgumentError } from 'commander';

export const intIn = (min: number, max: number, what: string) => (v: string): number => {
  const n = Number(v);
  if (!/^-?\d+$/.test(v.trim()) || n < min || n > max) throw new InvalidArgumentError(`expected ${what} (an integer from ${min} to ${max}), got "${v}"`);
  return n;
};
export const positiveInt = intIn(1, 100000, 'a positive integer');
export const seedInt = intIn(0, 4294967295, 'a seed');
export const weeksInt = intIn(1, 5200, 'a number of weeks');
export const collect = (v: string, prev: string[] = []) => [...prev, v];
export const warmupInt = intIn(0, 5199, 'a number of weeks');
export const workersInt = intIn(1, 1024, 'a number of worker threads');

export const WORKERS_HELP = 'worker threads (default: every core; results are identical)';

/**
 * The options of a scenario's replications, shared by run and compare: --reps, --seed, --weeks,
 * --warmup, --set (with `setHelp`) and --workers.
 */
export const replicationOptions = (c: Command, reps: string, seed: string, setHelp: string): Command => c
  .option('--reps <n>', reps, positiveInt)
  .option('--seed <n>', seed, seedInt)
  .option('--weeks <n>', 'horizon in weeks', weeksInt)
  .option('--warmup <n>', 'weeks left out of summary statistics', warmupInt)
  .option('--set <path=value>', setHelp, collect, [])
  .option('--workers <n>', WORKERS_HELP, workersInt);

/** Where a command writes: --out (with its default described), --overwrite, and --quiet. */
export const outputOptions = (c: Command, outHelp: string, overwriteHelp: string): Command => c
  .option('--out <dir>', outHelp)
  .option('--overwrite', overwriteHelp)
  .option('--quiet', 'no progress output');
