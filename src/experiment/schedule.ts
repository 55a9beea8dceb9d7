/**
 * Run a sweep's missing runs on an executor. Points are opened in order, at most WINDOW
 * points past the first open one, and their tasks made only then, so memory (tasks queued,
 * runs held) does not grow with the number of points. A point's next batch (adaptive
 * precision) is planned when its current batch is complete. Each finished run is journaled,
 * then handed to the assembler, which writes closed points in order.
 */
import { repSeed } from '../model/rng.js';
import type { Sweep } from '../scenario/sweep.js';
import type { Assembler } from './assemble.js';
import type { Design } from './design.js';
import type { Journal } from './journal.js';
import { executor } from './pool.js';
import type { RunRecord, Task } from './runTask.js';

/** Points open at once, at least: enough that a slow point never idles the workers. */
const WINDOW = 64;

export interface ScheduleOptions {
  workers: number;
  onProgress?: (done: number, total: number) => void;
  onStart?: (info: { points: number; resumed: number; planned: number }) => void;
}

/** Returns the number of runs made. */
export async function runMissing(s: Sweep, design: Design, asm: Assembler, journal: Journal, resumed: number, o: ScheduleOptions): Promise<number> {
  const task = (id: number, rep: number): Task => {
    const p = design.at(id);
    return {
      base: s.base, paths: s.factors.map((f) => f.path), point: p.id, values: p.values, seed: p.seed, rep,
      window: s.window, statistic: s.statistic, metrics: s.metrics, trajectories: s.keep === 'trajectories',
      ...(s.posterior ? { draw: s.posterior.draws[rep] } : {}),
    };
  };
  let queue: Task[] = [];
  let head = 0;
  const outstanding = new Map<number, number>();
  const push = (id: number, missing: number[]) => {
    outstanding.set(id, missing.length);
    for (const r of missing) queue.push(task(id, r));
  };
  // the first batch of every point still to run, counted now (as if all were planned at once)
  let planned = resumed + (asm.end - asm.cursor) * s.reps;
  for (const id of asm.heldPoints()) planned += asm.plan(id).missing.length - s.reps;
  o.onStart?.({ points: asm.end - asm.cursor, resumed, planned });

  const exec = executor(Math.min(o.workers, Math.max(1, planned - resumed)));
  const window = Math.max(WINDOW, 8 * exec.size);
  let next = asm.cursor;
  const openMore = () => {
    for (; next < asm.end && next < asm.cursor + window; next++) {
      const { missing } = asm.plan(next);
      if (missing.length) push(next, missing);
    }
  };
  let ranNow = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const finished = (rec: RunRecord) => {
        journal.add(rec);
        asm.add(rec);
        inFlight--;
        ranNow++;
        const left = outstanding.get(rec.point)! - 1;
        outstanding.set(rec.point, left);
        if (left === 0) {
          outstanding.delete(rec.point);
          const { missing } = asm.plan(rec.point);
          if (missing.length) {
            planned += missing.length;
            push(rec.point, missing);
          }
        }
        asm.flush();
        o.onProgress?.(resumed + ranNow, planned);
        pump();
      };
      const pump = () => {
        openMore();
        if (head > 4096 && head * 2 > queue.length) {
          queue = queue.slice(head);
          head = 0;
        }
        while (inFlight < exec.size * 2 && head < queue.length) {
          const t = queue[head++]!;
          inFlight++;
          exec.run({ task: t }).catch((e: unknown) => failed(t, e)).then(finished).catch(reject);
        }
        if (inFlight === 0 && head === queue.length) {
          if (asm.cursor < asm.end) reject(new Error(`sweep: point ${asm.cursor} is neither finished nor planned (a bug)`));
          else resolve();
        }
      };
      asm.flush();
      pump();
    });
  } finally {
    await exec.close();
  }
  return ranNow;
}

/** A worker that died (not a run that threw: runTask catches those) fails only its run. */
function failed(t: Task, e: unknown): RunRecord {
  return { point: t.point, rep: t.rep, seed: repSeed(t.seed, t.rep), ok: false, error: `worker: ${e instanceof Error ? e.message : String(e)}`.split('\n')[0]! };
}
