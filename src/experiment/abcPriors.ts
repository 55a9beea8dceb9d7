/**
 * Priors and the perturbation kernel for ABC-SMC (see abc.ts).
 * Priors: uniform and log-uniform on [lo, hi]; normal (mean, sd), optionally truncated to
 * [lo, hi]. Densities are unnormalised where the constant is the same for every particle (the
 * truncation mass of a normal), because importance weights are normalised afterwards.
 * Kernel: multivariate normal N(θ_j, Σ) with Σ = 2 × the weighted covariance of the previous
 * population (Beaumont et al. 2009, Biometrika 96:983). Pure, no node:* imports.
 */
import { errorFunction, inverseErrorFunction } from 'simple-statistics';

export type Rng = () => number;

export type Prior =
  | { name: string; dist: 'uniform'; lo: number; hi: number }
  | { name: string; dist: 'loguniform'; lo: number; hi: number }
  | { name: string; dist: 'normal'; mean: number; sd: number; lo?: number; hi?: number };

export function checkPrior(p: Prior): void {
  const lo = p.lo ?? -Infinity, hi = p.hi ?? Infinity;
  if (!(lo < hi)) throw new Error(`prior ${p.name}: lo (${lo}) must be below hi (${hi})`);
  if (p.dist !== 'normal' && !(Number.isFinite(lo) && Number.isFinite(hi))) throw new Error(`prior ${p.name}: ${p.dist} needs finite lo and hi`);
  if (p.dist === 'loguniform' && !(lo > 0)) throw new Error(`prior ${p.name}: log-uniform needs lo > 0`);
  if (p.dist === 'normal' && !(p.sd > 0)) throw new Error(`prior ${p.name}: normal needs sd > 0`);
}

const phi = (z: number): number => 0.5 * (1 + errorFunction(z / Math.SQRT2));
/**
 * Standard normal quantile: simple-statistics' closed form (Winitzki, error ~1e-3) polished by
 * two Newton steps on Φ, which brings it to the accuracy of Φ itself (~1e-7).
 */
function phiInv(u: number): number {
  let x = Math.SQRT2 * inverseErrorFunction(2 * u - 1);
  for (let i = 0; i < 2; i++) x -= (phi(x) - u) / (Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI));
  return x;
}

/** One draw from the prior, by inversion (one uniform per draw). */
export function samplePrior(p: Prior, rng: Rng): number {
  const u = rng();
  switch (p.dist) {
    case 'uniform':
      return p.lo + u * (p.hi - p.lo);
    case 'loguniform':
      return Math.exp(Math.log(p.lo) + u * (Math.log(p.hi) - Math.log(p.lo)));
    case 'normal': {
      const a = p.lo === undefined ? 0 : phi((p.lo - p.mean) / p.sd);
      const b = p.hi === undefined ? 1 : phi((p.hi - p.mean) / p.sd);
      // keep u strictly inside (a, b): the inverse error function is infinite at ±1
      const v = Math.min(Math.max(a + u * (b - a), 1e-15), 1 - 1e-15);
      const x = p.mean + p.sd * phiInv(v);
      return Math.min(Math.max(x, p.lo ?? -Infinity), p.hi ?? Infinity);
    }
  }
}

/** Log prior density (up to a constant per prior); −Infinity outside the support. */
export function logPriorDensity(priors: readonly Prior[], theta: readonly number[]): number {
  let s = 0;
  priors.forEach((p, i) => {
    const x = theta[i]!;
    if (!(x >= (p.lo ?? -Infinity) && x <= (p.hi ?? Infinity))) s = -Infinity;
    else if (p.dist === 'uniform') s -= Math.log(p.hi - p.lo);
    else if (p.dist === 'loguniform') s -= Math.log(x) + Math.log(Math.log(p.hi / p.lo));
    else s -= 0.5 * ((x - p.mean) / p.sd) ** 2 + Math.log(p.sd);
  });
  return s;
}

/** Weighted mean and covariance (weights normalised to 1; divisor 1, as Beaumont et al.). */
export function weightedCovariance(thetas: readonly number[][], weights: readonly number[]): number[][] {
  const d = thetas[0]!.length;
  const mu = new Array<number>(d).fill(0);
  thetas.forEach((t, j) => {
    for (let i = 0; i < d; i++) mu[i]! += weights[j]! * t[i]!;
  });
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  thetas.forEach((t, j) => {
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a]![b]! += weights[j]! * (t[a]! - mu[a]!) * (t[b]! - mu[b]!);
  });
  return cov;
}

/**
 * Lower Cholesky factor of a covariance matrix. A tiny ridge is added when needed (a parameter
 * that collapsed to one value), so the kernel stays proper.
 */
export function cholesky(m: readonly number[][]): number[][] {
  const d = m.length;
  const scale = Math.max(...m.map((r, i) => Math.abs(r[i]!)), 1e-300);
  for (let ridge = 0; ridge <= 1e-6 * scale; ridge = ridge === 0 ? 1e-12 * scale : ridge * 100) {
    const l = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    let ok = true;
    for (let i = 0; i < d && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let s = m[i]![j]! + (i === j ? ridge : 0);
        for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
        if (i === j) {
          if (!(s > 0)) { ok = false; break; }
          l[i]![i] = Math.sqrt(s);
        } else l[i]![j] = s / l[j]![j]!;
      }
    }
    if (ok) return l;
  }
  throw new Error('perturbation kernel: covariance is not positive definite');
}

/** θ + L z with z standard normal (Box–Muller from the given stream). */
export function perturb(theta: readonly number[], l: readonly number[][], rng: Rng): number[] {
  const d = theta.length;
  const z: number[] = [];
  while (z.length < d) {
    const u1 = 1 - rng(), u2 = rng(); // u1 in (0, 1]
    const r = Math.sqrt(-2 * Math.log(u1));
    z.push(r * Math.cos(2 * Math.PI * u2), r * Math.sin(2 * Math.PI * u2));
  }
  return theta.map((x, i) => {
    let s = x;
    for (let k = 0; k <= i; k++) s += l[i]![k]! * z[k]!;
    return s;
  });
}

/** −½ (x − μ)ᵀ Σ⁻¹ (x − μ) with Σ = L Lᵀ (the normal constant is the same for every pair). */
export function kernelLogDensity(x: readonly number[], mu: readonly number[], l: readonly number[][]): number {
  const d = x.length;
  const u = new Array<number>(d);
  let q = 0;
  for (let i = 0; i < d; i++) {
    let s = x[i]! - mu[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * u[k]!;
    u[i] = s / l[i]![i]!;
    q += u[i]! * u[i]!;
  }
  return -0.5 * q;
}
