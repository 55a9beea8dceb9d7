/**
 * The explorer's simulation worker: the same src/model core as the CLI, one week per step, so
 * the page stays responsive. Bundled as a classic IIFE and started from a Blob URL (the only way
 * a worker runs from file://; see ../shared/design/browser-tests.md).
 */
import { Simulation } from '../model/simulate.js';
import type { Intervention, Scenario } from '../model/scenario.js';
import { S } from '../model/world.js';
import { caseload } from '../model/mechanisms/clwWork.js';
import { LoopMeter } from './loops.js';
import { trajectoriesCsv } from './trajectories.js';
import type { Agents, FromWorker, Marker, ToWorker } from './protocol.js';
import { checkAssignment, fixedAtStart } from '../scenario/checks.js';
import { buildScenario } from '../scenario/build.js';
import { InputError } from '../scenario/errors.js';

/** A lever's changes, checked exactly as a scenario file's intervention would be. */
function checkedSet(where: string, set: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [path, v] of Object.entries(set)) {
    if (fixedAtStart(path)) throw new InputError(`${where}: ${path}: fixed at the start of a run`);
    out[path] = checkAssignment(where, path, v) as number;
  }
  return out;
}

interface Scope {
  postMessage(m: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as Scope;
const post = (m: FromWorker) => scope.postMessage(m);

let sim: Simulation | undefined;
let meter: LoopMeter | undefined;
let scenarioIvs = 0; // the first interventions are the scenario's own
let pendingCut: Intervention | undefined;
let running = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let delayMs = 100;
let until = Infinity;

function markers(): Marker[] {
  if (!sim) return [];
  return sim.world.interventions
    .map((iv, k) => ({ week: iv.week, label: iv.label, source: k < scenarioIvs ? 'scenario' : 'you', empty: Object.keys(iv.set).length === 0 }))
    .filter((m) => !m.empty)
    .map(({ week, label, source }): Marker => ({ week, label, source: source as Marker['source'] }))
    .sort((a, b) => a.week - b.week);
}

function agents(s: Simulation): Agents {
  const w = s.world;
  const t = w.tsos;
  const k = w.clws;
  const nActive = Math.min(w.p.clw.count, k.n);
  const clwCaseload: number[] = [];
  const clwPressure: number[] = [];
  for (let i = 0; i < nActive; i++) {
    clwCaseload.push(caseload(w, i));
    clwPressure.push(k.pressure[i]!);
  }
  const sc = w.stateCount;
  return {
    tsoType: Array.from(t.type.subarray(0, t.n)),
    tsoOpen: Array.from(t.open.subarray(0, t.n)),
    tsoPlaces: Array.from(t.places.subarray(0, t.n)),
    tsoWait: Array.from(t.waitN.subarray(0, t.n)),
    tsoTrust: Array.from(t.trust.subarray(0, t.n)),
    clwCaseload, clwPressure,
    states: [sc[S.WAIT_CLW]!, sc[S.WITH_CLW]!, sc[S.WAIT_TSO]!, sc[S.ENGAGED]!, sc[S.EXITED]!],
  };
}

function stepOnce(): void {
  if (!sim || !meter || sim.done) return;
  const m = sim.step();
  meter.update(sim.world);
  post({
    type: 'week', week: sim.week, metrics: Array.from(m), links: Array.from(meter.strength), rawLinks: Array.from(meter.raw),
    loops: Array.from(meter.score), agents: agents(sim),
  });
  if (sim.done) stop();
}

function stop(): void {
  running = false;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  post({ type: 'state', running: false, done: !!sim?.done });
}

function loop(): void {
  timer = undefined;
  if (!running) return;
  // At full speed, several weeks per tick (each still posted, so charts see every week).
  const batch = delayMs === 0 ? 4 : 1;
  for (let b = 0; b < batch && running; b++) {
    stepOnce();
    if (running && sim && sim.week >= until) stop();
  }
  if (running) timer = setTimeout(loop, delayMs);
}

function setup(scenario: Scenario, cut: { week: number; set: Record<string, number>; label: string } | null): void {
  stop();
  sim = new Simulation(buildScenario(`scenario ${scenario.name}`, scenario), 0);
  meter = new LoopMeter(sim.world);
  scenarioIvs = sim.world.interventions.length;
  pendingCut = undefined;
  if (cut) {
    pendingCut = { week: cut.week, set: checkedSet('funding cut', cut.set), rampWeeks: 0, label: cut.label };
    sim.world.interventions.push(pendingCut);
  }
  post({ type: 'ready', name: scenario.name, seed: sim.seed, weeks: scenario.weeks, markers: markers() });
}

function handle(msg: ToWorker): void {
  switch (msg.type) {
    case 'setup':
      setup(msg.scenario, msg.cut);
      break;
    case 'run':
      if (!sim || sim.done || running) return;
      until = msg.until !== undefined && msg.until > sim.week ? msg.until : Infinity;
      running = true;
      post({ type: 'state', running: true, done: false });
      loop();
      break;
    case 'pause':
      stop();
      break;
    case 'step':
      if (running) stop();
      stepOnce();
      break;
    case 'speed':
      delayMs = msg.weeksPerSecond >= 1000 ? 0 : Math.round(1000 / Math.max(0.1, msg.weeksPerSecond));
      break;
    case 'lever': {
      if (!sim || sim.done) return;
      // Applied at the start of the next week (step 1 of the schedule), like a scenario's intervention.
      sim.world.interventions.push({ week: sim.week + 1, set: checkedSet(`lever "${msg.label}"`, msg.set), rampWeeks: 0, label: msg.label });
      post({ type: 'markers', markers: markers() });
      break;
    }
    case 'reschedule-cut': {
      if (!sim) return;
      const week = Math.max(msg.week, sim.week + 1);
      const set = checkedSet('funding cut', msg.set);
      if (pendingCut && pendingCut.week > sim.week) {
        // Not applied yet: change it in place (indices of the world's interventions must not move).
        pendingCut.week = week;
        pendingCut.set = set;
        pendingCut.label = msg.label;
      } else {
        pendingCut = { week, set, rampWeeks: 0, label: msg.label };
        sim.world.interventions.push(pendingCut);
      }
      post({ type: 'markers', markers: markers() });
      break;
    }
    case 'csv': {
      if (!sim) return;
      post({ type: 'csv', text: trajectoriesCsv(sim.result(), sim.week), weeks: sim.week });
      break;
    }
  }
}

scope.onmessage = (e) => {
  try {
    handle(e.data);
  } catch (err) {
    post({ type: 'error', message: err instanceof InputError ? err.message : err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
  }
};
