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

/** n points of a Latin hypercube in [0,1)^k: one point per stratum on every axis. */
export function latinHypercube(n: number, k: number, rng: () => number): number[][] {
  const cols: number[][] = [];
  for (let j = 0; j < k; j++) {
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const r = Math.floor(rng() * (i + 1));
      [perm[i], perm[r]] = [perm[r]!, perm[i]!];
    }
    cols.push(perm.map((s) => (s + rng()) / n));
  }
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]!));
}

/** Every combination of the list factors (the first factor varies slowest). */
function factorial(lists: Array<Array<number | string>>): Array<Array<number | string>> {
  let out: Array<Array<number | string>> = [[]];
  for (const l of lists) out = out.flatMap((prefix) => l.map((v) => [...prefix, v]));
  return out;
}

export function pointSeed(sweep: Pick<Sweep, 'seed' | 'crn'>, id: number): number {
  return sweep.crn ? sweep.seed : repSeed(sweep.seed ^ 0x5eed5eed, 1_000_000 + id);
}

/**
 * The design points. Sweep: full factorial of the list factors, crossed with `samples`
 * Latin-hypercube points over the range factors. Morris: the trajectories' points in order.
 * Sobol': the Saltelli design's rows in order (A, AB_1..AB_k, B per base sample).
 */
export function designPoints(sweep: Sweep): Point[] {
  const rng = seedrandom.alea(`${sweep.seed}:design`) as unknown as () => number;
  const ranges = sweep.factors.filter((f): f is Extract<Factor, { kind: 'range' }> => f.kind === 'range');
  let unit: number[][] = [[]];
  if (sweep.morris) unit = morrisDesign(ranges.length, sweep.morris.trajectories, sweep.morris.levels, rng).points;
  else if (sweep.sobol) unit = sobolDesign(ranges.length, sweep.sobol.n).points;
  else if (ranges.length > 0) unit = latinHypercube(sweep.samples, ranges.length, rng);
  const combos = factorial(sweep.factors.filter((f) => f.kind === 'list').map((f) => (f as { values: Array<number | string> }).values));
  const points: Point[] = [];
  for (const combo of combos)
    for (const u of unit) {
      let li = 0, ri = 0;
      const values = sweep.factors.map((f) => (f.kind === 'list' ? combo[li++]! : scale(f, u[ri++]!)));
      points.push({ id: points.length, values, seed: pointSeed(sweep, points.length) });
    }
  return points;
}

/** Shard k of n (1-based) holds a contiguous block of design points: [from, to). */
export function shardRange(points: number, k: number, n: number): { from: number; to: number } {
  return { from: Math.floor(((k - 1) * points) / n), to: Math.floor((k * points) / n) };
}
