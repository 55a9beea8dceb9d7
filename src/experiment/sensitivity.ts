/**
 * Morris screening on top of a sweep: the design points are the Morris trajectories, each
 * point's output is its mean over replications, and the elementary effects give μ*, μ and σ
 * per factor and metric.
 */
import seedrandom from 'seedrandom';
import { toCsv, fmt } from '../scenario/csv.js';
import type { Sweep } from '../scenario/sweep.js';
import type { PointResult } from './outputs.js';
import { morrisDesign, morrisEffects } from './morris.js';
import { mean } from 'simple-statistics';

export interface MorrisRow { metric: string; parameter: string; rank: number; mu_star: number; mu: number; sigma: number; n: number }

export function morrisRows(s: Sweep, results: PointResult[]): MorrisRow[] {
  const m = s.morris!;
  // the same stream and order as designPoints, so the steps match the points that ran
  const design = morrisDesign(s.factors.length, m.trajectories, m.levels, seedrandom.alea(`${s.seed}:design`) as unknown as () => number);
  const rows: MorrisRow[] = [];
  s.metrics.forEach((metric, i) => {
    const y = results.map((p) => {
      const ok = p.runs.filter((r) => r.ok);
      return ok.length ? mean(ok.map((r) => r.values![i]!)) : NaN;
    });
    const idx = morrisEffects(design, y)
      .map((e) => ({ ...e, parameter: s.factors[e.factor]!.path }))
      .sort((a, b) => (b.mu_star || 0) - (a.mu_star || 0) || a.factor - b.factor);
    idx.forEach((e, r) => {
      rows.push({ metric, parameter: e.parameter, rank: r + 1, mu_star: e.mu_star, mu: e.mu, sigma: e.sigma, n: e.n });
    });
  });
  return rows;
}

export const MORRIS_COLUMNS = ['metric', 'parameter', 'rank', 'mu_star', 'mu', 'sigma', 'n'];

/** morris.csv's rows. */
export const morrisCells = (s: Sweep, results: PointResult[]): Array<Array<string | number>> =>
  morrisRows(s, results).map((r) => [r.metric, r.parameter, r.rank, fmt(r.mu_star), fmt(r.mu), fmt(r.sigma), r.n]);

export const morrisCsv = (s: Sweep, results: PointResult[]): string => toCsv(MORRIS_COLUMNS, morrisCells(s, results));

/** The ranked table printed by `clwsim sensitivity`: the top levers per metric. */
export function morrisTable(rows: MorrisRow[], top = 8): string {
  const lines: string[] = [];
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const g = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : '-');
  for (const metric of metrics) {
    const rs = rows.filter((r) => r.metric === metric).slice(0, top);
    const w = Math.max(9, ...rs.map((r) => r.parameter.length));
    lines.push(`${metric}: μ* (importance), μ (direction), σ (non-linearity/interactions), per full range of the parameter`);
    lines.push(`  ${'#'.padStart(2)}  ${'parameter'.padEnd(w)}  ${'μ*'.padStart(10)}  ${'μ'.padStart(10)}  ${'σ'.padStart(10)}`);
    for (const r of rs) lines.push(`  ${String(r.rank).padStart(2)}  ${r.parameter.padEnd(w)}  ${g(r.mu_star).padStart(10)}  ${g(r.mu).padStart(10)}  ${g(r.sigma).padStart(10)}`);
    lines.push('');
  }
  return lines.join('\n');
}
