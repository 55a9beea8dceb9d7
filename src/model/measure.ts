/**
 * The week's tallies behind the metrics (metrics.ts): one pass over the TSOs and CLWs, then each
 * metric reads its value by name. Allocation-free: the simulation owns the tallies and the
 * output arrays, and the national run (20,000 TSOs) pays for one loop over each a week.
 */
import { WEEKS_PER_YEAR } from './params.js';
import { type World, S, NTYPES, TYPE_INDEX } from './world.js';
import { caseload } from './mechanisms/clwWork.js';
import { METRICS, TYPE_METRICS, type Tally, type TypeTally } from './metrics.js';

/**
 * The tallies start as NaN: tally() and measureTypes() set every field before it is read, and
 * a field that is a double from its first store keeps the object's hidden class when sums turn
 * fractional, so the next Simulation does not throw away the optimised step (counters.ts Week).
 */
export const newTally = (): Tally => ({
  open: NaN, trust: NaN, waitlist: NaN, waitlistMh: NaN, waitPeople: NaN, waitPeopleMh: NaN, listsClosed: NaN, places: NaN, collab: NaN, grants: NaN,
  clws: NaN, caseload: NaN, caseloadPeople: NaN, gpRateWaitingClw: NaN, waitingClw: NaN, gpRateExited: NaN, exited: NaN, expertise: NaN, pressure: NaN, clwWaitlist: NaN, inSystem: NaN, observed: NaN, wellbeing: NaN,
});

export const newTypeTally = (): TypeTally => ({ open: NaN, places: NaN, filled: NaN, waitlist: NaN, waitPeople: NaN, trust: NaN, starts: NaN, startWaitSum: NaN, full: NaN });

/** Fill s from the world at the end of the week. */
export function tally(w: World, s: Tally): void {
  const { tsos: t, clws: k } = w;
  let open = 0, trust = 0, wait = 0, waitMh = 0, places = 0, collab = 0, grants = 0, closed = 0;
  const mh = TYPE_INDEX.mh;
  for (let j = 0; j < t.n; j++) {
    if (!t.open[j]) continue;
    open++;
    trust += t.trust[j]!;
    wait += t.waitN[j]!;
    if (t.type[j] === mh) waitMh += t.waitN[j]!;
    places += t.places[j]!;
    grants += t.funding[j]! / WEEKS_PER_YEAR;
    if (t.trust[j]! > w.p.trust.collabThreshold) collab++;
    closed += t.listClosed[j]!;
  }
  const nActive = Math.min(w.p.clw.count, k.n);
  let load = 0, people = 0, expertise = 0, pressure = 0, clwWait = 0;
  for (let i = 0; i < k.n; i++) {
    clwWait += k.waitN[i]!;
    if (i >= nActive) continue;
    load += caseload(w, i);
    people += k.withN[i]! + k.heldN[i]!;
    expertise += k.expertise[i]!;
    pressure += k.pressure[i]!;
  }
  const sc = w.stateCount;
  const inSystem = sc[S.WAIT_CLW]! + sc[S.WITH_CLW]! + sc[S.WAIT_TSO]! + sc[S.ENGAGED]!;
  s.open = open; s.trust = trust; s.waitlist = wait; s.waitlistMh = waitMh; s.listsClosed = closed;
  s.waitPeople = sc[S.WAIT_TSO]!; s.waitPeopleMh = w.waitingByType[mh]!; s.places = places; s.collab = collab; s.grants = grants;
  s.clws = nActive; s.caseload = load; s.expertise = expertise; s.pressure = pressure; s.clwWaitlist = clwWait;
  s.caseloadPeople = people;
  s.gpRateWaitingClw = w.gpRateByState[S.WAIT_CLW]!; s.waitingClw = sc[S.WAIT_CLW]!;
  s.gpRateExited = w.gpRateByState[S.EXITED]!; s.exited = sc[S.EXITED]!;
  s.inSystem = inSystem; s.observed = inSystem + sc[S.EXITED]!; s.wellbeing = w.wellbeingSum;
}

/** Every metric for the week just simulated, in METRICS order. */
export function measure(w: World, s: Tally, out: Float64Array): void {
  tally(w, s);
  for (let m = 0; m < METRICS.length; m++) out[m] = METRICS[m]!.value(s, w.wk);
}

/** Per TSO type (TYPE_INDEX order), every type metric in TYPE_METRICS order. */
export function measureTypes(w: World, s: TypeTally, out: Float64Array[]): void {
  const t = w.tsos;
  for (let ti = 0; ti < NTYPES; ti++) {
    let open = 0, places = 0, filled = 0, wait = 0, starts = 0, waitSum = 0, full = 0, trust = 0;
    const ids = w.tsoByType[ti]!;
    for (let m = 0; m < ids.length; m++) {
      const j = ids[m]!;
      if (!t.open[j]) continue;
      open++;
      places += t.places[j]!;
      filled += t.filledAtIntake[j]!;
      wait += t.waitN[j]!;
      starts += t.starts[j]!;
      waitSum += t.startWaitSum[j]!;
      full += t.fullAtIntake[j]!;
      trust += t.trust[j]!;
    }
    s.open = open; s.places = places; s.filled = filled; s.waitlist = wait; s.starts = starts; s.startWaitSum = waitSum; s.full = full;
    s.trust = trust; s.waitPeople = w.waitingByType[ti]!;
    const o = out[ti]!;
    for (let f = 0; f < TYPE_METRICS.length; f++) o[f] = TYPE_METRICS[f]!.value(s);
  }
}
