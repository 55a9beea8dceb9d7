/**
 * An area's register (organisations.csv), read under the rules every input file follows
 * (io/yaml.ts: a regular file of at most 1 MB, UTF-8, no URLs) and checked by src/scenario.
 */
import { parseRegister, type Register } from '../scenario/register.js';
import { readInput, type ReferredBy } from './yaml.js';

export function readRegister(file: string, by?: ReferredBy): Register {
  return parseRegister(by ? `${by}: ${file}` : file, readInput(file, by, 'a CSV file (the register of organisations)'));
}
