/**
 * The weekly schedule and simulate(). Pure: no files, clock, console or Math.random, so the same
 * scenario and seed give the same result in a test, a worker thread, a cluster job or a browser.
 */
import type { Scenario } from './scenario.js';
import { type World, type Funnel, S, NTYPES } from './world.js';
import { createWorld } from './createWorld.js';
import { METRIC_NAMES, type MetricName, TYPE_FIELDS, type TypeField } from './metrics.js';
import { measure, measureTypes, newTally, newTypeTally } from './measure.js';
import { TSO_TYPES, type TsoType } from './params.js';
import { repSeed } from './rng.js';
import type { Mechanism } from './mechanism.js';
import { type OrgResult, orgResult, tallyOrgs } from './orgs.js';
import { applyInterventions } from './mechanisms/interventions.js';
import { syncHeadcount, turnOverClws } from './mechanisms/learning.js';
import { fundTsos } from './mechanisms/funding.js';
import { referToClws, reviewExits } from './mechanisms/demand.js';
import { updatePressure, takeOnClients } from './mechanisms/clwWork.js';
import { referOn } from './mechanisms/referral.js';
import { admitToTsos } from './mechanisms/intake.js';
import { restrictEntry } from './mechanisms/overload.js';
import { endEngagements } from './mechanisms/engagement.js';
import { giveUpWaiting } from './mechanisms/waiting.js';
import { attendGp } from './mechanisms/gp.js';
import { updateTrust } from './mechanisms/trust.js';

export { setUp as SETUP } from './mechanisms/setup.js';

/**
 * One week, in order: a list of verbs. Each is a Mechanism (id, step, title, module, realist-
 * matrix rows, fn); docs/matrix.md maps them to the matrix and docs/ODD.md explains each.
 * Step 0, the setup before the first week, is SETUP (run by createWorld).
 */
export const SCHEDULE: readonly Mechanism[] = [
  applyInterventions,
  syncHeadcount,
  fundTsos,
  referToClws,
  reviewExits,
  updatePressure,
  takeOnClients,
  referOn,
  admitToTsos,
  restrictEntry,
  endEngagements,
  giveUpWaiting,
  attendGp,
  updateTrust,
  turnOverClws,
];

export interface RunResult {
  scenario: string;
  rep: number;
  seed: number;
  weeks: number;
  metrics: Record<MetricName, Float64Array>;
  tsoTypes: Record<TsoType, Record<TypeField, Float64Array>>;
  funnel: Funnel;
  clientWeeks: number;
  /** Per organisation of an area's register, in register order (orgs.ts); absent without one. */
  organisations?: OrgResult;
}

/** A running simulation, advanced a week at a time (the explorer and tests use this directly). */
export class Simulation {
  readonly world: World;
  readonly rep: number;
  readonly seed: number;
  private readonly tally = newTally();
  private readonly typeTally = newTypeTally();
  private readonly scratch = new Float64Array(METRIC_NAMES.length);
  private readonly typeScratch = Array.from({ length: NTYPES }, () => new Float64Array(TYPE_FIELDS.length));
  readonly metrics: Record<MetricName, Float64Array>;
  readonly tsoTypes: Record<TsoType, Record<TypeField, Float64Array>>;
  // The same arrays in METRIC_NAMES and TSO_TYPES × TYPE_FIELDS order: filled by index each week, not looked up by name.
  private readonly metricCols: Float64Array[];
  private readonly typeCols: Float64Array[][];

  constructor(readonly scenario: Scenario, rep = 0, seed = repSeed(scenario.seed, rep)) {
    this.rep = rep;
    this.seed = seed;
    this.world = createWorld(scenario, seed);
    const n = scenario.weeks;
    this.metrics = Object.fromEntries(METRIC_NAMES.map((m) => [m, new Float64Array(n)])) as Record<MetricName, Float64Array>;
    this.tsoTypes = Object.fromEntries(TSO_TYPES.map((t) => [t, Object.fromEntries(TYPE_FIELDS.map((f) => [f, new Float64Array(n)]))])) as Record<TsoType, Record<TypeField, Float64Array>>;
    this.metricCols = METRIC_NAMES.map((m) => this.metrics[m]);
    this.typeCols = TSO_TYPES.map((t) => TYPE_FIELDS.map((f) => this.tsoTypes[t][f]));
  }

  get week(): number {
    return this.world.week;
  }

  get done(): boolean {
    return this.world.week >= this.scenario.weeks;
  }

  /** Simulate one week; returns this week's metrics (a view valid until the next step). */
  step(): Float64Array {
    const w = this.world;
    w.week++;
    w.wk.reset();
    for (let k = 0; k < SCHEDULE.length; k++) SCHEDULE[k]!.fn(w);
    if (w.orgs) tallyOrgs(w); // an area's per-organisation counters (orgs.ts)
    measure(w, this.tally, this.scratch);
    measureTypes(w, this.typeTally, this.typeScratch);
    const wi = w.week - 1;
    if (wi < this.scenario.weeks) {
      for (let m = 0; m < this.metricCols.length; m++) this.metricCols[m]![wi] = this.scratch[m]!;
      for (let ti = 0; ti < NTYPES; ti++) {
        const cols = this.typeCols[ti]!;
        for (let f = 0; f < cols.length; f++) cols[f]![wi] = this.typeScratch[ti]![f]!;
      }
    }
    const sc = w.stateCount;
    w.clientWeeks += sc[S.WAIT_CLW]! + sc[S.WITH_CLW]! + sc[S.WAIT_TSO]! + sc[S.ENGAGED]! + sc[S.EXITED]!;
    return this.scratch;
  }

  result(): RunResult {
    const w = this.world;
    const sc = w.stateCount;
    const funnel = { ...w.funnel, in_system_end: sc[S.WAIT_CLW]! + sc[S.WITH_CLW]! + sc[S.WAIT_TSO]! + sc[S.ENGAGED]! };
    const organisations = orgResult(w);
    return {
      scenario: this.scenario.name, rep: this.rep, seed: this.seed, weeks: this.scenario.weeks,
      metrics: this.metrics, tsoTypes: this.tsoTypes, funnel, clientWeeks: w.clientWeeks, ...(organisations ? { organisations } : {}),
    };
  }
}

export interface SimulateOptions {
  /** Called after each week (progress bars, invariant checks); must not change the world. */
  onWeek?: (sim: Simulation) => void;
}

/** Run replication `rep` of a scenario to its horizon. */
export function simulate(scenario: Scenario, rep = 0, opts: SimulateOptions = {}): RunResult {
  const sim = new Simulation(scenario, rep);
  while (!sim.done) {
    sim.step();
    opts.onWeek?.(sim);
  }
  return sim.result();
}
