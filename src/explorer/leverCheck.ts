/**
 * A lever moved in the explorer is checked exactly as a scenario file's intervention would be
 * (src/scenario/checks.ts): a known parameter, a value in its range, not one fixed at the start.
 */
import { checkAssignment, fixedAtStart } from '../scenario/checks.js';
import { InputError } from '../scenario/errors.js';

export function checkedSet(where: string, set: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [path, v] of Object.entries(set)) {
    if (fixedAtStart(path)) throw new InputError(`${where}: ${path}: fixed at the start of a run`);
    out[path] = checkAssignment(where, path, v) as number;
  }
  return out;
}
