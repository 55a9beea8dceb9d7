/**
 * The files of a sweep, as text: design.csv, runs.csv, points.csv, failures.csv,
 * convergence.csv, morris.csv and manifest.json. Rows are per design point, in point order,
 * so shard outputs concatenate into exactly the unsharded files (see merge.ts).
 */
import { toCsv, fmt } from '../scenario/csv.js';
import type { Sweep } from '../scenario/sweep.js';
import type { Point } from './design.js';
import type { RunRecord } from './runTask.js';
import { cell } from './runTask.js';
import type { Convergence } from './plan.js';
import { summarize } from '../scenario/stats.js';

type Row = Array<string | number>;

export interface PointResult { point: Point; runs: RunRecord[]; convergence: Convergence[] | null }

/** Which code made a result: the tool's version and a hash of the model's code (io/provenance.ts). */
export interface Provenance { version: string; model: string }

const factorCols = (s: Sweep) => s.factors.map((f) => f.path);
const pv = (p: Point) => p.values.map(cell);

export function designCsv(s: Sweep, pts: PointResult[]): string {
  return toCsv(['point', ...factorCols(s), 'seed'], pts.map(({ point }) => [point.id, ...pv(point), point.seed]));
}

export function runsCsv(s: Sweep, pts: PointResult[]): string {
  const rows: Row[] = [];
  for (const { point, runs } of pts)
    for (const r of runs) if (r.ok) rows.push([point.id, ...pv(point), r.rep, r.seed, ...r.values!.map(fmt)]);
  return toCsv(['point', ...factorCols(s), 'rep', 'seed', ...s.metrics], rows);
}

export function pointsCsv(s: Sweep, pts: PointResult[]): string {
  const rows: Row[] = [];
  for (const { point, runs } of pts) {
    const ok = runs.filter((r) => r.ok);
    s.metrics.forEach((m, i) => {
      const x = summarize(ok.map((r) => r.values![i]!));
      rows.push([point.id, ...pv(point), m, fmt(x.mean), fmt(x.sd), fmt(x.ci_low), fmt(x.ci_high), x.n]);
    });
  }
  return toCsv(['point', ...factorCols(s), 'metric', 'mean', 'sd', 'ci_low', 'ci_high', 'n'], rows);
}

export function failuresCsv(s: Sweep, pts: PointResult[]): string {
  const rows: Row[] = [];
  for (const { point, runs } of pts) for (const r of runs) if (!r.ok) rows.push([point.id, ...pv(point), r.rep, r.seed, r.error ?? '']);
  return toCsv(['point', ...factorCols(s), 'rep', 'seed', 'error'], rows);
}

export function convergenceCsv(s: Sweep, pts: PointResult[]): string {
  const rows: Row[] = [];
  for (const { point, convergence } of pts)
    for (const c of convergence ?? []) rows.push([point.id, ...pv(point), c.metric, c.n, fmt(c.mean), fmt(c.half_width), fmt(c.relative), c.converged ? 'true' : 'false']);
  return toCsv(['point', ...factorCols(s), 'metric', 'n', 'mean', 'half_width', 'relative_half_width', 'converged'], rows);
}

export const trajectoriesHeader = (s: Sweep): string => toCsv(['point', ...factorCols(s), 'rep', 'seed', 'week', ...s.metrics], []);

export interface Totals { points: number; runs: number; failed: number; nonconverged: number }

export function countTotals(pts: PointResult[]): Totals {
  let runs = 0, failed = 0, nonconverged = 0;
  for (const p of pts) {
    runs += p.runs.length;
    failed += p.runs.filter((r) => !r.ok).length;
    nonconverged += (p.convergence ?? []).filter((c) => !c.converged).length;
  }
  return { points: pts.length, runs, failed, nonconverged };
}

/** The sweep as resolved: identical wherever and however it ran (no clock, host or path of the output). */
export function resolvedSweep(s: Sweep, kind: 'sweep' | 'sensitivity', points: number, p: Provenance) {
  return {
    tool: 'clwsim', version: p.version, model: p.model, kind,
    sweep: {
      name: s.name, description: s.description, scenario: s.scenarioFile,
      factors: s.factors, samples: s.samples, morris: s.morris, ...(s.sobol ? { sobol: s.sobol } : {}), reps: s.reps, seed: s.seed, weeks: s.weeks, warmup: s.warmup,
      window: s.window, statistic: s.statistic, metrics: s.metrics, keep: s.keep, crn: s.crn, precision: s.precision,
      base: s.base,
      ...(s.posterior ? { posterior: s.posterior } : {}),
    },
    design: { points },
  };
}

export type Resolved = ReturnType<typeof resolvedSweep>;
export interface Shard { index: number; count: number; from: number; to: number }

/** The manifest of a sweep (or shard); `checksums` maps each output file to its sha256. */
export function manifest(r: Resolved, shard: Shard | null, totals: Totals, files: string[], checksums: Record<string, string>) {
  return { ...r, ...(shard ? { shard } : {}), totals, files, checksums };
}
