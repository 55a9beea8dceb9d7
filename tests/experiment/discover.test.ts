/**
 * clwsim discover end to end. A sweep folder whose metric is a known function of its factors
 * (interesting exactly inside a ∈ [0.2, 0.6] × b ≥ 0.5; c irrelevant), in CSV and in Parquet:
 * PRIM finds that box. A real sweep: the box's coverage and density recount from runs.csv.
 * The condition grammar: a metric, a comparison, a number; nothing else is accepted.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { cli, scratch } from '../helpers.js';
import { holds, parseCondition } from '../../src/experiment/discover.js';
import { FileStore } from '../../src/io/fileStore.js';
import { columnsOf, writeTable, type Cell, type Format } from '../../src/experiment/table.js';
import { loadParquet } from '../../src/experiment/parquetLoader.js';
import { splitCsvLine } from '../../src/scenario/csv.js';

const tmp = scratch('discover').dir;
const clwsim = cli;
const csv = (file: string) => {
  const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n').map(splitCsvLine);
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
};

describe('the condition', () => {
  test.each([
    ['clw_waitlist > 150', 'clw_waitlist', '>', 150],
    ['  dropout_rate<=0.25 ', 'dropout_rate', '<=', 0.25],
    ['x == -1e3', 'x', '==', -1000],
    ['x!=.5', 'x', '!=', 0.5],
  ])('%j', (text, metric, op, value) => {
    expect(parseCondition(text)).toMatchObject({ metric, op, value });
  });
  test.each(['clw_waitlist', '> 150', 'x > ', 'x >> 1', 'x > 1; process.exit(1)', 'process.exit(1) > 0', 'x > y', 'x => 1', 'x > 1 && y < 2', 'x > NaN', 'x > Infinity'])('refuses %j', (text) => {
    expect(() => parseCondition(text)).toThrow(/expected a metric, a comparison/);
  });
  test('comparisons', () => {
    const at = (t: string, x: number) => holds(parseCondition(t), x);
    expect([at('m > 1', 1), at('m >= 1', 1), at('m < 1', 0.5), at('m <= 1', 2), at('m == 2', 2), at('m != 2', 2)]).toEqual([false, true, true, false, true, false]);
  });
});

/** A finished sweep folder (manifest + runs and points tables) whose m1 is a known function of a, b. */
function syntheticSweep(dir: string, format: Format, n = 2000): void {
  const rng = seedrandom.alea(`synthetic-${format}`);
  const st = new FileStore(dir);
  const factors = [
    { path: 'a', kind: 'range', min: 0, max: 1, integer: false },
    { path: 'b', kind: 'range', min: 0, max: 1, integer: false },
    { path: 'c', kind: 'range', min: 0, max: 1, integer: false },
    { path: 'k', kind: 'list', values: ['x', 'y'] },
  ];
  const runs: Cell[][] = [], points: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    const [a, b, c] = [rng(), rng(), rng()].map((v) => Math.round(v * 1e6) / 1e6) as [number, number, number];
    const inside = a >= 0.2 && a <= 0.6 && b >= 0.5;
    const m1 = Math.round(((inside ? 10 : 0) + rng()) * 1e6) / 1e6; // > 5 exactly inside the box
    runs.push([i, a, b, c, i % 2 ? 'x' : 'y', 0, 1, m1, c]);
    points.push([i, a, b, c, i % 2 ? 'x' : 'y', 'm1', m1, 0, m1, m1, 1], [i, a, b, c, i % 2 ? 'x' : 'y', 'm2', c, 0, c, c, 1]);
  }
  const types = { a: 'double', b: 'double', c: 'double', k: 'string' } as const;
  writeTable(st, 'runs', columnsOf(['point', 'a', 'b', 'c', 'k', 'rep', 'seed', 'm1', 'm2'], types), runs, format);
  writeTable(st, 'points', columnsOf(['point', 'a', 'b', 'c', 'k', 'metric', 'mean', 'sd', 'ci_low', 'ci_high', 'n'], types), points, format);
  const files = [`runs.${format}`, `points.${format}`, 'manifest.json'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ tool: 'clwsim', kind: 'sweep', ...(format === 'parquet' ? { format } : {}), sweep: { factors, metrics: ['m1', 'm2'] }, files }));
}

describe('discover on a sweep with a known box', () => {
  test.each(['csv', 'parquet'] as const)('%s: box ≈ a ∈ [0.2, 0.6] × b ∈ [0.5, 1]; c free; the text factor left out', async (format) => {
    const dir = join(tmp, `syn-${format}`), out = join(tmp, `syn-${format}-out`);
    await loadParquet(); // writeTable is synchronous: Parquet must be loaded first
    syntheticSweep(dir, format);
    const r = await clwsim('discover', dir, '--metric', 'm1', '--where', 'm1 > 5', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`2000 runs from runs\\.${format}, \\d+ \\(\\d+\\.\\d%\\) with m1 > 5`));
    expect(r.out).toMatch(/left out of the box \(text values\): k/);
    const box = Object.fromEntries(csv(join(out, 'box.csv')).map((b) => [b.factor, b]));
    expect(Object.keys(box)).toEqual(['a', 'b', 'c']);
    expect(Math.abs(Number(box.a!.lower) - 0.2)).toBeLessThan(0.05);
    expect(Math.abs(Number(box.a!.upper) - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(Number(box.b!.lower) - 0.5)).toBeLessThan(0.05);
    expect([box.b!.upper, box.c!.restricted]).toEqual([box.b!.data_max, 'false']);
    const j = JSON.parse(readFileSync(join(out, 'discover.json'), 'utf8'));
    expect(j.stats.coverage).toBeGreaterThan(0.95);
    expect(j.stats.density).toBeGreaterThan(0.85);
    const traj = csv(join(out, 'trajectory.csv'));
    expect(Object.keys(traj[0]!)).toEqual(['step', 'coverage', 'density', 'mass', 'n', 'restricted_dims', 'selected']);
    expect(traj.filter((t) => t.selected === 'true').map((t) => Number(t.step))).toEqual([j.selected]);
    for (const f of ['trajectory.svg', 'box.svg']) expect(readFileSync(join(out, f), 'utf8')).toMatch(/^<svg [\s\S]*<\/svg>\n$/);
    expect(readFileSync(join(out, 'box.svg'), 'utf8')).toContain('m1 &gt; 5');
  });

  test('--by point labels each point\'s mean; "> 5" with --metric; --step and --paste', async () => {
    const dir = join(tmp, 'syn-csv');
    const r = await clwsim('discover', dir, '--metric', 'm1', '--where', '> 5', '--by', 'point', '--step', '3', '--paste', '--out', join(tmp, 'pt'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/2000 design points from points\.csv/);
    expect(JSON.parse(readFileSync(join(tmp, 'pt', 'discover.json'), 'utf8'))).toMatchObject({ by: 'point', selected: 3, table: 'points.csv' });
  });

  test.each([
    [['--where', 'm3 > 1'], /the sweep kept no metric "m3"; it kept m1, m2/],
    [['--where', 'm1 > 1', '--metric', 'm2'], /--metric m2 but --where "m1 > 1" is on m1/],
    [['--where', '> 1'], /name the metric/],
    [['--where', 'm1 > 1', '--step', '9999'], /--step 9999: the peeling trajectory has steps 0 to \d+/],
    [['--where', 'm1 > eval(1)'], /expected a metric, a comparison/],
    [['--where', 'm1 > 1', '--threshold', '1.5'], /--threshold.*expected a number above 0 and at most 1, got "1.5"/],
  ])('bad input %j: one line, exit 2, nothing written', async (args, re) => {
    const out = join(tmp, 'bad');
    const r = await clwsim('discover', join(tmp, 'syn-csv'), ...args, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(r.err.trim().split('\n').length).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('discover on a real sweep', () => {
  test('the box\'s coverage and density are the shares recounted from runs.csv', async () => {
    const f = join(tmp, 'real.yaml');
    writeFileSync(f, `scenario: ${join(process.cwd(), 'scenarios/baseline.yaml')}\nfactors:\n  practice.scatterShare: { min: 0, max: 0.6 }\n  clw.count: { min: 10, max: 30 }\nsamples: 40\nreps: 1\nweeks: 30\nwarmup: 10\nmetrics: [clw_waitlist, waitlist_total]\n`);
    const sweep = join(tmp, 'real');
    expect((await clwsim('sweep', f, '--out', sweep, '--workers', '1', '--quiet')).code).toBe(0);
    const runs = csv(join(sweep, 'runs.csv'));
    const cut = runs.map((r) => Number(r.clw_waitlist)).sort((a, b) => a - b)[30]!; // about a quarter above
    const r = await clwsim('discover', sweep, '--where', `clw_waitlist > ${cut}`, '--out', join(tmp, 'real-out'));
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(readFileSync(join(tmp, 'real-out', 'discover.json'), 'utf8'));
    const inBox = (x: Record<string, string>) => j.box.every((b: { factor: string; lower: number; upper: number }) => Number(x[b.factor]) >= b.lower && Number(x[b.factor]) <= b.upper);
    const hit = (x: Record<string, string>) => Number(x.clw_waitlist) > cut;
    const inside = runs.filter(inBox);
    expect(j.rows).toBe(40);
    expect(j.interesting).toBe(runs.filter(hit).length);
    expect(j.stats.n).toBe(inside.length);
    expect(j.stats.density).toBeCloseTo(inside.filter(hit).length / inside.length, 12);
    expect(j.stats.coverage).toBeCloseTo(inside.filter(hit).length / runs.filter(hit).length, 12);
  }, 60_000);
});
