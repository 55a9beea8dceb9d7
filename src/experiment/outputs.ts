/**
 * The tables of a sweep: design, runs, points, failures, trajectories, convergence (and morris,
 * sobol), written point by point as each design point closes, in point order, so shard outputs
 * concatenate into exactly the unsharded files (see merge.ts) and a sweep of 10⁵ points holds
 * only the points still open. CSV or Parquet (table.ts); manifest.json lists every file's
 * checksum.
 */
import { fmt } from '../scenario/csv.js';
import type { Sweep } from '../scenario/sweep.js';
import { summarize } from '../scenario/stats.js';
import type { Point } from './design.js';
import type { RunRecord } from './runTask.js';
import { cell } from './runTask.js';
import type { Convergence } from './plan.js';
import type { Store } from './store.js';
import { columnsOf, factorTypes, openTable, tableFile, type Cell, type Format, type TableSink } from './table.js';

export interface PointResult { point: Point; runs: RunRecord[]; convergence: Convergence[] | null }

/** Which code made a result: the tool's version and a hash of the model's code (io/provenance.ts). */
export interface Provenance { version: string; model: string }

/** The tables a sweep can write, in the order of manifest.json's file list. */
export const SWEEP_TABLES = ['design', 'runs', 'points', 'failures', 'trajectories', 'convergence', 'morris', 'sobol'];

const factorCols = (s: Sweep) => s.factors.map((f) => f.path);
const pv = (p: Point) => p.values.map(cell);

/** Each table's columns (by name; their types: table.ts). */
const HEADERS: Record<string, (s: Sweep) => string[]> = {
  design: (s) => ['point', ...factorCols(s), 'seed'],
  runs: (s) => ['point', ...factorCols(s), 'rep', 'seed', ...s.metrics],
  points: (s) => ['point', ...factorCols(s), 'metric', 'mean', 'sd', 'ci_low', 'ci_high', 'n'],
  failures: (s) => ['point', ...factorCols(s), 'rep', 'seed', 'error'],
  trajectories: (s) => ['point', ...factorCols(s), 'rep', 'seed', 'week', ...s.metrics],
  convergence: (s) => ['point', ...factorCols(s), 'metric', 'n', 'mean', 'half_width', 'relative_half_width', 'converged'],
};

export const sweepColumns = (s: Sweep, table: string) => columnsOf(HEADERS[table]!(s), factorTypes(s.factors));

/** The rows one closed design point adds to each table. */
function pointRows(s: Sweep, { point, runs, convergence }: PointResult): Record<string, Cell[][]> {
  const head = [point.id, ...pv(point)];
  const ok = runs.filter((r) => r.ok);
  return {
    design: [[point.id, ...pv(point), point.seed]],
    runs: ok.map((r) => [...head, r.rep, r.seed, ...r.values!.map(fmt)]),
    points: s.metrics.map((m, i) => {
      const x = summarize(ok.map((r) => r.values![i]!));
      return [...head, m, fmt(x.mean), fmt(x.sd), fmt(x.ci_low), fmt(x.ci_high), x.n];
    }),
    failures: runs.filter((r) => !r.ok).map((r) => [...head, r.rep, r.seed, r.error ?? '']),
    convergence: (convergence ?? []).map((c) => [...head, c.metric, c.n, fmt(c.mean), fmt(c.half_width), fmt(c.relative), c.converged ? 'true' : 'false']),
  };
}

export interface Totals { points: number; runs: number; failed: number; nonconverged: number }

/** The per-point tables of a sweep, open while it runs; one checksum per file when closed. */
export class SweepTables {
  readonly totals: Totals = { points: 0, runs: 0, failed: 0, nonconverged: 0 };
  /** The first few metrics that did not converge (the command prints them). */
  readonly nonconverged: Array<{ point: number; metric: string; relative: number; n: number }> = [];
  /** Every point's runs (without trajectories), for Morris and Sobol' (whose designs are small). */
  readonly kept: PointResult[] | null;
  private readonly open = new Map<string, TableSink>();

  constructor(store: Store, private readonly s: Sweep, private readonly format: Format) {
    this.kept = s.morris || s.sobol ? [] : null;
    const tables = ['design', 'runs', 'points', 'failures', ...(s.keep === 'trajectories' ? ['trajectories'] : []), ...(s.precision ? ['convergence'] : [])];
    try {
      for (const t of tables) this.open.set(t, openTable(store, t, sweepColumns(s, t), format));
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** Write a closed point's rows (its runs 0..n-1, in order). */
  point(r: PointResult): void {
    for (const [t, rows] of Object.entries(pointRows(this.s, r))) this.open.get(t)?.rows(rows);
    const traj = this.open.get('trajectories');
    if (traj) for (const run of r.runs) if (run.ok && run.traj) traj.csv(run.traj);
    this.totals.points++;
    this.totals.runs += r.runs.length;
    this.totals.failed += r.runs.filter((x) => !x.ok).length;
    for (const c of r.convergence ?? []) {
      if (c.converged) continue;
      this.totals.nonconverged++;
      if (this.nonconverged.length < 8) this.nonconverged.push({ point: r.point.id, metric: c.metric, relative: c.relative, n: c.n });
    }
    this.kept?.push({ ...r, runs: r.runs.map((x) => ({ ...x, traj: undefined })) });
  }

  /** Publish every table; returns file name → checksum, in manifest order. */
  close(): Array<[string, string]> {
    const sums: Array<[string, string]> = [];
    for (const t of SWEEP_TABLES) {
      const sink = this.open.get(t);
      if (sink) sums.push([tableFile(t, this.format), sink.close()]);
    }
    this.open.clear();
    return sums;
  }

  abort(): void {
    for (const sink of this.open.values()) sink.abort();
    this.open.clear();
  }
}

/** The sweep as resolved: identical wherever and however it ran (no clock, host or path of the output). */
export function resolvedSweep(s: Sweep, kind: 'sweep' | 'sensitivity', points: number, p: Provenance, format: Format = 'csv') {
  return {
    tool: 'clwsim', version: p.version, model: p.model, kind,
    // CSV is the default and left out, so a CSV sweep's manifest is as it always was
    ...(format === 'csv' ? {} : { format }),
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
