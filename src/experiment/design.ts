/**
 * The design: which parameter values each design point takes, and its seed. Deterministic:
 * a function of the sweep alone (Latin hypercube and Morris draw from a stream seeded by the
 * sweep seed), so every shard, worker and resumed process sees the same points.
 */
import seedrandom from 'seedrandom';
import { repSeed } from '../model/rng.js';
import type { Factor, Sweep } from '../scenario/sweep.js';
import { morrisDesign } from './morris.js';
import { sobolDesign } from './sobol.js';

export interface Point {
  id: number;
  /** One value per factor, in factor order. */
  values: Array<number | string>;
  /** Run seed of this point: the sweep seed under common random numbers. */
  seed: number;
}

/** Values sampled from a range are kept to 6 decimals, so the CSVs show exactly what ran. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function scale(f: Extract<Factor, { kind: 'range' }>, u: number): number {
  const x = f.min + (f.max - f.min) * u;
  return f.integer ? Math.min(f.max, Math.max(f.min, Math.round(x))) : round6(x);
}

/** A Latin hypercube in [0,1)^k as k columns of n values: one point per stratum on every axis. */
export function latinColumns(n: number, k: number, rng: () => number): Float64Array[] {
  const cols: Float64Array[] = [];
  const perm = new Int32Array(n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const r = Math.floor(rng() * (i + 1));
      [perm[i], perm[r]] = [perm[r]!, perm[i]!];
    }
    cols.push(Float64Array.from(perm, (s) => (s + rng()) / n));
  }
  return cols;
}

/** n points of a Latin hypercube in [0,1)^k, as rows. */
export function latinHypercube(n: number, k: number, rng: () => number): number[][] {
  const cols = latinColumns(n, k, rng);
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]!));
}

export function pointSeed(sweep: Pick<Sweep, 'seed' | 'crn'>, id: number): number {
  return sweep.crn ? sweep.seed : repSeed(sweep.seed ^ 0x5eed5eed, 1_000_000 + id);
}

/**
 * The design as a function of the point number, so a sweep of 10⁵ points never holds 10⁵ point
 * objects: the list factors' full factorial (the first factor varies slowest) crossed with the
 * unit points over the range factors (Latin hypercube, Morris or Sobol'), kept as numbers.
 */
export interface Design { count: number; at(id: number): Point }

/**
 * The design points. Sweep: full factorial of the list factors, crossed with `samples`
 * Latin-hypercube points over the range factors. Morris: the trajectories' points in order.
 * Sobol': the Saltelli design's rows in order (A, AB_1..AB_k, B per base sample).
 */
export function designOf(sweep: Sweep): Design {
  const rng = seedrandom.alea(`${sweep.seed}:design`) as unknown as () => number;
  const ranges = sweep.factors.filter((f): f is Extract<Factor, { kind: 'range' }> => f.kind === 'range');
  let units = 1;
  let unit: (u: number, j: number) => number = () => NaN;
  if (sweep.morris || sweep.sobol) {
    const pts = sweep.morris ? morrisDesign(ranges.length, sweep.morris.trajectories, sweep.morris.levels, rng).points : sobolDesign(ranges.length, sweep.sobol!.n).points;
    units = pts.length;
    unit = (u, j) => pts[u]![j]!;
  } else if (ranges.length > 0) {
    const cols = latinColumns(sweep.samples, ranges.length, rng);
    units = sweep.samples;
    unit = (u, j) => cols[j]![u]!;
  }
  const lists = sweep.factors.filter((f) => f.kind === 'list').map((f) => (f as { values: Array<number | string> }).values);
  const combos = lists.reduce((n, l) => n * l.length, 1);
  return {
    count: combos * units,
    at(id) {
      const u = id % units;
      // mixed-radix digits of the combination number, the last list varying fastest
      let c = Math.floor(id / units);
      const pick = lists.map(() => 0);
      for (let i = lists.length - 1; i >= 0; i--) {
        pick[i] = c % lists[i]!.length;
        c = Math.floor(c / lists[i]!.length);
      }
      let li = 0, ri = 0;
      const values = sweep.factors.map((f) => (f.kind === 'list' ? lists[li]![pick[li++]!]! : scale(f, unit(u, ri++))));
      return { id, values, seed: pointSeed(sweep, id) };
    },
  };
}

/** Every design point, in order (designOf for large designs). */
export function designPoints(sweep: Sweep): Point[] {
  const d = designOf(sweep);
  return Array.from({ length: d.count }, (_, i) => d.at(i));
}

/** Shard k of n (1-based) holds a contiguous block of design points: [from, to). */
export function shardRange(points: number, k: number, n: number): { from: number; to: number } {
  return { from: Math.floor(((k - 1) * points) / n), to: Math.floor((k * points) / n) };
}
