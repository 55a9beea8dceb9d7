/**
 * Sweep files: a base scenario, factors (value lists → full factorial; ranges → Latin
 * hypercube or Morris), replications, seed, horizon, summary window and what to keep.
 * Validated once here, with the same one-line errors as scenario files: file, field, expected.
 * Precedence: scenario file < sweep file < command line (--reps, --weeks, --seed, --set).
 * Node-free: io/sweepFile.ts reads the file and loads the base scenario.
 */
import { leaves, specAt, type NumSpec, type LeafSpec } from '../model/params.js';
import { checkAreaParams } from './area.js';
import { InputError, type Raw, isObj, show, keysOnly, intField as intAt } from './errors.js';
import { checkAssignment, checkRun, checkName, checkText, parseSet } from './checks.js';
import type { Overrides } from './build.js';
import type { Statistic, Window } from './stats.js';
import { METRIC_NAMES, type MetricName } from '../model/metrics.js';
import type { Scenario } from '../model/scenario.js';
import { parseSobol, type SobolSettings } from './sobolFile.js';

/** A factor path that changes one of the base scenario's interventions: its week or a value it sets. */
export const INTERVENTION_PATH = /^interventions\[(\d+)\]\.(week|set\.(.+))$/;

export type Factor =
  | { path: string; kind: 'list'; values: Array<number | string> }
  | { path: string; kind: 'range'; min: number; max: number; integer: boolean };

export interface Precision { target: number; metrics: MetricName[]; maxReps: number }
export interface Morris { trajectories: number; levels: number }

/** A sweep as resolved: everything needed to reproduce it, and nothing about where it ran. */
export interface Sweep {
  name: string;
  description: string;
  /** The base scenario file, relative to the working directory, as given. */
  scenarioFile: string;
  base: Scenario;
  factors: Factor[];
  /** Latin-hypercube points (range factors); 0 when every factor is a list. */
  samples: number;
  reps: number;
  seed: number;
  weeks: number;
  warmup: number;
  /** Summary window, 1-based inclusive weeks. */
  window: Window;
  statistic: Statistic;
  metrics: MetricName[];
  keep: 'summaries' | 'trajectories';
  crn: boolean;
  precision: Precision | null;
  morris: Morris | null;
  /** The Saltelli design of `clwsim sensitivity --method sobol`. */
  sobol?: SobolSettings | null;
  /** Things that are allowed but probably not meant (printed, not part of the result). */
  warnings: string[];
  /**
   * Parameter draws from a posterior (experiment/posterior.ts's PosteriorUse): replication r of
   * every design point runs with draws[r].
   */
  posterior?: { file: string; sha256: string; particles: number; draws: Array<{ id: number; values: Record<string, number | string> }> };
}

export interface SweepOverrides {
  reps?: number;
  weeks?: number;
  seed?: number;
  set?: string[];
  precision?: number;
  maxReps?: number;
}

const TOP = ['name', 'description', 'scenario', 'set', 'factors', 'samples', 'reps', 'seed', 'weeks', 'warmup', 'window', 'statistic', 'metrics', 'keep', 'crn', 'precision', 'morris', 'sobol'];

const intField = (file: string, field: string, v: unknown, min: number, max: number): number => intAt(`${file}: ${field}`, v, min, max);

function metricList(file: string, field: string, v: unknown): MetricName[] {
  if (!Array.isArray(v) || v.length === 0) throw new InputError(`${file}: ${field}: expected a list of metric names, e.g. [waitlist_total, dropout_rate]`);
  return v.map((m, i) => {
    if (typeof m !== 'string' || !(METRIC_NAMES as string[]).includes(m)) throw new InputError(`${file}: ${field}[${i}]: expected a metric name (one of ${METRIC_NAMES.join(', ')}), got ${show(m)}`);
    return m as MetricName;
  });
}

const WEEK_SPEC: NumSpec = { kind: 'number', default: 1, min: 1, max: 5200, integer: true, unit: 'week', description: 'week of an intervention', source: '' };

/** The spec a factor's values must meet and how to check one value (with its one-line error). */
function target(file: string, path: string): { spec: LeafSpec; check: (x: unknown) => number | string } {
  const m = INTERVENTION_PATH.exec(path);
  if (m && m[2] === 'week') return { spec: WEEK_SPEC, check: (x) => checkRun(`${file}: factors.${path}`, 'weeks', x) };
  const param = m ? m[3]! : path;
  if (m && param.startsWith('tso.count.')) throw new InputError(`${file}: factors.${path}: TSO counts are fixed at the start; vary ${param} itself, or cut funding in the intervention`);
  const spec = specAt(param);
  if (!spec) checkAssignment(`${file}: factors`, param, undefined); // throws "unknown parameter" with a hint
  return { spec: spec!, check: (x) => checkAssignment(`${file}: factors`, param, x) };
}

function parseFactor(file: string, path: string, v: unknown, spread: number): Factor {
  const where = `${file}: factors.${path}`;
  const { spec, check } = target(file, path);
  if (Array.isArray(v)) {
    if (v.length === 0) throw new InputError(`${where}: expected at least one value`);
    const values = v.map(check);
    if (new Set(values).size !== values.length) throw new InputError(`${where}: expected distinct values, got ${show(v)}`);
    return { path, kind: 'list', values };
  }
  if (spec.kind !== 'number') throw new InputError(`${where}: expected a list of values (${path} is a choice, not a number), got ${show(v)}`);
  const ns = spec as NumSpec;
  let min: number, max: number;
  if (v === 'default') {
    // ±spread around the default, inside the schema's range (used by `factors: all`)
    const d = ns.default;
    [min, max] = d === 0 ? [ns.min, Math.min(ns.max, ns.min + 1)] : [Math.max(ns.min, d * (1 - spread)), Math.min(ns.max, d * (1 + spread))];
    if (min > max) [min, max] = [max, min];
  } else {
    if (!isObj(v) || typeof v.min !== 'number' || typeof v.max !== 'number' || Object.keys(v).some((k) => k !== 'min' && k !== 'max'))
      throw new InputError(`${where}: expected a list of values or a range { min, max }, got ${show(v)}`);
    check(v.min);
    check(v.max);
    [min, max] = [v.min, v.max];
  }
  if (!(min < max)) throw new InputError(`${where}: expected min < max, got ${show(v)}`);
  return { path, kind: 'range', min, max, integer: ns.integer === true };
}

/** Factors, Latin-hypercube samples and Morris settings (validated before the base scenario is touched). */
/** How a sweep file is run: a sweep, Morris screening or Sobol' indices (`clwsim sensitivity --method`). */
export type SweepMode = 'sweep' | 'morris' | 'sobol';

function parseDesign(file: string, d: Raw, mode: SweepMode): { factors: Factor[]; samples: number; morris: Morris | null; sobol?: SobolSettings; warnings?: string[] } {
  const morris = mode !== 'sweep'; // both sensitivity designs vary every factor over a range
  let rawFactors = d.factors;
  let spread = 0.5;
  if (rawFactors === 'all' || (isObj(rawFactors) && rawFactors.all !== undefined)) {
    if (!morris) throw new InputError(`${file}: factors: "all" is for sensitivity (clwsim sensitivity); a sweep needs explicit factors`);
    if (isObj(rawFactors)) {
      keysOnly(file, 'factors', rawFactors, ['all', 'spread']);
      if (typeof rawFactors.spread !== 'number' || rawFactors.spread <= 0 || rawFactors.spread > 1) throw new InputError(`${file}: factors.spread: expected a number in (0, 1], got ${show(rawFactors.spread)}`);
      spread = rawFactors.spread;
    }
    rawFactors = Object.fromEntries(leaves().filter((l) => l.spec.kind === 'number').map((l) => [l.path, 'default']));
  }
  if (!isObj(rawFactors) || Object.keys(rawFactors).length === 0) throw new InputError(`${file}: factors: expected a mapping of parameter paths to value lists or { min, max } ranges`);
  const factors = Object.entries(rawFactors).map(([p, v]) => parseFactor(file, p, v, spread));
  const ranges = factors.filter((f) => f.kind === 'range').length;
  if (morris && ranges < factors.length) throw new InputError(`${file}: factors.${factors.find((f) => f.kind === 'list')!.path}: expected a range { min, max } (${mode === 'sobol' ? 'Sobol\' indices vary' : 'Morris screening varies'} every factor over a range)`);
  let samples = 0;
  if (!morris && ranges > 0) {
    if (d.samples === undefined) throw new InputError(`${file}: samples: expected the number of Latin-hypercube points (range factors need it)`);
    samples = intField(file, 'samples', d.samples, 1, 100000);
  } else if (d.samples !== undefined) throw new InputError(`${file}: samples: only used with range factors in a sweep${mode === 'morris' ? ' (Morris uses morris.trajectories)' : mode === 'sobol' ? ' (Sobol uses sobol.n)' : ''}`);
  if (!morris) {
    if (d.sobol !== undefined) throw new InputError(`${file}: sobol: only used by clwsim sensitivity --method sobol`);
    return { factors, samples, morris: null };
  }
  if (mode === 'sobol') return { factors, samples, morris: null, ...parseSobol(file, d) };
  if (d.sobol !== undefined) throw new InputError(`${file}: sobol: only used with --method sobol (this runs Morris screening)`);
  const m = d.morris ?? {};
  if (!isObj(m)) throw new InputError(`${file}: morris: expected a mapping { trajectories, levels }`);
  keysOnly(file, 'morris', m, ['trajectories', 'levels']);
  const levels = m.levels === undefined ? 4 : intField(file, 'morris.levels', m.levels, 2, 100);
  if (levels % 2 !== 0) throw new InputError(`${file}: morris.levels: expected an even number of levels, got ${levels}`);
  return { factors, samples, morris: { trajectories: m.trajectories === undefined ? 10 : intField(file, 'morris.trajectories', m.trajectories, 2, 10000), levels } };
}

/** Loads the base scenario (io/ reads the file) with the sweep's overrides. */
export type BaseLoader = (o: Overrides) => Scenario;

/** The base scenario with the sweep file's and then the command line's overrides. */
function loadBase(file: string, d: Raw, o: SweepOverrides, factors: Factor[], scenarioFile: string, load: BaseLoader): Scenario {
  const set: string[] = [];
  if (d.set !== undefined) {
    if (!isObj(d.set)) throw new InputError(`${file}: set: expected a mapping of parameter paths to values`);
    for (const [p, v] of Object.entries(d.set)) {
      if (factors.some((f) => f.path === p)) throw new InputError(`${file}: set.${p}: ${p} is also a factor of this sweep; give it values under factors, or fix it under set, not both`);
      set.push(`${p}=${checkAssignment(`${file}: set`, p, v)}`);
    }
  }
  for (const s of o.set ?? []) {
    const [p] = parseSet(s);
    if (factors.some((f) => f.path === p)) throw new InputError(`--set ${s}: ${p} is a factor of this sweep; change its values in ${file}`);
  }
  const run = (k: 'reps' | 'seed' | 'weeks' | 'warmup', min: number, max: number) => (d[k] === undefined ? undefined : intField(file, k, d[k], min, max));
  const base = load({
    set: [...set, ...(o.set ?? [])],
    reps: o.reps ?? run('reps', 1, 100000), seed: o.seed ?? run('seed', 0, 4294967295), weeks: o.weeks ?? run('weeks', 1, 5200), warmup: run('warmup', 0, 5199),
  });
  for (const f of factors) {
    const m = INTERVENTION_PATH.exec(f.path);
    if (m && !base.interventions[Number(m[1])])
      throw new InputError(`${file}: factors.${f.path}: the base scenario ${scenarioFile} has ${base.interventions.length} intervention(s), numbered from 0`);
  }
  return base;
}

function parseWindow(file: string, w: unknown, base: Scenario): { from: number; to: number } {
  if (w === undefined) return { from: base.warmup + 1, to: base.weeks };
  if (!isObj(w)) throw new InputError(`${file}: window: expected { last: weeks } or { from: week, to: week }, got ${show(w)}`);
  keysOnly(file, 'window', w, ['last', 'from', 'to']);
  if (w.last !== undefined) {
    if (w.from !== undefined || w.to !== undefined) throw new InputError(`${file}: window: expected either last or from/to, not both`);
    const last = intField(file, 'window.last', w.last, 1, base.weeks);
    return { from: base.weeks - last + 1, to: base.weeks };
  }
  const to = w.to === undefined ? base.weeks : intField(file, 'window.to', w.to, 1, base.weeks);
  return { from: w.from === undefined ? 1 : intField(file, 'window.from', w.from, 1, to), to };
}

function parsePrecision(file: string, p: unknown, o: SweepOverrides, reps: number, metrics: MetricName[]): Precision | null {
  if (p === undefined && o.precision === undefined) {
    if (o.maxReps !== undefined) throw new InputError(`--max-reps ${o.maxReps}: only used with --precision (adaptive replications)`);
    return null;
  }
  const raw = p === undefined ? {} : isObj(p) ? p : typeof p === 'number' ? { target: p } : null;
  if (!raw) throw new InputError(`${file}: precision: expected { target, metrics, maxReps } or a number, got ${show(p)}`);
  keysOnly(file, 'precision', raw, ['target', 'metrics', 'maxReps']);
  const target = o.precision ?? raw.target;
  if (typeof target !== 'number' || !(target > 0 && target < 1)) throw new InputError(`${file}: precision.target: expected a number between 0 and 1 (0.05 = half-width within 5% of the mean), got ${show(target)}`);
  const maxReps = o.maxReps ?? (raw.maxReps === undefined ? 100 : intField(file, 'precision.maxReps', raw.maxReps, 2, 100000));
  if (reps < 2) throw new InputError(`${file}: reps: adaptive precision needs at least 2 replications to start from, got ${reps}`);
  if (maxReps < reps) throw new InputError(`${o.maxReps !== undefined ? `--max-reps ${maxReps}` : `${file}: precision.maxReps`}: expected at least reps (${reps}), got ${maxReps}`);
  const pm = raw.metrics === undefined ? metrics : metricList(file, 'precision.metrics', raw.metrics);
  for (const m of pm) if (!metrics.includes(m)) throw new InputError(`${file}: precision.metrics: ${m} is not among the kept metrics`);
  return { target, metrics: pm, maxReps };
}

export const SWEEP_KEYS = TOP;

/** The `scenario:` path of a parsed sweep file, as written (relative to the sweep file). */
export function sweepScenarioPath(file: string, raw: unknown): string {
  if (!isObj(raw)) throw new InputError(`${file}: expected a mapping with scenario, factors, reps..., got ${show(raw)}`);
  keysOnly(file, '(top level)', raw, TOP);
  if (typeof raw.scenario !== 'string' || raw.scenario === '')
    throw new InputError(`${file}: scenario: expected the path of a base scenario file (relative to this file), e.g. ../baseline.yaml, got ${show(raw.scenario)}`);
  return raw.scenario;
}

/**
 * Check a parsed sweep file. `scenarioFile` is its `scenario:` path as io/ resolved it;
 * `load` loads that base scenario with overrides. `mode` says which design the command runs.
 */
export function checkSweep(file: string, raw: unknown, scenarioFile: string, load: BaseLoader, o: SweepOverrides = {}, mode: SweepMode = 'sweep'): Sweep {
  sweepScenarioPath(file, raw);
  const d = raw as Raw;
  if (d.name !== undefined) checkName(file, d.name);
  if (d.description !== undefined) checkText(file, 'description', d.description, 2000);
  const { factors, samples, morris, sobol, warnings = [] } = parseDesign(file, d, mode);
  const base = loadBase(file, d, o, factors, scenarioFile, load);
  if (base.organisations) checkAreaParams(`${file}: factors (${scenarioFile} is an area)`, factors.map((f) => INTERVENTION_PATH.exec(f.path)?.[3] ?? f.path));
  const window = parseWindow(file, d.window, base);
  const statistic = d.statistic === undefined ? 'mean' : d.statistic;
  if (statistic !== 'mean' && statistic !== 'sum' && statistic !== 'last') throw new InputError(`${file}: statistic: expected one of mean, sum, last, got ${show(statistic)}`);
  const metrics = d.metrics === undefined ? [...METRIC_NAMES] : metricList(file, 'metrics', d.metrics);
  const keep = d.keep === undefined ? 'summaries' : d.keep;
  if (keep !== 'summaries' && keep !== 'trajectories') throw new InputError(`${file}: keep: expected summaries or trajectories, got ${show(keep)}`);
  const crn = d.crn === undefined ? true : d.crn;
  if (typeof crn !== 'boolean') throw new InputError(`${file}: crn: expected true or false, got ${show(crn)}`);
  return {
    name: (d.name as string | undefined) ?? fileStem(file), description: (d.description as string | undefined) ?? '',
    scenarioFile, base, factors, samples, reps: base.reps, seed: base.seed, weeks: base.weeks, warmup: base.warmup,
    window, statistic, metrics, keep, crn, precision: parsePrecision(file, d.precision, o, base.reps, metrics), morris, ...(sobol ? { sobol } : {}),
    warnings: [...warnings, ...base.interventions.flatMap((iv) => factors.filter((f) => f.path in iv.set).map((f) =>
      `${file}: factors.${f.path}: the scenario's intervention at week ${iv.week} ("${iv.label}") sets it too, so the factor's value holds only until then`))],
  };
}

/** A file name without folders and extension (a default name). */
export const fileStem = (file: string): string => file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
