/**
 * Where runs execute: in this thread (workers = 1) or on a tinypool of worker threads. Both
 * call the same handler (worker.ts), so results do not depend on the choice; callers order them.
 */
import { availableParallelism } from 'node:os';
import { handle, type WorkerMessage } from './worker.js';
import type { Job, JobOutput } from './runner.js';
import type { RunRecord, Task } from './runTask.js';

export interface Executor {
  run(msg: { job: Job }): Promise<JobOutput>;
  run(msg: { task: Task }): Promise<RunRecord>;
  readonly size: number;
  close(): Promise<void>;
}

export const defaultWorkers = (): number => Math.max(1, availableParallelism());

/**
 * The worker script: beside this module when built (dist/experiment/worker.js); when running
 * from the TypeScript sources (tests), the built copy in dist/.
 */
function workerFile(): string {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new URL('./worker.js', here).href;
  return new URL('../../dist/experiment/worker.js', here).href;
}

export function executor(workers: number): Executor {
  if (workers <= 1) {
    return {
      size: 1,
      // yield to the event loop between runs so progress, signals and I/O keep flowing
      run: ((msg: WorkerMessage) => new Promise<JobOutput | RunRecord>((res, rej) => setImmediate(() => {
        try {
          res(handle(msg));
        } catch (e) {
          rej(e);
        }
      }))) as Executor['run'],
      close: async () => {},
    };
  }
  // Loaded here, not at the top: tinypool counts physical cores when its module loads, by running
  // two shell pipelines (0.1-0.6 s), which a command that runs one replication in this thread never needs.
  // Two jobs per worker: the pool hands a worker its next job only when this thread is free, so
  // with one a worker idles while this thread prepares outputs (compare: bench/README.md, fifth pass).
  const pool = import('tinypool').then(({ default: Tinypool }) => new Tinypool({ filename: workerFile(), minThreads: workers, maxThreads: workers, isolateWorkers: false, concurrentTasksPerWorker: 2 }));
  return {
    size: workers,
    run: ((msg: WorkerMessage) => pool.then((p) => p.run(msg))) as Executor['run'],
    close: () => pool.then((p) => p.destroy()),
  };
}

export interface RunJobsOptions {
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** An executor to reuse (then not closed here). */
  exec?: Executor;
  /**
   * Jobs handed to the executor at a time (default: two per worker). More keeps the workers fed
   * while this thread is busy with other work: compare hands over all of the comparison's and the
   * screen's jobs at once, in that order, and prepares outputs while they run.
   */
  inFlight?: number;
}

/** Run jobs (in this thread or on the pool); outputs in job order. */
export async function runJobs(jobs: Job[], o: RunJobsOptions = {}): Promise<JobOutput[]> {
  const exec = o.exec ?? executor(Math.min(o.workers ?? 1, Math.max(1, jobs.length)));
  const out = new Array<JobOutput>(jobs.length);
  let next = 0, done = 0;
  try {
    const lane = async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await exec.run({ job: jobs[i]! });
        o.onProgress?.(++done, jobs.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs.length, o.inFlight ?? exec.size * 2) }, lane));
  } finally {
    if (!o.exec) await exec.close();
  }
  return out;
}
