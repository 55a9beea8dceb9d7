/**
 * The model with a register: one TSO per organisation with its grant, places and programme; the
 * closure rule with other income and core costs; waiting_now; grant changes (ramped too); and
 * per-organisation results that add up and repeat exactly.
 */
import { describe, expect, test } from 'vitest';
import { parseRegister } from '../../src/scenario/register.js';
import { layerFromRaw, scenarioFromLayers } from '../../src/scenario/build.js';
import { Simulation, simulate } from '../../src/model/simulate.js';
import { createWorld } from '../../src/model/createWorld.js';
import { DESTINATIONS } from '../../src/model/orgs.js';

// a: lives on its grant (core 60% of it); b: other income covers its core costs; c: core 80% of income;
// d: cost per place given; e: 9 people waiting now.
const CSV = `id,name,type,annual_grant_gbp,places,cost_per_place_gbp,programme_weeks,other_income_gbp,core_cost_gbp,waiting_now
a,A,crisis,40000,6,,4,,24000,
b,B,crisis,40000,6,,5,50000,50000,
c,C,mh,60000,8,,12,20000,64000,
d,D,activity,30000,,2000,10,,,
e,E,specialist,50000,5,,8,,,9
`;
const register = parseRegister('orgs.csv', CSV);
const RUN = { weeks: 90, warmup: 20, reps: 1, seed: 3 };
const area = (interventions?: unknown) => scenarioFromLayers([
  { ...layerFromRaw('area.yaml', { name: 'area', run: RUN, params: { 'clw.count': 6 } }), register },
  layerFromRaw('option.yaml', { name: 'option', ...(interventions ? { interventions } : {}) }),
]);

describe('an area in the model', () => {
  test('one TSO per organisation, with its grant, type and the places it states', () => {
    const s = area();
    expect(s.params.tso.count).toEqual({ crisis: 2, mh: 1, activity: 1, specialist: 1 });
    const sim = new Simulation(s, 0);
    sim.step();
    const t = sim.world.tsos;
    expect(Array.from(t.baseFunding)).toEqual([40000, 40000, 60000, 30000, 50000]);
    expect(Array.from(t.type)).toEqual([0, 0, 1, 2, 3]);
    // week 1, trust at trust.initial: exactly the places the register states; d: 30000 ÷ 2000 × 1.12
    expect(Array.from(t.places)).toEqual([6, 6, 8, Math.floor(15 * (1 + 0.2 * 0.6)), 5]);
    expect(Array.from(t.progWeeks)).toEqual([4, 5, 12, 10, 8]);
  });

  test('waiting_now seeds the list', () => {
    const w = createWorld(area(), 1);
    expect(w.tsos.waitN[4]).toBe(9);
  });

  test('closures follow grant, other income and core costs', () => {
    // end a and b at week 30; cut c by 10% (it needs 64000 of 80000 income: 54000 + 20000 still covers it)
    const s = area([{ week: 30, grants: [{ end: { ids: ['a', 'b'] } }, { cut: { ids: ['c'] }, by: 0.1 }] }]);
    for (let rep = 0; rep < 4; rep++) {
      const o = simulate(s, rep).organisations!;
      expect(o.closedWeek[0]).toBeGreaterThanOrEqual(30); // reserves of 0-26 weeks, then it closes
      expect(o.closedWeek[0]).toBeLessThanOrEqual(30 + 27);
      expect(o.closedWeek[1]).toBe(0); // its other income covers its core costs
      expect(o.closedWeek[2]).toBe(0);
      expect(o.places[0]).toBe(0);
    }
    // a 30% cut takes c below its core costs (42000 + 20000 < 64000): it closes
    const cut = area([{ week: 30, grants: [{ cut: { ids: ['c'] }, by: 0.3 }] }]);
    expect(simulate(cut, 0).organisations!.closedWeek[2]).toBeGreaterThan(0);
  });

  test('a ramped grant change moves linearly', () => {
    const sim = new Simulation(area([{ week: 10, rampWeeks: 4, grants: [{ cut: { ids: ['d'] }, by: 0.4 }] }]), 0);
    const seen: number[] = [];
    while (sim.week < 14) {
      sim.step();
      seen.push(sim.world.tsos.grantMult[3]!);
    }
    expect(seen.slice(8).map((x) => Math.round(x * 1000) / 1000)).toEqual([1, 0.9, 0.8, 0.7, 0.6, 0.6]); // weeks 9-14
  });

  test('per-organisation results add up and repeat exactly', () => {
    const s = area([{ week: 25, grants: [{ end: { ids: ['a', 'c'] } }] }]);
    const one = simulate(s, 1).organisations!;
    expect(simulate(s, 1).organisations).toEqual(one);
    expect(one.displaced[0]! + one.displaced[2]!).toBeGreaterThan(0);
    one.closedWeek.forEach((w, j) => {
      expect(one.displacedTo[j]!.reduce((a, b) => a + b, 0)).toBe(one.displaced[j]);
      expect(one.displacedTo[j]).toHaveLength(DESTINATIONS.length);
      if (w > 0) expect(one.places[j]).toBe(0);
      else expect(one.displaced[j]).toBe(0);
    });
    // nobody is referred on to a closed organisation's type only because it closed: the open ones served people
    expect(one.served[1]! + one.served[3]! + one.served[4]!).toBeGreaterThan(0);
  });
});
