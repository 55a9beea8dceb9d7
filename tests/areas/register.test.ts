/**
 * An area's register (organisations.csv): a good one reads; every bad one is one line naming the
 * file, the row and the column, exit code 2, and nothing written.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRegister } from '../../src/scenario/register.js';
import { cli, inputErrorOf, scratch } from '../helpers.js';

const HEAD = 'id,name,type,annual_grant_gbp,places,cost_per_place_gbp,programme_weeks,other_income_gbp,core_cost_gbp,waiting_now';
const GOOD = `${HEAD}\norg-1,"Food, Money and Housing",crisis,"£45,000",4,,4,1000,30000,\norg-2,Garden,activity,20000,,2500,10,,,3\n`;
const err = (text: string) => inputErrorOf(() => parseRegister('orgs.csv', text));

describe('the register', () => {
  test('reads quoted commas, £ amounts, empty optional cells, comments and a BOM', () => {
    const r = parseRegister('orgs.csv', `\ufeff# my area\n${GOOD}`);
    expect(r.rows.map((x) => [x.row, x.id, x.name, x.grant, x.places, x.costPerPlace, x.otherIncome, x.coreCost, x.waitingNow])).toEqual([
      [3, 'org-1', 'Food, Money and Housing', 45000, 4, undefined, 1000, 30000, undefined],
      [4, 'org-2', 'Garden', 20000, undefined, 2500, 0, undefined, 3],
    ]);
  });

  test.each([
    ['a duplicate id', `${GOOD}org-1,Again,mh,1000,1,,4,,,\n`, 'orgs.csv: row 4, column id: "org-1" is also the id of row 2'],
    ['a negative grant', `${HEAD}\na,A,crisis,-5,1,,4,,,\n`, 'orgs.csv: row 2, column annual_grant_gbp: expected an amount in £'],
    ['a zero grant', `${HEAD}\na,A,crisis,0,1,,4,,,\n`, 'orgs.csv: row 2, column annual_grant_gbp: expected a grant above £0'],
    ['an unknown type', `${HEAD}\na,A,crisys,5000,1,,4,,,\n`, 'orgs.csv: row 2, column type: unknown type "crisys" (did you mean "crisis"?)'],
    ['a missing column', 'id,name,type,annual_grant_gbp,places\na,A,crisis,5000,1\n', 'orgs.csv: row 1: missing column "programme_weeks"'],
    ['neither places nor cost per place', 'id,name,type,annual_grant_gbp,programme_weeks\na,A,crisis,5000,1\n', 'orgs.csv: row 1: missing column "places" or "cost_per_place_gbp"'],
    ['a word where a number belongs', `${HEAD}\na,A,crisis,fifty thousand,1,,4,,,\n`, 'orgs.csv: row 2, column annual_grant_gbp: expected an amount in £ (a number ≥ 0, e.g. 45000 or £45,000), got "fifty thousand"'],
    ['a fraction of a week', `${HEAD}\na,A,crisis,5000,1,,4.5,,,\n`, 'orgs.csv: row 2, column programme_weeks: expected a whole number from 1 to 104, got "4.5"'],
    ['both places and cost per place', `${HEAD}\na,A,crisis,5000,1,300,4,,,\n`, 'orgs.csv: row 2, column cost_per_place_gbp: expected either places or cost_per_place_gbp, not both'],
    ['an unknown column', 'id,name,type,annual_grant_gbp,place,programme_weeks\n', 'orgs.csv: row 1, column 5: unknown column "place" (did you mean "places"?)'],
    ['a ragged row', `${HEAD}\na,A,crisis,5000,1\n`, 'orgs.csv: row 2: not a readable CSV table'],
    ['no organisations', `${HEAD}\n`, 'orgs.csv: no organisations'],
  ])('%s: one line naming the file, row and column', (_, text, want) => {
    const m = err(text);
    expect(m.startsWith(want), m).toBe(true);
    expect(m).not.toContain('\n');
  });
});

describe('a bad register on the command line', () => {
  const s = scratch('register');
  const area = (csv: string, name: string) => {
    writeFileSync(join(s.dir, `${name}.csv`), csv);
    return s.file(`name: ${name}\norganisations: ${name}.csv\nrun: { weeks: 30, warmup: 10, reps: 2 }\n`, `${name}.yaml`);
  };

  test('exit 2, one line naming the file, row and column, nothing written', async () => {
    const file = area(`${HEAD}\na,A,crisis,5000,1,,4,,,\na,B,mh,5000,1,,4,,,\n`, 'dup');
    const out = join(s.dir, 'out');
    const r = await cli('run', file, '--out', out, '--quiet');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('dup.yaml: organisations: ');
    expect(r.err).toContain('dup.csv: row 3, column id: "a" is also the id of row 2');
    expect(existsSync(out)).toBe(false);
  });

  test('a register over 1 MB is refused before it is parsed', async () => {
    const big = `${HEAD}\n${'a,A,crisis,5000,1,,4,,,\n'.repeat(50000)}`;
    const r = await cli('validate', area(big, 'big'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/big\.csv: \d+ bytes; expected a CSV file \(the register of organisations\) of at most 1048576 bytes/);
  });

  test('a parameter the register replaces is refused in an area', async () => {
    writeFileSync(join(s.dir, 'ok.csv'), GOOD);
    const f = s.file('name: x\norganisations: ok.csv\nparams: { tso: { programmeWeeks: { mh: 6 } } }\n', 'pw.yaml');
    const r = await cli('validate', f);
    expect(r.code).toBe(2);
    expect(r.err).toContain('pw.yaml: params: tso.programmeWeeks.mh: set by the area\'s register of organisations');
    const r2 = await cli('validate', area(GOOD, 'ok2'), '--set', 'tso.count.crisis=3');
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('--set tso.count.crisis=3: tso.count.crisis: set by the area\'s register');
  });
});
