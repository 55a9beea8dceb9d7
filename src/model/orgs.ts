/**
 * Per-organisation results of an area (a register of named organisations, Scenario.organisations):
 * the week each closed, its places, the people who started and completed its programme after the
 * warm-up, who waited for it at the end, and the people its closure sent back to their CLW,
 * followed to where they went next (a TSO of which type, out of the service without a place, or
 * still with the CLW when the run ended). Counters only: no mechanism reads them, so an area's
 * run behaves exactly as it would without them. The funding step (closures), the engagement step
 * (completions) and the end of each week (tallyOrgs) feed them.
 */
import { type World, S, Exit, MAX_REFS } from './world.js';

/** Where a person displaced by a closure went next: a TSO of each type, left without a place, still with the CLW. */
export const DESTINATIONS = ['crisis', 'mh', 'activity', 'specialist', 'left', 'with_clw'] as const;
export type Destination = (typeof DESTINATIONS)[number];
const LEFT = 4;
const WITH_CLW = 5;

export interface OrgTally {
  closedWeek: Int32Array; // 0 while open
  served: Int32Array; // people who started its programme after the warm-up
  completed: Int32Array; // ... and completed it, after the warm-up
  displaced: Int32Array; // people its closure sent back to their CLW
  displacedTo: Int32Array; // DESTINATIONS.length per organisation
  tracked: number[]; // displaced people not yet gone anywhere: (client, organisation) pairs
}

/** What a run reports per organisation, in register order (RunResult.organisations). */
export interface OrgResult {
  closedWeek: number[];
  /** Places offered in the last week (0 once closed). */
  places: number[];
  served: number[];
  completed: number[];
  /** People on its waiting list at the end (each person once). */
  waitingEnd: number[];
  displaced: number[];
  /** Per organisation, the displaced people by DESTINATIONS. */
  displacedTo: number[][];
}

export function newOrgTally(n: number): OrgTally {
  return {
    closedWeek: new Int32Array(n), served: new Int32Array(n), completed: new Int32Array(n), displaced: new Int32Array(n),
    displacedTo: new Int32Array(n * DESTINATIONS.length), tracked: [],
  };
}

/** Client c was sent back to its CLW because organisation j closed (funding.ts). */
export function noteDisplaced(w: World, c: number, j: number): void {
  const o = w.orgs;
  if (!o || j < 0) return;
  o.displaced[j]!++;
  o.tracked.push(c, j);
}

/** End of a week: starts after the warm-up, and where displaced people have gone. */
export function tallyOrgs(w: World): void {
  const o = w.orgs;
  if (!o) return;
  const t = w.tsos;
  if (w.week > w.scenario.warmup) for (let j = 0; j < t.n; j++) o.served[j]! += t.starts[j]!;
  if (o.tracked.length === 0) return;
  const cl = w.clients;
  const keep: number[] = [];
  for (let k = 0; k < o.tracked.length; k += 2) {
    const c = o.tracked[k]!, j = o.tracked[k + 1]!;
    const st = cl.state(c);
    let dest = -1;
    if (st === S.WAIT_TSO) dest = cl.waitType(c);
    else if (st === S.ENGAGED) dest = t.type[cl.tso(c)]!;
    // started and already left within the week (rare): the kind of service it was referred to
    else if (st === S.EXITED) dest = cl.exit(c) === Exit.COMPLETED || cl.exit(c) === Exit.DROPPED ? cl.waitType(c) : LEFT;
    if (dest < 0) keep.push(c, j);
    else o.displacedTo[j * DESTINATIONS.length + dest]!++;
  }
  o.tracked = keep;
}

/** The run's per-organisation results (Simulation.result). */
export function orgResult(w: World): OrgResult | undefined {
  const o = w.orgs;
  if (!o) return undefined;
  const { tsos: t, clients: cl } = w;
  const n = t.n;
  const D = DESTINATIONS.length;
  const to = Array.from({ length: n }, (_, j) => Array.from(o.displacedTo.subarray(j * D, (j + 1) * D)));
  for (let k = 1; k < o.tracked.length; k += 2) to[o.tracked[k]!]![WITH_CLW]!++;
  const waiting = new Array<number>(n).fill(0);
  for (let c = 0; c < cl.n; c++) {
    if (cl.state(c) !== S.WAIT_TSO) continue;
    for (let k = 0; k < MAX_REFS; k++) {
      const j = cl.ref(c, k);
      if (j >= 0) waiting[j]!++;
    }
  }
  return {
    closedWeek: Array.from(o.closedWeek), places: Array.from(t.places, (p, j) => (t.open[j] ? p : 0)), served: Array.from(o.served),
    completed: Array.from(o.completed), waitingEnd: waiting, displaced: Array.from(o.displaced), displacedTo: to,
  };
}
