/**
 * The sweep commands end to end, through the built CLI (worker threads run dist/): byte
 * identity across worker counts, shards + merge and kill + resume; failures; bad input.
 */
import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, writeFileSync, readdirSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { main } from '../../src/cli/program.js';
import { snapshotApp } from './app.js';

const app = snapshotApp();
const tmp = mkdtempSync(join(tmpdir(), 'clwsim-sweep-'));
const base = `scenario: ${app.scenarios}/baseline.yaml\n`;
afterAll(() => {
  for (const d of [app.root, tmp]) rmSync(d, { recursive: true, force: true }); // the node_modules link, not its target
});
const file = (name: string, text: string) => {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
};
/** The environment without any scheduler's shard variables. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLURM_|JOB_COMPLETION_)/.test(k)));
function clwsim(...args: string[]) {
  const r = spawnSync(process.execPath, [app.bin, ...args], { encoding: 'utf8', env: cleanEnv });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
async function inProcess(...args: string[]) {
  let out = '', err = '';
  const code = await main(args, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}
/** Every file of a folder, name → bytes (the journal must be gone). */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
}

// 2 list levels × 3 LHS points, 2 reps, trajectories kept: 12 runs of 40 weeks
const small = file('small.yaml', `${base}factors:\n  funding.multiplier.crisis: [0.5, 1.0]\n  practice.scatterShare: { min: 0.1, max: 0.6 }\nsamples: 3\nreps: 2\nweeks: 40\nwarmup: 10\nkeep: trajectories\nmetrics: [waitlist_total, dropout_rate, trust_mean, gp_attendances]\n`);

describe('clwsim sweep', () => {
  let one: Record<string, string>;
  beforeAll(() => {
    const r = clwsim('sweep', small, '--out', join(tmp, 'w1'), '--workers', '1', '--quiet');
    expect(r.code, r.err).toBe(0);
    one = files(join(tmp, 'w1'));
  });

  test('writes tidy runs, points, design, failures, trajectories and manifest', () => {
    expect(Object.keys(one)).toEqual(['.clwsim-output.json', 'design.csv', 'failures.csv', 'manifest.json', 'points.csv', 'runs.csv', 'trajectories.csv']);
    expect(JSON.parse(one['.clwsim-output.json']!).files).toEqual(['design.csv', 'failures.csv', 'manifest.json', 'points.csv', 'runs.csv', 'trajectories.csv']);
    const runs = one['runs.csv']!.trim().split('\n');
    expect(runs[0]).toBe('point,funding.multiplier.crisis,practice.scatterShare,rep,seed,waitlist_total,dropout_rate,trust_mean,gp_attendances');
    expect(runs.length).toBe(1 + 12);
    const points = one['points.csv']!.trim().split('\n');
    expect(points[0]).toBe('point,funding.multiplier.crisis,practice.scatterShare,metric,mean,sd,ci_low,ci_high,n');
    expect(points.length).toBe(1 + 6 * 4);
    expect(one['trajectories.csv']!.trim().split('\n').length).toBe(1 + 12 * 40);
    const m = JSON.parse(one['manifest.json']!);
    expect(m.totals).toEqual({ points: 6, runs: 12, failed: 0, nonconverged: 0 });
    // every output's checksum, so merge can tell an edited file
    for (const f of ['design.csv', 'runs.csv', 'points.csv', 'failures.csv', 'trajectories.csv'])
      expect(m.checksums[f], f).toBe(`sha256:${createHash('sha256').update(one[f]!, 'latin1').digest('hex')}`);
    expect(m.sweep.window).toEqual({ from: 11, to: 40 });
    // common random numbers: every point's rep 0 has the same seed
    expect(new Set(runs.slice(1).filter((l) => l.split(',')[3] === '0').map((l) => l.split(',')[4])).size).toBe(1);
  });

  test('--workers 2 is byte-identical to --workers 1', () => {
    const r = clwsim('sweep', small, '--out', join(tmp, 'w2'), '--workers', '2', '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/6 design points, 12 runs, 2 workers/);
    expect(files(join(tmp, 'w2'))).toEqual(one);
  });

  test('shards merge into exactly the unsharded output', () => {
    const dirs = [1, 2, 3, 4].map((k) => join(tmp, `shard-${k}`));
    // shard 4 of 4 comes from the Slurm variables, shard 3 from a Kubernetes index
    expect(clwsim('sweep', small, '--shard', '1/4', '--out', dirs[0]!, '--quiet', '--workers', '1').code).toBe(0);
    expect(clwsim('sweep', small, '--shard', '2/4', '--out', dirs[1]!, '--quiet', '--workers', '2').code).toBe(0);
    const env = (e: Record<string, string>, dir: string) => spawnSync(process.execPath, [app.bin, 'sweep', small, '--out', dir, '--quiet'], { encoding: 'utf8', env: { ...cleanEnv, ...e } });
    expect(env({ JOB_COMPLETION_INDEX: '2', JOB_COMPLETION_COUNT: '4' }, dirs[2]!).status).toBe(0);
    const s4 = env({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4' }, dirs[3]!);
    expect(s4.stdout).toMatch(/shard 4\/4 of small/);
    const r = clwsim('merge', dirs[2]!, dirs[0]!, dirs[3]!, dirs[1]!, '--out', join(tmp, 'merged'));
    expect(r.code, r.err).toBe(0);
    expect(files(join(tmp, 'merged'))).toEqual(one);
  });

  test('merge refuses overlapping, missing, unfinished and mismatched shards', () => {
    const d = (k: number) => join(tmp, `shard-${k}`);
    const o = join(tmp, 'bad-merge');
    const cases: Array<[string[], RegExp]> = [
      [[d(1), d(2), d(2), d(3), d(4)], /shards overlap: .*shard-2 and .*shard-2 are both shard 2\/4/],
      [[d(1), d(2)], /missing shards 3\/4, 4\/4 \(have 1, 2\)/],
      [[d(1), join(tmp, 'w1')], /w1: not a shard/],
      [[d(1), join(tmp, 'nothing')], /nothing: no manifest.json/],
    ];
    const other = file('other.yaml', readFileSync(small, 'utf8').replace('reps: 2', 'reps: 1'));
    expect(clwsim('sweep', other, '--shard', '2/4', '--out', join(tmp, 'other-2'), '--quiet').code).toBe(0);
    cases.push([[d(1), join(tmp, 'other-2'), d(3), d(4)], /other-2: a shard of a different sweep than .*shard-1 \(sweep.name: "other" in .*other-2, "small" in .*shard-1\)/]);
    // the same sweep run with different model code (e.g. after a git pull) is refused too
    const moved = join(tmp, 'model-2');
    cpSync(d(2), moved, { recursive: true });
    const mf = join(moved, 'manifest.json');
    writeFileSync(mf, readFileSync(mf, 'utf8').replace(/"model": "sha256:[0-9a-f]+"/, '"model": "sha256:0000000000000000"'));
    cases.push([[d(1), moved, d(3), d(4)], /model-2: made with different model code \(sha256:0{16}\)/]);
    // a shard's table edited after it was written: its checksum in manifest.json no longer matches
    const edited = join(tmp, 'edited-2');
    cpSync(d(2), edited, { recursive: true });
    const rf = join(edited, 'runs.csv');
    writeFileSync(rf, readFileSync(rf, 'utf8').replace(/\n(\d+),/, '\n$1,9'));
    cases.push([[d(1), edited, d(3), d(4)], /edited-2\/runs.csv: changed since the shard wrote it/]);
    // a manifest that is not JSON
    const broken = join(tmp, 'broken-2');
    cpSync(d(2), broken, { recursive: true });
    writeFileSync(join(broken, 'manifest.json'), '{"tool": "clwsim", ');
    cases.push([[d(1), broken, d(3), d(4)], /broken-2\/manifest.json: not valid JSON/]);
    // a shard still running (or killed): journal, no manifest
    mkdirSync(join(tmp, 'running', 'journal'), { recursive: true });
    writeFileSync(join(tmp, 'running', 'journal', 'identity.json'), '{}\n');
    cases.push([[d(1), join(tmp, 'running')], /running: unfinished shard .*--resume/]);
    for (const [dirs, re] of cases) {
      const r = clwsim('merge', ...dirs, '--out', o);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n').length).toBe(1);
      expect(r.err).toMatch(re);
      expect(existsSync(join(o, 'manifest.json'))).toBe(false);
    }
  });

  test('a run that throws is recorded in failures.csv; the sweep goes on; exit code 3', () => {
    // readinessMin 0.6 > readinessMax 0.5: the model cannot build that world
    const f = file('fail.yaml', `${base}factors:\n  demand.readinessMin: [0.1, 0.6]\nreps: 2\nweeks: 30\nwarmup: 10\nmetrics: [waitlist_total]\n`);
    const r = clwsim('sweep', f, '--out', join(tmp, 'fail'), '--quiet', '--workers', '2');
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/2 runs failed \(see failures.csv\)/);
    expect(r.err).toMatch(/2 of 4 runs failed/);
    const fails = readFileSync(join(tmp, 'fail', 'failures.csv'), 'utf8').trim().split('\n');
    expect(fails[0]).toBe('point,demand.readinessMin,rep,seed,error');
    expect(fails.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['1,0.6,0', '1,0.6,1']);
    expect(fails[1]).toMatch(/readinessMin: expected ≤ readinessMax/);
    expect(readFileSync(join(tmp, 'fail', 'runs.csv'), 'utf8').trim().split('\n').slice(1).every((l) => l.startsWith('0,'))).toBe(true);
    expect(readFileSync(join(tmp, 'fail', 'points.csv'), 'utf8')).toMatch(/\n1,0\.6,waitlist_total,,,,,0\n/);
    expect(JSON.parse(readFileSync(join(tmp, 'fail', 'manifest.json'), 'utf8')).totals.failed).toBe(2);
  });
});

describe('kill and resume', () => {
  test('a sweep killed with SIGKILL keeps its finished runs; --resume completes it byte-identically', async () => {
    const f = file('long.yaml', `${base}factors:\n  practice.scatterShare: [0.1, 0.3, 0.5, 0.7, 0.9]\nreps: 6\nweeks: 120\nkeep: trajectories\n`);
    const whole = join(tmp, 'long-whole'), cut = join(tmp, 'long-cut');
    expect(clwsim('sweep', f, '--out', whole, '--workers', '2', '--quiet').code).toBe(0);

    const child = spawn(process.execPath, [app.bin, 'sweep', f, '--out', cut, '--workers', '2', '--quiet'], { stdio: 'ignore', env: cleanEnv });
    // the journal: one line per finished run (a line torn by the kill does not count)
    const journal = join(cut, 'journal', 'runs.jsonl');
    const count = () => (existsSync(journal) ? (readFileSync(journal, 'utf8').match(/\n/g) ?? []).length : 0);
    const exited = new Promise((res) => child.on('exit', res));
    while (count() < 5 && child.exitCode === null) await new Promise((res) => setTimeout(res, 10));
    child.kill('SIGKILL');
    await exited;
    const kept = count();
    expect(kept).toBeGreaterThanOrEqual(5);
    expect(kept).toBeLessThan(30);
    expect(existsSync(join(cut, 'manifest.json'))).toBe(false);
    expect(existsSync(join(cut, 'runs.csv'))).toBe(false);

    const again = clwsim('sweep', f, '--out', cut, '--quiet');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/holds an unfinished sweep; add --resume to finish it/);
    const changed = clwsim('sweep', f, '--out', cut, '--resume', '--reps', '5', '--quiet');
    expect(changed.code).toBe(2);
    expect(changed.err).toMatch(/--resume: the unfinished sweep there differs from this one \(sweep.reps: 6 there, 5 here\)/);

    const r = clwsim('sweep', f, '--out', cut, '--resume', '--workers', '1', '--quiet');
    expect(r.code, r.err).toBe(0);
    const m = /\((\d+) from the journal, (\d+) run now\)/.exec(r.out)!;
    expect(Number(m[1])).toBe(kept);
    expect(Number(m[1]) + Number(m[2])).toBe(30); // nothing repeated, nothing duplicated
    expect(files(cut)).toEqual(files(whole));
    // resuming a finished sweep has nothing to do and changes nothing
    const done = clwsim('sweep', f, '--out', cut, '--resume', '--quiet');
    expect(done.code).toBe(0);
    expect(files(cut)).toEqual(files(whole));
  });
});

describe('adaptive precision', () => {
  test('--precision adds replications deterministically and reports non-converged metrics', () => {
    const f = file('prec.yaml', `${base}factors:\n  practice.scatterShare: [0.1, 0.6]\nreps: 2\nweeks: 40\nwarmup: 10\nmetrics: [waitlist_total, trust_mean, duplicate_referrals]\n`);
    const a = clwsim('sweep', f, '--precision', '0.02', '--max-reps', '6', '--out', join(tmp, 'prec1'), '--workers', '1', '--quiet');
    const b = clwsim('sweep', f, '--precision', '0.02', '--max-reps', '6', '--out', join(tmp, 'prec2'), '--workers', '2', '--quiet');
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    expect(files(join(tmp, 'prec2'))).toEqual(files(join(tmp, 'prec1')));
    const conv = readFileSync(join(tmp, 'prec1', 'convergence.csv'), 'utf8').trim().split('\n');
    expect(conv[0]).toBe('point,practice.scatterShare,metric,n,mean,half_width,relative_half_width,converged');
    expect(conv.length).toBe(1 + 2 * 3);
    const rows = conv.slice(1).map((l) => l.split(','));
    for (const r of rows) {
      expect(Number(r[3])).toBeGreaterThanOrEqual(2);
      expect(Number(r[3])).toBeLessThanOrEqual(6);
      // converged ⇔ relative half-width within target
      expect(r[7] === 'true').toBe(Number(r[6]) <= 0.02);
      if (r[7] === 'false') expect(Number(r[3])).toBe(6);
    }
    const bad = rows.filter((r) => r[7] === 'false').length;
    if (bad) expect(a.out).toMatch(new RegExp(`precision: ${bad} metrics? did not reach ±2% within 6 replications`));
    else expect(a.out).toMatch(/every chosen metric within ±2%/);
    // the runs of each point are reps 0..n-1 with n from convergence.csv
    const runs = readFileSync(join(tmp, 'prec1', 'runs.csv'), 'utf8').trim().split('\n').slice(1);
    for (const pt of ['0', '1']) expect(runs.filter((l) => l.startsWith(`${pt},`)).length).toBe(Number(rows.find((r) => r[0] === pt)![3]));
  });
});

describe('clwsim sensitivity', () => {
  test('Morris screening writes morris.csv and prints a ranked table', () => {
    const f = file('morris.yaml', `${base}factors:\n  practice.scatterShare: { min: 0, max: 0.8 }\n  funding.multiplier.mh: { min: 0.3, max: 1 }\n  trust.etaDown: { min: 0.05, max: 0.3 }\nmorris: { trajectories: 3, levels: 4 }\nreps: 1\nweeks: 40\nwarmup: 10\nmetrics: [waitlist_total, trust_mean]\n`);
    const r = clwsim('sensitivity', f, '--out', join(tmp, 'sa'), '--workers', '2', '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/waitlist_total: μ\*/);
    const rows = readFileSync(join(tmp, 'sa', 'morris.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('metric,parameter,rank,mu_star,mu,sigma,n');
    expect(rows.length).toBe(1 + 2 * 3);
    const wl = rows.slice(1).filter((l) => l.startsWith('waitlist_total,')).map((l) => l.split(','));
    expect(wl.map((x) => x[2])).toEqual(['1', '2', '3']);
    expect(Number(wl[0]![3])).toBeGreaterThanOrEqual(Number(wl[1]![3]));
    expect(wl.every((x) => x[6] === '3')).toBe(true);
    expect(readFileSync(join(tmp, 'sa', 'design.csv'), 'utf8').trim().split('\n').length).toBe(1 + 3 * 4);
  });
});

describe('--dry-run', () => {
  test('prints the design size and the shard, writes nothing', async () => {
    const out = join(tmp, 'dry');
    const r = await inProcess('sweep', small, '--shard', '2/4', '--dry-run', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ok \(small: 6 design points × 2 replications = 12 runs of 40 weeks\)/);
    expect(r.out).toMatch(/shard 2\/4: points 1\.\.2 \(2 points, 4 runs\)/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('bad input: one line, exit code 2, earlier results untouched', () => {
  test.each([
    [['sweep', 'scenarios/sweeps/nope.yaml'], /nope.yaml: file not found/],
    [['sweep', 'BAD'], /bad.yaml: factors: practice.scatterShare: expected a number from 0 to 1, got 3/],
    [['sweep', 'SMALL', '--workers', '0'], /--workers.*expected a number of worker threads/],
    [['sweep', 'SMALL', '--shard', '5/4'], /--shard 5\/4: expected a shard from 1 to 4, got 5/],
    [['sweep', 'SMALL', '--precision', '2'], /--precision.*expected a number between 0 and 1/],
    [['sweep', 'SMALL', '--set', 'clw.count=abc'], /clw.count: expected an integer/],
    [['merge', 'x'], /required option '--out <dir>'/],
  ])('%j', async (args, re) => {
    const bad = file('bad.yaml', `${base}factors:\n  practice.scatterShare: [0.1, 3]\n`);
    const out = join(tmp, 'w1');
    const before = files(out);
    const r = await inProcess(...args.map((a) => (a === 'BAD' ? bad : a === 'SMALL' ? small : a)), ...(args[0] === 'sweep' ? ['--out', out, '--quiet'] : []));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(r.err.trim().split('\n').length).toBe(1);
    expect(files(out)).toEqual(before);
  });
});
