/**
 * Random streams. Each mechanism draws from its own named stream, seeded from
 * (replication seed, stream name), never from run order: common random numbers across
 * scenarios that share a seed, and runs that do not depend on where they execute.
 * Source: seedrandom's Alea (fast, well mixed seeding); distributions from d3-random bound
 * with .source().
 */
import seedrandom from 'seedrandom';
import { randomPoisson, randomNormal } from 'd3-random';

export type Rng = () => number;

export const STREAMS = ['init', 'arrivals', 'clw', 'referral', 'intake', 'engagement', 'waiting', 'gp', 'exit', 'turnover', 'start', 'clwList'] as const;
export type StreamName = (typeof STREAMS)[number];

export function stream(repSeed: number, name: StreamName): Rng {
  return seedrandom.alea(`${repSeed}:${name}`) as unknown as Rng;
}

/**
 * The seed of replication `rep` of a run seeded `seed`: a 32-bit hash (splitmix-style), so
 * rep r has the same seed whatever the number of reps ("--reps 5 contains --reps 3").
 */
export function repSeed(seed: number, rep: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(rep + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export interface Draws {
  poisson(lambda: number): number;
  normal(mu: number, sigma: number): number;
}

/** d3-random distributions bound to a stream. */
export function draws(rng: Rng): Draws {
  const p = randomPoisson.source(rng);
  const n = randomNormal.source(rng);
  return {
    poisson: (lambda) => (lambda > 0 ? p(lambda)() : 0),
    normal: (mu, sigma) => n(mu, sigma)(),
  };
}

/** Geometric number of failures before the first success with per-trial probability h. */
export function geometric(rng: Rng, h: number): number {
  if (h >= 1) return 0;
  if (h <= 0) return Number.POSITIVE_INFINITY;
  return Math.floor(Math.log(1 - rng()) / Math.log(1 - h));
}
