/**
 * ABC-SMC: approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009,
 * J R Soc Interface 6:187), with the importance weights and perturbation kernel of Beaumont et al.
 * 2009 (Biometrika 96:983) and an adaptive tolerance schedule (Del Moral et al. 2012, Stat Comput
 * 22:1009; as pyabc's QuantileEpsilon):
 *  - generation 0 draws θ from the prior and accepts every proposal (ε₀ = ∞ unless set);
 *  - generation t ≥ 1 uses ε_t = the weighted α-quantile (default the median) of generation t−1's
 *    accepted distances; a proposal picks an ancestor θ_j with probability w_j, perturbs it with
 *    K = N(θ_j, 2·Cov_w) until the prior density is positive, and is accepted if its simulated
 *    distance is ≤ ε_t;
 *  - weights w_i ∝ π(θ_i) / Σ_j w_j K(θ_i | θ_j), normalised to 1; ESS = 1 / Σ w².
 * Determinism whatever the batch or worker layout: proposal i of generation t draws everything
 * (ancestor, perturbation, simulator seed) from its own Alea stream seeded "seed:abc:t:i";
 * proposals go to the simulator in fixed-size batches of consecutive indices, and are accepted in
 * index order until N are accepted. The full state after each generation is a JSON-serialisable
 * object: `abcResume(state, opts)` continues exactly as an uninterrupted run would.
 * Pure: the simulator is injected; no node:* imports.
 */
import seedrandom from 'seedrandom';
import { checkPrior, cholesky, kernelLogDensity, logPriorDensity, perturb, samplePrior, weightedCovariance, type Prior, type Rng } from './abcPriors.js';

export type { Prior } from './abcPriors.js';

/** Runs the model for each θ with the given seed and returns each run's distance to the targets. */
export type AbcSimulator = (thetas: number[][], seeds: number[]) => Promise<number[]>;

export interface Particle { theta: number[]; weight: number; distance: number }
export interface GenerationStats { generation: number; epsilon: number; simulations: number; accepted: number; ess: number }
export interface AbcProgress { generation: number; epsilon: number; simulations: number; generationSimulations: number; accepted: number; particles: number }

export interface AbcOptions {
  priors: Prior[];
  simulate: AbcSimulator;
  /** Particles per generation (N). */
  particles: number;
  seed: string | number;
  /** Proposals per simulator call (default N). Part of the result: keep it fixed to reproduce. */
  batchSize?: number;
  /** Quantile of the previous distances that sets the next ε (default 0.5). */
  quantile?: number;
  /** Tolerance of generation 0 (default ∞: a sample of the prior). */
  epsilon0?: number;
  /** Stop after this many generations, generation 0 included (default 10). */
  maxGenerations?: number;
  /** Stop once a generation ran with ε ≤ this (default 0). */
  minEpsilon?: number;
  /** Stop when this many simulations have run; the unfinished generation is dropped (default ∞). */
  maxSimulations?: number;
  onProgress?: (p: AbcProgress) => void;
  /** Called with the state after each completed generation (write it to disk to resume). */
  onGeneration?: (state: AbcState) => void | Promise<void>;
}

/** JSON-serialisable (ε = ∞ of generation 0 is written as null; abcResume reads it back). */
export interface AbcState {
  version: 1;
  /** What must not change on resume: priors, N, seed, batch size, quantile, ε₀. */
  fingerprint: string;
  simulations: number;
  history: GenerationStats[];
  particles: Particle[];
}

export type StopReason = 'generations' | 'epsilon' | 'budget' | 'stalled';
export interface AbcResult { names: string[]; generations: GenerationStats[]; particles: Particle[]; state: AbcState; stopReason: StopReason }

function fingerprint(o: AbcOptions): string {
  return JSON.stringify({ priors: o.priors, n: o.particles, seed: String(o.seed), batch: o.batchSize ?? o.particles, q: o.quantile ?? 0.5, e0: o.epsilon0 ?? null });
}

export async function abcSmc(opts: AbcOptions): Promise<AbcResult> {
  return run(opts, { version: 1, fingerprint: fingerprint(opts), simulations: 0, history: [], particles: [] });
}

export async function abcResume(state: AbcState, opts: AbcOptions): Promise<AbcResult> {
  if (state.version !== 1) throw new Error(`ABC state version ${state.version} is not supported`);
  if (state.fingerprint !== fingerprint(opts)) throw new Error('ABC resume: priors, particles, seed, batch size, quantile or epsilon0 differ from the saved run');
  // JSON has no Infinity: generation 0's ε = ∞ comes back as null
  const history = state.history.map((h) => ({ ...h, epsilon: h.epsilon ?? Infinity }));
  return run(opts, { ...state, history });
}

/**
 * Weighted α-quantile, linear between the mid-points of each value's weight (as pyabc's
 * weighted_quantile); values below the first mid-point give the minimum, above the last the maximum.
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  if (values.length === 0 || values.length !== weights.length) throw new Error('weightedQuantile: need equal, non-empty values and weights');
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const total = weights.reduce((s, w) => s + w, 0);
  let cum = 0;
  let prevMid = -Infinity, prevVal = values[order[0]!]!;
  for (const i of order) {
    const w = weights[i]! / total;
    const mid = cum + w / 2;
    cum += w;
    if (q <= mid) return prevMid === -Infinity ? values[i]! : prevVal + ((q - prevMid) / (mid - prevMid)) * (values[i]! - prevVal);
    prevMid = mid;
    prevVal = values[i]!;
  }
  return prevVal;
}

/** `count` particle indices drawn with probability ∝ weight, reproducibly from `seed`. */
export function resampleIndices(weights: readonly number[], count: number, seed: string): number[] {
  const rng = seedrandom.alea(seed) as unknown as Rng;
  const cum = cumulative(weights);
  return Array.from({ length: count }, () => pick(cum, rng()));
}

function cumulative(weights: readonly number[]): number[] {
  let s = 0;
  const c = weights.map((w) => (s += w));
  return c.map((x) => x / s);
}

function pick(cum: readonly number[], u: number): number {
  let lo = 0, hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > u) hi = mid; else lo = mid + 1;
  }
  return lo;
}

export const ess = (weights: readonly number[]): number => 1 / weights.reduce((s, w) => s + w * w, 0);

interface Kernel { prev: Particle[]; cum: number[]; l: number[][] }

function makeKernel(prev: Particle[]): Kernel {
  const cov = weightedCovariance(prev.map((p) => p.theta), prev.map((p) => p.weight));
  return { prev, cum: cumulative(prev.map((p) => p.weight)), l: cholesky(cov.map((r) => r.map((x) => 2 * x))) };
}

/** Proposal i of generation g: θ and the simulator seed, from its own stream. */
function propose(opts: AbcOptions, g: number, i: number, kernel: Kernel | null): { theta: number[]; seed: number } {
  const rng = seedrandom.alea(`${opts.seed}:abc:${g}:${i}`) as unknown as Rng;
  let theta: number[] | null = null;
  if (!kernel) theta = opts.priors.map((p) => samplePrior(p, rng));
  for (let tries = 0; !theta; tries++) {
    if (tries >= 10_000) throw new Error(`ABC generation ${g}: 10,000 perturbations fell outside the prior`);
    const cand = perturb(kernel!.prev[pick(kernel!.cum, rng())]!.theta, kernel!.l, rng);
    if (logPriorDensity(opts.priors, cand) > -Infinity) theta = cand;
  }
  return { theta, seed: Math.floor(rng() * 2 ** 32) };
}

/** w_i ∝ π(θ_i) / Σ_j w_j K(θ_i | θ_j), computed in logs (log-sum-exp) and normalised. */
function importanceWeights(priors: Prior[], thetas: number[][], kernel: Kernel | null): number[] {
  if (!kernel) return thetas.map(() => 1 / thetas.length);
  const logPrevW = kernel.prev.map((p) => Math.log(p.weight));
  const terms = new Float64Array(kernel.prev.length);
  const logW = thetas.map((t) => {
    let m = -Infinity;
    kernel.prev.forEach((p, j) => { terms[j] = logPrevW[j]! + kernelLogDensity(t, p.theta, kernel.l); m = Math.max(m, terms[j]!); });
    let s = 0;
    for (const x of terms) s += Math.exp(x - m);
    return logPriorDensity(priors, t) - (m + Math.log(s));
  });
  const m = logW.reduce((a, b) => Math.max(a, b), -Infinity);
  const w = logW.map((x) => Math.exp(x - m));
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / s);
}

async function run(opts: AbcOptions, state: AbcState): Promise<AbcResult> {
  const n = opts.particles, batch = opts.batchSize ?? n;
  if (!Number.isInteger(n) || n < 2) throw new Error(`ABC: particles = ${n} must be an integer ≥ 2`);
  if (!Number.isInteger(batch) || batch < 1) throw new Error(`ABC: batchSize = ${batch} must be a positive integer`);
  opts.priors.forEach(checkPrior);
  const names = opts.priors.map((p) => p.name);
  const maxGen = opts.maxGenerations ?? 10, minEps = opts.minEpsilon ?? 0, budget = opts.maxSimulations ?? Infinity;
  const done = (reason: StopReason): AbcResult => ({ names, generations: state.history, particles: state.particles, state, stopReason: reason });

  for (;;) {
    const g = state.history.length;
    const last = state.history[g - 1];
    if (last && last.epsilon <= minEps) return done('epsilon');
    if (g >= maxGen) return done('generations');
    const eps = g === 0 ? (opts.epsilon0 ?? Infinity)
      : weightedQuantile(state.particles.map((p) => p.distance), state.particles.map((p) => p.weight), opts.quantile ?? 0.5);
    if (last && !(eps < last.epsilon)) return done('stalled'); // ties at ε: no progress possible
    const kernel = g === 0 ? null : makeKernel(state.particles);

    const accepted: { theta: number[]; distance: number }[] = [];
    let sims = 0;
    for (let start = 0; accepted.length < n; start += batch) {
      if (state.simulations + sims >= budget) return done('budget');
      const props = Array.from({ length: batch }, (_, j) => propose(opts, g, start + j, kernel));
      const d = await opts.simulate(props.map((p) => p.theta), props.map((p) => p.seed));
      if (d.length !== batch) throw new Error(`ABC: simulator returned ${d.length} distances for ${batch} proposals`);
      sims += batch;
      // a non-finite distance (failed run) is never accepted
      for (let j = 0; j < batch && accepted.length < n; j++) if (Number.isFinite(d[j]) && d[j]! <= eps) accepted.push({ theta: props[j]!.theta, distance: d[j]! });
      opts.onProgress?.({ generation: g, epsilon: eps, simulations: state.simulations + sims, generationSimulations: sims, accepted: accepted.length, particles: n });
    }
    const w = importanceWeights(opts.priors, accepted.map((a) => a.theta), kernel);
    const particles = accepted.map((a, i) => ({ theta: a.theta, weight: w[i]!, distance: a.distance }));
    state = {
      ...state,
      simulations: state.simulations + sims,
      history: [...state.history, { generation: g, epsilon: eps, simulations: sims, accepted: n, ess: ess(w) }],
      particles,
    };
    await opts.onGeneration?.(state);
  }
}
