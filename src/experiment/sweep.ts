/**
 * Run a sweep (or one shard of it): plan the runs of every design point, run them on an
 * executor, journal each as it finishes, and write the outputs atomically once all are done.
 * Output never depends on worker count, timing or interruptions: results are keyed by
 * (point, rep) and written in that order.
 */
import { repSeed } from '../model/rng.js';
import { InputError } from '../scenario/errors.js';
import type { Store } from './store.js';
import type { Sweep } from '../scenario/sweep.js';
import { designPoints, shardRange, type Point } from './design.js';
import { executor } from './pool.js';
import { Journal } from './journal.js';
import { planPoint } from './plan.js';
import type { RunRecord, Task } from './runTask.js';
import * as out from './outputs.js';
import { morrisCsv } from './sensitivity.js';
import { Sha256, sha256 } from './sha256.js';
import { sobolCsv } from './sobolSweep.js';

export interface SweepOptions {
  /** Where the journal and outputs go. */
  store: Store;
  /** Tool version and model-code fingerprint, recorded so shards of different code never merge. */
  provenance: out.Provenance;
  workers: number;
  /** 1-based shard index and count. */
  shard?: { index: number; count: number };
  resume?: boolean;
  kind?: 'sweep' | 'sensitivity';
  onProgress?: (done: number, total: number) => void;
  /** Called once the plan is known: runs already in the journal, runs planned so far. */
  onStart?: (info: { points: number; resumed: number; planned: number }) => void;
}

export interface SweepResult { where: string; totals: out.Totals; files: string[]; ranNow: number; resumed: number; points: out.PointResult[] }

export const OUTPUT_FILES = ['design.csv', 'runs.csv', 'points.csv', 'failures.csv', 'trajectories.csv', 'convergence.csv', 'morris.csv', 'sobol.csv', 'manifest.json'];

export async function runSweep(s: Sweep, o: SweepOptions): Promise<SweepResult> {
  const all = designPoints(s);
  const shard = o.shard ? { ...o.shard, ...shardRange(all.length, o.shard.index, o.shard.count) } : null;
  const points = shard ? all.slice(shard.from, shard.to) : all;
  const resolved = out.resolvedSweep(s, o.kind ?? 'sweep', all.length, o.provenance);
  const journal = new Journal(o.store);
  const earlier = startOrResume(o, journal, resolved, shard);
  if (!Array.isArray(earlier)) return earlier; // a finished sweep: nothing to do

  const done = new Map<number, Map<number, RunRecord>>(points.map((p) => [p.id, new Map()]));
  for (const r of earlier) done.get(r.point)?.set(r.rep, { ...r, traj: undefined });
  const ranNow = await runAll(s, o, points, done, journal, earlier.length);

  // Everything is journaled: assemble the outputs, manifest last, then drop the journal.
  const results: out.PointResult[] = points.map((p) => {
    const m = done.get(p.id)!;
    const pl = planPoint(m, s.reps, s.precision, s.metrics);
    return { point: p, runs: Array.from({ length: pl.n }, (_, r) => m.get(r)!), convergence: pl.convergence };
  });
  const files: Array<[string, string]> = [
    ['design.csv', out.designCsv(s, results)],
    ['runs.csv', out.runsCsv(s, results)],
    ['points.csv', out.pointsCsv(s, results)],
    ['failures.csv', out.failuresCsv(s, results)],
  ];
  if (s.precision) files.push(['convergence.csv', out.convergenceCsv(s, results)]);
  if (s.morris && !shard) files.push(['morris.csv', morrisCsv(s, results)]);
  if (s.sobol && !shard) files.push(['sobol.csv', sobolCsv(s, results)]);
  // every output's checksum goes into the manifest: merge refuses a shard whose files changed since
  const sums: Record<string, string> = {};
  for (const [name, text] of files) {
    o.store.write(name, text);
    sums[name] = sha256(text);
  }
  if (s.keep === 'trajectories') {
    files.splice(4, 0, ['trajectories.csv', '']);
    sums['trajectories.csv'] = writeTrajectories(o.store, s, results, journal);
  }
  const names = files.map(([n]) => n);
  names.push('manifest.json');
  const totals = out.countTotals(results);
  const checksums = Object.fromEntries(names.filter((n) => sums[n]).map((n) => [n, sums[n]!]));
  o.store.write('manifest.json', `${JSON.stringify(out.manifest(resolved, shard, totals, names, checksums), null, 2)}\n`);
  journal.remove();
  return { where: o.store.where, totals, files: names, ranNow, resumed: earlier.length, points: results };
}

/**
 * Fresh start or resume, decided before anything is touched: the runs already journaled, or
 * the result of a sweep that is already finished (--resume with nothing left to do).
 */
function startOrResume(o: SweepOptions, journal: Journal, resolved: out.Resolved, shard: out.Shard | null): RunRecord[] | SweepResult {
  const mf = o.store.read('manifest.json');
  if (!journal.exists && o.resume && mf !== undefined) {
    let had: { totals: out.Totals; files: string[]; checksums: Record<string, string> } | undefined;
    try {
      had = JSON.parse(mf) as { totals: out.Totals; files: string[]; checksums: Record<string, string> };
    } catch {
      had = undefined;
    }
    if (!had || JSON.stringify(out.manifest(resolved, shard, had.totals, had.files, had.checksums)) !== JSON.stringify(had))
      throw new InputError(`${o.store.where}: --resume: holds a finished sweep that differs from this one; use another --out`);
    return { where: o.store.where, totals: had.totals, files: had.files, ranNow: 0, resumed: had.totals.runs, points: [] };
  }
  const identity = { ...resolved, shard };
  let earlier: RunRecord[] = [];
  if (journal.exists) {
    if (!o.resume) throw new InputError(`${o.store.where}: holds an unfinished sweep; add --resume to finish it, or --overwrite to start over`);
    journal.check(identity);
    earlier = journal.load();
  } else {
    for (const f of OUTPUT_FILES) o.store.remove(f);
    journal.create(identity);
  }
  removeTemps(o.store);
  return earlier;
}

/**
 * Run every planned run on the executor, journaling each as it finishes. A point's next batch
 * (adaptive precision) is planned when its current batch is complete. Returns the runs made.
 */
async function runAll(s: Sweep, o: SweepOptions, points: Point[], done: Map<number, Map<number, RunRecord>>, journal: Journal, resumed: number): Promise<number> {
  const byId = new Map(points.map((p) => [p.id, p]));
  const task = (p: Point, rep: number): Task => ({
    base: s.base, paths: s.factors.map((f) => f.path), point: p.id, values: p.values, seed: p.seed, rep,
    window: s.window, statistic: s.statistic, metrics: s.metrics, trajectories: s.keep === 'trajectories',
    ...(s.posterior ? { draw: s.posterior.draws[rep] } : {}),
  });
  const queue: Task[] = [];
  let head = 0; // next task to start (an index, not shift(): queues can hold 10⁵ runs)
  const outstanding = new Map<number, number>();
  let planned = resumed;
  const plan = (p: Point) => {
    const { missing } = planPoint(done.get(p.id)!, s.reps, s.precision, s.metrics);
    outstanding.set(p.id, missing.length);
    planned += missing.length;
    for (const r of missing) queue.push(task(p, r));
  };
  for (const p of points) plan(p);
  o.onStart?.({ points: points.length, resumed, planned });

  const exec = executor(Math.min(o.workers, Math.max(1, queue.length)));
  let ranNow = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const pump = () => {
        while (inFlight < exec.size * 2 && head < queue.length) {
          const t = queue[head++]!;
          inFlight++;
          exec.run({ task: t }).catch((e: unknown) => failed(t, e)).then((rec) => {
            journal.add(rec);
            done.get(rec.point)!.set(rec.rep, { ...rec, traj: undefined });
            inFlight--;
            ranNow++;
            const left = outstanding.get(rec.point)! - 1;
            outstanding.set(rec.point, left);
            if (left === 0) plan(byId.get(rec.point)!);
            o.onProgress?.(resumed + ranNow, planned);
            pump();
          }).catch(reject);
        }
        if (inFlight === 0 && head === queue.length) resolve();
      };
      pump();
    });
  } finally {
    await exec.close();
  }
  return ranNow;
}

/** trajectories.csv can be large: streamed run by run from the journal, published when complete; returns its checksum. */
function writeTrajectories(store: Store, s: Sweep, results: out.PointResult[], journal: Journal): string {
  const f = store.append('trajectories.csv');
  const hash = new Sha256();
  const write = (text: string) => {
    f.write(text);
    hash.update(text);
  };
  try {
    write(out.trajectoriesHeader(s));
    for (const { runs } of results)
      for (const r of runs) if (r.ok) write(journal.get(r.point, r.rep).traj ?? '');
  } catch (e) {
    f.abort();
    throw e;
  }
  f.commit();
  return `sha256:${hash.digest()}`;
}

/** A worker that died (not a run that threw: runTask catches those) fails only its run. */
function failed(t: Task, e: unknown): RunRecord {
  return { point: t.point, rep: t.rep, seed: repSeed(t.seed, t.rep), ok: false, error: `worker: ${e instanceof Error ? e.message : String(e)}`.split('\n')[0]! };
}

/** Temp files of output files left by a process killed while writing them. */
function removeTemps(store: Store): void {
  for (const f of store.list('')) if (f.endsWith('.tmp') && OUTPUT_FILES.some((o) => f.startsWith(`.${o}.`))) store.remove(f);
}
