/** Build a world for one replication: streams, empty records, queues and calendars, then the setup. */
import { TSO_TYPES, cloneParams } from './params.js';
import { type Rng, type Draws, type StreamName, STREAMS, stream, draws } from './rng.js';
import type { Scenario } from './scenario.js';
import { MAX_TSOS } from './clients.js';
import { World, refreshDerived } from './world.js';
import { setUp } from './mechanisms/setup.js';
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
  const w = new World(scenario, p, rng, dist, nTso, expectedClients);
  refreshDerived(w);
  if (scenario.organisations) w.orgs = newOrgTally(nTso);
  setUp.fn(w);
  return w;
}
