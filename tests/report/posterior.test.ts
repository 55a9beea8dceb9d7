/**
 * Parameter uncertainty in results: `--posterior FILE --draws N` on run, compare (and report
 * rebuilt from disk) and sweep. Replication i runs with draw i in every arm; the draws really
 * set the parameters; comparison.csv says what its intervals cover and gives p_increase; the
 * costs give the chance of a saving.
 */
import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { csvRows } from './csv.js';
import { cli } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'clwsim-posterior-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  writeFileSync(join(tmp, name), text);
  return join(tmp, name);
};
const read = (...p: string[]) => readFileSync(join(...p), 'utf8');
// three particles, uneven weights, over two parameters no bundled scenario changes
const post = write('posterior.csv', 'particle,weight,trust.etaDown,engagement.baseDropHazard\n0,0.5,0.03,0.025\n1,0.3,0.12,0.04\n2,0.2,0.06,0.03\n');
const SMALL = ['--weeks', '130', '--warmup', '26', '--window', '26', '--quiet', '--workers', '1'];
const CUT = ['compare', 'scenarios/baseline.yaml', 'scenarios/funding-cut.yaml'];

describe('compare --posterior', () => {
  const dir = join(tmp, 'cut');
  let r: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    r = await cli(...CUT, ...SMALL, '--posterior', post, '--draws', '4', '--sensitivity', '1', '--out', dir);
  });

  test('comparison.csv says what its intervals cover and gives the share of pairs that rose', async () => {
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/parameter uncertainty: 4 draws from .*posterior\.csv \(3 particles, 2 parameters\)/);
    const rows = csvRows(read(dir, 'comparison.csv'));
    expect(new Set(rows.map((x) => x.uncertainty))).toEqual(new Set(['stochastic+parameter']));
    for (const x of rows) {
      expect(x.n_pairs).toBe('4');
      expect(['0', '0.25', '0.5', '0.75', '1']).toContain(x.p_increase);
    }
    // p_increase from the runs themselves: the grants paid fall in every pair (a cut)
    expect(rows.find((x) => x.metric === 'tso_grants' && x.statistic === 'window_mean')!.p_increase).toBe('0');
    const plain = join(tmp, 'plain');
    expect((await cli(...CUT, ...SMALL, '--reps', '4', '--sensitivity', '0', '--out', plain)).code).toBe(0);
    expect(new Set(csvRows(read(plain, 'comparison.csv')).map((x) => x.uncertainty))).toEqual(new Set(['stochastic']));
  });

  test('costs.csv gains the chance of a saving; the report names the posterior and the draws', () => {
    const costs = csvRows(read(dir, 'costs.csv'));
    const grants = costs.find((c) => c.component === 'grants' && c.period === 'per_year')!;
    expect(grants.p_saving).toBe('1');
    for (const c of costs) expect(Number(c.p_saving)).toBeGreaterThanOrEqual(0);
    const html = read(dir, 'report.html');
    expect(html).toMatch(/posterior .*posterior\.csv \(4 draws of 3 particles; both arms of a pair use the same draw\)/);
    expect(html).toMatch(/Chance it saves money/);
    const m = JSON.parse(read(dir, 'report.json'));
    expect(m.posterior.draws).toHaveLength(4);
    expect(m.posterior.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.command).toMatch(/--posterior \S+posterior\.csv --draws 4/);
    // the posterior's parameters are not among the assumptions re-ranked (their uncertainty is in the draws)
    const ranked = csvRows(read(dir, 'sensitivity.csv')).map((x) => x.parameter);
    expect(ranked).not.toContain('trust.etaDown');
  });

  test('replication i of every arm used draw i: `run` of the baseline with the same posterior gives the same runs', async () => {
    const run = join(tmp, 'run');
    const res = await cli('run', 'scenarios/baseline.yaml', '--weeks', '130', '--warmup', '26', '--quiet', '--workers', '2', '--posterior', post, '--draws', '4', '--out', run);
    expect(res.code, res.err).toBe(0);
    expect(read(run, 'trajectories.csv')).toBe(read(dir, 'runs', 'baseline', 'trajectories.csv'));
    expect(JSON.parse(read(run, 'manifest.json')).posterior.draws).toEqual(JSON.parse(read(dir, 'report.json')).posterior.draws);
  });

  test('clwsim report rebuilds the same files from disk, posterior included', async () => {
    const copy = join(tmp, 'copy');
    cpSync(dir, copy, { recursive: true });
    for (const f of ['comparison.csv', 'costs.csv', 'report.html']) writeFileSync(join(copy, f), 'stale');
    expect((await cli('report', copy, '--quiet')).code).toBe(0);
    for (const f of ['comparison.csv', 'costs.csv', 'report.html']) expect(read(copy, f), f).toBe(read(dir, f));
  });
});

describe('the draws set the parameters', () => {
  test('a one-particle posterior runs exactly as --set of its values', async () => {
    const one = write('one.csv', 'particle,weight,trust.etaDown\n0,1,0.2\n');
    const a = join(tmp, 'one'), b = join(tmp, 'set');
    expect((await cli('run', 'scenarios/baseline.yaml', '--weeks', '40', '--warmup', '10', '--reps', '2', '--quiet', '--workers', '1', '--posterior', one, '--out', a)).code).toBe(0);
    expect((await cli('run', 'scenarios/baseline.yaml', '--weeks', '40', '--warmup', '10', '--reps', '2', '--quiet', '--workers', '1', '--set', 'trust.etaDown=0.2', '--out', b)).code).toBe(0);
    expect(read(a, 'trajectories.csv')).toBe(read(b, 'trajectories.csv'));
  });

  test('a sweep with a posterior: replication r of every point runs with draw r; recorded in the manifest', async () => {
    const one = write('one2.csv', 'particle,weight,trust.etaDown\n0,1,0.2\n');
    const sweep = write('sweep.yaml', `scenario: ${join(process.cwd(), 'scenarios', 'baseline.yaml')}\nfactors:\n  practice.scatterShare: [0.1, 0.5]\nreps: 2\nweeks: 40\nwarmup: 10\nmetrics: [waitlist_total, trust_mean]\n`);
    const a = join(tmp, 'sw-post'), b = join(tmp, 'sw-set');
    const ra = await cli('sweep', sweep, '--quiet', '--workers', '1', '--posterior', one, '--out', a);
    expect(ra.code, ra.err).toBe(0);
    expect(ra.out).toMatch(/parameter uncertainty: 2 draws/);
    expect((await cli('sweep', sweep, '--quiet', '--workers', '1', '--set', 'trust.etaDown=0.2', '--out', b)).code).toBe(0);
    expect(read(a, 'runs.csv')).toBe(read(b, 'runs.csv'));
    expect(JSON.parse(read(a, 'manifest.json')).sweep.posterior.draws).toHaveLength(2);
    const clash = await cli('sweep', write('clash.yaml', read(sweep).replace('practice.scatterShare', 'trust.etaDown')), '--quiet', '--posterior', one, '--out', join(tmp, 'clash'));
    expect(clash.code).toBe(2);
    expect(clash.err).toMatch(/factors: trust\.etaDown is also a column of the posterior/);
  });
});

describe('bad input: one line, exit code 2', () => {
  test.each([
    [[...CUT, '--draws', '3'], /--draws 3: only used with --posterior/],
    [[...CUT, '--posterior', 'POST', '--draws', '3', '--reps', '4'], /--draws 3: replication i uses draw i, so draws and --reps \(4\) must agree/],
    [[...CUT, '--posterior', 'POST', '--set', 'trust.etaDown=0.1'], /--set: trust\.etaDown is also a column of the posterior/],
    [['compare', 'scenarios/baseline.yaml', 'scenarios/over-referral.yaml', '--posterior', 'OVER'], /over-referral: sets practice\.overReferral to 0\.5 \(baseline: 0\.1\), but the posterior .* draws it in every arm/],
    [[...CUT, '--posterior', 'nope.csv'], /nope\.csv: file not found/],
  ])('%j', async (args, re) => {
    const over = write('over.csv', 'particle,weight,practice.overReferral\n0,1,0.2\n');
    const r = await cli(...args.map((a) => (a === 'POST' ? post : a === 'OVER' ? over : a)), ...SMALL, '--out', join(tmp, 'bad'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  test('a posterior calibrated on other model code is used, with a warning', async () => {
    const dir = join(tmp, 'old-cal');
    cpSync(post, join(tmp, 'tmp-post.csv'));
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(tmp, 'tmp-post.csv'), join(dir, 'posterior.csv'), { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ kind: 'calibration', model: 'sha256:0000000000000000' }));
    const r = await cli('run', 'scenarios/baseline.yaml', '--weeks', '20', '--warmup', '0', '--quiet', '--workers', '1', '--posterior', join(dir, 'posterior.csv'), '--draws', '2', '--out', join(tmp, 'old-run'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: .*posterior\.csv: calibrated with other model code \(sha256:0{16}, now sha256:[0-9a-f]{16}\)/);
  });

  test('--posterior default runs with the posterior shipped in scenarios/posterior/', async () => {
    const r = await cli('run', 'scenarios/baseline.yaml', '--weeks', '20', '--warmup', '0', '--reps', '2', '--quiet', '--workers', '1', '--posterior', 'default', '--out', join(tmp, 'dflt'));
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/no posterior is shipped yet/);
    const used = JSON.parse(read(tmp, 'dflt', 'manifest.json')).posterior;
    expect(used.file).toMatch(/scenarios\/posterior\/posterior\.csv$/);
    expect(used.draws).toHaveLength(2);
  });
});
