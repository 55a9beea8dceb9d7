/**
 * `clwsim sensitivity --method sobol` end to end through the built CLI: the Ishigami check
 * against its analytic indices; a Saltelli design on the model through the sweep engine, the same
 * on 1 or 2 workers and when sharded and merged; bad input.
 */
import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { snapshotApp } from './app.js';
import { ishigamiAnalytic } from '../../src/experiment/sobol.js';

const app = snapshotApp();
const tmp = mkdtempSync(join(tmpdir(), 'clwsim-sobol-'));
afterAll(() => {
  for (const d of [app.root, tmp]) rmSync(d, { recursive: true, force: true });
});
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLURM_|JOB_COMPLETION_)/.test(k)));
const clwsim = (...args: string[]) => {
  const r = spawnSync(process.execPath, [app.bin, ...args], { encoding: 'utf8', env: cleanEnv });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const file = (name: string, text: string) => {
  writeFileSync(join(tmp, name), text);
  return join(tmp, name);
};
const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const HEADER = 'factor,metric,S1,S1_low,S1_high,ST,ST_low,ST_high';

describe('--verify ishigami', () => {
  test('sobol.csv for x1, x2, x3 within 0.05 of the analytic indices', () => {
    const out = join(tmp, 'ishigami');
    const r = clwsim('sensitivity', '--method', 'sobol', '--verify', 'ishigami', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/PASS: largest error/);
    const lines = readFileSync(join(out, 'sobol.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe(HEADER);
    const { S1, ST } = ishigamiAnalytic();
    lines.slice(1).forEach((l, i) => {
      const c = l.split(',');
      expect(c.slice(0, 2)).toEqual([`x${i + 1}`, 'ishigami']);
      expect(Math.abs(Number(c[2]) - S1[i]!)).toBeLessThan(0.05);
      expect(Math.abs(Number(c[5]) - ST[i]!)).toBeLessThan(0.05);
      expect(Number(c[3])).toBeLessThanOrEqual(Number(c[2]));
      expect(Number(c[4])).toBeGreaterThanOrEqual(Number(c[2]));
    });
  });
});

describe('Sobol indices of the model', () => {
  // 3 factors, n = 8: 8 × 5 = 40 design points, 1 rep each, 40 weeks
  const sa = file('sobol.yaml', `scenario: ${app.scenarios}/baseline.yaml\nfactors:\n  practice.scatterShare: { min: 0, max: 0.8 }\n  funding.multiplier.mh: { min: 0.3, max: 1 }\n  trust.etaDown: { min: 0.05, max: 0.3 }\n`
    + 'sobol: { n: 8, bootstrap: 200 }\nreps: 1\nweeks: 40\nwarmup: 10\nmetrics: [waitlist_total, trust_mean]\n');
  const whole = join(tmp, 'whole');
  let r: ReturnType<typeof clwsim>;
  beforeAll(() => {
    r = clwsim('sensitivity', '--method', 'sobol', sa, '--out', whole, '--workers', '1', '--quiet');
  });

  test('runs the Saltelli design through the sweep engine and writes sobol.csv', () => {
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/40 design points, 40 runs/);
    expect(r.out).toMatch(/waitlist_total: share of variance from the factor alone \(S1\)/);
    const rows = readFileSync(join(whole, 'sobol.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe(HEADER);
    expect(rows.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['waitlist_total', 'trust_mean'].flatMap((m) =>
      ['practice.scatterShare', 'funding.multiplier.mh', 'trust.etaDown'].map((f) => `${f},${m}`)));
    for (const l of rows.slice(1)) expect(l.split(',').slice(2).every((x) => Number.isFinite(Number(x)) && x !== '')).toBe(true);
    const m = JSON.parse(readFileSync(join(whole, 'manifest.json'), 'utf8'));
    expect(m.kind).toBe('sensitivity');
    expect(m.sweep.sobol).toEqual({ n: 8, bootstrap: 200 });
    expect(m.files).toContain('sobol.csv');
  });

  test('--workers 2, and two shards merged, give the same files', () => {
    expect(clwsim('sensitivity', '--method', 'sobol', sa, '--out', join(tmp, 'w2'), '--workers', '2', '--quiet').code).toBe(0);
    expect(files(join(tmp, 'w2'))).toEqual(files(whole));
    const shards = [1, 2].map((k) => join(tmp, `shard-${k}`));
    shards.forEach((d, k) => {
      expect(clwsim('sensitivity', '--method', 'sobol', sa, '--shard', `${k + 1}/2`, '--out', d, '--quiet').code).toBe(0);
    });
    expect(readdirSync(shards[0]!)).not.toContain('sobol.csv');
    const m = clwsim('merge', ...shards, '--out', join(tmp, 'merged'));
    expect(m.code, m.err).toBe(0);
    expect(files(join(tmp, 'merged'))).toEqual(files(whole));
  });

  test.each([
    [['sensitivity', 'SA'], /sobol: only used with --method sobol \(this runs Morris screening\)/],
    [['sensitivity', '--method', 'sobol', 'MORRIS'], /morris: only used with --method morris/],
    [['sensitivity', '--method', 'sobol', 'LIST'], /expected a range \{ min, max \} \(Sobol' indices vary every factor over a range\)/],
    [['sensitivity', '--method', 'fast', 'SA'], /--method.*expected morris or sobol/],
    [['sensitivity', '--verify', 'ishigami'], /--verify ishigami: used with --method sobol/],
    [['sensitivity', '--method', 'sobol', '--verify', 'sphere'], /--verify: expected ishigami/],
    [['sensitivity'], /expected a sensitivity file/],
  ])('bad input %j: one line, exit code 2', (args, re) => {
    const morris = file('m.yaml', readFileSync(sa, 'utf8').replace('sobol: { n: 8, bootstrap: 200 }', 'morris: { trajectories: 2 }'));
    const list = file('l.yaml', readFileSync(sa, 'utf8').replace('{ min: 0, max: 0.8 }', '[0.1, 0.5]'));
    const res = clwsim(...args.map((a) => (a === 'SA' ? sa : a === 'MORRIS' ? morris : a === 'LIST' ? list : a)), '--out', join(tmp, 'bad'), '--quiet');
    expect(res.code).toBe(2);
    expect(res.err).toMatch(re);
    expect(res.err.trim().split('\n')).toHaveLength(1);
  });
});
