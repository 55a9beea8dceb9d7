/** scenarios/targets.yaml: calibration targets with sources, validated like scenarios. */
import { InputError } from '../scenario/errors.js';
import { checkAssignment } from '../scenario/checks.js';
import { readYaml } from '../io/yaml.js';
import { specAt } from '../model/params.js';
import { CAL_STATS } from '../experiment/targetStats.js';

export interface Target { id: string; stat: string; target: number; tolerance: number; source: string }
export interface Targets { scenario: string; reps: number; targets: Target[]; free: Record<string, [number, number]> }

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function loadTargets(file: string): Targets {
  const doc = readYaml(file);
  if (!isObj(doc)) throw new InputError(`${file}: expected a mapping with scenario, reps, targets, free`);
  for (const k of Object.keys(doc)) if (!['scenario', 'reps', 'targets', 'free'].includes(k)) throw new InputError(`${file}: unknown key "${k}"; expected scenario, reps, targets, free`);
  if (typeof doc.scenario !== 'string') throw new InputError(`${file}: scenario: expected a scenario file path`);
  const reps = doc.reps ?? 10;
  if (typeof reps !== 'number' || !Number.isInteger(reps) || reps < 2) throw new InputError(`${file}: reps: expected an integer ≥ 2, got ${JSON.stringify(reps)}`);
  if (!Array.isArray(doc.targets) || doc.targets.length === 0) throw new InputError(`${file}: targets: expected a non-empty list`);
  const targets = doc.targets.map((t, k): Target => {
    const at = `${file}: targets[${k}]`;
    if (!isObj(t)) throw new InputError(`${at}: expected a mapping with id, stat, target, tolerance, source`);
    for (const key of Object.keys(t)) if (!['id', 'stat', 'target', 'tolerance', 'source'].includes(key)) throw new InputError(`${at}: unknown key "${key}"; expected id, stat, target, tolerance, source`);
    if (typeof t.id !== 'string') throw new InputError(`${at}.id: expected text`);
    if (typeof t.stat !== 'string' || !(t.stat in CAL_STATS)) throw new InputError(`${at}.stat: expected one of ${Object.keys(CAL_STATS).join(', ')}, got ${JSON.stringify(t.stat)}`);
    if (typeof t.target !== 'number' || !Number.isFinite(t.target)) throw new InputError(`${at}.target: expected a number, got ${JSON.stringify(t.target)}`);
    if (typeof t.tolerance !== 'number' || !(t.tolerance > 0)) throw new InputError(`${at}.tolerance: expected a number > 0, got ${JSON.stringify(t.tolerance)}`);
    if (typeof t.source !== 'string' || t.source.length < 5) throw new InputError(`${at}.source: expected where the number comes from`);
    return { id: t.id, stat: t.stat, target: t.target, tolerance: t.tolerance, source: t.source };
  });
  const free: Record<string, [number, number]> = {};
  if (doc.free !== undefined) {
    if (!isObj(doc.free)) throw new InputError(`${file}: free: expected a mapping of parameter path to [low, high]`);
    for (const [path, r] of Object.entries(doc.free)) {
      const spec = specAt(path);
      if (spec?.kind !== 'number') throw new InputError(`${file}: free.${path}: expected a numeric parameter path`);
      if (!Array.isArray(r) || r.length !== 2 || r[0] >= r[1]) throw new InputError(`${file}: free.${path}: expected [low, high] with low < high, got ${JSON.stringify(r)}`);
      checkAssignment(`${file}: free`, path, r[0]);
      checkAssignment(`${file}: free`, path, r[1]);
      free[path] = [r[0], r[1]];
    }
  }
  return { scenario: doc.scenario, reps, targets, free };
}
