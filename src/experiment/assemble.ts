/**
 * Design points closed in order. Runs arrive in any order (workers, resumes); a point is
 * closed when planPoint has nothing left for it (all its replications, or, with adaptive
 * precision, its last batch) and is handed on only when every point before it has been, so
 * the tables come out in point order whatever the timing. Only open points are held: the
 * scheduler opens points no further than a window ahead of the first open one.
 */
import type { Sweep } from '../scenario/sweep.js';
import type { Design } from './design.js';
import { planPoint, type PointPlan } from './plan.js';
import type { PointResult } from './outputs.js';
import type { RunRecord } from './runTask.js';

const NONE: ReadonlyMap<number, RunRecord> = new Map();

export class Assembler {
  /** The first point not yet handed on. */
  cursor: number;
  private readonly held = new Map<number, Map<number, RunRecord>>();

  constructor(private readonly s: Sweep, private readonly design: Design, from: number, readonly end: number, private readonly emit: (r: PointResult) => void) {
    this.cursor = from;
  }

  /** Keep a run (a repeat of a run already kept, or of a closed point, is ignored). */
  add(rec: RunRecord): void {
    if (rec.point < this.cursor || rec.point >= this.end) return;
    const m = this.held.get(rec.point) ?? new Map<number, RunRecord>();
    this.held.set(rec.point, m);
    if (!m.has(rec.rep)) m.set(rec.rep, rec);
  }

  /** What point `id` needs next, from the runs kept for it. */
  plan(id: number): PointPlan {
    return planPoint((this.held.get(id) ?? NONE) as Map<number, RunRecord>, this.s.reps, this.s.precision, this.s.metrics);
  }

  /** Points (from the cursor on) that hold runs: the ones a resumed sweep finds half done. */
  heldPoints(): number[] {
    return [...this.held.keys()];
  }

  /** Hand on every closed point at the cursor. */
  flush(): void {
    while (this.cursor < this.end) {
      const pl = this.plan(this.cursor);
      if (pl.missing.length) return;
      const m = this.held.get(this.cursor) ?? NONE;
      this.emit({ point: this.design.at(this.cursor), runs: Array.from({ length: pl.n }, (_, r) => m.get(r)!), convergence: pl.convergence });
      this.held.delete(this.cursor);
      this.cursor++;
    }
  }
}
