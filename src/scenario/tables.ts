/**
 * The tables of a run, as CSV text: trajectories, summary, funnel and per-type TSO series.
 * Pure and Node-free: the CLI writes them to files, the explorer offers them as downloads.
 */
import { METRIC_NAMES, TYPE_FIELDS } from '../model/metrics.js';
import { TSO_TYPES } from '../model/params.js';
import { FUNNEL_KEYS } from '../model/world.js';
import type { RunResult } from '../model/simulate.js';
import type { Organisation, Scenario } from '../model/scenario.js';
import { DESTINATIONS } from '../model/orgs.js';
import { summarize } from './stats.js';
import { textCell, toCsv } from './csv.js';
import { CsvBytes } from './csvBytes.js';

type Row = Array<string | number>;

/** One row per replication per week; `weeks` limits each run to its first weeks (a run in progress). */
export function trajectoriesCsv(runs: RunResult[], weeks?: number): string {
  // The largest table we write (a sweep's or a long run's: tens of MB): what toCsv would write for
  // the rows [scenario, rep, seed, week, ...fmt(metric)], written as bytes (CsvBytes), without a
  // row array, a boxed number or a string per cell (bench/README.md: CSV as bytes).
  const out = new CsvBytes();
  out.text(toCsv(['scenario', 'rep', 'seed', 'week', ...METRIC_NAMES], []));
  for (const r of runs) {
    const series = METRIC_NAMES.map((m) => r.metrics[m]);
    const first = CsvBytes.encode(`${textCell(r.scenario)},${r.rep},${r.seed},`);
    for (let w = 0; w < (weeks ?? r.weeks); w++) {
      out.bytes(first);
      out.uint(w + 1);
      out.cells(series, w);
      out.byte(10);
    }
  }
  return out.done();
}

/** summary.csv's statistics after its week and metric, in its column order. */
const STAT_FIELDS = ['mean', 'sd', 'ci_low', 'ci_high', 'n'] as const;

/** Mean, SD and 95% interval across replications per week and metric; written as bytes (toCsv's text). */
export function summaryCsv(runs: RunResult[]): string {
  const weeks = runs[0]?.weeks ?? 0;
  const out = new CsvBytes();
  out.text(toCsv(['scenario', 'week', 'metric', 'mean', 'sd', 'ci_low', 'ci_high', 'n'], []));
  const name = weeks > 0 ? CsvBytes.encode(`${textCell(runs[0]!.scenario)},`) : new Uint8Array(0);
  const series = METRIC_NAMES.map((m) => runs.map((r) => r.metrics[m]));
  const names = METRIC_NAMES.map((m) => CsvBytes.encode(`,${textCell(m)}`));
  const xs: number[] = runs.map(() => 0);
  for (let w = 0; w < weeks; w++)
    for (let k = 0; k < series.length; k++) {
      const col = series[k]!;
      for (let i = 0; i < col.length; i++) xs[i] = col[i]![w]!;
      const s = summarize(xs);
      out.bytes(name);
      out.uint(w + 1);
      out.bytes(names[k]!);
      for (const x of STAT_FIELDS) {
        out.byte(44);
        out.num(s[x]);
      }
      out.byte(10);
    }
  return out.done();
}

export function funnelCsv(runs: RunResult[]): string {
  return toCsv(['scenario', 'rep', 'seed', ...FUNNEL_KEYS], runs.map((r) => [r.scenario, r.rep, r.seed, ...FUNNEL_KEYS.map((k) => r.funnel[k])]));
}

/** One row per replication, week and TSO type; written as trajectoriesCsv writes (toCsv's text). */
export function tsoTypesCsv(runs: RunResult[]): string {
  const out = new CsvBytes();
  out.text(toCsv(['scenario', 'rep', 'seed', 'week', 'tso_type', ...TYPE_FIELDS], []));
  const types = TSO_TYPES.map((t) => CsvBytes.encode(`,${textCell(t)}`));
  for (const r of runs) {
    const first = CsvBytes.encode(`${textCell(r.scenario)},${r.rep},${r.seed},`);
    const series = TSO_TYPES.map((t) => TYPE_FIELDS.map((f) => r.tsoTypes[t][f]));
    for (let w = 0; w < r.weeks; w++)
      for (let ti = 0; ti < series.length; ti++) {
        out.bytes(first);
        out.uint(w + 1);
        out.bytes(types[ti]!);
        out.cells(series[ti]!, w);
        out.byte(10);
      }
  }
  return out.done();
}

/** The columns of organisations.csv (an area's runs): the issue's ten, then where displaced people went. */
export const ORG_COLUMNS = ['rep', 'organisation', 'name', 'type', 'closed_week', 'places', 'served', 'completed', 'waiting_end', 'displaced',
  ...DESTINATIONS.map((d) => `displaced_${d === 'left' || d === 'with_clw' ? d : `to_${d}`}`)];

/** An area's runs: one row per replication and organisation (closed_week empty while open). */
export function organisationsCsv(orgs: Organisation[], runs: RunResult[]): string {
  const rows: Row[] = [];
  for (const r of runs) {
    const o = r.organisations;
    if (!o) continue;
    orgs.forEach((g, j) => void rows.push([r.rep, g.id, g.name, g.type, o.closedWeek[j] || '', o.places[j]!, o.served[j]!, o.completed[j]!, o.waitingEnd[j]!, o.displaced[j]!, ...o.displacedTo[j]!]));
  }
  return toCsv(ORG_COLUMNS, rows);
}

/** Every table of a run folder, in writing order (organisations.csv for an area), each made when called. */
export function runTableMakers(runs: RunResult[], scenario?: Scenario): Array<[string, () => string]> {
  const orgs = scenario?.organisations;
  return [
    ['trajectories.csv', () => trajectoriesCsv(runs)],
    ['summary.csv', () => summaryCsv(runs)],
    ['funnel.csv', () => funnelCsv(runs)],
    ['tso_types.csv', () => tsoTypesCsv(runs)],
    ...(orgs ? [['organisations.csv', () => organisationsCsv(orgs, runs)] as [string, () => string]] : []),
  ];
}

/** Every table of a run folder, in writing order (organisations.csv for an area). */
export const runTables = (runs: RunResult[], scenario?: Scenario): Array<[string, string]> => runTableMakers(runs, scenario).map(([name, make]) => [name, make()]);
