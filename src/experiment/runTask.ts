/**
 * One run of a sweep: simulate replication `rep` of a design point and reduce it to what the
 * sweep keeps. The same function runs in-process and in worker threads, so the output cannot
 * depend on where it ran. A run that throws becomes a failure record, never a crash.
 */
import { repSeed } from '../model/rng.js';
import { applyPoint } from './apply.js';
import type { MetricName } from '../model/metrics.js';
import type { Scenario } from '../model/scenario.js';
import { buildScenario } from '../scenario/build.js';
import { csvRecords, fmt } from '../scenario/csv.js';
import { statistic, type Statistic, type Window } from '../scenario/stats.js';
import { simulateReplication, type Draw } from './runner.js';

export interface Task {
  base: Scenario;
  paths: string[];
  point: number;
  values: Array<number | string>;
  seed: number;
  rep: number;
  window: Window;
  statistic: Statistic;
  metrics: MetricName[];
  trajectories: boolean;
  /** The posterior draw this replication runs with, if any. */
  draw?: Draw;
}

export interface RunRecord {
  point: number;
  rep: number;
  /** The replication's own seed (derived from the point seed and rep). */
  seed: number;
  ok: boolean;
  /** The window statistic of each kept metric, full precision. */
  values?: number[];
  /** Trajectory CSV rows (no header) when trajectories are kept. */
  traj?: string;
  error?: string;
}

export function runTask(t: Task): RunRecord {
  const seed = repSeed(t.seed, t.rep);
  try {
    const scenario = buildScenario(`point ${t.point}`, { ...applyPoint(t.base, t.paths, t.values), seed: t.seed });
    const res = simulateReplication(scenario, t.rep, t.draw);
    const values = t.metrics.map((m) => {
      const v = statistic(res.metrics[m], t.window, t.statistic);
      if (!Number.isFinite(v)) throw new Error(`metric ${m} is ${v}`);
      return v;
    });
    const rec: RunRecord = { point: t.point, rep: t.rep, seed, ok: true, values };
    if (t.trajectories) {
      const rows: Array<Array<string | number>> = [];
      const head = [t.point, ...t.values.map(cell), t.rep, seed];
      for (let w = 0; w < res.weeks; w++) rows.push([...head, w + 1, ...t.metrics.map((m) => fmt(res.metrics[m][w]!))]);
      rec.traj = csvRecords(rows);
    }
    return rec;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { point: t.point, rep: t.rep, seed, ok: false, error: msg.split('\n')[0]!.slice(0, 500) };
  }
}

export const cell = (v: number | string): number | string => (typeof v === 'number' ? fmt(v) : v);
