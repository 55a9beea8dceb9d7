/** Build a world for one replication: streams, empty records, queues and calendars, then the setup. */
import { TSO_TYPES, cloneParams } from './params.js';
import { Calendar, QueuePool } from './pools.js';
import { type Rng, type Draws, type StreamName, STREAMS, stream, draws } from './rng.js';
import type { Scenario } from './scenario.js';
import { Clients, MAX_REFS, MAX_TSOS } from './clients.js';
import { type World, type Clws, type Tsos, MAX_KNOWN, NTYPES, newWeek, newFunnel, refreshDerived } from './world.js';
import { setUp } from './mechanisms/setup.js';
import { newDerived } from './derived.js';
import { newOrgTally } from './orgs.js';

/** First allocation of client records, in weeks of referrals (they grow by doubling; results do not depend on it). */
const INITIAL_CLIENT_WEEKS = 60;

export function createWorld(scenario: Scenario, seed: number): World {
  const p = cloneParams(scenario.params);
  const rng = {} as Record<StreamName, Rng>;
  const dist = {} as Record<StreamName, Draws>;
  for (const s of STREAMS) {
    rng[s] = stream(seed, s);
    dist[s] = draws(rng[s]);
  }
  const nTso = scenario.organisations?.length ?? TSO_TYPES.reduce((a, t) => a + p.tso.count[t], 0);
  if (nTso > MAX_TSOS) throw new RangeError(`${nTso} TSOs: a world holds at most ${MAX_TSOS} (TSO ids are kept in 16 bits: clients.ts)`);
  const nClw = p.clw.count;
  const expectedClients = Math.max(1024, Math.ceil(nClw * p.demand.referralsPerClwWeek * INITIAL_CLIENT_WEEKS));
  const clients = new Clients(expectedClients);
  const w: World = {
    p, scenario, week: 0, rng, dist,
    interventions: scenario.interventions.map((iv) => ({ ...iv, set: { ...iv.set } })),
    ivFrom: [],
    clients,
    clws: newClws(nClw),
    tsos: newTsos(nTso),
    tsoByType: [],
    clwQueue: new QueuePool(nClw),
    tsoQueue: new QueuePool(nTso),
    tsoUrgent: new QueuePool(nTso),
    freeSlots: new Int32Array(1024),
    freeN: 0,
    // Client calendars touch their events' records in batches (pools.ts); the phantom one holds TSO ids.
    referCal: new Calendar(clients), waitCal: new Calendar(clients), endCal: new Calendar(clients), exitCal: new Calendar(clients), phantomCal: new Calendar(),
    stateCount: new Int32Array(6),
    waitingByType: new Int32Array(NTYPES),
    referral: { chosen: new Int32Array(MAX_REFS), kind: new Uint8Array(nTso) },
    derived: newDerived(),
    gpRateSum: 0, gpRateByState: new Float64Array(6), wellbeingSum: 0,
    wk: newWeek(), funnel: newFunnel(), arrivalsTotal: 0, exitsTotal: 0, clientWeeks: 0,
  };
  refreshDerived(w);
  if (scenario.organisations) w.orgs = newOrgTally(nTso);
  setUp.fn(w);
  return w;
}

function newClws(n: number): Clws {
  return {
    n, expertise: new Float64Array(n), employed: new Uint8Array(n), known: new Int32Array(n * MAX_KNOWN).fill(-1),
    knownN: new Uint8Array(n), withN: new Int32Array(n), heldN: new Int32Array(n), waitN: new Int32Array(n),
    pressure: new Float64Array(n), hhCap: new Float64Array(n), hhUsed: new Int32Array(n), followUpP: new Float64Array(n),
  };
}

function newTsos(n: number): Tsos {
  return {
    n, type: new Uint8Array(n), open: new Uint8Array(n), baseFunding: new Float64Array(n), funding: new Float64Array(n),
    mult: new Float64Array(n), places: new Int32Array(n), engaged: new Int32Array(n), phantom: new Int32Array(n), waitN: new Int32Array(n),
    reserve: new Float64Array(n), coreShare: new Float64Array(n), trust: new Float64Array(n), pos: new Float64Array(n), neg: new Float64Array(n),
    lastReferral: new Int32Array(n), dupLoss: new Float64Array(n), startWaitSum: new Float64Array(n), starts: new Int32Array(n),
    quotedWait: new Float64Array(n), offerRate: new Float64Array(n), listClosed: new Uint8Array(n),
    filledAtIntake: new Int32Array(n), fullAtIntake: new Uint8Array(n),
    grantMult: new Float64Array(n).fill(1), costPerPlace: new Float64Array(n), costRef: new Float64Array(n), progWeeks: new Int32Array(n),
  };
}
