/**
 * A targets file (scenarios/calibration/targets.yaml): the scenario to calibrate, the published
 * figures it should reproduce (each with its tolerance, its source and the parameters it informs)
 * and the free parameters with their priors. Validated like scenarios: one line naming the file,
 * the field and what was expected.
 */
import { InputError, isObj, keysOnly, show } from '../scenario/errors.js';
import { checkAssignment } from '../scenario/checks.js';
import { readYaml } from '../io/yaml.js';
import { specAt, type NumSpec } from '../model/params.js';
import { CAL_STATS } from '../experiment/targetStats.js';
import type { Prior } from '../experiment/abc.js';

export interface Target { id: string; stat: string; target: number; tolerance: number; source: string; informs: string[] }
/** A free parameter: its prior (named by its path) and where the prior comes from. */
export type FreeParameter = Prior & { source: string };
export interface Targets { scenario: string; reps: number; targets: Target[]; parameters: FreeParameter[] }

const TOP = ['scenario', 'reps', 'targets', 'parameters'];
const TARGET_KEYS = ['id', 'stat', 'target', 'tolerance', 'informs', 'source'];
const PRIOR_KEYS = ['prior', 'lo', 'hi', 'mean', 'sd', 'source'];

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function checkTarget(file: string, t: unknown, k: number): Target {
  const at = `${file}: targets[${k}]`;
  if (!isObj(t)) throw new InputError(`${at}: expected a mapping with ${TARGET_KEYS.join(', ')}`);
  keysOnly(file, `targets[${k}]`, t, TARGET_KEYS);
  if (typeof t.id !== 'string' || !/^[\w.-]+$/.test(t.id)) throw new InputError(`${at}.id: expected a name (letters, digits, _ . -), got ${show(t.id)}`);
  if (typeof t.stat !== 'string' || !Object.hasOwn(CAL_STATS, t.stat)) throw new InputError(`${at}.stat: expected one of ${Object.keys(CAL_STATS).join(', ')}, got ${show(t.stat)}`);
  // a statistic that restates inputs constrains nothing their provenance does not already say
  const def = CAL_STATS[t.stat]!;
  if (def.kind === 'input') throw new InputError(`${at}.stat: ${t.stat} restates inputs (${def.restates!.join(', ')}: ${def.why}); a target must be an output of the model (use it in validation.yaml as a cross-check)`);
  if (!finite(t.target)) throw new InputError(`${at}.target: expected a number, got ${show(t.target)}`);
  if (!finite(t.tolerance) || !(t.tolerance > 0)) throw new InputError(`${at}.tolerance: expected a number > 0, got ${show(t.tolerance)}`);
  if (typeof t.source !== 'string' || t.source.length < 5) throw new InputError(`${at}.source: expected where the number comes from`);
  if (!Array.isArray(t.informs) || t.informs.length === 0) throw new InputError(`${at}.informs: expected the list of parameter paths this target constrains, e.g. [clw.sessionGain]`);
  const informs = t.informs.map((p, j) => {
    if (typeof p !== 'string' || specAt(p)?.kind !== 'number') throw new InputError(`${at}.informs[${j}]: expected a numeric parameter path (see clwsim params), got ${show(p)}`);
    return p;
  });
  return { id: t.id, stat: t.stat, target: t.target, tolerance: t.tolerance, source: t.source, informs };
}

/** A prior within the schema's range: uniform, log-uniform, or normal truncated to [lo, hi]. */
function checkPrior(file: string, path: string, v: unknown): FreeParameter {
  const at = `${file}: parameters.${path}`;
  const spec = specAt(path);
  if (!spec) checkAssignment(`${file}: parameters`, path, 0); // "unknown parameter" with a hint
  if (spec!.kind !== 'number') throw new InputError(`${at}: expected a numeric parameter (${path} is a choice)`);
  const ns = spec as NumSpec;
  if (ns.integer) throw new InputError(`${at}: ${path} is an integer; calibrate continuous parameters (priors are continuous)`);
  if (!isObj(v)) throw new InputError(`${at}: expected a mapping { prior: uniform | loguniform | normal, lo, hi, mean, sd, source }, got ${show(v)}`);
  keysOnly(file, `parameters.${path}`, v, PRIOR_KEYS);
  if (typeof v.source !== 'string' || v.source.length < 5) throw new InputError(`${at}.source: expected where the prior comes from`);
  const bound = (k: 'lo' | 'hi', dflt: number) => {
    if (v[k] === undefined) return dflt;
    checkAssignment(`${file}: parameters.${path}.${k}`, path, v[k]);
    return v[k] as number;
  };
  const lo = bound('lo', ns.min), hi = bound('hi', ns.max);
  if (!(lo < hi)) throw new InputError(`${at}: expected lo < hi, got lo ${lo}, hi ${hi}`);
  const source = v.source;
  if (v.prior === 'uniform' || v.prior === 'loguniform') {
    if (v.lo === undefined || v.hi === undefined) throw new InputError(`${at}: a ${v.prior} prior needs lo and hi`);
    if (v.mean !== undefined || v.sd !== undefined) throw new InputError(`${at}: mean and sd are for a normal prior, not ${v.prior}`);
    if (v.prior === 'loguniform' && !(lo > 0)) throw new InputError(`${at}.lo: a log-uniform prior needs lo > 0, got ${lo}`);
    return { name: path, dist: v.prior, lo, hi, source };
  }
  if (v.prior === 'normal') {
    if (!finite(v.mean) || v.mean < lo || v.mean > hi) throw new InputError(`${at}.mean: expected a number from ${lo} to ${hi}, got ${show(v.mean)}`);
    if (!finite(v.sd) || !(v.sd > 0)) throw new InputError(`${at}.sd: expected a number > 0, got ${show(v.sd)}`);
    return { name: path, dist: 'normal', mean: v.mean, sd: v.sd, lo, hi, source };
  }
  throw new InputError(`${at}.prior: expected uniform, loguniform or normal, got ${show(v.prior)}`);
}

/** Check a parsed targets file. */
export function checkTargets(file: string, doc: unknown): Targets {
  if (!isObj(doc)) throw new InputError(`${file}: expected a mapping with ${TOP.join(', ')}`);
  keysOnly(file, '(top level)', doc, TOP);
  if (typeof doc.scenario !== 'string') throw new InputError(`${file}: scenario: expected a scenario file path (relative to this file)`);
  const reps = doc.reps ?? 10;
  if (typeof reps !== 'number' || !Number.isInteger(reps) || reps < 2 || reps > 100000) throw new InputError(`${file}: reps: expected an integer from 2 to 100000, got ${show(reps)}`);
  if (!Array.isArray(doc.targets) || doc.targets.length === 0) throw new InputError(`${file}: targets: expected a non-empty list`);
  const targets = doc.targets.map((t, k) => checkTarget(file, t, k));
  const ids = new Set<string>();
  for (const [k, t] of targets.entries()) {
    if (ids.has(t.id)) throw new InputError(`${file}: targets[${k}].id: "${t.id}" is used twice`);
    ids.add(t.id);
  }
  const parameters: FreeParameter[] = [];
  if (doc.parameters !== undefined) {
    if (!isObj(doc.parameters)) throw new InputError(`${file}: parameters: expected a mapping of parameter path to prior`);
    for (const [path, v] of Object.entries(doc.parameters)) parameters.push(checkPrior(file, path, v));
  }
  // a free parameter no target informs is not identified: its posterior would be its prior
  for (const p of parameters)
    if (!targets.some((t) => t.informs.includes(p.name)))
      throw new InputError(`${file}: parameters.${p.name}: no target informs it; add it to a target's informs, or fix it in the scenario`);
  return { scenario: doc.scenario, reps, targets, parameters };
}

export const loadTargets = (file: string): Targets => checkTargets(file, readYaml(file));

/** The range a free parameter is searched over (a normal prior: mean ± 2 sd, inside its bounds). */
export function searchRange(p: FreeParameter): [number, number] {
  if (p.dist !== 'normal') return [p.lo, p.hi];
  return [Math.max(p.lo ?? -Infinity, p.mean - 2 * p.sd), Math.min(p.hi ?? Infinity, p.mean + 2 * p.sd)];
}

/** How a prior is written in priors.csv's distribution column. */
export const priorText = (p: Prior): string => (p.dist === 'normal' ? `normal(mean=${p.mean}, sd=${p.sd})` : p.dist);
