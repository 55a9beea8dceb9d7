/** Worker-thread entry (tinypool): one sweep run per call. */
import { runTask, type Task, type RunRecord } from './runTask.js';

export default function run(task: Task): RunRecord {
  return runTask(task);
}
