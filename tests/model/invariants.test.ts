import { describe, expect, test } from 'vitest';
import { Simulation } from '../../src/model/simulate.js';
import { checkInvariants } from '../../src/model/invariants.js';
import { scenario } from '../helpers.js';

describe('invariants hold every week', () => {
  for (const name of ['baseline', 'funding-cut-restored', 'scattergun', 'over-referral', 'virtuous-circle']) {
    test(name, () => {
      const sim = new Simulation(scenario(name, { weeks: 208 }), 0);
      let closures = 0;
      while (!sim.done) {
        const m = sim.step();
        closures += sim.world.wk.closures;
        const bad = checkInvariants(sim.world, m);
        if (bad.length) throw new Error(`week ${sim.week}: ${bad.slice(0, 5).join('; ')}`);
      }
      expect(sim.world.arrivalsTotal).toBeGreaterThan(1000);
      if (name === 'funding-cut-restored') expect(closures).toBeGreaterThan(0); // closures were exercised
    });
  }

  test('raising mean CLW expertise during a run (training) shifts every CLW by the same amount', () => {
    const s = scenario('baseline', { weeks: 30 });
    s.interventions = [{ week: 20, set: { 'clw.expertiseMean': 0.7 }, rampWeeks: 0, label: 'training' }];
    s.params.clw.turnoverPerYear = 0; // a leaver's replacement is a new hire, not a shifted CLW
    const shift = 0.7 - s.params.clw.expertiseMean;
    const sim = new Simulation(s, 0);
    while (sim.week < 19) sim.step();
    const before = Array.from(sim.world.clws.expertise);
    sim.step();
    const after = Array.from(sim.world.clws.expertise);
    // Within a week's learning and forgetting (< 0.005) of the shift.
    for (let i = 0; i < before.length; i++) expect(after[i]).toBeCloseTo(Math.min(0.95, Math.max(0.05, before[i]! + shift)), 2);
  });

  test('a headcount cut and a demand surge keep the invariants', () => {
    const s = scenario('baseline', { weeks: 120 });
    s.interventions = [
      { week: 20, set: { 'clw.count': 15 }, rampWeeks: 0, label: 'cut CLWs' },
      { week: 40, set: { 'demand.level': 1.8 }, rampWeeks: 10, label: 'surge' },
      { week: 80, set: { 'clw.count': 30 }, rampWeeks: 0, label: 'more CLWs' },
    ];
    const sim = new Simulation(s, 0);
    while (!sim.done) {
      const m = sim.step();
      const bad = checkInvariants(sim.world, m);
      if (bad.length) throw new Error(`week ${sim.week}: ${bad.slice(0, 5).join('; ')}`);
    }
    expect(sim.world.clws.n).toBe(30);
  });
});
