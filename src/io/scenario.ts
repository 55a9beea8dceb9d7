/**
 * Scenario files: YAML (or JSON) with `extends`, scheduled interventions and `--set` overrides.
 * Fill defaults → validate → build, once, here at the edge: the engine only sees valid input.
 * Every error is one line naming the file, the field path and what was expected.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve, basename, extname } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { PARAM_SPEC, type Params, type SpecTree, defaults, isLeaf, specAt, checkValue, setParam, leaves, describeRange } from '../model/params.js';
import type { Intervention, Scenario } from '../model/scenario.js';

export class InputError extends Error {
  override name = 'InputError';
}

type Raw = Record<string, unknown>;
const isObj = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

export const RUN_SPEC = {
  weeks: { default: 260, min: 1, max: 5200, description: 'Weeks simulated (the horizon)' },
  warmup: { default: 52, min: 0, max: 5199, description: 'Weeks at the start left out of summary statistics' },
  reps: { default: 10, min: 1, max: 100000, description: 'Replications' },
  seed: { default: 1, min: 0, max: 4294967295, description: 'Run seed; replication r uses a seed derived from it' },
} as const;
type RunKey = keyof typeof RUN_SPEC;
const TOP_KEYS = ['name', 'description', 'extends', 'run', 'params', 'interventions'];
/** Parameters an intervention may not change mid-run (the world's structure is fixed at start). */
const FIXED = (path: string) => path.startsWith('tso.count.');

function nearest(word: string, options: string[]): string | undefined {
  const dist = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)] as number[]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const dd = dist(word, o);
    if (dd < bestD) [best, bestD] = [o, dd];
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function unknownKey(file: string, path: string, key: string, allowed: string[]): InputError {
  const hint = nearest(key, allowed);
  return new InputError(`${file}: ${path}: unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of ${allowed.join(', ')}`);
}

/** Check a (partial) params object against the schema; returns the flattened path → value map. */
function checkParams(file: string, raw: unknown, tree: SpecTree = PARAM_SPEC, prefix = 'params'): Record<string, number | string> {
  if (!isObj(raw)) throw new InputError(`${file}: ${prefix}: expected a mapping of parameter groups, got ${show(raw)}`);
  const out: Record<string, number | string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const node = tree[k];
    if (!node) throw unknownKey(file, prefix, k, Object.keys(tree));
    const path = `${prefix}.${k}`;
    if (isLeaf(node)) {
      const err = checkValue(node, v);
      if (err) throw new InputError(`${file}: ${path}: ${err}, got ${show(v)}`);
      out[path.slice('params.'.length)] = v as number | string;
    } else Object.assign(out, checkParams(file, v, node, path));
  }
  return out;
}

/** Validate one `path=value` parameter assignment (from --set or an intervention). */
export function checkAssignment(where: string, path: string, value: unknown): number | string {
  const spec = specAt(path);
  if (!spec) {
    const hint = nearest(path, leaves().map((l) => l.path));
    throw new InputError(`${where}: unknown parameter "${path}"${hint ? ` (did you mean "${hint}"?)` : ''}; run "clwsim params" for the list`);
  }
  const err = checkValue(spec, value);
  if (err) throw new InputError(`${where}: ${path}: ${err}, got ${show(value)}`);
  return value as number | string;
}

function checkInterventions(file: string, raw: unknown): Intervention[] {
  if (!Array.isArray(raw)) throw new InputError(`${file}: interventions: expected a list of { week, set, label?, rampWeeks? }, got ${show(raw)}`);
  return raw.map((iv, k) => {
    const at = `interventions[${k}]`;
    if (!isObj(iv)) throw new InputError(`${file}: ${at}: expected a mapping with week and set, got ${show(iv)}`);
    for (const key of Object.keys(iv)) if (!['week', 'set', 'label', 'rampWeeks'].includes(key)) throw unknownKey(file, at, key, ['week', 'set', 'label', 'rampWeeks']);
    if (typeof iv.week !== 'number' || !Number.isInteger(iv.week) || iv.week < 1) throw new InputError(`${file}: ${at}.week: expected an integer week ≥ 1, got ${show(iv.week)}`);
    const ramp = iv.rampWeeks ?? 0;
    if (typeof ramp !== 'number' || !Number.isInteger(ramp) || ramp < 0) throw new InputError(`${file}: ${at}.rampWeeks: expected an integer ≥ 0, got ${show(ramp)}`);
    if (iv.label !== undefined && typeof iv.label !== 'string') throw new InputError(`${file}: ${at}.label: expected text, got ${show(iv.label)}`);
    if (!isObj(iv.set) || Object.keys(iv.set).length === 0) throw new InputError(`${file}: ${at}.set: expected a mapping of parameter paths to values, e.g. { funding.multiplier.crisis: 0.7 }, got ${show(iv.set)}`);
    const set: Record<string, number | string> = {};
    for (const [path, v] of Object.entries(iv.set)) {
      if (FIXED(path)) throw new InputError(`${file}: ${at}.set.${path}: TSO counts are fixed at the start; cut funding.multiplier instead`);
      set[path] = checkAssignment(`${file}: ${at}.set`, path, v);
    }
    const label = (iv.label as string | undefined) ?? Object.entries(set).map(([p, v]) => `${p} = ${v}`).join(', ');
    return { week: iv.week, set, rampWeeks: ramp, label };
  });
}

function readRaw(file: string): Raw {
  if (!existsSync(file)) throw new InputError(`${file}: file not found`);
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    const msg = e instanceof YAMLParseError ? e.message.split('\n')[0] : String(e);
    throw new InputError(`${file}: malformed YAML: ${msg}`);
  }
  if (!isObj(doc)) throw new InputError(`${file}: expected a mapping with name, params, interventions..., got ${show(doc)}`);
  for (const k of Object.keys(doc)) if (!TOP_KEYS.includes(k)) throw unknownKey(file, '(top level)', k, TOP_KEYS);
  return doc;
}

interface Layer { name?: string; description?: string; run: Partial<Record<RunKey, number>>; params: Record<string, number | string>; interventions?: Intervention[] }

function loadLayers(file: string, seen: string[] = []): Layer[] {
  const abs = resolve(file);
  if (seen.includes(abs)) throw new InputError(`${file}: extends: cycle (${[...seen, abs].map((f) => basename(f)).join(' → ')})`);
  const raw = readRaw(file);
  const layers: Layer[] = [];
  if (raw.extends !== undefined) {
    if (typeof raw.extends !== 'string') throw new InputError(`${file}: extends: expected a file path, got ${show(raw.extends)}`);
    layers.push(...loadLayers(resolve(dirname(abs), raw.extends), [...seen, abs]));
  }
  for (const k of ['name', 'description'] as const)
    if (raw[k] !== undefined && typeof raw[k] !== 'string') throw new InputError(`${file}: ${k}: expected text, got ${show(raw[k])}`);
  const run: Partial<Record<RunKey, number>> = {};
  if (raw.run !== undefined) {
    if (!isObj(raw.run)) throw new InputError(`${file}: run: expected a mapping of weeks, warmup, reps, seed`);
    for (const [k, v] of Object.entries(raw.run)) {
      if (!(k in RUN_SPEC)) throw unknownKey(file, 'run', k, Object.keys(RUN_SPEC));
      run[k as RunKey] = checkRun(`${file}: run.${k}`, k as RunKey, v);
    }
  }
  layers.push({
    name: raw.name as string | undefined,
    description: raw.description as string | undefined,
    run,
    params: raw.params === undefined ? {} : checkParams(file, raw.params),
    interventions: raw.interventions === undefined ? undefined : checkInterventions(file, raw.interventions),
  });
  return layers;
}

export function checkRun(where: string, key: RunKey, v: unknown): number {
  const s = RUN_SPEC[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < s.min || v > s.max) throw new InputError(`${where}: expected an integer from ${s.min} to ${s.max}, got ${show(v)}`);
  return v;
}

export interface Overrides {
  /** `path=value` strings from --set */
  set?: string[];
  weeks?: number;
  reps?: number;
  seed?: number;
  warmup?: number;
}

/** Parse a `path=value` string; the value is a number when it reads as one. */
export function parseSet(s: string): [string, number | string] {
  const eq = s.indexOf('=');
  if (eq <= 0) throw new InputError(`--set ${s}: expected path=value, e.g. practice.scatterShare=0.5`);
  const path = s.slice(0, eq).trim();
  const text = s.slice(eq + 1).trim();
  const value = text !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;
  return [path, value];
}

/** Load, merge (`extends`), override and validate a scenario file. */
export function loadScenario(file: string, o: Overrides = {}): Scenario {
  const layers = loadLayers(file);
  const params: Params = defaults();
  const run: Record<RunKey, number> = { weeks: RUN_SPEC.weeks.default, warmup: RUN_SPEC.warmup.default, reps: RUN_SPEC.reps.default, seed: RUN_SPEC.seed.default };
  let interventions: Intervention[] = [];
  let name = basename(file, extname(file));
  let description = '';
  for (const l of layers) {
    for (const [p, v] of Object.entries(l.params)) setParam(params, p, v);
    Object.assign(run, l.run);
    if (l.interventions) interventions = l.interventions;
    if (l.description !== undefined) description = l.description;
  }
  const top = layers[layers.length - 1]!;
  if (top.name !== undefined) name = top.name;
  for (const s of o.set ?? []) {
    const [path, value] = parseSet(s);
    setParam(params, path, checkAssignment(`--set ${s}`, path, value));
  }
  if (o.weeks !== undefined) run.weeks = checkRun('--weeks', 'weeks', o.weeks);
  if (o.reps !== undefined) run.reps = checkRun('--reps', 'reps', o.reps);
  if (o.seed !== undefined) run.seed = checkRun('--seed', 'seed', o.seed);
  if (o.warmup !== undefined) run.warmup = checkRun('--warmup', 'warmup', o.warmup);
  if (run.warmup >= run.weeks) run.warmup = Math.max(0, Math.min(run.warmup, run.weeks - 1));
  return buildScenario(file, { name, description, params, interventions, ...run });
}

/** Cross-field checks on a filled-in scenario. */
export function buildScenario(file: string, s: Scenario): Scenario {
  const p = s.params;
  if (p.demand.readinessMin > p.demand.readinessMax) throw new InputError(`${file}: params.demand.readinessMin: expected ≤ readinessMax (${p.demand.readinessMax}), got ${p.demand.readinessMin}`);
  const shares = Object.values(p.demand.needShare).reduce((a, b) => a + b, 0);
  if (shares <= 0) throw new InputError(`${file}: params.demand.needShare: expected at least one share above 0`);
  const tsos = Object.values(p.tso.count).reduce((a, b) => a + b, 0);
  if (tsos < 1) throw new InputError(`${file}: params.tso.count: expected at least one TSO`);
  return s;
}

/** A scenario of all defaults (library users and tests). */
export function defaultScenario(over: Partial<Scenario> = {}): Scenario {
  return { name: 'default', description: '', params: defaults(), interventions: [], weeks: 260, warmup: 52, reps: 10, seed: 1, ...over };
}

export { describeRange };
