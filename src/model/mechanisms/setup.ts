/**
 * Step 0. Setup: the TSOs and CLWs a run starts with, before the first week.
 * Each TSO gets a grant that varies around its type's mean, reserves, the share of its funding
 * it needs for core costs, and the initial trust in the CLW service. Each CLW gets an expertise,
 * an employer (a TSO or not), and a known set of TSOs, one of each type in turn; a TSO-employed
 * CLW, embedded in the community, knows more of them. Expertise is drawn from the balance of
 * learning, forgetting and turnover (tenure ~ Exp(turnover), expertise on the learning curve from
 * a hire's level: initial.ts, learning.ts), so the workforce starts where it stays. Then the
 * world is made a running programme (prepopulate.ts): CLWs in mid-sessions, TSO places taken and
 * waiting lists as long as the city's waits (tso.initialWaitWeeks), GP re-referrals on their way.
 * An area's register of named organisations (Scenario.organisations) replaces the tso.count
 * TSOs per type: one TSO per organisation, with its own grant, places, programme and core costs.
 * Realist matrix: C1 "high levels of individual need" (the demand already in the system at week
 * 0: clients in sessions, on lists, coming back), F8 "stable TSO funding" (grants; places taken), C6 "short-term and fragile funding
 * arrangements" (reserves, core costs), F3 (initial trust), C2 "varying levels of experience and
 * knowledge of available community provision" and F5 (expertise), F4 and U2 (how much of the
 * local provision a CLW knows), F7 "TSOs as CLW employers: embedded within local community".
 * Evidence: §1d (grants), §4 (reserves and closure rule, T₀), §1b and §4 (initial waits).
 */
import { draw } from '../rng.js';
import { TSO_TYPES } from '../params.js';
import { type World, NTYPES, TYPE_INDEX, resetKnown } from '../world.js';
import type { Mechanism } from '../mechanism.js';
import { initialExpertise } from '../initial.js';
import { prepopulate } from '../prepopulate.js';

export const setUp: Mechanism = {
  id: 'setup', step: '0', title: 'initial TSOs and CLWs', module: 'setup.ts',
  rows: ['F3', 'F4', 'F5', 'F7', 'F8', 'U2', 'C1', 'C2', 'C6'],
  fn: (w) => {
    initTsos(w);
    initClws(w);
    prepopulate(w); // a running programme at week 0, not an empty one
  },
};

function initTsos(w: World): void {
  if (w.scenario.organisations) {
    initRegister(w);
    return;
  }
  const { p, tsos: t } = w;
  const r = w.rng.init;
  const { fundingSpread: fs, coreCostSpread: cs } = p.tso;
  let j = 0;
  for (let ti = 0; ti < NTYPES; ti++) {
    const type = TSO_TYPES[ti]!;
    const ids: number[] = [];
    for (let k = 0; k < p.tso.count[type]; k++, j++) {
      t.type[j] = ti;
      t.open[j] = 1;
      // Funding varies between organisations of a type (mixed sizes).
      t.baseFunding[j] = p.tso.fundingPerYear[type] * (1 - fs + 2 * fs * draw(r));
      t.mult[j] = p.funding.multiplier[type];
      t.funding[j] = t.baseFunding[j]! * t.mult[j]!;
      t.reserve[j] = p.tso.reserveWeeksMax * draw(r);
      // Core costs vary: some organisations depend on the grant entirely.
      t.coreShare[j] = Math.min(1, p.tso.coreCostShare * (1 - cs + 2 * cs * draw(r)));
      t.trust[j] = p.trust.initial;
      ids.push(j);
    }
    w.tsoByType.push(Int32Array.from(ids));
  }
}

/**
 * An area's TSOs: one per organisation of its register, in register order, each with its own
 * grant, cost per place and programme length; it needs its core cost (or coreCostShare ± spread
 * of its income) to stay open, which its other income helps meet, so it burns reserves once
 * grant × multiplier < (core cost − other income) ÷ grant (funding.ts).
 */
function initRegister(w: World): void {
  const { p, tsos: t } = w;
  const r = w.rng.init;
  const { coreCostSpread: cs } = p.tso;
  const byType: number[][] = TSO_TYPES.map(() => []);
  w.scenario.organisations!.forEach((o, j) => {
    const ti = TYPE_INDEX[o.type];
    t.type[j] = ti;
    t.open[j] = 1;
    t.baseFunding[j] = o.grant;
    t.mult[j] = p.funding.multiplier[o.type];
    t.funding[j] = o.grant * t.mult[j]!;
    t.costPerPlace[j] = o.costPerPlace;
    t.costRef[j] = o.costRef;
    t.progWeeks[j] = o.programmeWeeks;
    t.reserve[j] = p.tso.reserveWeeksMax * draw(r);
    const core = o.coreCost ?? Math.min(1, p.tso.coreCostShare * (1 - cs + 2 * cs * draw(r))) * (o.grant + o.otherIncome);
    t.coreShare[j] = (core - o.otherIncome) / o.grant;
    t.trust[j] = p.trust.initial;
    byType[ti]!.push(j);
  });
  for (const ids of byType) w.tsoByType.push(Int32Array.from(ids));
}

function initClws(w: World): void {
  const { p, clws: c } = w;
  for (let i = 0; i < c.n; i++) {
    // Drawn from the stationary distribution of learning, forgetting and turnover (initial.ts).
    c.expertise[i] = initialExpertise(p, w.dist.init, draw(w.rng.init));
    c.employed[i] = draw(w.rng.init) < p.clw.tsoEmployedShare ? 1 : 0;
    const nKnown = p.clw.knownTsos + (c.employed[i] ? p.clw.employedKnowledgeBonus : 0);
    resetKnown(w, i, nKnown, w.rng.init);
  }
}
