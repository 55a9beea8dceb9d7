/**
 * Areas end to end through the CLI: area init, run and compare on an area (organisations.csv,
 * the report's Organisations section, a rebuild byte for byte), a sweep on an area, and
 * optimise on a small area with every file it promises and a page that says plainly whether
 * the optimum beats equal shares.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, scratch } from '../helpers.js';
import { ORG_COLUMNS } from '../../src/scenario/tables.js';

const s = scratch('areas');
const SMALL_CSV = `id,name,type,annual_grant_gbp,places,programme_weeks,other_income_gbp,core_cost_gbp
a,Alpha Food Support,crisis,20000,4,4,,15000
b,Beta Money Advice,crisis,60000,6,4,60000,80000
c,Gamma Wellbeing,mh,70000,10,10,,40000
d,Delta Garden,activity,15000,8,8,,12000
e,Epsilon Walking,activity,30000,10,8,30000,40000
f,Zeta Counselling,specialist,50000,6,8,,30000
`;
writeFileSync(join(s.dir, 'orgs.csv'), SMALL_CSV);
const area = s.file('name: small\ndescription: A small area\norganisations: orgs.csv\nrun: { weeks: 70, warmup: 20, reps: 3, seed: 2 }\nparams: { clw.count: 5 }\n', 'area.yaml');
const option = s.file('name: end-two\nextends: area.yaml\ninterventions:\n  - week: 20\n    grants:\n      - end: { smallest: 2 }\n', 'option.yaml');

describe('areas on the command line', () => {
  test('area init writes a template that validates and runs', async () => {
    const dir = join(s.dir, 'init');
    expect((await cli('area', 'init', dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'area.yaml'), 'utf8')).toContain('organisations: organisations.csv');
    const r = await cli('run', join(dir, 'area.yaml'), '--reps', '2', '--weeks', '30', '--warmup', '10', '--workers', '1', '--out', join(s.dir, 'init-run'), '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(s.dir, 'init-run', 'organisations.csv'), 'utf8').split('\n')).toHaveLength(1 + 2 * 4 + 1);
    expect((await cli('area', 'init', dir)).code).toBe(2); // earlier files are kept without --overwrite
  });

  test('the bundled example area and its options are valid', async () => {
    for (const f of ['area', 'end-20-smallest', 'replace-fund']) expect((await cli('validate', `scenarios/areas/example-city/${f}.yaml`)).code).toBe(0);
    const csv = readFileSync('scenarios/areas/example-city/organisations.csv', 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    const grants = csv.slice(1).map((l) => Number(l.split(',')[3]));
    expect(grants).toHaveLength(64);
    expect(Math.min(...grants)).toBe(14000);
    expect(Math.max(...grants)).toBe(170000);
    expect(Math.abs(grants.reduce((a, b) => a + b, 0) - 4.5e6)).toBeLessThan(50000);
    expect(readFileSync('scenarios/areas/example-city/organisations.csv', 'utf8')).toMatch(/^# SYNTHETIC/);
  });

  test('compare writes organisations.csv per run and an Organisations section; report rebuilds it byte for byte', async () => {
    const out = join(s.dir, 'cmp');
    const r = await cli('compare', area, option, '--sensitivity', '0', '--workers', '1', '--out', out, '--quiet');
    expect(r.code, r.err).toBe(0);
    const rows = readFileSync(join(out, 'runs', 'end-two', 'organisations.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe(ORG_COLUMNS.join(','));
    expect(ORG_COLUMNS.slice(0, 10).join(',')).toBe('rep,organisation,name,type,closed_week,places,served,completed,waiting_end,displaced');
    expect(rows).toHaveLength(1 + 3 * 6);
    // the two smallest grants (d 15000, a 20000) ended at week 20: with core costs above nothing, both close
    for (const line of rows.slice(1).filter((l) => /^\d,(a|d),/.test(l))) expect(Number(line.split(',')[4])).toBeGreaterThanOrEqual(20);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('id="organisations"');
    expect(html).toContain('Most at risk');
    expect(html).toMatch(/data-org="d"[\s\S]*?data-field="p_close" data-value="1"/);
    const before = [readFileSync(join(out, 'report.html'), 'utf8'), readFileSync(join(out, 'organisations_summary.csv'), 'utf8')];
    expect((await cli('report', out, '--quiet')).code).toBe(0);
    expect([readFileSync(join(out, 'report.html'), 'utf8'), readFileSync(join(out, 'organisations_summary.csv'), 'utf8')]).toEqual(before);
  });

  test('calibrate --check --scenario checks an area against the targets', async () => {
    const r = await cli('calibrate', '--check', '--scenario', area, '--reps', '2', '--weeks', '60', '--workers', '1', '--out', join(s.dir, 'cal'), '--quiet');
    expect([0, 1], r.err).toContain(r.code); // 1: some target missed, as the small area well may
    expect(r.out).toMatch(/^small: 2 replications of 60 weeks against scenarios\/calibration\/targets\.yaml/);
    expect(readFileSync(join(s.dir, 'cal', 'calibration.csv'), 'utf8')).toContain('completion_share');
  });

  test('a sweep takes an area as its base scenario', async () => {
    const sw = s.file(`name: sw\nscenario: area.yaml\nfactors:\n  funding.multiplier.crisis: [0.5, 1]\nreps: 2\nweeks: 40\nwarmup: 10\nmetrics: [active_tsos]\n`, 'sweep.yaml');
    const r = await cli('sweep', sw, '--workers', '1', '--out', join(s.dir, 'sw'), '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(s.dir, 'sw', 'points.csv'), 'utf8')).toContain('active_tsos');
  });
});

describe('clwsim optimise', () => {
  const spec = s.file('name: small-save\narea: area.yaml\nsaving_gbp: 40000\nfrom_week: 20\nwindow_weeks: 30\n', 'optimise.yaml');

  test('writes every promised file; the page says plainly whether the optimum beats equal', async () => {
    const out = join(s.dir, 'opt');
    const r = await cli('optimise', spec, '--budget', 'small', '--workers', '2', '--out', out, '--quiet');
    expect(r.code, r.err).toBe(0);
    for (const f of ['report.html', 'strategies.csv', 'pareto.csv', 'allocation.csv', 'harm_components.csv', 'search.csv', 'optimised.yaml', 'manifest.json']) expect(existsSync(join(out, f)), f).toBe(true);
    const strat = readFileSync(join(out, 'strategies.csv'), 'utf8').trim().split('\n');
    expect(strat[0]).toBe('strategy,saving_gbp,harm,harm_ci_low,harm_ci_high,harm_diff_vs_equal_low,harm_diff_vs_equal_high');
    const names = strat.slice(1).map((l) => l.split(',')[0]);
    expect(names).toEqual(expect.arrayContaining(['equal', 'end-smallest', 'cut-crisis', 'optimised']));
    for (const l of strat.slice(1)) expect(Number(l.split(',')[1])).toBeCloseTo(40000, 4); // every option takes the saving
    const opt = strat.find((l) => l.startsWith('optimised,'))!.split(',').map(Number);
    const beats = opt[6]! < 0;
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain(`data-beats-equal="${beats ? 'yes' : 'no'}"`);
    expect(html).toContain(beats ? 'does less harm than taking the same share from every grant' : 'does NOT do clearly less harm');
    const alloc = readFileSync(join(out, 'allocation.csv'), 'utf8').trim().split('\n');
    expect(alloc[0]).toBe('organisation,name,type,grant_gbp,cut_share,cut_gbp,new_grant_gbp,p_close_now,p_close_after');
    expect(alloc.slice(1).reduce((a, l) => a + Number(l.split(',')[5]), 0)).toBeCloseTo(40000, 3);
    expect(readFileSync(join(out, 'pareto.csv'), 'utf8').split('\n')[0]).toBe('saving_gbp,strategy,harm,harm_ci_low,harm_ci_high,n');
    expect((await cli('validate', join(out, 'optimised.yaml'))).code).toBe(0);
  });

  test('a saving the grants cannot hold is one line, exit 2, nothing written', async () => {
    const bad = s.file('area: area.yaml\nsaving_gbp: 500000\n', 'too-much.yaml');
    const out = join(s.dir, 'opt-bad');
    const r = await cli('optimise', bad, '--budget', 'small', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/too-much\.yaml: saving_gbp: expected less than the area's grants \(£245000 a year\), got 500000/);
    expect(existsSync(out)).toBe(false);
    const noArea = s.file('area: ../../nowhere.yaml\nsaving_gbp: 5\n', 'no-area.yaml');
    expect((await cli('optimise', noArea, '--out', out)).err).toMatch(/no-area\.yaml: area: .*nowhere\.yaml: file not found/);
  });
});
