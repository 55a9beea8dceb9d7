/**
 * Step 2. Funding → capacity; closures.
 * Realist matrix: F8 "Stable TSO funding" (places follow funding; "with stable funding, the third
 * sector can offer a rich range of placements"), U8 "Cuts to TSO funding from the IJB" and C6
 * "short-term and fragile funding" (below core cost a TSO burns its reserves and closes; it does
 * not reopen by itself: "when resources are cut there are fewer community options"), U6
 * "perceptions of inequitable partnerships" (a cut costs trust), F3 (trusting TSOs stretch to
 * take a few more CLW clients: trustCapacityFlex).
 * Evidence: §1d-1e (grant sizes, the 2024-25 EIJB proposal), §4 (closure rule, reserves).
 */
import { type World, S, MAX_REFS } from '../world.js';
import { returnToClw } from '../lifecycle.js';
import { noteDisplaced } from '../orgs.js';
import type { Mechanism } from '../mechanism.js';

export const fundTsos: Mechanism = {
  id: 'funding', step: '2', title: 'funding → capacity; closures', module: 'funding.ts',
  rows: ['F3', 'F8', 'U6', 'U8', 'C6'], fn: updateFunding,
};

function updateFunding(w: World): void {
  const { p, tsos: t } = w;
  let closing = 0;
  for (let j = 0; j < t.n; j++) {
    if (!t.open[j]) continue;
    const mult = w.derived.fundingMult[t.type[j]!]! * t.grantMult[j]!; // p.funding.multiplier by type; an organisation's own grant change (areas) on top
    if (mult < t.mult[j]!) {
      // A cut seen as inequitable (U6): trust falls in proportion to its size.
      const cut = (t.mult[j]! - mult) / Math.max(t.mult[j]!, 1e-9);
      t.trust[j] = Math.max(0, t.trust[j]! * (1 - p.funding.cutTrustShock * cut));
    }
    t.mult[j] = mult;
    t.funding[j] = t.baseFunding[j]! * mult;
    if (mult < t.coreShare[j]!) {
      t.reserve[j] = t.reserve[j]! - 1;
      if (t.reserve[j]! < 0) {
        t.open[j] = 0;
        closing++;
        if (w.orgs) w.orgs.closedWeek[j] = w.week;
      }
    }
    t.places[j] = t.open[j] ? placesOf(w, j) : 0;
  }
  if (closing > 0) displaceFromClosed(w, closing);
}

/** Places TSO j offers CLW clients: its funding ÷ cost per place, stretched by trust (F3). */
export function placesOf(w: World, j: number): number {
  const { p, tsos: t } = w;
  const flex = 1 + p.tso.trustCapacityFlex * t.trust[j]!; // trusting TSOs stretch to take a few more CLW clients
  const typeCost = w.derived.costPerPlace[t.type[j]!]!; // p.tso.costPerPlaceYear by type
  // an area's organisation: its own cost, moved as its type's parameter moves from the area's value
  const cost = t.costPerPlace[j]! > 0 ? t.costPerPlace[j]! * (typeCost / t.costRef[j]!) : typeCost;
  return Math.floor((t.funding[j]! / cost) * flex);
}

/** Clients waiting at or engaged with a TSO that closed this week go back to their CLW. */
function displaceFromClosed(w: World, closures: number): void {
  const { tsos: t, clients: cl } = w;
  w.wk.closures += closures;
  // Waiting lists of closed TSOs are dropped; a client with no other live referral goes back.
  for (let j = 0; j < t.n; j++) {
    if (t.open[j] || (t.waitN[j] === 0 && w.tsoQueue.isEmpty(j) && w.tsoUrgent.isEmpty(j))) continue;
    w.tsoQueue.drain(j, () => {});
    w.tsoUrgent.drain(j, () => {});
    t.waitN[j] = 0;
    t.phantom[j] = 0;
  }
  for (let c = 0; c < cl.n; c++) {
    const st = cl.state(c);
    if (st === S.FREE) continue;
    let live = 0;
    let gone = -1;
    for (let k = 0; k < MAX_REFS; k++) {
      const j = cl.ref(c, k);
      if (j < 0) continue;
      if (!t.open[j]) {
        cl.setRef(c, k, -1); // its list is gone
        gone = j;
      } else live++;
    }
    if (st === S.ENGAGED) {
      const j = cl.tso(c);
      if (!t.open[j]) {
        t.engaged[j]!--;
        returnToClw(w, c);
        noteDisplaced(w, c, j);
      }
    } else if (st === S.WAIT_TSO && live === 0) {
      returnToClw(w, c);
      noteDisplaced(w, c, gone);
    }
  }
}
