import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync, execSync } from 'node:child_process';
import { METRIC_NAMES } from '../../src/model/metrics.js';
import { cli } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'clwsim-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('clwsim run', () => {
  test('writes every output, with the columns promised', async () => {
    const dir = join(tmp, 'cut');
    const r = await cli('run', 'scenarios/funding-cut.yaml', '--reps', '3', '--seed', '7', '--weeks', '120', '--out', dir, '--quiet');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/funding-cut: 3 replications/);
    expect(r.out).toMatch(/waitlist_total\s+\d/);
    expect(r.out).toMatch(/clw_waitlist\s+\d/);
    const traj = readFileSync(join(dir, 'trajectories.csv'), 'utf8').trim().split('\n');
    expect(traj[0]).toBe(['scenario', 'rep', 'seed', 'week', ...METRIC_NAMES].join(','));
    expect(traj.length).toBe(1 + 3 * 120);
    const summary = readFileSync(join(dir, 'summary.csv'), 'utf8').trim().split('\n');
    expect(summary[0]).toBe('scenario,week,metric,mean,sd,ci_low,ci_high,n');
    expect(summary.length).toBe(1 + 120 * METRIC_NAMES.length);
    const funnel = readFileSync(join(dir, 'funnel.csv'), 'utf8').trim().split('\n');
    expect(funnel[0]).toMatch(/^scenario,rep,seed,referred_to_clw,.*gave_up_waiting,.*dropped_out,.*returned_to_clw,in_system_end$/);
    // Every episode ends in exactly one way or is still in the system.
    const cols = funnel[0]!.split(',');
    for (const line of funnel.slice(1)) {
      const v = Object.fromEntries(line.split(',').map((x, k) => [cols[k], Number(x)]));
      const ended = ['gave_up_waiting_clw', 'did_not_attend_clw', 'left_clw_before_referral', 'resolved_by_clw', 'no_service_found', 'gave_up_waiting', 'did_not_attend', 'dropped_out', 'completed'].reduce((a, k) => a + v[k]!, 0);
      expect(ended + v.in_system_end!).toBe(v.referred_to_clw);
      expect(v.seen_by_clw).toBeGreaterThanOrEqual(v.seen_3plus!);
      expect(v.referred_to_tso).toBeGreaterThanOrEqual(v.started_tso!);
    }
    expect(funnel.length).toBe(4);
    const types = readFileSync(join(dir, 'tso_types.csv'), 'utf8').trim().split('\n');
    expect(types[0]).toBe('scenario,rep,seed,week,tso_type,open,places,filled,waitlist,waitlist_people,wait_weeks_mean,full_share,trust');
    expect(types.length).toBe(1 + 3 * 120 * 4);
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(m.scenario.name).toBe('funding-cut');
    expect(m.scenario.interventions[0].week).toBe(104);
    // The warm-up MSER-5 finds on this run, beside the one used.
    expect(m.warmup.used).toBe(104);
    expect(Object.keys(m.warmup.mser5_weeks)).toContain('clw_waitlist');
    expect(m.warmup.largest).toBe(Math.max(...(Object.values(m.warmup.mser5_weeks) as number[])));
    expect(m.seeds.length).toBe(3);
    expect(m.version).toMatch(/^\d+\.\d+\.\d+/);
    // what made it: the arguments main() received, and the commit when run from a git checkout
    expect(m.argv).toEqual(['run', 'scenarios/funding-cut.yaml', '--reps', '3', '--seed', '7', '--weeks', '120', '--out', dir, '--quiet']);
    if (existsSync('.git')) expect(m.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  test('same seed → byte-identical trajectories.csv through the CLI', async () => {
    const a = join(tmp, 'a'), b = join(tmp, 'b');
    await cli('run', 'scenarios/baseline.yaml', '--reps', '2', '--weeks', '60', '--warmup', '26', '--out', a, '--quiet');
    await cli('run', 'scenarios/baseline.yaml', '--reps', '2', '--weeks', '60', '--warmup', '26', '--out', b, '--quiet');
    expect(readFileSync(join(a, 'trajectories.csv'))).toEqual(readFileSync(join(b, 'trajectories.csv')));
  });

  test('--set changes the parameter and is recorded in the manifest', async () => {
    const dir = join(tmp, 'set');
    const r = await cli('run', 'scenarios/baseline.yaml', '--set', 'practice.scatterShare=0.5', '--weeks', '30', '--warmup', '10', '--reps', '1', '--out', dir, '--quiet');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).scenario.params.practice.scatterShare).toBe(0.5);
  });
});

describe('bad input: one line, exit code 2, nothing written', () => {
  const bad: Array<[string[], RegExp]> = [
    [['run', 'scenarios/baseline.yaml', '--reps', '-3'], /--reps.*expected a positive integer.*"-3"/],
    [['run', 'scenarios/baseline.yaml', '--seed', 'abc'], /--seed.*expected a seed.*"abc"/],
    [['run', 'scenarios/nope.yaml'], /scenarios\/nope\.yaml: file not found/],
    [['run', 'scenarios/baseline.yaml', '--set', 'practice.scatterShare=2'], /practice\.scatterShare: expected a number from 0 to 1, got 2/],
    [['run', 'scenarios/baseline.yaml', '--set', 'clw.cuont=3'], /unknown parameter "clw\.cuont" \(did you mean "clw\.count"\?\)/],
    [['validate', 'scenarios/nope.yaml'], /file not found/],
    [['frobnicate'], /unknown command/],
  ];
  for (const [args, re] of bad)
    test(args.join(' '), async () => {
      const out = join(tmp, `bad-${args.join('-').replace(/[^a-z0-9]/gi, '')}`);
      const r = await cli(...args, ...(args[0] === 'run' ? ['--out', out, '--quiet'] : []));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(re);
      expect(r.err.trim().split('\n').length).toBe(1);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    });

  test('a failed run leaves earlier results untouched', async () => {
    const dir = join(tmp, 'keep');
    await cli('run', 'scenarios/baseline.yaml', '--weeks', '20', '--warmup', '5', '--reps', '1', '--out', dir, '--quiet');
    const before = readFileSync(join(dir, 'trajectories.csv'));
    const r = await cli('run', 'scenarios/baseline.yaml', '--set', 'demand.level=-1', '--out', dir, '--quiet');
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'trajectories.csv'))).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('validate and params', () => {
  test('validate accepts a good file and names a bad one', async () => {
    expect((await cli('validate', 'scenarios/scattergun.yaml')).out).toMatch(/scattergun\.yaml: ok/);
    const f = join(tmp, 'my-edit.yaml');
    writeFileSync(f, `extends: ${join(process.cwd(), 'scenarios/baseline.yaml')}\nparams:\n  trust:\n    initial: 1.4\n`);
    const r = await cli('validate', f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/my-edit\.yaml: params\.trust\.initial: expected a number from 0 to 1, got 1\.4/);
  });

  test('params lists every parameter with default, unit, range and provenance', async () => {
    const r = await cli('params');
    expect(r.out).toMatch(/^parameter\s+default\s+unit\s+range\s+provenance/);
    expect(r.out).toMatch(/clw\.count\s+25\s+CLWs\s+1 … 20000 \(integer\)\s+Allbutt L85/);
    const json = JSON.parse((await cli('params', '--json')).out);
    for (const p of json) {
      expect(p.source.length).toBeGreaterThan(5);
      expect(p.unit === '' ? p.kind : p.unit).toBeTruthy();
      expect(p.description.length).toBeGreaterThan(5);
    }
  });
});

describe('the installed bin', () => {
  beforeAll(() => {
    execSync('npm run build', { stdio: 'ignore' });
  });
  test('--version and -V print what commander prints for --version (the bin answers them without loading it)', async () => {
    const viaCommander = await cli('--version');
    expect(viaCommander.out).toMatch(/^\d+\.\d+\.\d+\n$/);
    for (const flag of ['--version', '-V']) {
      const r = spawnSync('node', ['bin/clwsim.js', flag], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(viaCommander.out);
      expect(r.stderr).toBe('');
    }
  });
  test('bad input prints one line without a stack trace and exits 2', () => {
    const r = spawnSync('node', ['bin/clwsim.js', 'run', 'scenarios/baseline.yaml', '--set', 'tso.refuseMismatchProb=abc'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^clwsim: --set tso\.refuseMismatchProb=abc: tso\.refuseMismatchProb: expected a number from 0 to 1, got "abc"$/m);
  });
});
