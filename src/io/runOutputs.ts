/**
 * The files of `clwsim run`: trajectories.csv, summary.csv, funnel.csv, tso_types.csv and
 * manifest.json. Pure formatting (tables from results) is separate from writing.
 */
import { join } from 'node:path';
import { METRIC_NAMES, TYPE_FIELDS } from '../model/metrics.js';
import { TSO_TYPES } from '../model/params.js';
import { FUNNEL_KEYS } from '../model/world.js';
import type { RunResult } from '../model/simulate.js';
import type { Scenario } from '../model/scenario.js';
import { summarize } from '../experiment/stats.js';
import { fmt, toCsv } from './csv.js';
import { writeAtomic, writeJson } from './files.js';

type Row = Array<string | number>;

export function trajectoriesCsv(runs: RunResult[]): string {
  const rows: Row[] = [];
  for (const r of runs)
    for (let w = 0; w < r.weeks; w++) rows.push([r.scenario, r.rep, r.seed, w + 1, ...METRIC_NAMES.map((m) => fmt(r.metrics[m][w]!))]);
  return toCsv(['scenario', 'rep', 'seed', 'week', ...METRIC_NAMES], rows);
}

export function summaryCsv(runs: RunResult[]): string {
  const rows: Row[] = [];
  const weeks = runs[0]?.weeks ?? 0;
  for (let w = 0; w < weeks; w++)
    for (const m of METRIC_NAMES) {
      const s = summarize(runs.map((r) => r.metrics[m][w]!));
      rows.push([runs[0]!.scenario, w + 1, m, fmt(s.mean), fmt(s.sd), fmt(s.ci_low), fmt(s.ci_high), s.n]);
    }
  return toCsv(['scenario', 'week', 'metric', 'mean', 'sd', 'ci_low', 'ci_high', 'n'], rows);
}

export function funnelCsv(runs: RunResult[]): string {
  return toCsv(['scenario', 'rep', 'seed', ...FUNNEL_KEYS], runs.map((r) => [r.scenario, r.rep, r.seed, ...FUNNEL_KEYS.map((k) => r.funnel[k])]));
}

export function tsoTypesCsv(runs: RunResult[]): string {
  const rows: Row[] = [];
  for (const r of runs)
    for (let w = 0; w < r.weeks; w++)
      for (const t of TSO_TYPES) rows.push([r.scenario, r.rep, r.seed, w + 1, t, ...TYPE_FIELDS.map((f) => fmt(r.tsoTypes[t][f][w]!))]);
  return toCsv(['scenario', 'rep', 'seed', 'week', 'tso_type', ...TYPE_FIELDS], rows);
}

export interface Manifest {
  tool: string;
  version: string;
  command: string;
  scenario: Scenario;
  seeds: number[];
  started: string;
  duration_ms: number;
  files: string[];
}

/** Write every output of a run; each file atomically, the manifest last. */
export function writeRunOutputs(dir: string, runs: RunResult[], manifest: Omit<Manifest, 'files' | 'seeds'>): string[] {
  const files: Array<[string, string]> = [
    ['trajectories.csv', trajectoriesCsv(runs)],
    ['summary.csv', summaryCsv(runs)],
    ['funnel.csv', funnelCsv(runs)],
    ['tso_types.csv', tsoTypesCsv(runs)],
  ];
  for (const [name, text] of files) writeAtomic(join(dir, name), text);
  const names = [...files.map(([n]) => n), 'manifest.json'];
  writeJson(join(dir, 'manifest.json'), { ...manifest, seeds: runs.map((r) => r.seed), files: names });
  return names;
}
