/**
 * Morris elementary effects (Morris 1991; μ* from Campolongo, Cariboni & Saltelli 2007).
 * r trajectories of k+1 points on a p-level grid in [0,1]^k; consecutive points differ in one
 * factor by Δ = p / (2(p − 1)). The elementary effect of factor i is (y(x + Δeᵢ) − y(x)) / Δ
 * (or the mirror when the step is down), in units of the factor's range. Per factor:
 * μ* = mean |EE| (importance), μ = mean EE (direction), σ = SD of EE (non-linearity or
 * interactions). Pure: no model, no files; the sweep engine supplies y.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';

export interface MorrisDesign {
  k: number;
  r: number;
  delta: number;
  /** r × (k+1) points, trajectory by trajectory. */
  points: number[][];
  /** For trajectory t and step s (0..k-1): which factor moved and by +Δ or −Δ. */
  steps: Array<Array<{ factor: number; sign: 1 | -1 }>>;
}

export function morrisDesign(k: number, r: number, levels: number, rng: () => number): MorrisDesign {
  const delta = levels / (2 * (levels - 1));
  const grid = Array.from({ length: levels }, (_, i) => i / (levels - 1));
  const lowLevels = grid.filter((g) => g + delta <= 1 + 1e-12); // starting values from which +Δ stays inside
  const points: number[][] = [];
  const steps: MorrisDesign['steps'] = [];
  for (let t = 0; t < r; t++) {
    let x = Array.from({ length: k }, () => lowLevels[Math.floor(rng() * lowLevels.length)]!);
    // random direction per factor: start low and step up, or start high and step down
    const up = Array.from({ length: k }, () => rng() < 0.5);
    x = x.map((v, i) => (up[i] ? v : v + delta));
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    points.push(x.map(clean));
    const st: Array<{ factor: number; sign: 1 | -1 }> = [];
    for (const f of order) {
      const sign = up[f] ? 1 : -1;
      x = x.slice();
      x[f] = x[f]! + sign * delta;
      points.push(x.map(clean));
      st.push({ factor: f, sign });
    }
    steps.push(st);
  }
  return { k, r, delta, points, steps };
}

const clean = (v: number) => Math.round(v * 1e12) / 1e12;

export interface MorrisIndex { factor: number; mu_star: number; mu: number; sigma: number; n: number }

/**
 * Indices from the model outputs y (one per design point, in design order). Trajectories with
 * a missing output (NaN: a failed run) drop only the effects that need it.
 */
export function morrisEffects(design: MorrisDesign, y: ArrayLike<number>): MorrisIndex[] {
  const ee: number[][] = Array.from({ length: design.k }, () => []);
  for (let t = 0; t < design.r; t++) {
    const base = t * (design.k + 1);
    design.steps[t]!.forEach((s, j) => {
      const y0 = y[base + j]!, y1 = y[base + j + 1]!;
      if (Number.isFinite(y0) && Number.isFinite(y1)) ee[s.factor]!.push(((y1 - y0) / design.delta) * s.sign);
    });
  }
  return ee.map((e, factor) => ({
    factor,
    mu_star: e.length ? mean(e.map(Math.abs)) : NaN,
    mu: e.length ? mean(e) : NaN,
    sigma: e.length > 1 ? sampleStandardDeviation(e) : NaN,
    n: e.length,
  }));
}
