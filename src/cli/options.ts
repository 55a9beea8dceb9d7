/** Shared option parsers: a bad value is a one-line error naming the option. */
import { InvalidArgumentError } from 'commander';

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
