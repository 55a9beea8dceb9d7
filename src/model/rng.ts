/**
 * Random streams. Each mechanism draws from its own named stream, seeded from
 * (replication seed, stream name), never from run order: common random numbers across
 * scenarios that share a seed, and runs that do not depend on where they execute.
 * Source: seedrandom's Alea (fast, well mixed seeding); distributions from d3-random bound
 * with .source().
 */
import seedrandom from 'seedrandom';
import { randomPoisson, randomNormal } from 'd3-random';

/** A stream: Alea's state (s0, s1, s2, carry), drawn from by draw(). */
export type Rng = Float64Array;

export const STREAMS = ['init', 'arrivals', 'clw', 'referral', 'intake', 'engagement', 'waiting', 'gp', 'exit', 'turnover', 'start', 'clwList'] as const;
export type StreamName = (typeof STREAMS)[number];

/**
 * seedrandom's Alea seeds the stream (its Mash hash of `repSeed:name`); the draws then come from
 * draw(), the same recurrence on the stream's Float64Array. Why not seedrandom's own generator: it
 * keeps its state in object fields, and every draw it returns from an out-of-line call is a new
 * heap number (a third of the city run's allocations; bench/README.md). Why one module-level
 * draw() for every stream and world rather than a closure per stream (as before): a call through
 * a closure made anew for each world is a different call target in every run, so the optimiser's
 * code for a mechanism deoptimised on "wrong call target" and, in some worker threads, settled on
 * code that ran the city 35-45% slower for the whole process (bench/README.md). The
 * sequence is the same, draw for draw (tests/model/rng.test.ts).
 */
export function stream(repSeed: number, name: StreamName): Rng {
  const seeded = seedrandom.alea(`${repSeed}:${name}`, { state: true }).state() as unknown as AleaState;
  return alea(seeded);
}

/** The state of an Alea generator as seedrandom exports it. */
export interface AleaState { c: number; s0: number; s1: number; s2: number }

/** A stream in a given state of Baagøe's Alea (the state seedrandom's lib/alea.js keeps). */
export function alea(state: AleaState): Rng {
  return Float64Array.of(state.s0, state.s1, state.s2, state.c);
}

/**
 * The next draw of stream a, in [0, 1): the arithmetic of seedrandom's Alea next() (t | 0 is
 * exact in a double), small enough (bytecode) for TurboFan to inline into the large mechanisms.
 */
export function draw(a: Rng): number {
  const t = 2091639 * a[0]! + a[3]! * 2.3283064365386963e-10; // 2^-32
  a[0] = a[1]!;
  a[1] = a[2]!;
  const c = t | 0;
  a[3] = c;
  const x = t - c;
  a[2] = x;
  return x;
}

/** Stream a as a function, for what takes one (d3-random's sources, a Latin hypercube). */
export const drawer = (a: Rng): (() => number) => () => draw(a);

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

/**
 * d3-random distributions bound to a stream. A Poisson sampler keeps no state between draws, so
 * the last one is reused while λ stays the same (arrivals draw once per CLW a week at one rate:
 * a new sampler each time was most of the city run's garbage). A normal sampler keeps the second
 * value of each pair it makes, so it is made anew for every draw, as before.
 */
export function draws(rng: Rng): Draws {
  const f = drawer(rng);
  const p = randomPoisson.source(f);
  const n = randomNormal.source(f);
  let lastLambda = Number.NaN;
  let sampler = p(0);
  return {
    poisson: (lambda) => {
      if (!(lambda > 0)) return 0;
      if (lambda !== lastLambda) {
        sampler = p(lambda);
        lastLambda = lambda;
      }
      return sampler();
    },
    normal: (mu, sigma) => n(mu, sigma)(),
  };
}

/** Geometric number of failures before the first success with per-trial probability h. */
export function geometric(rng: Rng, h: number): number {
  if (h >= 1) return 0;
  if (h <= 0) return Number.POSITIVE_INFINITY;
  return Math.floor(Math.log(1 - draw(rng)) / Math.log(1 - h));
}
