/**
 * `clwsim calibrate` end to end through the built CLI: the files and their columns, the same
 * result on 1 and 2 workers, a real SIGKILL mid-run resumed to the same result, the predictive
 * check of a posterior (--check --posterior), and bad input.
 */
import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import { snapshotApp } from '../experiment/app.js';

const app = snapshotApp();
const tmp = mkdtempSync(join(tmpdir(), 'clwsim-calcli-'));
afterAll(() => {
  for (const d of [app.root, tmp]) rmSync(d, { recursive: true, force: true });
});
const write = (name: string, text: string) => {
  writeFileSync(join(tmp, name), text);
  return join(tmp, name);
};
write('short.yaml', `name: short\nextends: ${join(app.scenarios, 'baseline.yaml')}\nrun: { weeks: 60, warmup: 20 }\n`);
const targets = write('targets.yaml', readFileSync(join(app.scenarios, 'calibration', 'targets.yaml'), 'utf8').replace('scenario: ../baseline.yaml', 'scenario: short.yaml'));
const clwsim = (...args: string[]) => {
  const r = spawnSync(process.execPath, [app.bin, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const args = (out: string, ...more: string[]) => ['calibrate', targets, '--particles', '10', '--generations', '4', '--predictive', '5', '--seed', '3', '--out', out, '--quiet', ...more];
const CSVS = ['priors.csv', 'posterior.csv', 'generations.csv', 'predictive.csv'];
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const csvs = (dir: string) => Object.fromEntries(CSVS.map((f) => [f, read(dir, f)]));

describe('clwsim calibrate', () => {
  const whole = join(tmp, 'whole');
  let run: ReturnType<typeof clwsim>;
  beforeAll(() => {
    run = clwsim(...args(whole, '--workers', '1'));
  });

  test('writes priors, posterior, generations, predictive, the page and the manifest', () => {
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/calibrated 6 parameter\(s\) against 6 target\(s\): 4 generation\(s\) of 10 particles/);
    expect(read(whole, 'priors.csv').split('\n')[0]).toBe('param,distribution,lo,hi');
    expect(read(whole, 'priors.csv')).toMatch(/\nengagement\.baseDropHazard,loguniform,0\.01,0\.08\n/);
    const post = read(whole, 'posterior.csv').trim().split('\n');
    expect(post[0]).toBe('particle,weight,tso.costPerPlaceYear.crisis,tso.costPerPlaceYear.mh,engagement.baseDropHazard,practice.scatterShare,clw.sessionGain,gp.metReduction');
    expect(post).toHaveLength(11);
    expect(post.slice(1).reduce((s, l) => s + Number(l.split(',')[1]), 0)).toBeCloseTo(1, 9);
    const gens = read(whole, 'generations.csv').trim().split('\n');
    expect(gens[0]).toBe('generation,epsilon,simulations,accepted,ess');
    expect(gens.slice(1).map((l) => l.split(',').slice(0, 1).concat(l.split(',')[3]!))).toEqual([['0', '10'], ['1', '10'], ['2', '10'], ['3', '10']]);
    expect(gens[1]!.split(',')[1]).toBe('inf');
    const eps = gens.slice(2).map((l) => Number(l.split(',')[1]));
    expect(eps[1]!).toBeLessThan(eps[0]!); // tolerances shrink
    const pred = read(whole, 'predictive.csv').trim().split('\n');
    expect(pred[0]).toBe('target,target_value,tolerance,predictive_mean,predictive_low,predictive_high,within');
    expect(pred).toHaveLength(7);
    const page = read(whole, 'calibration.html');
    expect(page).toMatch(/<svg[^>]*aria-label="posterior of clw\.sessionGain over its prior"/);
    expect(page).toMatch(/Most correlated pairs/);
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    const m = JSON.parse(read(whole, 'manifest.json'));
    expect(m).toMatchObject({ kind: 'calibration', particles: 10, generations: 4, seed: 3, stop_reason: 'generations' });
    expect(m.files).toEqual([...CSVS, 'calibration.html', 'manifest.json']);
    expect(m.parameters[0]).toMatchObject({ name: 'tso.costPerPlaceYear.crisis', dist: 'loguniform' });
  });

  test('--workers 2 gives the same files', () => {
    const two = join(tmp, 'two');
    const r = clwsim(...args(two, '--workers', '2'));
    expect(r.code, r.err).toBe(0);
    expect(csvs(two)).toEqual(csvs(whole));
    expect(read(two, 'calibration.html').replaceAll(two, whole)).toBe(read(whole, 'calibration.html'));
  });

  test('killed with SIGKILL mid-run, --resume continues from the last generation to the same result', async () => {
    const cut = join(tmp, 'cut');
    const child = spawn(process.execPath, [app.bin, ...args(cut, '--workers', '2')], { stdio: 'ignore' });
    const exited = new Promise((res) => child.on('exit', res));
    const gens = () => {
      try {
        return JSON.parse(read(cut, 'abc-state.json')).state.history.length as number;
      } catch {
        return 0;
      }
    };
    while (gens() < 2 && child.exitCode === null) await new Promise((res) => setTimeout(res, 10));
    child.kill('SIGKILL');
    await exited;
    const kept = gens();
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(4);
    expect(existsSync(join(cut, 'manifest.json'))).toBe(false);

    const again = clwsim(...args(cut));
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/holds an unfinished calibration; add --resume to continue it/);
    const other = clwsim(...args(cut, '--resume', '--particles', '12'));
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/--resume: the calibration there differs from this one \(particles: 10 there, 12 here\)/);

    const r = clwsim(...args(cut, '--resume', '--workers', '1'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`\\(${kept} generation\\(s\\) resumed`));
    expect(csvs(cut)).toEqual(csvs(whole));
  });

  test('--check --posterior: the targets against the posterior\'s draws', () => {
    const out = join(tmp, 'check');
    const r = clwsim('calibrate', targets, '--check', '--posterior', join(whole, 'posterior.csv'), '--draws', '3', '--out', out, '--quiet', '--workers', '1');
    expect([0, 1]).toContain(r.code);
    expect(r.out).toMatch(/short: 3 replications of 60 weeks/);
    expect(r.out).toMatch(/parameter uncertainty: 3 draws from .*posterior\.csv \(10 particles, 6 parameters\)/);
    expect(read(out, 'calibration.csv').trim().split('\n')).toHaveLength(7);
  });

  test('--validate: figures kept out of the targets, model against figure, misses reported with exit code 0', () => {
    const fig = (id: string, stat: string, low: number, high: number, independent: boolean) =>
      `  - { id: ${id}, stat: ${stat}, scenario: short.yaml, published: "a figure", low: ${low}, high: ${high}, source: "Allbutt L179", independent: ${independent}, note: "a note long enough" }\n`;
    const v = write('validation.yaml', `targets: targets.yaml\nreps: 3\nfigures:\n${fig('far', 'handholding_share', 5, 6, true)}${fig('wide', 'completion_share', 0, 1, false)}`);
    const out = join(tmp, 'validate');
    const r = clwsim('calibrate', '--validate', v, '--posterior', 'none', '--out', out, '--quiet', '--workers', '1');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/validation\.yaml: 2 published figures kept out of .*targets\.yaml; 3 replications per scenario, seed 1/);
    expect(r.out).toMatch(/parameters as set \(no posterior\)/);
    expect(r.out).toMatch(/independent of the calibration:\n {2}MISS {2}far .*published 5\.00 to 6\.00\ncross-checks \(not independent\):\n {2}ok {4}wide/);
    expect(r.out).toMatch(/1 of 2 consistent \(1 independent misses\)/);
    const csv = read(out, 'validation.csv').trim().split('\n');
    expect(csv[0]).toBe('figure,stat,scenario,published,low,high,model_mean,model_low,model_high,n,verdict,independent,source,note');
    expect(csv).toHaveLength(3);
    expect(csv[1]).toMatch(/^far,handholding_share,short\.yaml,a figure,5,6,[\d.]+,[\d.]+,[\d.]+,3,miss,true,/);
    const bad = clwsim('calibrate', '--validate', v, '--posterior', 'none', '--draws', '3', '--out', join(tmp, 'bad-v'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--draws: used with a posterior, not --posterior none/);
  });

  test.each([
    [['--posterior', 'x.csv'], /--posterior: used with calibrate --check/],
    [['--particles', '0'], /--particles.*expected a positive integer/],
    [['--check', '--search', '3'], /expected one of --check, --validate and --search/],
    [['--validate'], /calibrate --validate: the validation file names the targets it is kept out of/],
  ])('bad input %j: one line, exit code 2', (more, re) => {
    const r = clwsim('calibrate', targets, '--out', join(tmp, 'bad'), ...more);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(tmp, 'bad'))).toBe(false);
  });
});
