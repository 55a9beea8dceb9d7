/**
 * A sharded sweep on a real Slurm cluster: start Debian's slurm-wlm as a one-node cluster
 * (tests/slurm/cluster), submit docs/examples/sweep-array.sbatch as a 4-task job array,
 * merge the shards and compare with the local unsharded run byte for byte. The cluster is
 * stopped whatever happens.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { snapshotApp } from '../experiment/app.js';

const repo = process.cwd();
// the cluster scripts: $CLWSIM_SLURM_TOOLS (another copy), else the repo's own (tests/slurm/cluster)
const tools = resolve(process.env.CLWSIM_SLURM_TOOLS ?? join(repo, 'tests', 'slurm', 'cluster'));
const tmp = mkdtempSync(join(tmpdir(), 'clwsim-slurm-'));
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLURM_|JOB_COMPLETION_)/.test(k)));
let up = false;
let app: ReturnType<typeof snapshotApp>;

function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
}
const down = () => execFileSync('bash', [join(tools, 'slurm-down.sh')], { stdio: 'inherit', env });

beforeAll(() => {
  if (!existsSync(join(tools, 'slurm-up.sh'))) throw new Error(`${tools}/slurm-up.sh not found (set CLWSIM_SLURM_TOOLS to the folder of slurm-up.sh)`);
  if (process.getuid?.() !== 0) throw new Error('the Slurm test needs root (it installs and starts munged, slurmctld and slurmd)');
  app = snapshotApp();
  up = true; // from here on, always try to stop the cluster
  // capture first, then read: a failure of slurm-up.sh must not be hidden
  const r = spawnSync('bash', [join(tools, 'slurm-up.sh')], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`slurm-up.sh failed (${r.status}): ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  const m = /export SLURM_CONF=(\S+)/.exec(r.stdout);
  if (!m) throw new Error(`slurm-up.sh printed no SLURM_CONF: ${r.stdout}`);
  env.SLURM_CONF = m[1];
});

afterAll(() => {
  if (up) down();
  for (const d of [app?.root, tmp]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('Slurm job array', () => {
  test('sbatch --array shards merge into the local unsharded sweep, byte for byte', async () => {
    const sweep = join(tmp, 'slurm-sweep.yaml');
    writeFileSync(sweep, `scenario: ${app.scenarios}/baseline.yaml\nfactors:\n  practice.scatterShare: [0.1, 0.5]\n  funding.multiplier.crisis: { min: 0.5, max: 1 }\nsamples: 3\nreps: 2\nweeks: 40\nwarmup: 10\nkeep: trajectories\nmetrics: [waitlist_total, dropout_rate, gp_attendances, trust_mean]\n`);
    const clwsim = `${process.execPath} ${app.bin}`;
    const local = spawnSync(process.execPath, [app.bin, 'sweep', sweep, '--out', join(tmp, 'local'), '--quiet'], { encoding: 'utf8', env });
    expect(local.status, local.stderr).toBe(0);

    const jid = execFileSync('sbatch', ['--parsable', '--array=0-3', `--chdir=${repo}`, '-o', join(tmp, 'slurm-%A_%a.log'),
      join(repo, 'docs', 'examples', 'sweep-array.sbatch'), sweep, join(tmp, 'cluster')], { encoding: 'utf8', env: { ...env, CLWSIM: clwsim } }).trim().split(';')[0]!;
    const deadline = Date.now() + 240_000;
    let state = '';
    for (;;) {
      const r = spawnSync('scontrol', ['show', 'job', '-o', jid], { encoding: 'utf8', env });
      state = r.stdout;
      if (r.status === 0 && state.trim() && !/JobState=(PENDING|CONFIGURING|RUNNING|COMPLETING|SUSPENDED|REQUEUED)/.test(state)) break;
      if (Date.now() > deadline) {
        spawnSync('scancel', [jid], { env });
        throw new Error(`job ${jid} did not finish in time: ${state}`);
      }
      await new Promise((res) => setTimeout(res, 250));
    }
    const tasks = state.trim().split('\n');
    const logs = () => readdirSync(tmp).filter((f) => f.startsWith('slurm-')).map((f) => readFileSync(join(tmp, f), 'utf8')).join('\n');
    expect(tasks.filter((l) => /JobState=COMPLETED/.test(l)).length, `${state}\n${logs()}`).toBe(4);

    const shards = readdirSync(join(tmp, 'cluster')).filter((d) => d.startsWith('shard-')).map((d) => join(tmp, 'cluster', d));
    expect(shards.length).toBe(4);
    const merged = spawnSync(process.execPath, [app.bin, 'merge', ...shards, '--out', join(tmp, 'merged')], { encoding: 'utf8', env });
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/merged 4 shards: 6 design points, 12 runs, 0 failed/);
    expect(files(join(tmp, 'merged'))).toEqual(files(join(tmp, 'local')));
  });
});
