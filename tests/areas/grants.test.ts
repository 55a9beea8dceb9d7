/** Grant changes by organisation: filters, actions, the replacement rules, and their errors. */
import { describe, expect, test } from 'vitest';
import { parseRegister } from '../../src/scenario/register.js';
import { layerFromRaw, scenarioFromLayers } from '../../src/scenario/build.js';
import { inputErrorOf } from '../helpers.js';

const CSV = `id,name,type,annual_grant_gbp,places,programme_weeks
a,A,crisis,10000,2,4
b,B,crisis,30000,4,4
c,C,mh,60000,8,12
d,D,activity,20000,5,10
e,E,specialist,80000,6,8
`;
const register = parseRegister('orgs.csv', CSV);
const build = (interventions: unknown) => {
  const area = { ...layerFromRaw('area.yaml', { name: 'area', run: { weeks: 40, warmup: 10, reps: 2 } }), register };
  const option = layerFromRaw('option.yaml', { name: 'option', interventions });
  return scenarioFromLayers([area, option]);
};
const mults = (interventions: unknown) => Object.fromEntries(build(interventions).interventions[0]!.grants!.map((g) => [register.rows[g.org]!.id, g.mult]));
const error = (interventions: unknown) => inputErrorOf(() => build(interventions));

describe('grant changes by organisation', () => {
  test('filters combine with "and"; smallest and largest go by the register grant', () => {
    expect(mults([{ week: 5, grants: [{ end: { smallest: 2 } }] }])).toEqual({ a: 0, d: 0 });
    expect(mults([{ week: 5, grants: [{ end: { largest: 1 } }] }])).toEqual({ e: 0 });
    expect(mults([{ week: 5, grants: [{ cut: { type: 'crisis', above_gbp: 15000 }, by: 0.3 }] }])).toEqual({ b: 0.7 });
    expect(mults([{ week: 5, grants: [{ cut: { type: ['crisis', 'mh'], below_gbp: 50000 }, by: 0.5 }] }])).toEqual({ a: 0.5, b: 0.5 });
    expect(mults([{ week: 5, grants: [{ end: { ids: ['c', 'e'] } }] }])).toEqual({ c: 0, e: 0 });
  });

  test('a later change of the same organisation wins; restore and change', () => {
    expect(mults([{ week: 5, grants: [{ end: 'all' }, { restore: { ids: ['b'] } }, { change: { ids: ['c'] }, to_gbp: 45000 }] }]))
      .toEqual({ a: 0, b: 1, c: 0.75, d: 0, e: 0 });
  });

  test('one fund replaces the grants by a declared rule', () => {
    // pro rata: every grant scaled by fund ÷ total (200,000)
    const pro = mults([{ week: 5, grants: [{ replace: 'all', fund_gbp: 150000, rule: 'pro-rata' }] }]);
    for (const m of Object.values(pro)) expect(m).toBeCloseTo(0.75, 12);
    // equal: 30,000 each
    const eq = mults([{ week: 5, grants: [{ replace: 'all', fund_gbp: 150000, rule: 'equal' }] }]);
    expect(eq.a! * 10000).toBeCloseTo(30000, 6);
    expect(eq.e! * 80000).toBeCloseTo(30000, 6);
    // by places (places at the grant: 2, 4, 8, 5, 6 = 25): a gets 2/25 of the fund
    const bp = mults([{ week: 5, grants: [{ replace: { type: ['crisis', 'mh', 'activity', 'specialist'] }, fund_gbp: 100000, rule: 'by-places' }] }]);
    expect(bp.a! * 10000).toBeCloseTo((100000 * 2) / 25, -1);
    expect(bp.c! * 60000).toBeCloseTo((100000 * 8) / 25, -1);
  });

  test('an intervention without a label is worded from its changes', () => {
    expect(build([{ week: 5, grants: [{ end: { smallest: 2 } }, { replace: { ids: ['e'] }, fund_gbp: 40000, rule: 'equal' }] }]).interventions[0]!.label)
      .toBe('End 2 grants; Replace 1 grant with one £40,000 fund shared equally');
  });

  test.each([
    [[{ week: 5, grants: [{ end: { ids: ['bb'] } }] }], 'option.yaml: interventions[0].grants[0].end.ids: unknown organisation "bb" (did you mean "b"?)'],
    [[{ week: 5, grants: [{ end: { type: 'mh', above_gbp: 90000 } }] }], 'option.yaml: interventions[0].grants[0].end: matches no organisation'],
    [[{ week: 5, grants: [{ cut: 'all', by: 1.5 }] }], 'option.yaml: interventions[0].grants[0].by: expected the share of the grant cut'],
    [[{ week: 5, grants: [{ replace: 'all', fund_gbp: 1000, rule: 'fair' }] }], 'option.yaml: interventions[0].grants[0].rule: expected how the fund is shared, one of pro-rata, equal, by-places'],
    [[{ week: 5, grants: [{ end: 'all', cut: 'all' }] }], 'option.yaml: interventions[0].grants[0]: expected exactly one of end, cut, restore, change, replace'],
    [[{ week: 5, grants: [{ end: { name: 'A' } }] }], 'option.yaml: interventions[0].grants[0].end: unknown key "name"'],
  ])('%j: one line naming the file and field', (ivs, want) => {
    expect(error(ivs).startsWith(want)).toBe(true);
  });

  test('grant changes need an area', () => {
    const plain = layerFromRaw('plain.yaml', { name: 'plain', interventions: [{ week: 5, grants: [{ end: 'all' }] }] });
    expect(() => scenarioFromLayers([plain])).toThrow(/plain\.yaml: interventions\[0\]\.grants: grant changes need an area/);
  });
});
