import { describe, expect, test, onTestFinished } from 'vitest';
import seedrandom from 'seedrandom';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { morrisDesign, morrisEffects } from '../../src/experiment/morris.js';
import { loadSweep } from '../../src/io/sweepFile.js';
import { designPoints } from '../../src/experiment/design.js';
import { morrisRows } from '../../src/experiment/sensitivity.js';

const rng = () => seedrandom.alea('morris-test') as unknown as () => number;

describe('Morris design', () => {
  test('each trajectory moves every factor exactly once, by ±Δ, inside the unit cube', () => {
    const k = 5, r = 12, levels = 4;
    const d = morrisDesign(k, r, levels, rng());
    expect(d.delta).toBeCloseTo(2 / 3, 12);
    expect(d.points.length).toBe(r * (k + 1));
    for (let t = 0; t < r; t++) {
      const moved: number[] = [];
      for (let s = 0; s < k; s++) {
        const a = d.points[t * (k + 1) + s]!, b = d.points[t * (k + 1) + s + 1]!;
        const diff = a.map((x, i) => b[i]! - x).map((x, i) => [i, x] as const).filter(([, x]) => Math.abs(x) > 1e-9);
        expect(diff.length).toBe(1);
        expect(Math.abs(diff[0]![1])).toBeCloseTo(d.delta, 9);
        expect(d.steps[t]![s]!.factor).toBe(diff[0]![0]);
        expect(Math.sign(diff[0]![1])).toBe(d.steps[t]![s]!.sign);
        moved.push(diff[0]![0]);
      }
      expect(moved.sort()).toEqual([0, 1, 2, 3, 4]);
      for (const p of d.points.slice(t * (k + 1), (t + 1) * (k + 1))) for (const x of p) expect(x >= 0 && x <= 1).toBe(true);
    }
  });

  test('same stream → same design', () => {
    expect(morrisDesign(3, 4, 6, rng())).toEqual(morrisDesign(3, 4, 6, rng()));
  });
});

describe('Morris effects on a function with a known answer', () => {
  // y = 3 x0 − 2 x1 + 0 x2 + 4 x3 x4: x0 and x1 are linear (every elementary effect equals the
  // coefficient: μ* = |b|, μ = b, σ = 0); x2 is inert (all zero); x3 and x4 interact (σ > 0).
  const f = (x: number[]) => 3 * x[0]! - 2 * x[1]! + 0 * x[2]! + 4 * x[3]! * x[4]!;
  const d = morrisDesign(5, 20, 4, rng());
  const e = morrisEffects(d, d.points.map(f));

  test('linear factors: μ* = |coefficient|, μ = coefficient, σ = 0', () => {
    expect(e[0]!.mu_star).toBeCloseTo(3, 9);
    expect(e[0]!.mu).toBeCloseTo(3, 9);
    expect(e[0]!.sigma).toBeCloseTo(0, 9);
    expect(e[1]!.mu_star).toBeCloseTo(2, 9);
    expect(e[1]!.mu).toBeCloseTo(-2, 9);
    expect(e[1]!.sigma).toBeCloseTo(0, 9);
    expect(e[0]!.n).toBe(20);
  });

  test('an inert factor has μ* = 0', () => {
    expect(e[2]!.mu_star).toBe(0);
    expect(e[2]!.sigma).toBe(0);
  });

  test('interacting factors: EE of x3 is 4·x4 at the step, so 0 < μ* ≤ 4 and σ > 0', () => {
    // recompute the expected mean exactly from the design
    const want: number[] = [];
    d.steps.forEach((st, t) => { st.forEach((s, j) => { if (s.factor === 3) want.push(4 * d.points[t * 6 + j]![4]!); }); });
    expect(e[3]!.mu_star).toBeCloseTo(want.reduce((a, b) => a + b, 0) / want.length, 9);
    expect(e[3]!.sigma).toBeGreaterThan(0);
    expect(e[4]!.sigma).toBeGreaterThan(0);
    expect(e[3]!.mu_star).toBeLessThanOrEqual(4);
  });

  test('ranking by μ* puts x0 first and the inert x2 last', () => {
    const order = [...e].sort((a, b) => b.mu_star - a.mu_star).map((x) => x.factor);
    expect(order[0]).toBe(0);
    expect(order[4]).toBe(2);
  });

  test('a failed run (NaN) drops only the effects that need it', () => {
    const y = d.points.map(f);
    y[0] = NaN;
    const e2 = morrisEffects(d, y);
    expect(e2.reduce((a, x) => a + x.n, 0)).toBe(5 * 20 - 1);
    expect(e2[0]!.mu_star).toBeCloseTo(3, 9);
  });
});

describe('Morris through the sweep design (design points → effects)', () => {
  test('a linear response in the parameters gives μ* = coefficient × range, ranked, for every metric', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clwsim-morris-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const f = join(dir, 'm.yaml');
    writeFileSync(f, `scenario: ${process.cwd()}/scenarios/baseline.yaml\nfactors:\n  practice.scatterShare: { min: 0, max: 0.8 }\n  trust.etaDown: { min: 0.05, max: 0.3 }\n  demand.level: { min: 0.5, max: 1.5 }\nmorris: { trajectories: 6, levels: 4 }\nreps: 2\nmetrics: [waitlist_total, trust_mean]\n`);
    const s = loadSweep(f, {}, 'morris');
    const pts = designPoints(s);
    expect(pts.length).toBe(6 * 4);
    // waitlist = 100·scatter − 40·etaDown + 0·level; trust = 2·level (per unit of each parameter).
    // Sampled values are kept to 6 decimals, hence agreement to ~1e-4, not exactly.
    const results = pts.map((point) => {
      const [sc, eta, lvl] = point.values as number[];
      const runs = [0, 1].map((rep) => ({ point: point.id, rep, seed: 0, ok: true, values: [100 * sc! - 40 * eta! + rep, 2 * lvl!] }));
      return { point, runs, convergence: null };
    });
    const rows = morrisRows(s, results);
    const get = (m: string, p: string) => rows.find((r) => r.metric === m && r.parameter === p)!;
    expect(get('waitlist_total', 'practice.scatterShare').mu_star).toBeCloseTo(100 * 0.8, 3);
    expect(get('waitlist_total', 'trust.etaDown').mu).toBeCloseTo(-40 * 0.25, 3);
    expect(get('waitlist_total', 'demand.level').mu_star).toBeCloseTo(0, 9);
    expect(get('trust_mean', 'demand.level').mu_star).toBeCloseTo(2 * 1, 3);
    expect(get('waitlist_total', 'practice.scatterShare').rank).toBe(1);
    expect(get('waitlist_total', 'demand.level').rank).toBe(3);
    expect(rows.every((r) => r.n === 6)).toBe(true);
  });
});
