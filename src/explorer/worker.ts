/**
 * The explorer's simulation worker: the same src/model core as the CLI, one week per step, so
 * the page stays responsive. It runs on the clock at the chosen speed (or as fast as the page
 * draws, at full speed) and never more than AHEAD weeks in front of what the page has drawn. Bundled as a classic IIFE and started from a Blob URL (the only way
 * a worker runs from file://; see ../shared/design/browser-tests.md).
 */
import { Simulation } from '../model/simulate.js';
import type { Intervention } from '../model/scenario.js';
import { S } from '../model/world.js';
import { caseload } from '../model/mechanisms/clwWork.js';
import { LoopMeter } from './loops.js';
import { trajectoriesCsv } from './trajectories.js';
import { Dominance } from './dominance.js';
import type { Agents, FromWorker, Marker, Snapshot, ToWorker } from './protocol.js';
import { buildScenario } from '../scenario/build.js';
import { InputError } from '../scenario/errors.js';
import { checkedSet } from './leverCheck.js';

interface Scope {
  postMessage(m: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as Scope;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

let sim: Simulation | undefined;
let meter: LoopMeter | undefined;
let dominance = new Dominance();
let gen = 0; // the page's number for the current run, on every reply
let scenarioIvs = 0; // the first interventions are the scenario's own
let pendingCut: Intervention | undefined;
let running = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let delayMs = 100;
let nextAt = 0; // when the next timed week is due (performance.now())
let until = Infinity;
/** Last week the page has drawn; the run waits when it is AHEAD weeks in front of it. */
let drawn = 0;
/**
 * At most this many weeks are simulated but not yet drawn. Full speed is then as fast as the
 * page can show it (a few weeks per frame), every week still reaches the charts, and Pause
 * stops the display within a frame or two instead of after a backlog of queued weeks.
 */
const AHEAD = 10;
/** A full-speed batch stops after this long, so Pause and lever messages are read promptly. */
const SLICE_MS = 8;

const post = (m: DistributiveOmit<FromWorker, 'gen'>) => scope.postMessage({ ...m, gen } as FromWorker);

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

function snapshot(s: Simulation, m: LoopMeter, leader: number): Snapshot {
  return { week: s.week, links: Array.from(m.strength), rawLinks: Array.from(m.raw), loops: Array.from(m.score), leader, agents: agents(s) };
}

/** Simulate weeks (one, or a full-speed batch) and send them in one message. */
function advance(batch: boolean): void {
  if (!sim || !meter || sim.done) return;
  const s = sim, m = meter;
  const first = s.week + 1;
  const rows: number[][] = [];
  const t0 = performance.now();
  let leader = dominance.leader;
  do {
    rows.push(Array.from(s.step()));
    m.update(s.world);
    leader = dominance.update(m.score, s.week);
  } while (batch && !s.done && s.week < until && s.week - drawn < AHEAD && performance.now() - t0 < SLICE_MS);
  post({ type: 'weeks', first, metrics: rows, snapshot: snapshot(s, m, leader) });
}

/** Stop running (if it was) and say so; `announce` false when a new run replaces this one. */
function stop(announce = true): void {
  const was = running;
  running = false;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (announce && (was || sim?.done)) post({ type: 'state', running: false, done: !!sim?.done, week: sim?.week ?? 0 });
}

function loop(): void {
  timer = undefined;
  if (!running || !sim) return;
  if (sim.week - drawn >= AHEAD) return; // resumed by the page's next 'drawn'
  advance(delayMs === 0);
  if (sim.done || sim.week >= until) { stop(); return; }
  schedule();
}

function schedule(): void {
  if (timer !== undefined || !running || !sim || sim.week - drawn >= AHEAD) return;
  // Timed speeds keep to the clock (the week's own work does not slow them down).
  const now = performance.now();
  nextAt = delayMs === 0 ? now : Math.max(now, nextAt + delayMs);
  timer = setTimeout(loop, nextAt - now);
}

function setup(msg: Extract<ToWorker, { type: 'setup' }>): void {
  // The previous run is dropped without a word: a 'state' about it would reach the page after
  // it had already set up the new run (and said "done" about a run that has not started).
  stop(false);
  gen = msg.gen;
  drawn = 0;
  sim = new Simulation(buildScenario(`scenario ${msg.scenario.name}`, msg.scenario), 0);
  meter = new LoopMeter(sim.world);
  dominance = new Dominance();
  scenarioIvs = sim.world.interventions.length;
  pendingCut = undefined;
  const cut = msg.cut;
  if (cut) {
    pendingCut = { week: cut.week, set: checkedSet('funding cut', cut.set), rampWeeks: 0, label: cut.label };
    sim.world.interventions.push(pendingCut);
  }
  post({ type: 'ready', name: msg.scenario.name, seed: sim.seed, weeks: msg.scenario.weeks, markers: markers(), snapshot: snapshot(sim, meter, -1) });
}

function handle(msg: ToWorker): void {
  switch (msg.type) {
    case 'setup':
      setup(msg);
      break;
    case 'run':
      if (!sim || sim.done || running) return;
      until = msg.until !== undefined && msg.until > sim.week ? msg.until : Infinity;
      running = true;
      post({ type: 'state', running: true, done: false, week: sim.week });
      nextAt = performance.now() - delayMs; // the first week at once
      schedule();
      break;
    case 'pause':
      stop();
      break;
    case 'step':
      stop();
      advance(false);
      if (sim?.done) stop();
      break;
    case 'drawn':
      if (msg.gen !== gen) return;
      drawn = Math.max(drawn, msg.week);
      schedule();
      break;
    case 'speed':
      delayMs = msg.weeksPerSecond >= 1000 ? 0 : 1000 / Math.max(0.1, msg.weeksPerSecond);
      if (timer !== undefined) { clearTimeout(timer); timer = undefined; nextAt = performance.now() - delayMs; schedule(); }
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
