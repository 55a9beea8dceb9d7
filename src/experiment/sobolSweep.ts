/**
 * Sobol' indices on top of a sweep (`clwsim sensitivity --method sobol`): the design points are
 * the rows of a Saltelli design on the Sobol' sequence (design.ts), each point's output is its
 * mean over replications, and sobol.ts turns them into first-order (S1) and total (ST) indices
 * with bootstrap intervals, per factor and metric. Replication noise that the factors do not
 * explain adds to no factor's S1 but inflates every ST a little: use replications (reps) or a
 * longer window to keep it small. A metric with a failed design point gets empty cells.
 */
import { toCsv, fmt } from '../scenario/csv.js';
import type { Sweep } from '../scenario/sweep.js';
import type { PointResult } from './outputs.js';
import { sobolIndices, type SobolRow } from './sobol.js';

export const SOBOL_COLUMNS = ['factor', 'metric', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high'];

const nanRow = (factor: string, metric: string): SobolRow => ({ factor, metric, S1: NaN, S1_low: NaN, S1_high: NaN, ST: NaN, ST_low: NaN, ST_high: NaN });

/** Indices per metric (in the sweep's metric order), factors in design order. `y[m][p]`: metric m at point p. */
export function sobolRowsOf(s: Pick<Sweep, 'factors' | 'metrics' | 'seed' | 'sobol'>, y: number[][]): SobolRow[] {
  const k = s.factors.length, n = s.sobol!.n;
  return s.metrics.flatMap((metric, m) => {
    const ys = y[m]!;
    if (ys.length !== n * (k + 2) || ys.some((v) => !Number.isFinite(v))) return s.factors.map((f) => nanRow(f.path, metric));
    const idx = sobolIndices({ k, n }, ys, { bootstrap: s.sobol!.bootstrap, seed: `${s.seed}:sobol:${metric}` });
    return idx.map((x, i) => ({ factor: s.factors[i]!.path, metric, ...x }));
  });
}

/** Each run's value as runs.csv holds it, so merged shards (which read runs.csv) give the same indices. */
const asCsv = (x: number) => Number(fmt(x));
/** A plain running sum in replication order: the arithmetic sobolRowsFromRuns repeats. */
const avg = (xs: number[]) => {
  let t = 0;
  for (const x of xs) t += x;
  return t / xs.length;
};

export function sobolRows(s: Sweep, results: PointResult[]): SobolRow[] {
  const y = s.metrics.map((_, i) => results.map((p) => {
    const ok = p.runs.filter((r) => r.ok);
    return ok.length ? avg(ok.map((r) => asCsv(r.values![i]!))) : NaN;
  }));
  return sobolRowsOf(s, y);
}

/**
 * The same from a merged runs table (columns point, factors…, rep, seed, metrics…; rows by point
 * then replication; failed runs absent): for `clwsim merge` of a sharded Sobol' design.
 */
export function sobolRowsFromRuns(s: Pick<Sweep, 'factors' | 'metrics' | 'seed' | 'sobol'>, runs: Iterable<Array<string | number>>): SobolRow[] {
  const points = s.sobol!.n * (s.factors.length + 2);
  const sums = s.metrics.map(() => new Float64Array(points)), counts = new Float64Array(points);
  const first = 2 + s.factors.length + 1; // point, factors, rep, seed
  for (const cells of runs) {
    const p = Number(cells[0]);
    counts[p]! += 1;
    s.metrics.forEach((_, m) => { sums[m]![p]! += Number(cells[first + m]); });
  }
  return sobolRowsOf(s, sums.map((col) => Array.from(col, (x, p) => (counts[p]! > 0 ? x / counts[p]! : NaN))));
}

/** sobol.csv's rows. */
export const sobolCells = (rows: SobolRow[]): Array<Array<string | number>> =>
  rows.map((r) => [r.factor, r.metric, fmt(r.S1), fmt(r.S1_low), fmt(r.S1_high), fmt(r.ST), fmt(r.ST_low), fmt(r.ST_high)]);

export const sobolCsvOf = (rows: SobolRow[]): string => toCsv(SOBOL_COLUMNS, sobolCells(rows));

export const sobolCsv = (s: Sweep, results: PointResult[]): string => sobolCsvOf(sobolRows(s, results));

/** The table `clwsim sensitivity --method sobol` prints: per metric, factors by total index. */
export function sobolTable(rows: SobolRow[], top = 8): string {
  const lines: string[] = [];
  const g = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-');
  for (const metric of [...new Set(rows.map((r) => r.metric))]) {
    const rs = rows.filter((r) => r.metric === metric).sort((a, b) => (b.ST || 0) - (a.ST || 0)).slice(0, top);
    const w = Math.max(6, ...rs.map((r) => r.factor.length));
    lines.push(`${metric}: share of variance from the factor alone (S1) and with its interactions (ST), 95% bootstrap intervals`);
    lines.push(`  ${'factor'.padEnd(w)}  ${'S1'.padStart(6)}  ${'interval'.padEnd(15)}  ${'ST'.padStart(6)}  interval`);
    for (const r of rs) lines.push(`  ${r.factor.padEnd(w)}  ${g(r.S1).padStart(6)}  ${`${g(r.S1_low)} to ${g(r.S1_high)}`.padEnd(15)}  ${g(r.ST).padStart(6)}  ${g(r.ST_low)} to ${g(r.ST_high)}`);
    lines.push('');
  }
  return lines.join('\n');
}
