/**
 * The shape of the world state: flat typed arrays for clients, CLWs and TSOs (data-oriented, so
 * a national run with millions of clients stays compact), the queues and event calendars, and
 * this week's counters, with the few helpers every mechanism shares. Mechanisms change it;
 * metrics only read it. createWorld.ts builds one; mechanisms/setup.ts fills it.
 */
import { type Params, TSO_TYPES, type TsoType } from './params.js';
import { Calendar, QueuePool, grow, Size } from './pools.js';
import { type Rng, type Draws, type StreamName, draw } from './rng.js';
import type { Scenario, Intervention } from './scenario.js';
import { Clients, MAX_REFS } from './clients.js';
import { Week, newFunnel } from './counters.js';
import { Derived, derive } from './derived.js';
import type { OrgTally } from './orgs.js';

/** Client states: every client slot is in exactly one. */
export const enum S {
  FREE = 0,
  WAIT_CLW = 1,
  WITH_CLW = 2,
  WAIT_TSO = 3,
  ENGAGED = 4,
  EXITED = 5,
}

/** How a client left (for exited clients). */
export const enum Exit {
  NONE = 0,
  COMPLETED = 1,
  DROPPED = 2,
  GAVE_UP = 3,
  DECLINED = 4,
  NO_SERVICE = 5,
  RESOLVED = 6, // needs met by the CLW's own sessions and signposting
}

/** Client flag bits. */
export const enum F {
  COMPLEX = 1,
  ACCOMPANIED = 2,
  FOLLOWED_UP = 4,
  CONFUSED = 8,
  OVER_REFERRED = 16,
  SEEN3 = 32,
  REFERRED = 64,
  STARTED = 128,
}

export { Clients, MAX_REFS };
export { Week, type Funnel, FUNNEL_KEYS, newFunnel } from './counters.js';
/** Most TSOs a CLW can know. */
export const MAX_KNOWN = 32;
export const NTYPES = TSO_TYPES.length;
export const TYPE_INDEX: Record<TsoType, number> = { crisis: 0, mh: 1, activity: 2, specialist: 3 };

/** The CLWs, one slot each in typed arrays (a class, not a literal: see World). */
export class Clws {
  declare n: number;
  declare expertise: Float64Array;
  declare employed: Uint8Array;
  declare known: Int32Array; // MAX_KNOWN per CLW, favourites first
  declare knownN: Uint8Array;
  declare withN: Int32Array; // clients WITH_CLW
  declare heldN: Int32Array; // clients WAIT_TSO referred by this CLW
  declare waitN: Int32Array; // clients in this CLW's waiting queue
  declare pressure: Float64Array;
  declare hhCap: Float64Array; // propensity to accompany a complex client this week (falls with pressure)
  declare hhUsed: Int32Array;
  declare followUpP: Float64Array;

  constructor(n: number) {
    this.n = n;
    this.expertise = new Float64Array(n);
    this.employed = new Uint8Array(n);
    this.known = new Int32Array(n * MAX_KNOWN).fill(-1);
    this.knownN = new Uint8Array(n);
    this.withN = new Int32Array(n);
    this.heldN = new Int32Array(n);
    this.waitN = new Int32Array(n);
    this.pressure = new Float64Array(n);
    this.hhCap = new Float64Array(n);
    this.hhUsed = new Int32Array(n);
    this.followUpP = new Float64Array(n);
  }
}

/** The TSOs, one slot each in typed arrays (a class, not a literal: see World). */
export class Tsos {
  declare n: number;
  declare type: Uint8Array;
  declare open: Uint8Array;
  declare baseFunding: Float64Array;
  declare funding: Float64Array;
  declare mult: Float64Array; // funding multiplier last applied (to detect cuts)
  declare places: Int32Array;
  declare engaged: Int32Array;
  declare phantom: Int32Array; // places held by clients placed elsewhere who took this offer too (redundant)
  declare waitN: Int32Array; // live entries in its queue, ghosts of clients placed elsewhere included
  declare reserve: Float64Array; // weeks of reserves left
  declare coreShare: Float64Array; // share of its initial funding it needs to stay open
  declare trust: Float64Array;
  declare pos: Float64Array; // this week's trust signals
  declare neg: Float64Array;
  declare lastReferral: Int32Array;
  declare dupLoss: Float64Array; // place-weeks of staff time lost to duplicate contacts, not yet a whole place (intake.ts)
  declare startWaitSum: Float64Array; // this week: weeks waited by those starting here
  declare starts: Int32Array;
  declare quotedWait: Float64Array; // the wait it tells CLWs: its recent starters' waits, smoothed (intake.ts)
  declare offerRate: Float64Array; // places offered from its lists a week, smoothed (intake.ts; overload.ts forecasts with it)
  declare listClosed: Uint8Array; // 1 while closed to routine referrals (overload.ts)
  declare filledAtIntake: Int32Array; // places taken right after this week's intake
  declare fullAtIntake: Uint8Array; // 1 when no place was left for the list right after this week's intake
  // An area's organisations (setup.ts; 1, 0 and 0 without a register: the type's parameters apply)
  declare grantMult: Float64Array; // its own grant change (interventions' grants), times its type's funding.multiplier
  declare costPerPlace: Float64Array; // £/place/year at costRef (0: tso.costPerPlaceYear of its type)
  declare costRef: Float64Array;
  declare progWeeks: Int32Array; // its programme's length in weeks (0: tso.programmeWeeks of its type)

  constructor(n: number) {
    this.n = n;
    this.type = new Uint8Array(n);
    this.open = new Uint8Array(n);
    this.baseFunding = new Float64Array(n);
    this.funding = new Float64Array(n);
    this.mult = new Float64Array(n);
    this.places = new Int32Array(n);
    this.engaged = new Int32Array(n);
    this.phantom = new Int32Array(n);
    this.waitN = new Int32Array(n);
    this.reserve = new Float64Array(n);
    this.coreShare = new Float64Array(n);
    this.trust = new Float64Array(n);
    this.pos = new Float64Array(n);
    this.neg = new Float64Array(n);
    this.lastReferral = new Int32Array(n);
    this.dupLoss = new Float64Array(n);
    this.startWaitSum = new Float64Array(n);
    this.starts = new Int32Array(n);
    this.quotedWait = new Float64Array(n);
    this.offerRate = new Float64Array(n);
    this.listClosed = new Uint8Array(n);
    this.filledAtIntake = new Int32Array(n);
    this.fullAtIntake = new Uint8Array(n);
    this.grantMult = new Float64Array(n).fill(1);
    this.costPerPlace = new Float64Array(n);
    this.costRef = new Float64Array(n);
    this.progWeeks = new Int32Array(n);
  }
}

/**
 * Scratch space of the referral step. Owned by the world, not the module, so simulations that
 * share the code (the explorer's, a test's) never share state.
 */
export class ReferralScratch {
  readonly chosen = new Int32Array(MAX_REFS); // the TSOs chosen in the referral being made
  declare readonly kind: Uint8Array; // per TSO: its type while open, 255 while closed (referral.ts)

  constructor(nTso: number) {
    this.kind = new Uint8Array(nTso);
  }
}

/**
 * The state of one replication (createWorld.ts builds it, then runs the setup). World and the
 * objects it holds are classes, not object literals: V8 re-stores every field of the second
 * literal built from one site, and that throws away all the code already optimised for the
 * first world, so each worker's second run paid the start-up again (bench/README.md, fifth
 * pass). The two sums start as NaN for the same reason (counters.ts Week), and are zeroed here.
 */
export class World {
  declare p: Params; // live parameters (interventions change them)
  declare scenario: Scenario;
  declare interventions: Intervention[]; // the scenario's, plus any added live (explorer)
  ivFrom: Array<Record<string, number> | undefined> = []; // values before each ramped intervention began
  week = 0;
  declare rng: Record<StreamName, Rng>;
  declare dist: Record<StreamName, Draws>;
  declare clients: Clients;
  declare clws: Clws;
  declare tsos: Tsos;
  tsoByType: Int32Array[] = []; // TSO ids of each type
  declare clwQueue: QueuePool; // one queue per CLW
  declare tsoQueue: QueuePool; // one queue per TSO
  declare tsoUrgent: QueuePool; // one queue of emergency referrals per TSO (overload.ts)
  freeSlots = new Int32Array(1024);
  freeN = 0;
  declare referCal: Calendar; // WITH_CLW → referral or leaving the CLW
  declare waitCal: Calendar; // WAIT_TSO → give up
  declare endCal: Calendar; // ENGAGED → completion or drop-out
  declare exitCal: Calendar; // EXITED → end of observation or GP re-referral
  declare phantomCal: Calendar; // a redundant second place is given up (the "client" field holds the TSO)
  stateCount = new Int32Array(6);
  waitingByType = new Int32Array(NTYPES); // people waiting at TSOs of each type (a client's referrals are all of one type)
  declare referral: ReferralScratch;
  derived = new Derived(); // constants derived from p (derived.ts); refreshDerived(w) after changing p
  gpRateSum = NaN;
  gpRateByState = new Float64Array(6); // the same, by client state (S)
  wellbeingSum = NaN;
  wk = new Week();
  funnel = newFunnel();
  arrivalsTotal = 0; // episodes begun
  exitsTotal = 0; // episodes ended
  clientWeeks = 0; // client-weeks in the system (incl. observed exits)
  orgs?: OrgTally; // per-organisation results, for an area with a register (orgs.ts)

  /** Empty state for `p` (a copy of the scenario's parameters) with its streams, nTso TSOs and room for `capacity` clients. */
  constructor(scenario: Scenario, p: Params, rng: Record<StreamName, Rng>, dist: Record<StreamName, Draws>, nTso: number, capacity: number) {
    this.p = p;
    this.scenario = scenario;
    this.interventions = scenario.interventions.map((iv) => ({ ...iv, set: { ...iv.set } }));
    this.rng = rng;
    this.dist = dist;
    const clients = new Clients(capacity);
    this.clients = clients;
    this.clws = new Clws(p.clw.count);
    this.tsos = new Tsos(nTso);
    this.clwQueue = new QueuePool(p.clw.count);
    this.tsoQueue = new QueuePool(nTso);
    this.tsoUrgent = new QueuePool(nTso);
    // Client calendars touch their events' records in batches (pools.ts); the phantom one holds TSO ids.
    this.referCal = new Calendar(clients);
    this.waitCal = new Calendar(clients);
    this.endCal = new Calendar(clients);
    this.exitCal = new Calendar(clients);
    this.phantomCal = new Calendar();
    this.referral = new ReferralScratch(nTso);
    this.gpRateSum = 0;
    this.wellbeingSum = 0;
  }
}

/** Programme length at TSO j: an area organisation's own, else its type's (tso.programmeWeeks). */
export function programmeWeeksOf(w: World, j: number): number {
  return w.tsos.progWeeks[j]! || w.derived.programmeWeeks[w.tsos.type[j]!]!; // tso.programmeWeeks by type index (derived.ts)
}

/** Recompute w.derived from w.p: after any change of the live parameters (derived.ts). */
export const refreshDerived = (w: World): void => derive(w.derived, w.p);

/** Get a free client slot, growing the records when full. */
export function allocClient(w: World): number {
  if (w.freeN > 0) {
    // Slots are handed out last freed first: fetch the records of the next few together (pools.ts).
    if (w.freeN % Size.TOUCH === 0) {
      let sink = 0;
      for (let k = w.freeN - Size.TOUCH; k < w.freeN; k++) sink += w.clients.touch(w.freeSlots[k]!);
      w.clwQueue.sink = (w.clwQueue.sink + sink) | 0;
    }
    return w.freeSlots[--w.freeN]!;
  }
  const c = w.clients;
  if (c.n === c.capacity) c.resize(c.n * 2);
  return c.n++;
}

export function freeClient(w: World, i: number): void {
  if (w.freeN === w.freeSlots.length) w.freeSlots = grow(w.freeSlots, w.freeSlots.length * 2);
  w.freeSlots[w.freeN++] = i;
}

/** Guard: draws per TSO to learn before resetKnown stops (repeats are skipped, types may be empty). */
const DRAWS_PER_KNOWN = 20;

/** Give CLW i a fresh known set of n TSOs: one of each type in turn, drawn at random. */
export function resetKnown(w: World, i: number, n: number, r: Rng): void {
  const c = w.clws;
  c.knownN[i] = 0;
  const limit = Math.min(n, MAX_KNOWN, w.tsos.n);
  for (let k = 0, tries = 0; c.knownN[i]! < limit && tries < limit * DRAWS_PER_KNOWN; k++, tries++) {
    const ids = w.tsoByType[k % NTYPES]!;
    if (ids.length === 0) continue;
    learnTso(w, i, ids[Math.floor(draw(r) * ids.length)]!);
  }
}

/** CLW i learns of TSO j (appended at the end: least familiar). Returns false if already known or full. */
export function learnTso(w: World, i: number, j: number): boolean {
  const c = w.clws;
  const base = i * MAX_KNOWN;
  const n = c.knownN[i]!;
  if (n >= MAX_KNOWN) return false;
  for (let k = 0; k < n; k++) if (c.known[base + k] === j) return false;
  c.known[base + n] = j;
  c.knownN[i] = n + 1;
  return true;
}
