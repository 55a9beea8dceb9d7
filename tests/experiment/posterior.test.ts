import { describe, expect, test } from 'vitest';
import { checkArmsAgree, checkNoOverlap, parsePosterior, posteriorDraws } from '../../src/experiment/posterior.js';
import { InputError } from '../../src/scenario/errors.js';
import { defaults, setParam, cloneParams } from '../../src/model/params.js';

const good = 'particle,weight,clw.sessionGain,trust.etaDown\n0,0.5,0.07,0.05\n1,0.25,0.09,0.08\n2,0.25,0.11,0.06\n';

describe('posterior files', () => {
  test('columns are parameter paths; weights are kept', () => {
    const p = parsePosterior('p.csv', good);
    expect(p.paths).toEqual(['clw.sessionGain', 'trust.etaDown']);
    expect(p.particles.map((x) => x.weight)).toEqual([0.5, 0.25, 0.25]);
    expect(p.particles[1]).toEqual({ id: 1, weight: 0.25, values: [0.09, 0.08] });
  });

  test.each([
    ['id,weight,clw.sessionGain\n0,1,0.07\n', /p\.csv: row 1: expected the columns particle,weight/],
    ['particle,weight,clw.sesionGain\n0,1,0.07\n', /p\.csv: row 1, column 3: unknown parameter "clw\.sesionGain" \(did you mean "clw\.sessionGain"\?\)/],
    ['particle,weight,practice.kpiRegime\n0,1,0.07\n', /row 1, column 3: practice\.kpiRegime is not a numeric parameter/],
    ['particle,weight,clw.sessionGain\n0,1,7\n', /p\.csv: row 2, column clw\.sessionGain: clw\.sessionGain: expected a number from 0\.01 to 1, got 7/],
    ['particle,weight,clw.sessionGain\n0,1,\n', /row 2, column clw\.sessionGain: .*got NaN/],
    ['particle,weight,clw.sessionGain\n0,-0.5,0.07\n1,1.5,0.07\n', /row 2, column weight: expected a number ≥ 0, got "-0\.5"/],
    ['particle,weight,clw.sessionGain\n0,0.5,0.07\n1,0.4,0.07\n', /column weight: the weights sum to 0\.9; expected 1/],
    ['particle,weight,clw.sessionGain\n0,0.5,0.07\n0,0.5,0.07\n', /row 3, column particle: particle 0 appears twice/],
    ['particle,weight,clw.sessionGain\n0,1\n', /row 2: expected 3 columns, got 2/],
    ['particle,weight,clw.sessionGain\n', /expected a header .* and at least one particle/],
  ])('%j is refused in one line naming file, row and column', (text, re) => {
    expect(() => parsePosterior('p.csv', text)).toThrow(InputError);
    expect(() => parsePosterior('p.csv', text)).toThrow(re);
  });

  test('weights rounded when written still sum to 1 within 1e-6', () => {
    expect(() => parsePosterior('p.csv', 'particle,weight,clw.sessionGain\n0,0.3333333,0.07\n1,0.3333333,0.08\n2,0.3333334,0.09\n')).not.toThrow();
  });
});

describe('posterior draws', () => {
  const p = parsePosterior('p.csv', good);
  test('fixed by the seed; the first n of a longer list are the draws of a shorter one', () => {
    const a = posteriorDraws(p, 40, 5);
    expect(posteriorDraws(p, 40, 5)).toEqual(a);
    expect(posteriorDraws(p, 10, 5)).toEqual(a.slice(0, 10));
    expect(posteriorDraws(p, 40, 6)).not.toEqual(a);
    expect(a[0]!.values).toEqual(Object.fromEntries(p.paths.map((path, j) => [path, p.particles[a[0]!.id]!.values[j]])));
  });

  test('particles are drawn in proportion to their weights', () => {
    const n = 20000;
    const ids = posteriorDraws(p, n, 1).map((d) => d.id);
    const share = (id: number) => ids.filter((x) => x === id).length / n;
    // binomial sd of a share near 0.5 over 20,000 draws is 0.0035: 0.015 is > 4 sd
    expect(Math.abs(share(0) - 0.5)).toBeLessThan(0.015);
    expect(Math.abs(share(1) - 0.25)).toBeLessThan(0.015);
  });

  test('a parameter set elsewhere, or differing between arms, is refused (the draw would replace it)', () => {
    expect(() => checkNoOverlap(p, [{ what: '--set', paths: ['trust.etaDown'] }])).toThrow(/--set: trust\.etaDown is also a column of the posterior p\.csv/);
    expect(() => checkNoOverlap(p, [{ what: '--set', paths: ['trust.etaUp'] }])).not.toThrow();
    const base = defaults();
    const other = cloneParams(base);
    setParam(other, 'trust.etaDown', 0.2);
    expect(() => checkArmsAgree(p, [{ name: 'baseline', params: base }, { name: 'cut', params: other }])).toThrow(/cut: sets trust\.etaDown to 0\.2 \(baseline: 0\.06\)/);
    expect(() => checkArmsAgree(p, [{ name: 'baseline', params: base }, { name: 'same', params: cloneParams(base) }])).not.toThrow();
  });
});
