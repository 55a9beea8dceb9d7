/**
 * Which shard this process runs: `--shard k/N` (k from 1 to N), else a Slurm job-array task
 * (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN, of SLURM_ARRAY_TASK_COUNT), else a Kubernetes
 * Indexed Job (JOB_COMPLETION_INDEX, of --shards N or JOB_COMPLETION_COUNT). Environment
 * indices are 0-based; shards are numbered from 1.
 */
import { InputError } from '../scenario/errors.js';

export interface ShardSpec { index: number; count: number; source: string }

const int = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : NaN);

/** More shards than this is a typo (each shard is a process, usually a cluster job). */
export const MAX_SHARDS = 10000;

function check(index: number, count: number, source: string): ShardSpec {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SHARDS) throw new InputError(`${source}: expected a shard count from 1 to ${MAX_SHARDS}, got ${Number.isNaN(count) ? 'none' : count}`);
  if (!Number.isInteger(index) || index < 1 || index > count) throw new InputError(`${source}: expected a shard from 1 to ${count}, got ${Number.isNaN(index) ? 'none' : index}`);
  return { index, count, source };
}

export function resolveShard(flag: string | undefined, shards: number | undefined, environment: NodeJS.ProcessEnv = process.env): ShardSpec | null {
  // an empty variable counts as unset
  const env = Object.fromEntries(Object.entries(environment).filter(([, v]) => v !== undefined && v !== '')) as NodeJS.ProcessEnv;
  if (flag !== undefined) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(flag);
    if (!m) throw new InputError(`--shard ${flag}: expected k/N, e.g. 3/8 (shard 3 of 8, numbered from 1)`);
    return check(Number(m[1]), Number(m[2]), `--shard ${flag}`);
  }
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const id = int(env.SLURM_ARRAY_TASK_ID), min = env.SLURM_ARRAY_TASK_MIN === undefined ? 0 : int(env.SLURM_ARRAY_TASK_MIN);
    const count = int(env.SLURM_ARRAY_TASK_COUNT);
    if (Number.isNaN(count)) throw new InputError(`SLURM_ARRAY_TASK_ID is set (${env.SLURM_ARRAY_TASK_ID}) but SLURM_ARRAY_TASK_COUNT is not: submit with sbatch --array, or pass --shard k/N`);
    return check(id - min + 1, count, `SLURM_ARRAY_TASK_ID=${env.SLURM_ARRAY_TASK_ID} (SLURM_ARRAY_TASK_MIN=${min}, SLURM_ARRAY_TASK_COUNT=${count})`);
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    const count = shards ?? int(env.JOB_COMPLETION_COUNT);
    if (Number.isNaN(count)) throw new InputError(`JOB_COMPLETION_INDEX is set (${env.JOB_COMPLETION_INDEX}): give the number of shards with --shards N or JOB_COMPLETION_COUNT (the Job's completions)`);
    return check(int(env.JOB_COMPLETION_INDEX) + 1, count, `JOB_COMPLETION_INDEX=${env.JOB_COMPLETION_INDEX} of ${count}`);
  }
  if (shards !== undefined) throw new InputError(`--shards ${shards}: only used with JOB_COMPLETION_INDEX; pass --shard k/N instead`);
  return null;
}
