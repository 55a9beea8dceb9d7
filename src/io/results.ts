/**
 * Results on disk. A comparison folder (clwsim compare) holds report.json, runs/<scenario>/ (the
 * usual run outputs, manifest.json with the resolved scenario and seeds) and the report files; a
 * run folder (clwsim run) holds trajectories.csv and manifest.json. Both can be read back into
 * arms, so `clwsim report <dir>` rebuilds a report from disk alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Format } from '../experiment/table.js';
import { inFormat, readOutputText, writeOutput } from './tableFiles.js';
import { join } from 'node:path';
import { METRIC_NAMES, type MetricName } from '../model/metrics.js';
import type { RunResult } from '../model/simulate.js';
import type { Organisation, Scenario } from '../model/scenario.js';
import { InputError } from '../scenario/errors.js';
import { ORG_COLUMNS, runTableMakers, runTables } from '../scenario/tables.js';
import { DESTINATIONS, type OrgResult } from '../model/orgs.js';
import { splitCsvLine } from '../scenario/csv.js';

export { splitCsvLine };
import { folderName } from '../scenario/names.js';
import { warmupReport, type WarmupReport } from '../experiment/warmup.js';
import { writeJson } from './files.js';
import type { Arm, RepSeries } from '../report/arms.js';
import type { Sensitivity } from '../report/sensitivity.js';
import type { ReportFiles } from '../report/build.js';
import type { PosteriorUse } from '../experiment/posterior.js';

export interface Manifest {
  tool: string;
  version: string;
  /** The git commit clwsim ran from, when run from a checkout. */
  commit?: string;
  command: string;
  /** The arguments the command received. */
  argv?: string[];
  scenario: Scenario;
  seeds: number[];
  started: string;
  duration_ms: number;
  files: string[];
  /** The posterior replication i drew its parameters from (draw i), if any. */
  posterior?: PosteriorUse;
  /** The warm-up MSER-5 finds on this run's key metrics, beside the one its summaries use. */
  warmup?: WarmupReport;
}

/** The files of a run folder, in writing order (the manifest last). */
export const RUN_FILES = ['trajectories.csv', 'summary.csv', 'funnel.csv', 'tso_types.csv', 'manifest.json'];
/** The files of a scenario's run folder (an area's also has organisations.csv), in a format. */
export const runFiles = (s: Scenario, format: Format = 'csv'): string[] =>
  (s.organisations ? [...RUN_FILES.slice(0, -1), 'organisations.csv', 'manifest.json'] : RUN_FILES).map((f) => inFormat(f, format));

/** A run folder's contents before they are written: its tables (CSV text) and what the manifest adds. */
export interface RunOutputs {
  tables: Array<[string, string]>;
  seeds: number[];
  warmup: WarmupReport;
}

/** What a run folder's manifest adds to its tables. */
const withManifest = (tables: Array<[string, string]>, runs: RunResult[], scenario: Scenario): RunOutputs =>
  ({ tables, seeds: runs.map((r) => r.seed), warmup: warmupReport(runs, scenario.warmup) });

/** The contents of a run folder. */
export const runOutputs = (runs: RunResult[], scenario: Scenario): RunOutputs => withManifest(runTables(runs, scenario), runs, scenario);

/**
 * The same, handing the thread back (`pause`) after each table: compare prepares its arms'
 * while the worker pool runs the sensitivity analysis, and the pool hands a worker its next job
 * only when this thread is free (bench/README.md, fifth pass).
 */
export async function runOutputsPaced(runs: RunResult[], scenario: Scenario, pause: () => Promise<void>): Promise<RunOutputs> {
  const tables: Array<[string, string]> = [];
  for (const [name, make] of runTableMakers(runs, scenario)) {
    tables.push([name, make()]);
    await pause();
  }
  return withManifest(tables, runs, scenario);
}

/** Write every output of a run (tables as CSV or Parquet); each file atomically, the manifest last. */
export function writeRunOutputs(dir: string, runs: RunResult[], manifest: Omit<Manifest, 'files' | 'seeds' | 'warmup'>, format: Format = 'csv', prepared = runOutputs(runs, manifest.scenario)): string[] {
  const names = [...prepared.tables.map(([name, text]) => writeOutput(dir, name, text, format)), 'manifest.json'];
  writeJson(join(dir, 'manifest.json'), { ...manifest, seeds: prepared.seeds, warmup: prepared.warmup, files: names });
  return names;
}

export interface ComparisonManifest {
  tool: 'clwsim';
  kind: 'comparison';
  version: string;
  /** The git commit clwsim ran from, when run from a checkout, and the arguments the command received. */
  commit?: string;
  argv?: string[];
  command: string;
  baseline: string;
  scenarios: string[];
  /** Run folder of each arm, relative to the comparison folder. */
  runs: Record<string, string>;
  window: { weeks: number; from: number; to: number };
  sensitivity: Sensitivity | null;
  files: string[];
  /** The posterior replication i of every arm drew its parameters from (draw i), if any. */
  posterior?: PosteriorUse;
  /** Tables as Parquet (absent: CSV). */
  format?: 'parquet';
}

/** The folder of a scenario's runs inside a comparison folder (one safe path segment). */
export const runFolder = (name: string) => `runs/${folderName(name)}`;

/** Every file a comparison folder holds: each arm's run folder, the report files, report.json. */
export function comparisonFiles(scenarios: Scenario[], report: ReportFiles, format: Format = 'csv'): string[] {
  return [...scenarios.flatMap((s) => runFiles(s, format).map((f) => `${runFolder(s.name)}/${f}`)), ...report.files.map(([n]) => inFormat(n, format)), 'report.json'];
}

/** Write the arms' run outputs, then the report files, then report.json; every file atomically. */
export function writeComparison(dir: string, arms: Array<{ scenario: Scenario; runs: RunResult[]; outputs?: RunOutputs }>, report: ReportFiles, m: Omit<ComparisonManifest, 'files' | 'runs' | 'tool' | 'kind' | 'sensitivity'>, started: Date): string[] {
  const format = m.format ?? 'csv';
  const runs: Record<string, string> = {};
  for (const a of arms) {
    runs[a.scenario.name] = runFolder(a.scenario.name);
    writeRunOutputs(join(dir, runFolder(a.scenario.name)), a.runs, {
      tool: 'clwsim', version: m.version, commit: m.commit, command: m.command, argv: m.argv, scenario: a.scenario, started: started.toISOString(), duration_ms: Date.now() - started.getTime(),
    }, format, a.outputs);
  }
  const names = writeReportFiles(dir, report, format);
  writeJson(join(dir, 'report.json'), { tool: 'clwsim', kind: 'comparison', ...m, runs, sensitivity: report.sensitivity ?? null, files: [...names, 'report.json'] });
  return [...names, 'report.json'];
}

/** After `clwsim report` rebuilt a comparison's files: its window, sensitivity and file list. */
export function updateComparisonManifest(dir: string, m: ComparisonManifest, sensitivity: Sensitivity | undefined, window: ComparisonManifest['window'], names: string[]): void {
  writeJson(join(dir, 'report.json'), { ...m, window, sensitivity: sensitivity ?? null, files: [...names, 'report.json'] });
}

/** The report's files; its tables (comparison, costs, sensitivity) in `format`. Returns the names written. */
export function writeReportFiles(dir: string, report: ReportFiles, format: Format = 'csv'): string[] {
  return report.files.map(([name, text]) => writeOutput(dir, name, text, format));
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (e) {
    throw new InputError(`${file}: ${e instanceof SyntaxError ? `not valid JSON (${e.message})` : 'cannot be read'}`);
  }
}

/** An arm from a run folder: manifest.json (resolved scenario, seeds) and trajectories.csv (or .parquet). */
export async function loadRunFolder(dir: string): Promise<Arm> {
  const mf = join(dir, 'manifest.json'), tf = join(dir, 'trajectories.csv');
  if (!existsSync(mf)) throw new InputError(`${mf}: file not found; expected the outputs of clwsim run or clwsim compare`);
  const text = await readOutputText(dir, 'trajectories.csv');
  if (text === undefined) throw new InputError(`${tf}: file not found (nor trajectories.parquet); expected the outputs of clwsim run or clwsim compare`);
  const manifest = readJson<Manifest>(mf);
  const scenario = manifest.scenario;
  if (!scenario || typeof scenario.weeks !== 'number' || !scenario.params || !Array.isArray(manifest.seeds))
    throw new InputError(`${mf}: expected a clwsim manifest with scenario (resolved, with weeks and params) and seeds`);
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const header = splitCsvLine(lines[0] ?? '');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new InputError(`${tf}: missing column "${name}"; expected scenario,rep,seed,week and every metric`);
    return i;
  };
  const [iRep, iSeed, iWeek] = [col('rep'), col('seed'), col('week')];
  const cols = METRIC_NAMES.map((m) => [m, col(m)] as const);
  const byRep = new Map<number, RepSeries>();
  for (let k = 1; k < lines.length; k++) {
    const f = splitCsvLine(lines[k]!);
    const rep = Number(f[iRep]), week = Number(f[iWeek]);
    if (!Number.isInteger(rep) || !Number.isInteger(week) || week < 1 || week > scenario.weeks)
      throw new InputError(`${tf}: line ${k + 1}: expected an integer rep and a week from 1 to ${scenario.weeks}, got rep "${f[iRep]}", week "${f[iWeek]}"`);
    let r = byRep.get(rep);
    if (!r) {
      r = { rep, seed: Number(f[iSeed]), metrics: Object.fromEntries(METRIC_NAMES.map((m) => [m, new Float64Array(scenario.weeks).fill(NaN)])) as Record<MetricName, Float64Array> };
      byRep.set(rep, r);
    }
    for (const [m, i] of cols) r.metrics[m][week - 1] = f[i] === '' ? NaN : Number(f[i]);
  }
  const runs = [...byRep.values()].sort((a, b) => a.rep - b.rep);
  if (runs.length === 0) throw new InputError(`${tf}: no rows; expected one row per replication and week`);
  for (const r of runs)
    if (r.metrics.arrivals.some((v) => Number.isNaN(v))) throw new InputError(`${tf}: replication ${r.rep} lacks some of weeks 1-${scenario.weeks}`);
  if (scenario.organisations) readOrganisations(join(dir, 'organisations.csv'), scenario.organisations, runs);
  return { scenario, runs };
}

/** An area's organisations.csv back into each replication's per-organisation results. */
function readOrganisations(file: string, orgs: Organisation[], runs: RepSeries[]): void {
  if (!existsSync(file)) throw new InputError(`${file}: file not found; an area's run folder holds one (clwsim run or compare writes it)`);
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const header = splitCsvLine(lines[0] ?? '');
  if (header.join(',') !== ORG_COLUMNS.join(',')) throw new InputError(`${file}: row 1: expected the columns ${ORG_COLUMNS.join(',')}`);
  const index = new Map(orgs.map((o, j) => [o.id, j]));
  const byRep = new Map(runs.map((r) => {
    const n = orgs.length;
    const z = () => new Array<number>(n).fill(0);
    const o: OrgResult = { closedWeek: z(), places: z(), served: z(), completed: z(), waitingEnd: z(), displaced: z(), displacedTo: Array.from({ length: n }, () => new Array<number>(DESTINATIONS.length).fill(0)) };
    r.orgs = o;
    return [r.rep, o];
  }));
  for (let k = 1; k < lines.length; k++) {
    const f = splitCsvLine(lines[k]!);
    const o = byRep.get(Number(f[0])), j = index.get(f[1]!);
    const nums = f.slice(4).map((x) => (x === '' ? 0 : Number(x)));
    if (!o || j === undefined || f.length !== ORG_COLUMNS.length || nums.some((x) => !Number.isFinite(x)))
      throw new InputError(`${file}: row ${k + 1}: expected a replication of this run, an organisation of its register and numbers, got ${JSON.stringify(lines[k]!.slice(0, 80))}`);
    [o.closedWeek[j], o.places[j], o.served[j], o.completed[j], o.waitingEnd[j], o.displaced[j]] = nums as [number, number, number, number, number, number];
    o.displacedTo[j] = nums.slice(6);
  }
}

export interface LoadedResults {
  kind: 'comparison' | 'run';
  base: Arm;
  arms: Arm[];
  manifest?: ComparisonManifest;
  command: string;
}

/** Read a comparison folder or a run folder. */
export async function loadResults(dir: string): Promise<LoadedResults> {
  if (!existsSync(dir)) throw new InputError(`${dir}: folder not found`);
  const rj = join(dir, 'report.json');
  if (existsSync(rj)) {
    const m = readJson<ComparisonManifest>(rj);
    if (m.kind !== 'comparison' || typeof m.baseline !== 'string' || !Array.isArray(m.scenarios) || typeof m.runs !== 'object')
      throw new InputError(`${rj}: expected kind "comparison" with baseline, scenarios and runs (written by clwsim compare)`);
    const arm = (name: string) => {
      if (typeof m.runs[name] !== 'string') throw new InputError(`${rj}: runs: no folder for scenario "${name}"`);
      return loadRunFolder(join(dir, m.runs[name]!));
    };
    const base = await arm(m.baseline);
    const arms: Arm[] = [];
    for (const s of m.scenarios) arms.push(await arm(s));
    return { kind: 'comparison', base, arms, manifest: m, command: m.command };
  }
  if (existsSync(join(dir, 'manifest.json')) || existsSync(join(dir, 'trajectories.csv'))) {
    const base = await loadRunFolder(dir);
    const m = readJson<Manifest>(join(dir, 'manifest.json'));
    return { kind: 'run', base, arms: [], command: m.command ?? '' };
  }
  throw new InputError(`${dir}: not a clwsim results folder; expected report.json (from clwsim compare) or manifest.json and trajectories.csv or .parquet (from clwsim run)`);
}
