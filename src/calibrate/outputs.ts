/**
 * The files of a calibration, as text: priors.csv, posterior.csv (particle, weight and one column
 * per parameter path; weights sum to 1), generations.csv, predictive.csv. Parameter values keep
 * 10 significant digits and weights 12, so a posterior read back sums to 1 within 1e-9.
 */
import { toCsv } from '../scenario/csv.js';
import type { AbcResult, GenerationStats } from '../experiment/abc.js';
import type { PredictiveRow } from './abcRun.js';
import { priorText, type FreeParameter } from './targets.js';

const sig = (x: number, d = 10): number | string => (Number.isFinite(x) ? Number(x.toPrecision(d)) : '');

export function priorsCsv(ps: FreeParameter[]): string {
  return toCsv(['param', 'distribution', 'lo', 'hi'], ps.map((p) => [p.name, priorText(p), p.lo ?? '', p.hi ?? '']));
}

export function posteriorCsv(abc: Pick<AbcResult, 'names' | 'particles'>): string {
  return toCsv(['particle', 'weight', ...abc.names], abc.particles.map((p, i) => [i, sig(p.weight, 12), ...p.theta.map((x) => sig(x))]));
}

/** ε of generation 0 is infinite (every prior draw accepted): written "inf". */
export function generationsCsv(gs: GenerationStats[]): string {
  return toCsv(['generation', 'epsilon', 'simulations', 'accepted', 'ess'],
    gs.map((g) => [g.generation, Number.isFinite(g.epsilon) ? sig(g.epsilon, 8) : 'inf', g.simulations, g.accepted, sig(g.ess, 8)]));
}

export function predictiveCsv(rows: PredictiveRow[]): string {
  return toCsv(['target', 'target_value', 'tolerance', 'predictive_mean', 'predictive_low', 'predictive_high', 'within'],
    rows.map((r) => [r.target.id, r.target.target, r.target.tolerance, sig(r.mean, 8), sig(r.low, 8), sig(r.high, 8), r.within ? 'true' : 'false']));
}

/** Weighted mean, sd and correlation matrix of the particles. */
export function weightedMoments(abc: Pick<AbcResult, 'names' | 'particles'>): { mean: number[]; sd: number[]; corr: number[][] } {
  const d = abc.names.length;
  const mean = Array.from({ length: d }, (_, k) => abc.particles.reduce((s, p) => s + p.weight * p.theta[k]!, 0));
  const cov = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) =>
    abc.particles.reduce((s, p) => s + p.weight * (p.theta[a]! - mean[a]!) * (p.theta[b]! - mean[b]!), 0)));
  const sd = cov.map((r, k) => Math.sqrt(r[k]!));
  return { mean, sd, corr: cov.map((r, a) => r.map((c, b) => (sd[a]! > 0 && sd[b]! > 0 ? c / (sd[a]! * sd[b]!) : NaN))) };
}
