/**
 * Step 5. TSO intake: free places are filled from the head of the waiting list. Under
 * scattergun the first offer wins; the other services still reach the client in their own
 * lists and spend staff time on someone already placed (a duplicate contact), or the client
 * takes that place too for a few weeks before dropping it (redundant support). Both cost the
 * CLW service trust.
 * Realist matrix: U4 "scattergun and multiple referral practices" → "duplication of staff time",
 * "increased waiting lists across services", "TSOs overloaded".
 * Evidence: §4 (each duplicate costs 0.5-1 h of staff time [A]).
 */
import { type World, S, MAX_REFS } from '../world.js';
import { firstSession, startEngagement } from './engagement.js';

export function intake(w: World): void {
  const { tsos: t, clients: cl, tsoQueue: q } = w;
  const dupCost = w.p.tso.dupCostPlaces;
  const doubleUp = w.p.practice.doubleUpProb;
  w.phantomCal.drain(w.week, (j) => {
    if (t.phantom[j]! > 0) t.phantom[j]!--;
  });
  for (let j = 0; j < t.n; j++) {
    t.dupLoss[j] = 0;
    t.starts[j] = 0;
    t.startWaitSum[j] = 0;
    if (!t.open[j]) continue;
    while (t.engaged[j]! + t.phantom[j]! < Math.floor(t.places[j]! - t.dupLoss[j]!)) {
      const node = q.shift(j);
      if (node < 0) break;
      const c = q.client[node]!;
      if (cl.refSeq[c] !== q.stamp[node]) continue; // withdrawn: gave up or re-referred
      const base = c * MAX_REFS;
      let slot = -1;
      for (let k = 0; k < MAX_REFS; k++) if (cl.refTso[base + k] === j) slot = k;
      if (slot < 0) continue;
      cl.refTso[base + slot] = -1;
      t.waitN[j]!--;
      if (cl.state[c] === S.WAIT_TSO) {
        if (firstSession(w, c, j)) startEngagement(w, c, j);
      }
      else if (cl.state[c] === S.ENGAGED && w.rng.intake() < doubleUp) {
        // "All of the support is happening at once": the client takes this place too, for a while.
        t.phantom[j]!++;
        w.phantomCal.add(w.week + w.p.practice.doubleUpWeeks, w.week, j, 0);
        t.neg[j] += 1;
        w.wk.duplicates++;
      } else {
        // Already placed elsewhere (or gone): staff time spent on a duplicate referral.
        t.dupLoss[j] += dupCost;
        t.neg[j] += 1;
        w.wk.duplicates++;
      }
    }
  }
}
