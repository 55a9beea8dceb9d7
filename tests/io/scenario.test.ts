import { inputErrorOf, scratch } from '../helpers.js';
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../src/io/scenario.js';
import { defaults } from '../../src/model/params.js';

const { dir, file: write } = scratch('scn');
const file = (name: string, text: string) => write(text, name);
const errorOf = inputErrorOf;

describe('scenario files', () => {
  test('baseline resolves to the schema defaults plus its own settings', () => {
    const s = loadScenario('scenarios/baseline.yaml');
    expect(s.name).toBe('baseline');
    expect(s.weeks).toBe(260);
    expect(s.params.clw.count).toBe(25);
    expect(s.params.engagement).toEqual(defaults().engagement);
  });

  test('extends changes only what differs, interventions are kept', () => {
    const s = loadScenario('scenarios/funding-cut.yaml');
    expect(s.name).toBe('funding-cut');
    expect(s.params.clw.count).toBe(25);
    expect(s.interventions).toEqual([
      { week: 104, rampWeeks: 0, label: 'Cut crisis and activity TSO grants by 30%', set: { 'funding.multiplier.crisis': 0.7, 'funding.multiplier.activity': 0.7 } },
    ]);
  });

  test('every bundled scenario validates', () => {
    for (const n of ['baseline', 'funding-cut', 'funding-cut-restored', 'over-referral', 'scattergun', 'virtuous-circle'])
      expect(loadScenario(`scenarios/${n}.yaml`).name).toBe(n);
  });

  test('--set, --weeks, --reps and --seed override the file', () => {
    const s = loadScenario('scenarios/baseline.yaml', { set: ['practice.scatterShare=0.5', 'practice.kpiRegime=outcomes'], weeks: 156, reps: 3, seed: 9 });
    expect(s.params.practice.scatterShare).toBe(0.5);
    expect(s.params.practice.kpiRegime).toBe('outcomes');
    expect([s.weeks, s.reps, s.seed]).toEqual([156, 3, 9]);
  });

  test('bad input: one line naming the file, the field and what was expected', () => {
    const cases: Array<[string, RegExp]> = [
      ['params:\n  practice:\n    scatterShare: 1.5\n', /params\.practice\.scatterShare: expected a number from 0 to 1, got 1\.5/],
      ['params:\n  practice:\n    scatershare: 0.5\n', /params\.practice: unknown key "scatershare" \(did you mean "scatterShare"\?\)/],
      ['params:\n  clw:\n    count: "many"\n', /params\.clw\.count: expected an integer from 1 to 20000, got "many"/],
      ['params:\n  clw:\n    count: 2.5\n', /params\.clw\.count: expected an integer/],
      ['name: x\nparams: [1, 2\n', /malformed YAML/],
      ['nmae: x\n', /unknown key "nmae" \(did you mean "name"\?\)/],
      ['run:\n  weeks: -3\n', /run\.weeks: expected an integer from 1 to 5200, got -3/],
      ['interventions:\n  - week: 10\n    set: { funding.multiplier.crisis: 7 }\n', /interventions\[0\]\.set: funding\.multiplier\.crisis: expected a number from 0 to 5, got 7/],
      ['interventions:\n  - week: 10\n    set: { funding.mulitplier.crisis: 0.5 }\n', /unknown parameter "funding\.mulitplier\.crisis" \(did you mean "funding\.multiplier\.crisis"\?\)/],
      ['interventions:\n  - week: 0\n    set: { demand.level: 2 }\n', /interventions\[0\]\.week: expected an integer week from 1 to 5200, got 0/],
      ['params:\n  practice:\n    kpiRegime: targets\n', /kpiRegime: expected one of "referrals", "outcomes", got "targets"/],
      ['extends: nowhere.yaml\n', /nowhere\.yaml: file not found/],
    ];
    for (const [k, [text, re]] of cases.entries()) {
      const msg = errorOf(() => loadScenario(file(`bad${k}.yaml`, text)));
      expect(msg).toMatch(re);
      expect(msg).toContain(dir);
      expect(msg.includes('\n')).toBe(false);
    }
  });

  test('bad --set values are refused', () => {
    expect(errorOf(() => loadScenario('scenarios/baseline.yaml', { set: ['practice.scatterShare'] }))).toMatch(/expected path=value/);
    expect(errorOf(() => loadScenario('scenarios/baseline.yaml', { set: ['practice.scatterShare=lots'] }))).toMatch(/--set practice\.scatterShare=lots: practice\.scatterShare: expected a number from 0 to 1, got "lots"/);
    expect(errorOf(() => loadScenario('scenarios/baseline.yaml', { set: ['nope=1'] }))).toMatch(/unknown parameter "nope"/);
  });

  test('extends cycles are refused', () => {
    file('a.yaml', 'extends: b.yaml\n');
    file('b.yaml', 'extends: a.yaml\n');
    expect(errorOf(() => loadScenario(join(dir, 'a.yaml')))).toMatch(/extends: cycle/);
  });
});
