/**
 * Where clwsim writes (issue 13 items 1, 2 and 6; the rule is in src/io/outputDir.ts): names stay
 * inside output/, clwsim never deletes or overwrites a file it did not write, replacing its own
 * results needs --overwrite (or a fresh default folder is used), and one command at a time
 * writes a folder.
 */
import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir, hostname } from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import { snapshotApp } from '../experiment/app.js';
import { cli } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'clwsim-outputs-'));
const base = resolve('scenarios/baseline.yaml');
const FAST = ['--weeks', '20', '--warmup', '5', '--reps', '1', '--workers', '1', '--quiet'];
let app: ReturnType<typeof snapshotApp>;
beforeAll(() => {
  spawnSync('npm', ['run', 'build'], { stdio: 'ignore' });
  app = snapshotApp();
});
afterAll(() => {
  for (const d of [tmp, app?.root]) if (d) rmSync(d, { recursive: true, force: true });
});

/** The built CLI in another working directory (default folders are relative to it). */
function bin(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [app.bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const file = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};
/** Every file under a folder, relative path → content. */
function tree(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries((readdirSync(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
    .sort().map((f) => [f.slice(dir.length + 1), readFileSync(f, 'latin1')]));
}
async function refused(args: string[], re: RegExp) {
  const r = await cli(...args);
  expect(r.code, r.err).toBe(2);
  expect(r.err).toMatch(re);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  return r;
}

describe('item 1: a name decides a folder inside output/, never outside it', () => {
  test('name: ../../victim writes output/victim, nothing above', () => {
    const cwd = join(tmp, 'names', 'a', 'b');
    mkdirSync(cwd, { recursive: true });
    file(join(cwd, 'v.yaml'), `name: ../../victim\nextends: ${base}\n`);
    const r = bin(cwd, 'run', 'v.yaml', ...FAST);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(join(tmp, 'names'))).toEqual(['a']);
    expect(readdirSync(join(tmp, 'names', 'a'))).toEqual(['b']);
    expect(readdirSync(join(cwd, 'output'))).toEqual(['victim']);
    expect(existsSync(join(cwd, 'output', 'victim', 'trajectories.csv'))).toBe(true);
  });

  test('name: "" is refused; name: "..." writes output/unnamed, never output/ itself', () => {
    const cwd = join(tmp, 'names2');
    mkdirSync(cwd, { recursive: true });
    file(join(cwd, 'e.yaml'), `name: ""\nextends: ${base}\n`);
    const e = bin(cwd, 'run', 'e.yaml', ...FAST);
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/name: expected a short name on one line/);
    file(join(cwd, 'd.yaml'), `name: "..."\nextends: ${base}\n`);
    expect(bin(cwd, 'run', 'd.yaml', ...FAST).code).toBe(0);
    expect(readdirSync(join(cwd, 'output'))).toEqual(['unnamed']);
  });

  test('a sweep named ../../victim stays in output/ too', () => {
    const cwd = join(tmp, 'names3');
    mkdirSync(join(cwd, 'victim', 'journal'), { recursive: true });
    file(join(cwd, 'victim', 'journal', 'keep.txt'), 'precious');
    file(join(cwd, 's.yaml'), `name: ../../victim\nscenario: ${base}\nfactors: {clw.count: [20, 25]}\nreps: 1\nweeks: 20\nwarmup: 5\nmetrics: [waitlist_total]\n`);
    const r = bin(cwd, 'sweep', 's.yaml', '--workers', '1', '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(cwd, 'victim', 'journal', 'keep.txt'), 'utf8')).toBe('precious');
    expect(existsSync(join(cwd, 'output', 'victim', 'runs.csv'))).toBe(true);
  });
});

describe('item 2: never delete or overwrite a file clwsim did not write', () => {
  test('run, compare, sweep, merge, report, calibrate, patterns: a folder of the user\'s files is refused, untouched', async () => {
    const precious = join(tmp, 'precious');
    file(join(precious, 'summary.csv'), 'mine');
    file(join(precious, 'report.html'), 'mine');
    file(join(precious, 'journal', 'notes.txt'), 'mine');
    file(join(precious, 'trajectories.csv'), 'mine');
    const before = tree(precious);
    const sweep = file(join(tmp, 'sw.yaml'), `scenario: ${base}\nfactors: {clw.count: [20, 25]}\nreps: 1\nweeks: 20\nwarmup: 5\n`);
    const re = /--out .*precious: holds files clwsim did not write \(journal, report\.html, summary\.csv and 1 more\)/;
    await refused(['run', base, ...FAST, '--out', precious], re);
    await refused(['run', base, ...FAST, '--out', precious, '--overwrite'], re);
    await refused(['compare', base, 'scenarios/funding-cut.yaml', ...FAST, '--weeks', '120', '--sensitivity', '0', '--out', precious], re);
    await refused(['sweep', sweep, '--out', precious, '--quiet'], re);
    await refused(['sweep', sweep, '--out', precious, '--quiet', '--overwrite'], re);
    await refused(['merge', join(tmp, 'nowhere'), '--out', precious], re);
    await refused(['calibrate', '--check', '--out', precious], re);
    await refused(['patterns', '--quick', '--out', precious], re);
    expect(tree(precious)).toEqual(before);
  });

  test('clwsim report refuses a results folder it cannot tell it wrote', async () => {
    const dir = join(tmp, 'unmarked');
    expect((await cli('run', base, ...FAST, '--out', dir)).code).toBe(0);
    rmSync(join(dir, '.clwsim-output.json'));
    await refused(['report', dir], /report .*unmarked: holds files clwsim did not write/);
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });

  test('clwsim explore writes a new file anywhere but never replaces one it did not write', async () => {
    const dir = join(tmp, 'site');
    file(join(dir, 'index.html'), 'my page');
    await refused(['explore', '--out', join(dir, 'index.html'), '--quiet'], /site\/index\.html: not written by clwsim/);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('my page');
    expect((await cli('explore', '--out', join(dir, 'explorer.html'), '--quiet')).code).toBe(0);
    expect((await cli('explore', '--out', join(dir, 'explorer.html'), '--quiet')).code).toBe(0); // its own: rebuilt
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('my page');
  }, 60000);

  test('its own results: refused without --overwrite; with it, replaced, and only listed files removed', async () => {
    const dir = join(tmp, 'own');
    expect((await cli('run', base, ...FAST, '--out', dir)).code).toBe(0);
    const first = tree(dir);
    file(join(dir, 'notes.txt'), 'mine');
    await refused(['run', base, ...FAST, '--seed', '2', '--out', dir], /holds earlier results of clwsim \(funnel\.csv, manifest\.json, summary\.csv and 2 more\); add --overwrite to replace them/);
    expect(tree(dir)).toEqual({ ...first, 'notes.txt': 'mine' });
    // a comparison replaces the run: the run's files go, the user's file stays
    const r = await cli('compare', base, 'scenarios/funding-cut.yaml', '--weeks', '120', '--warmup', '5', '--reps', '2', '--workers', '1', '--sensitivity', '0', '--quiet', '--out', dir, '--overwrite');
    expect(r.code, r.err).toBe(0);
    const now = readdirSync(dir).sort();
    expect(now).toEqual(['.clwsim-output.json', 'charts', 'comparison.csv', 'costs.csv', 'notes.txt', 'report.html', 'report.json', 'runs']);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    const marker = JSON.parse(readFileSync(join(dir, '.clwsim-output.json'), 'utf8'));
    expect(marker.files).toContain('runs/funding-cut/trajectories.csv');
    expect(marker.files).not.toContain('notes.txt');
    // rebuilding the report is not replacing results: no option needed
    expect((await cli('report', dir, '--quiet')).code).toBe(0);
  }, 60000);

  test('a file of the user\'s inside clwsim\'s own folder is never overwritten', async () => {
    const dir = join(tmp, 'mixed');
    expect((await cli('run', base, ...FAST, '--out', dir)).code).toBe(0);
    file(join(dir, 'report.html'), 'my notes');
    await refused(['report', dir], /mixed\/report\.html: not written by clwsim \(not listed in \.clwsim-output\.json\)/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('my notes');
  });

  test('with --out omitted, a second run goes to output/<name>-2 and says so; --overwrite replaces the first', () => {
    const cwd = join(tmp, 'defaults');
    mkdirSync(cwd, { recursive: true });
    const one = bin(cwd, 'run', base, ...FAST);
    expect(one.code, one.err).toBe(0);
    const first = readFileSync(join(cwd, 'output', 'baseline', 'trajectories.csv'), 'utf8');
    const two = bin(cwd, 'run', base, ...FAST, '--seed', '5');
    expect(two.code, two.err).toBe(0);
    expect(two.out).toMatch(/^output\/baseline holds earlier results \(kept\); writing to output\/baseline-2/);
    expect(two.out).toMatch(/wrote .*output\/baseline-2\//);
    expect(readFileSync(join(cwd, 'output', 'baseline', 'trajectories.csv'), 'utf8')).toBe(first);
    const three = bin(cwd, 'run', base, ...FAST, '--seed', '5', '--overwrite');
    expect(three.code, three.err).toBe(0);
    expect(readFileSync(join(cwd, 'output', 'baseline', 'trajectories.csv'), 'utf8')).not.toBe(first);
    expect(readdirSync(join(cwd, 'output')).sort()).toEqual(['baseline', 'baseline-2']);
  });

  test('sweeps: a finished sweep is not replaced without --overwrite; an unfinished one is started over with it', async () => {
    const sweep = file(join(tmp, 'sw2.yaml'), `scenario: ${base}\nfactors: {clw.count: [20, 25]}\nreps: 1\nweeks: 20\nwarmup: 5\nmetrics: [waitlist_total]\n`);
    const dir = join(tmp, 'sweep-own');
    expect((await cli('sweep', sweep, '--out', dir, '--quiet', '--workers', '1')).code).toBe(0);
    await refused(['sweep', sweep, '--out', dir, '--quiet', '--workers', '1'], /holds earlier results of clwsim/);
    await refused(['sweep', sweep, '--out', dir, '--resume', '--overwrite'], /--resume and --overwrite: expected one of them/);
    expect((await cli('sweep', sweep, '--out', dir, '--resume', '--quiet')).code).toBe(0); // finished: nothing to do
    // an unfinished sweep: killed once its first runs are in the journal
    const long = file(join(tmp, 'sw3.yaml'), `scenario: ${base}\nfactors: {clw.count: [20, 21, 22, 23, 24, 25, 26, 27]}\nreps: 4\nweeks: 150\nmetrics: [waitlist_total]\n`);
    await refused(['sweep', long, '--out', dir, '--quiet'], /holds earlier results of clwsim/);
    rmSync(dir, { recursive: true });
    const child = spawn(process.execPath, [app.bin, 'sweep', long, '--out', dir, '--workers', '1', '--quiet'], { stdio: 'ignore' });
    const exited = new Promise((res) => child.on('exit', res));
    const log = join(dir, 'journal', 'runs.jsonl'); // one line per finished run
    const runs = () => (existsSync(log) ? (readFileSync(log, 'utf8').match(/\n/g) ?? []).length : 0);
    while (runs() < 1 && child.exitCode === null) await new Promise((res) => setTimeout(res, 10));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
    await refused(['sweep', long, '--out', dir, '--quiet'], /holds an unfinished sweep; add --resume to finish it, or --overwrite to start over/);
    const r = await cli('sweep', sweep, '--out', dir, '--quiet', '--workers', '1', '--overwrite');
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.clwsim-output.json', 'design.csv', 'failures.csv', 'manifest.json', 'points.csv', 'runs.csv']);
  }, 60000);
});

describe('shards merge into the folder that holds them (the documented Slurm layout)', () => {
  test('merge output/s/shard-* --out output/s', async () => {
    const sweep = file(join(tmp, 'sw4.yaml'), `scenario: ${base}\nfactors: {clw.count: [20, 21, 22]}\nreps: 1\nweeks: 20\nwarmup: 5\nmetrics: [waitlist_total]\n`);
    const s = join(tmp, 's');
    for (const k of [1, 2, 3]) expect((await cli('sweep', sweep, '--shard', `${k}/3`, '--out', join(s, `shard-${k}`), '--quiet', '--workers', '1')).code).toBe(0);
    // a folder of the user's among the shards is a reason to refuse
    mkdirSync(join(s, 'notes'));
    await refused(['merge', join(s, 'shard-1'), join(s, 'shard-2'), join(s, 'shard-3'), '--out', s], /holds files clwsim did not write \(notes\)/);
    rmSync(join(s, 'notes'), { recursive: true });
    const r = await cli('merge', join(s, 'shard-1'), join(s, 'shard-2'), join(s, 'shard-3'), '--out', s);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(s).sort()).toEqual(['.clwsim-output.json', 'design.csv', 'failures.csv', 'manifest.json', 'points.csv', 'runs.csv', 'shard-1', 'shard-2', 'shard-3']);
  }, 60000);
});

describe('item 6: one command at a time in a folder', () => {
  test('two runs on one --out at once: the second refuses with one line, the first finishes', async () => {
    const dir = join(tmp, 'race');
    const args = ['run', base, '--weeks', '60', '--warmup', '5', '--reps', '2', '--workers', '1', '--quiet', '--out', dir];
    const [a, b] = await Promise.all([cli(...args), cli(...args)]);
    const codes = [a.code, b.code].sort();
    expect(codes).toEqual([0, 2]);
    const loser = a.code === 2 ? a : b;
    expect(loser.err).toMatch(/^clwsim: --out .*race: in use by another clwsim command \(pid \d+ on .*, since .*\); wait for it to finish or choose another --out\n$/);
    expect(existsSync(join(dir, '.clwsim.lock'))).toBe(false); // released at the end
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
  });

  test('a lock left by a process that is gone is taken over; one of a running process is respected', async () => {
    const dir = join(tmp, 'stale');
    mkdirSync(dir);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dir, '.clwsim.lock'), JSON.stringify({ pid: Number(gone.stdout), host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
    const r = await cli('run', base, ...FAST, '--out', dir);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(dir, '.clwsim.lock'))).toBe(false);
    // this test process runs: its lock holds
    const held = join(tmp, 'held');
    mkdirSync(held);
    writeFileSync(join(held, '.clwsim.lock'), JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
    await refused(['run', base, ...FAST, '--out', held], /held: in use by another clwsim command \(pid \d+/);
    expect(readdirSync(held)).toEqual(['.clwsim.lock']);
  });
});
