/**
 * Where runs execute: in this thread (workers = 1) or on a tinypool of worker threads. Both
 * call runTask, so results do not depend on the choice; the sweep orders them itself.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { runTask, type Task, type RunRecord } from './runTask.js';
import { InputError } from '../io/scenario.js';

export interface Executor {
  run(task: Task): Promise<RunRecord>;
  readonly size: number;
  close(): Promise<void>;
}

export const defaultWorkers = (): number => Math.max(1, availableParallelism());

/** The worker script: next to this module when built; the built copy when running from src (tests). */
function workerFile(): string {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here.href;
  const built = new URL('../../dist/experiment/worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built.href;
  throw new InputError(`worker script not found (${fileURLToPath(built)}): run "npm run build" first, or use --workers 1`);
}

export function executor(workers: number): Executor {
  if (workers <= 1) {
    return {
      size: 1,
      // yield to the event loop between runs so progress, signals and I/O keep flowing
      run: (task) => new Promise((res) => setImmediate(() => res(runTask(task)))),
      close: async () => {},
    };
  }
  const pool = new Tinypool({ filename: workerFile(), minThreads: workers, maxThreads: workers, isolateWorkers: false });
  return {
    size: workers,
    run: (task) => pool.run(task) as Promise<RunRecord>,
    close: () => pool.destroy(),
  };
}
