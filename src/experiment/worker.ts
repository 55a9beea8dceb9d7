/** Worker-thread entry (tinypool): one job of the runner, or one run of a sweep, per call. */
import { runOne, type Job, type JobOutput } from './runner.js';
import { runTask, type Task, type RunRecord } from './runTask.js';

export type WorkerMessage = { job: Job } | { task: Task };

export function handle(msg: WorkerMessage): JobOutput | RunRecord {
  return 'job' in msg ? runOne(msg.job) : runTask(msg.task);
}

export default handle;
