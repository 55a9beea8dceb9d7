/**
 * Fill defaults → validate → build: a chain of parsed scenario files (`extends` first) and the
 * command line's overrides become one valid Scenario. Pure and Node-free: reading the files
 * (and resolving `extends` paths) is io/'s job; this module only sees parsed mappings.
 */
import { type Params, defaults, setParam } from '../model/params.js';
import type { Scenario } from '../model/scenario.js';
import { MAX_TSOS } from '../model/clients.js';
import { InputError, type Raw, isObj, show, keysOnly } from './errors.js';
import { RUN_SPEC, type RunKey, type LayerIntervention, checkRun, checkRunBlock, checkParams, checkInterventions, checkAssignment, checkName, checkText, parseSet } from './checks.js';
import type { Register } from './register.js';
import { checkArea, checkAreaParams, countsOf, organisationsOf, resolveInterventions } from './area.js';

export const TOP_KEYS = ['name', 'description', 'extends', 'organisations', 'run', 'params', 'interventions'];

/** One scenario file, checked on its own. */
export interface Layer {
  file: string;
  /** The `extends:` path as written (io/ resolves it relative to `file`). */
  extends?: string;
  name?: string;
  description?: string;
  run: Partial<Record<RunKey, number>>;
  params: Record<string, number | string>;
  interventions?: LayerIntervention[];
  /** `organisations:` as written: an area's register (io/ resolves it relative to `file` and reads it into `register`). */
  organisations?: string;
  register?: Register;
}

export function layerFromRaw(file: string, raw: unknown): Layer {
  if (!isObj(raw)) throw new InputError(`${file}: expected a mapping with name, params, interventions..., got ${show(raw)}`);
  keysOnly(file, '(top level)', raw, TOP_KEYS);
  if (raw.extends !== undefined && typeof raw.extends !== 'string') throw new InputError(`${file}: extends: expected a file path, got ${show(raw.extends)}`);
  if (raw.organisations !== undefined && typeof raw.organisations !== 'string') throw new InputError(`${file}: organisations: expected the path of the area's register (organisations.csv), got ${show(raw.organisations)}`);
  return {
    file,
    extends: raw.extends as string | undefined,
    organisations: raw.organisations as string | undefined,
    name: raw.name === undefined ? undefined : checkName(file, raw.name),
    description: raw.description === undefined ? undefined : checkText(file, 'description', raw.description, 2000),
    run: raw.run === undefined ? {} : checkRunBlock(file, raw.run),
    params: raw.params === undefined ? {} : checkParams(file, raw.params),
    interventions: raw.interventions === undefined ? undefined : checkInterventions(file, raw.interventions),
  };
}

/** Command-line overrides of a scenario. */
export interface Overrides {
  /** `path=value` strings from --set */
  set?: string[];
  weeks?: number;
  reps?: number;
  seed?: number;
  warmup?: number;
}

export const RUN_DEFAULTS: Record<RunKey, number> = {
  weeks: RUN_SPEC.weeks.default, warmup: RUN_SPEC.warmup.default, reps: RUN_SPEC.reps.default, seed: RUN_SPEC.seed.default,
};

/**
 * Merge layers (base first: later files override earlier ones; the last file's interventions
 * list, if any, replaces earlier lists), apply overrides, then check the whole.
 */
export function scenarioFromLayers(layers: Layer[], o: Overrides = {}, fallbackName = 'scenario'): Scenario {
  const top = layers[layers.length - 1];
  if (!top) throw new InputError('no scenario file given');
  const params: Params = defaults();
  const run = { ...RUN_DEFAULTS };
  let interventions: LayerIntervention[] = [];
  let description = '';
  const regAt = layers.map((l) => !!l.register).lastIndexOf(true);
  const register = layers[regAt]?.register;
  layers.forEach((l, k) => {
    // a file the area extends (baseline.yaml) may count TSOs: the register replaces its counts
    const own = k < regAt ? Object.keys(l.params).filter((p) => !p.startsWith('tso.count.')) : Object.keys(l.params);
    if (register) checkAreaParams(`${l.file}: params`, own);
    for (const [p, v] of Object.entries(l.params)) setParam(params, p, v);
    Object.assign(run, l.run);
    if (l.interventions) interventions = l.interventions;
    if (l.description !== undefined) description = l.description;
  });
  for (const s of o.set ?? []) {
    const [path, value] = parseSet(s);
    if (register) checkAreaParams(`--set ${s}`, [path]);
    setParam(params, path, checkAssignment(`--set ${s}`, path, value));
  }
  // an area: its TSOs are the register's organisations, at the parameters as set
  const organisations = register ? organisationsOf(register, params) : undefined;
  if (organisations) params.tso.count = countsOf(organisations);
  for (const k of ['weeks', 'reps', 'seed', 'warmup'] as const) if (o[k] !== undefined) run[k] = checkRun(`--${k}`, k, o[k]);
  const warmupFrom = o.warmup !== undefined ? '--warmup' : `${[...layers].reverse().find((l) => l.run.warmup !== undefined)?.file ?? top.file}: run.warmup`;
  const weeksFrom = o.weeks !== undefined ? '--weeks' : 'run.weeks';
  if (run.warmup >= run.weeks)
    throw new InputError(`${warmupFrom}: expected a warm-up shorter than the horizon (${weeksFrom} = ${run.weeks}), got ${run.warmup}; set a smaller warm-up (warmup: in the file, or --warmup)`);
  const ivs = resolveInterventions(interventions, organisations);
  return buildScenario(top.file, { name: top.name ?? fallbackName, description, params, interventions: ivs, ...run, ...(organisations ? { organisations } : {}) });
}

/** Cross-field checks on a filled-in scenario. */
export function buildScenario(file: string, s: Scenario): Scenario {
  const p = s.params;
  if (p.demand.readinessMin > p.demand.readinessMax) throw new InputError(`${file}: params.demand.readinessMin: expected ≤ readinessMax (${p.demand.readinessMax}), got ${p.demand.readinessMin}`);
  const shares = Object.values(p.demand.needShare).reduce((a, b) => a + b, 0);
  if (shares <= 0) throw new InputError(`${file}: params.demand.needShare: expected at least one share above 0`);
  const tsos = Object.values(p.tso.count).reduce((a, b) => a + b, 0);
  if (tsos < 1) throw new InputError(`${file}: params.tso.count: expected at least one TSO`);
  const all = s.organisations?.length ?? tsos; // an area's register sets the counts from its rows
  if (all > MAX_TSOS) throw new InputError(`${file}: ${s.organisations ? 'organisations' : 'params.tso.count'}: expected at most ${MAX_TSOS} TSOs in all (the engine keeps TSO ids in 16 bits), got ${all}`);
  checkArea(file, s);
  s.interventions.forEach((iv, k) => {
    if (iv.week > s.weeks)
      throw new InputError(`${file}: interventions[${k}].week: expected a week within the horizon (1 to ${s.weeks}), got ${iv.week} ("${iv.label}"); run longer (--weeks) or move the intervention`);
  });
  return s;
}

/** A scenario of all defaults (library users and tests). */
export function defaultScenario(over: Partial<Scenario> = {}): Scenario {
  return { name: 'default', description: '', params: defaults(), interventions: [], ...RUN_DEFAULTS, ...over };
}

export type { Raw };
