/**
 * Variance-based (Sobol') sensitivity indices from a Saltelli design.
 *
 * Design (Saltelli 2002; Saltelli et al. 2010, Comput Phys Commun 181:259): take n points of the
 * 2k-dimensional Sobol' sequence; A = the first k columns, B = the last k; AB_i = A with column i
 * taken from B. The model is run on all n(k+2) rows.
 * Estimators, with V = Var(f) over the 2n rows of A and B:
 *   first order S1_i = mean(f(B)·(f(AB_i) − f(A))) / V          (Saltelli et al. 2010; as SALib)
 *   total       ST_i = mean((f(A) − f(AB_i))²) / (2V)             (Jansen 1999)
 * Outputs are centred on the mean of f(A), f(B) first: ST is shift-invariant, S1's expectation moves
 * only by O(1/n), and S1's variance drops when the mean is large (SALib standardises instead).
 * An output that does not vary gives NaN indices.
 * Confidence intervals: percentile bootstrap over the n base rows (each resample keeps a base row's
 * A, B and AB_i values together), with a seeded Alea stream so intervals are reproducible.
 * Verified on the Ishigami function (Ishigami & Homma 1990), whose indices are known analytically.
 * Pure: no model, no files, no node:* imports.
 */
import seedrandom from 'seedrandom';
import { quantileSorted } from 'simple-statistics';
import { sobolPoints } from './sobolSequence.js';

export interface SobolDesign {
  k: number;
  /** Base sample size; the design has n·(k+2) rows. */
  n: number;
  /** Sobol' points skipped at the start of the sequence. */
  skip: number;
  /**
   * Row order (as SALib's): for base sample j = 0..n−1, the k+2 rows
   * A_j, AB_j^1, …, AB_j^k, B_j. So row j·(k+2) is A_j, row j·(k+2)+1+i is AB_j^i, row
   * j·(k+2)+k+1 is B_j. Values are in the unit cube [0,1)^k.
   */
  points: number[][];
}

export interface SobolIndex {
  S1: number; S1_low: number; S1_high: number;
  ST: number; ST_low: number; ST_high: number;
}

export interface SobolDesignOptions {
  /**
   * Points of the sequence to skip. Default 0: with n a power of two the first n points are a
   * balanced net, which skipping would break (Owen 2020, "On dropping the first Sobol' point").
   */
  skip?: number;
}

export function sobolDesign(k: number, n: number, opts: SobolDesignOptions = {}): SobolDesign {
  if (!Number.isInteger(k) || k < 1) throw new Error(`Sobol design: k = ${k} must be a positive integer`);
  if (!Number.isInteger(n) || n < 2) throw new Error(`Sobol design: n = ${n} must be an integer ≥ 2`);
  const skip = opts.skip ?? 0;
  const base = sobolPoints(n, 2 * k, skip);
  const points: number[][] = [];
  for (const row of base) {
    const a = row.slice(0, k);
    const b = row.slice(k);
    points.push(a);
    for (let i = 0; i < k; i++) {
      const ab = a.slice();
      ab[i] = b[i]!;
      points.push(ab);
    }
    points.push(b);
  }
  return { k, n, skip, points };
}

export interface SobolIndicesOptions {
  /** Bootstrap resamples for the intervals (default 1000; 0 gives intervals equal to the estimate). */
  bootstrap?: number;
  /** Interval level (default 0.95). */
  confidence?: number;
  /** Seed of the bootstrap stream (default 'sobol'). */
  seed?: string;
}

/** Point estimates over the base rows `rows` (indices into 0..n−1, repeats allowed). */
function estimate(k: number, y: ArrayLike<number>, rows: ArrayLike<number>, out: Float64Array): void {
  const g = k + 2;
  const m = rows.length;
  let mu = 0;
  for (let r = 0; r < m; r++) mu += y[rows[r]! * g]! + y[rows[r]! * g + k + 1]!;
  mu /= 2 * m;
  let v = 0;
  for (let r = 0; r < m; r++) {
    const a = y[rows[r]! * g]! - mu, b = y[rows[r]! * g + k + 1]! - mu;
    v += a * a + b * b;
  }
  v /= 2 * m;
  for (let i = 0; i < k; i++) {
    let s1 = 0, st = 0;
    for (let r = 0; r < m; r++) {
      const base = rows[r]! * g;
      const a = y[base]! - mu, ab = y[base + 1 + i]! - mu, b = y[base + k + 1]! - mu;
      s1 += b * (ab - a);
      st += (a - ab) * (a - ab);
    }
    out[2 * i] = s1 / m / v; // NaN when the output does not vary
    out[2 * i + 1] = st / (2 * m) / v;
  }
}

/** Per factor (in design column order): S1 and ST with bootstrap intervals. */
export function sobolIndices(design: Pick<SobolDesign, 'k' | 'n'>, y: ArrayLike<number>, opts: SobolIndicesOptions = {}): SobolIndex[] {
  const { k, n } = design;
  if (y.length !== n * (k + 2)) throw new Error(`Sobol indices: expected ${n * (k + 2)} outputs, got ${y.length}`);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]!)) throw new Error(`Sobol indices: output ${i} is not a finite number`);
  }
  const all = Uint32Array.from({ length: n }, (_, i) => i);
  const point = new Float64Array(2 * k);
  estimate(k, y, all, point);

  const reps = opts.bootstrap ?? 1000;
  const level = opts.confidence ?? 0.95;
  const rng = seedrandom.alea(opts.seed ?? 'sobol');
  const boot = Array.from({ length: 2 * k }, () => new Float64Array(reps));
  const rows = new Uint32Array(n);
  const est = new Float64Array(2 * k);
  for (let b = 0; b < reps; b++) {
    for (let r = 0; r < n; r++) rows[r] = Math.floor(rng() * n);
    estimate(k, y, rows, est);
    for (let j = 0; j < 2 * k; j++) boot[j]![b] = est[j]!;
  }
  const interval = (j: number): [number, number] => {
    if (reps === 0) return [point[j]!, point[j]!];
    const sorted = Array.from(boot[j]!).filter((x) => !Number.isNaN(x)).sort((p, q) => p - q);
    if (sorted.length === 0) return [NaN, NaN];
    return [quantileSorted(sorted, (1 - level) / 2), quantileSorted(sorted, (1 + level) / 2)];
  };
  return Array.from({ length: k }, (_, i) => {
    const [s1Low, s1High] = interval(2 * i);
    const [stLow, stHigh] = interval(2 * i + 1);
    return { S1: point[2 * i]!, S1_low: s1Low, S1_high: s1High, ST: point[2 * i + 1]!, ST_low: stLow, ST_high: stHigh };
  });
}

/** The Ishigami function on x ∈ [−π, π]³. */
export function ishigami(x: readonly number[], a = 7, b = 0.1): number {
  const [x1, x2, x3] = x as [number, number, number];
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
}

/** Analytic indices of Ishigami (Sobol' & Levitan 1999; Saltelli et al. 2000). */
export function ishigamiAnalytic(a = 7, b = 0.1): { S1: number[]; ST: number[] } {
  const p4 = Math.PI ** 4, p8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (b * p4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = (8 * b * b * p8) / 225; // b²π⁸/18 − b²π⁸/50
  const v = v1 + v2 + v13;
  return { S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v] };
}

export interface SobolRow extends SobolIndex {
  factor: string;
  metric: string;
}

export interface IshigamiOptions extends SobolIndicesOptions, SobolDesignOptions {
  /** Base sample size (default 4096: n(k+2) = 20,480 evaluations). */
  n?: number;
  a?: number;
  b?: number;
}

/** The rows of sobol.csv for the Ishigami check: factors x1, x2, x3, metric `ishigami`. */
export function ishigamiRows(opts: IshigamiOptions = {}): SobolRow[] {
  const design = sobolDesign(3, opts.n ?? 4096, opts);
  const y = design.points.map((u) => ishigami(u.map((v) => -Math.PI + 2 * Math.PI * v), opts.a, opts.b));
  return sobolIndices(design, y, opts).map((s, i) => ({ factor: `x${i + 1}`, metric: 'ishigami', ...s }));
}
