/**
 * Every check that turns raw input (a parsed YAML mapping, a `--set`, a lever moved in the
 * explorer) into valid parts of a scenario. Pure and Node-free: the CLI, worker threads, cluster
 * jobs and the browser explorer run the same checks. Each error is one line naming the file,
 * the field path and what was expected.
 */
import { PARAM_SPEC, type SpecTree, isLeaf, specAt, checkValue, leaves } from '../model/params.js';
import type { Intervention } from '../model/scenario.js';
import { InputError, type Raw, isObj, show, hasKey, nearest, unknownKey, keysOnly } from './errors.js';
import { checkGrantSpecs, type GrantSpec } from './grants.js';

/** Run settings: horizon, warm-up, replications, seed. */
export const RUN_SPEC = {
  weeks: { default: 260, min: 1, max: 5200, description: 'Weeks simulated (the horizon)' },
  warmup: { default: 52, min: 0, max: 5199, description: 'Weeks at the start left out of summary statistics' },
  reps: { default: 10, min: 1, max: 100000, description: 'Replications' },
  seed: { default: 1, min: 0, max: 4294967295, description: 'Run seed; replication r uses a seed derived from it' },
} as const;
export type RunKey = keyof typeof RUN_SPEC;
export const RUN_KEYS = Object.keys(RUN_SPEC) as RunKey[];

/** Parameters an intervention may not change mid-run (the world's structure is fixed at the start). */
export const fixedAtStart = (path: string): boolean => path.startsWith('tso.count.');

export function checkRun(where: string, key: RunKey, v: unknown): number {
  const s = RUN_SPEC[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < s.min || v > s.max) throw new InputError(`${where}: expected an integer from ${s.min} to ${s.max}, got ${show(v)}`);
  return v;
}

/** A `run:` mapping: only the four run keys (own keys: `constructor` is not one). */
export function checkRunBlock(file: string, raw: unknown): Partial<Record<RunKey, number>> {
  if (!isObj(raw)) throw new InputError(`${file}: run: expected a mapping of ${RUN_KEYS.join(', ')}, got ${show(raw)}`);
  const run: Partial<Record<RunKey, number>> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!hasKey(RUN_SPEC, k)) throw unknownKey(file, 'run', k, RUN_KEYS);
    run[k as RunKey] = checkRun(`${file}: run.${k}`, k as RunKey, v);
  }
  return run;
}

/** Validate one `path=value` parameter assignment (from --set, an intervention, a sweep or a lever). */
export function checkAssignment(where: string, path: string, value: unknown): number | string {
  const spec = specAt(path);
  if (!spec) {
    const hint = nearest(path, leaves().map((l) => l.path));
    throw new InputError(`${where}: unknown parameter ${show(path)}${hint ? ` (did you mean "${hint}"?)` : ''}; run "clwsim params" for the list`);
  }
  const err = checkValue(spec, value);
  if (err) throw new InputError(`${where}: ${path}: ${err}, got ${show(value)}`);
  return value as number | string;
}

/**
 * A (partial) `params:` mapping, nested (`practice: { scatterShare: 0.5 }`) or with dotted keys
 * (`practice.scatterShare: 0.5`, as in `set:` and `--set`); returns path → value.
 */
export function checkParams(file: string, raw: unknown, tree: SpecTree = PARAM_SPEC, prefix = 'params'): Record<string, number | string> {
  if (!isObj(raw)) throw new InputError(`${file}: ${prefix}: expected a mapping of parameter groups, got ${show(raw)}`);
  const out: Record<string, number | string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const path = `${prefix}.${k}`;
    if (k.includes('.') && !hasKey(tree, k)) {
      const rel = path.slice('params.'.length);
      out[rel] = checkAssignment(`${file}: params`, rel, v);
      continue;
    }
    const node = hasKey(tree, k) ? tree[k] : undefined;
    if (!node) throw unknownKey(file, prefix, k, Object.keys(tree));
    if (isLeaf(node)) {
      const err = checkValue(node, v);
      if (err) throw new InputError(`${file}: ${path}: ${err}, got ${show(v)}`);
      out[path.slice('params.'.length)] = v as number | string;
    } else Object.assign(out, checkParams(file, v, node, path));
  }
  return out;
}

const IV_KEYS = ['week', 'set', 'grants', 'label', 'rampWeeks'];

/** An intervention as read from a file: its grant changes (an area's) resolve once the register is known (build.ts). */
export interface LayerIntervention extends Intervention { grantSpecs?: GrantSpec[] }

/** The `interventions:` list. Weeks are checked against the horizon later, once it is known. */
export function checkInterventions(file: string, raw: unknown): LayerIntervention[] {
  if (!Array.isArray(raw)) throw new InputError(`${file}: interventions: expected a list of { week, set and/or grants, label?, rampWeeks? }, got ${show(raw)}`);
  return raw.map((iv: unknown, k) => {
    const at = `interventions[${k}]`;
    if (!isObj(iv)) throw new InputError(`${file}: ${at}: expected a mapping with week and set, got ${show(iv)}`);
    keysOnly(file, at, iv, IV_KEYS);
    if (typeof iv.week !== 'number' || !Number.isInteger(iv.week) || iv.week < 1 || iv.week > RUN_SPEC.weeks.max)
      throw new InputError(`${file}: ${at}.week: expected an integer week from 1 to ${RUN_SPEC.weeks.max}, got ${show(iv.week)}`);
    const ramp = iv.rampWeeks ?? 0;
    if (typeof ramp !== 'number' || !Number.isInteger(ramp) || ramp < 0 || ramp > RUN_SPEC.weeks.max)
      throw new InputError(`${file}: ${at}.rampWeeks: expected an integer from 0 to ${RUN_SPEC.weeks.max}, got ${show(ramp)}`);
    if (iv.label !== undefined) checkText(file, `${at}.label`, iv.label, 200);
    const grantSpecs = iv.grants === undefined ? undefined : checkGrantSpecs(file, `${at}.grants`, iv.grants);
    if (!(grantSpecs && iv.set === undefined) && (!isObj(iv.set) || Object.keys(iv.set).length === 0))
      throw new InputError(`${file}: ${at}.set: expected a mapping of parameter paths to values, e.g. { funding.multiplier.crisis: 0.7 }${grantSpecs ? '' : ', or grants: (an area\'s grant changes)'}, got ${show(iv.set)}`);
    const set: Record<string, number | string> = {};
    for (const [path, v] of Object.entries((iv.set ?? {}) as Raw)) {
      if (fixedAtStart(path)) throw new InputError(`${file}: ${at}.set.${path}: TSO counts are fixed at the start; cut funding.multiplier instead`);
      set[path] = checkAssignment(`${file}: ${at}.set`, path, v);
    }
    // with grant changes and no label, build.ts words one once it knows the register
    const label = (iv.label as string | undefined) ?? Object.entries(set).map(([p, v]) => `${p} = ${v}`).join(', ');
    return { week: iv.week, set, rampWeeks: ramp, label, ...(grantSpecs ? { grantSpecs, ...(iv.label === undefined ? { label: '' } : {}) } : {}) };
  });
}

/** Text fields (name, description, labels): printable, no control characters, bounded length. */
export function checkText(file: string, field: string, v: unknown, max: number): string {
  if (typeof v !== 'string') throw new InputError(`${file}: ${field}: expected text, got ${show(v)}`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this check refuses
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(v)) throw new InputError(`${file}: ${field}: expected printable text (no control characters or invalid UTF-8), got ${show(v)}`);
  if (v.length > max) throw new InputError(`${file}: ${field}: expected at most ${max} characters, got ${v.length}`);
  return v;
}

/** A scenario or sweep name: 1-100 printable characters (it names an output folder). */
export function checkName(file: string, v: unknown): string {
  const s = checkText(file, 'name', v, 100);
  if (s.trim() === '' || /[\n\r\t]/.test(s)) throw new InputError(`${file}: name: expected a short name on one line, got ${show(v)}`);
  return s;
}

/** The longest file or folder path clwsim accepts (real paths are far shorter; errors quote it). */
export const MAX_PATH_CHARS = 1024;

/** A file or folder path from the command line or a file: printable, on one line, of sane length. */
export function checkPath(where: string, p: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this check refuses
  if (/[\u0000-\u001f\u007f]/.test(p)) throw new InputError(`${where}: expected a file path without control characters (NUL, newline…), got ${show(p)}`);
  if (p.length > MAX_PATH_CHARS) throw new InputError(`${where}: expected a file path of at most ${MAX_PATH_CHARS} characters, got ${p.length}`);
  if (p.trim() === '') throw new InputError(`${where}: expected a file path, got ${show(p)}`);
  return p;
}

/** Parse a `path=value` string; the value is a number when it reads as one. */
export function parseSet(s: string): [string, number | string] {
  const eq = s.indexOf('=');
  if (eq <= 0) throw new InputError(`--set ${show(s)}: expected path=value, e.g. practice.scatterShare=0.5`);
  const path = s.slice(0, eq).trim();
  const text = s.slice(eq + 1).trim();
  const value = text !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;
  return [path, value];
}

export type { Raw };
