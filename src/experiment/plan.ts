/**
 * Which replications a design point needs. Fixed reps: 0..reps-1. Adaptive precision: batches
 * decided only from the results of earlier batches of the same point (never from timing or
 * worker order), so the set of runs, and so the output, is the same however the sweep runs,
 * is split or is resumed.
 */
import type { MetricName } from './../model/metrics.js';
import type { Precision } from '../scenario/sweep.js';
import type { RunRecord } from './runTask.js';
import { summarize } from '../scenario/stats.js';

export interface Convergence { metric: MetricName; n: number; mean: number; half_width: number; relative: number; converged: boolean }

export interface PointPlan {
  /** Reps to run next (missing from the current batch); empty when the point is finished. */
  missing: number[];
  /** Reps making up the point's result (0..n-1) once finished. */
  n: number;
  convergence: Convergence[] | null;
}

export function convergence(recs: RunRecord[], metrics: MetricName[], kept: MetricName[], target: number): Convergence[] {
  const ok = recs.filter((r) => r.ok);
  return metrics.map((metric) => {
    const i = kept.indexOf(metric);
    const s = summarize(ok.map((r) => r.values![i]!));
    const half = (s.ci_high - s.ci_low) / 2;
    const relative = half === 0 ? 0 : half / Math.abs(s.mean);
    return { metric, n: s.n, mean: s.mean, half_width: half, relative, converged: s.n >= 2 && Number.isFinite(relative) && relative <= target };
  });
}

/** The next batch size: enough to reach the target if the spread holds, at most doubling. */
function nextN(n: number, conv: Convergence[], p: Precision): number {
  const worst = Math.max(...conv.filter((c) => !c.converged).map((c) => (Number.isFinite(c.relative) ? c.relative / p.target : Infinity)));
  const want = Number.isFinite(worst) ? Math.ceil(n * worst * worst) : 2 * n;
  return Math.min(p.maxReps, Math.max(n + 1, Math.min(2 * n, want)));
}

export function planPoint(done: Map<number, RunRecord>, reps: number, p: Precision | null, kept: MetricName[]): PointPlan {
  let n = reps;
  for (;;) {
    const missing: number[] = [];
    for (let r = 0; r < n; r++) if (!done.has(r)) missing.push(r);
    if (missing.length) return { missing, n, convergence: null };
    if (!p) return { missing, n, convergence: null };
    const recs = Array.from({ length: n }, (_, r) => done.get(r)!);
    const conv = convergence(recs, p.metrics, kept, p.target);
    if (conv.every((c) => c.converged) || n >= p.maxReps) return { missing, n, convergence: conv };
    n = nextN(n, conv, p);
  }
}
