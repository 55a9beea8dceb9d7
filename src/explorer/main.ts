/**
 * The explorer page: controls, levers, charts, loop diagram, agents and exercises, talking to
 * the simulation worker. Bundled as a classic IIFE and inlined in one HTML file (build.ts).
 */
import type { Scenario } from '../model/scenario.js';
import { getParam, setParam, cloneParams, type TsoType } from '../model/params.js';
import { CUT_TYPES, cutSet, cutLabel } from './levers.js';
import { buildCut, buildLevers, showLever, type LeverUi } from './leverUi.js';
import { fmtNum } from './charts.js';
import type { ColourBy } from './agents.js';
import { LINKS, LOOPS, NODES } from './loops.js';
import { setText } from './svg.js';
import type { Exercise } from './exercises.js';
import { buildCards, showCharts } from './cards.js';
import { Display } from './display.js';
import type { FromWorker, ToWorker } from './protocol.js';

declare const WORKER_SRC: string;
declare const SCENARIOS: Array<{ file: string; scenario: Scenario }>;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const SPEEDS = [1, 2, 5, 10, 26, 1000];
const speedLabel = (v: number) => (v >= 1000 ? 'as fast as possible' : `${v} weeks/s`);

// ---- state -------------------------------------------------------------------------------
let file = SCENARIOS.some((s) => s.file === 'baseline') ? 'baseline' : SCENARIOS[0]!.file;
let week = 0;
let weeks = 260;
let running = false;
let done = false;
let runName = '';
let runSeed = 0;
/** Number of the current run: replies about an earlier one (still in flight at Setup) are dropped. */
let gen = 0;
/** Frames that drew something new (body[data-draws]; at most one per animation frame). */
let draws = 0;
let liveChanges = 0;
let cutAtSetup = false;
let cutTouched = new Set<TsoType>();
let setupSets = '';
let runFile = '';
let runSeedText = ''; // the --set options equivalent to the levers at Setup
const dirty = new Set<string>();
/** The week the worker was last told the page has reached. */
let acked = -1;
let frame = 0;
/** What screen readers last heard (announced on change only, not every week). */
let announced = '';

const scenarioOf = (f: string) => SCENARIOS.find((s) => s.file === f)!.scenario;

// ---- worker ------------------------------------------------------------------------------
const worker = new Worker(URL.createObjectURL(new Blob([WORKER_SRC], { type: 'text/javascript' })));
worker.onerror = (e) => console.error('worker error', e.message);
const send = (m: ToWorker) => worker.postMessage(m);

// ---- views -------------------------------------------------------------------------------
const display = new Display(() => schedule());
const { charts, agents } = display;
$('link-doc').replaceChildren(...LINKS.map((l) => {
  const li = document.createElement('li');
  const name = (id: string) => NODES.find((n) => n.id === id)!.label;
  li.textContent = `${[l.loop, ...(l.also ?? [])].join(', ')}: ${name(l.from)} → ${name(l.to)} (${l.sign}): ${l.measure}`;
  return li;
}));

// ---- controls ----------------------------------------------------------------------------
const scenarioSel = $<HTMLSelectElement>('scenario');
for (const s of SCENARIOS) {
  const o = document.createElement('option');
  o.value = s.file;
  o.textContent = s.file;
  o.title = s.scenario.description;
  scenarioSel.appendChild(o);
}
scenarioSel.value = file;
const seedInput = $<HTMLInputElement>('seed');
const speed = $<HTMLInputElement>('speed');
const showSpeed = () => { $('speed-out').textContent = speedLabel(SPEEDS[Number(speed.value)]!); };
showSpeed();

const leverUis = buildLevers($('lever-list'), (ui) => leverChanged(ui));
const cut = buildCut($('cut'), (weekMoved) => cutChanged(weekMoved));
const { size: cutSize, week: cutWeek, checks: cutChecks } = cut;
const cutTypes = cut.types;
const showCut = cut.show;

// ---- setup -------------------------------------------------------------------------------
/** Put every lever back to the chosen scenario's values. */
function resetLevers(): void {
  const p = scenarioOf(file).params;
  dirty.clear();
  for (const ui of leverUis) {
    ui.input.value = String(getParam(p, ui.lever.path));
    showLever(ui);
  }
  cutSize.value = '0';
  cutWeek.value = '104';
  CUT_TYPES.forEach((t, i) => { cutChecks[i]!.checked = t !== 'specialist'; });
  showCut();
}

function setup(): void {
  const base = scenarioOf(file);
  const params = cloneParams(base.params);
  for (const ui of leverUis) if (dirty.has(ui.lever.path)) setParam(params, ui.lever.path, Number(ui.input.value));
  const seed = Math.max(0, Math.min(4294967295, Math.floor(Number(seedInput.value) || 0)));
  seedInput.value = String(seed);
  runFile = `${file}.yaml`;
  $('scenario-desc').textContent = `${file}: ${base.description}`;
  runSeedText = String(seed);
  const scenario: Scenario = { ...base, params, seed, reps: 1, interventions: base.interventions.map((iv) => ({ ...iv, set: { ...iv.set } })) };
  const size = Number(cutSize.value);
  const types = cutTypes();
  cutAtSetup = size > 0 && types.length > 0;
  cutTouched = new Set(cutAtSetup ? types : []);
  liveChanges = 0;
  setupSets = leverUis.filter((u) => dirty.has(u.lever.path)).map((u) => ` --set ${u.lever.path}=${Number(u.input.value)}`).join('');
  display.reset(scenario.weeks);
  week = 0;
  done = false;
  running = false;
  gen++;
  acked = -1;
  cutWeek.max = String(scenario.weeks);
  send({ type: 'setup', gen, scenario, cut: cutAtSetup ? { week: Number(cutWeek.value), set: cutSet(size, types), label: cutLabel(size, types) } : null });
  send({ type: 'speed', weeksPerSecond: SPEEDS[Number(speed.value)]! });
  showCli();
}

function showCli(): void {
  const cmd = `npx clwsim run scenarios/${runFile} --seed ${runSeedText} --reps 1${setupSets}`;
  const extra = cutAtSetup || liveChanges > 0;
  const cli = $('cli');
  cli.textContent = extra
    ? `Same start as: ${cmd} — plus ${cutAtSetup ? 'your funding cut' : ''}${cutAtSetup && liveChanges ? ' and ' : ''}${liveChanges ? `${liveChanges} change(s) during the run` : ''}, which no single CLI command repeats; Export CSV saves this run.`
    : `Same numbers as: ${cmd} (trajectories.csv; Export CSV gives this run's rows)`;
  cli.dataset.exact = extra ? 'no' : 'yes';
}

// ---- lever moves -------------------------------------------------------------------------
function leverChanged(ui: LeverUi): void {
  showLever(ui);
  dirty.add(ui.lever.path);
  if (week === 0 || done) { setup(); return; }
  const value = Number(ui.input.value);
  send({ type: 'lever', set: { [ui.lever.path]: value }, label: `${ui.lever.label} → ${fmtNum(value)} ${ui.lever.unit}` });
  liveChanges++;
  showCli();
}

function cutChanged(weekMoved: boolean): void {
  showCut();
  if (week === 0 || done) { setup(); return; }
  const size = Number(cutSize.value);
  const types = cutTypes();
  const start = Number(cutWeek.value);
  if (week < start) {
    // The cut has not started: move or resize it.
    send({ type: 'reschedule-cut', week: start, set: size > 0 ? cutSet(size, types) : {}, label: cutLabel(size, types) });
    if (size > 0 && types.length) { cutTouched = new Set(types); liveChanges++; }
  } else {
    if (weekMoved) return; // the start week of a cut already under way no longer matters
    const set = cutSet(size, types);
    for (const t of cutTouched) if (!types.includes(t)) set[`funding.multiplier.${t}`] = 1;
    if (Object.keys(set).length === 0) return;
    for (const t of types) cutTouched.add(t);
    send({ type: 'lever', set, label: cutLabel(size, types) });
    liveChanges++;
  }
  showCli();
}

// ---- buttons -----------------------------------------------------------------------------
$('setup').addEventListener('click', setup);
$('reset').addEventListener('click', () => { resetLevers(); setup(); });
$('run').addEventListener('click', () => {
  const until = Number($<HTMLInputElement>('until').value);
  send({ type: 'run', until: until > week ? until : undefined });
});
$('pause').addEventListener('click', () => send({ type: 'pause' }));
$('step').addEventListener('click', () => send({ type: 'step' }));
$('export').addEventListener('click', () => send({ type: 'csv' }));
scenarioSel.addEventListener('change', () => { file = scenarioSel.value; resetLevers(); setup(); });
seedInput.addEventListener('change', setup);
speed.addEventListener('input', () => { showSpeed(); send({ type: 'speed', weeksPerSecond: SPEEDS[Number(speed.value)]! }); });
$<HTMLSelectElement>('colour-by').addEventListener('change', (e) => {
  agents.colourBy = (e.target as HTMLSelectElement).value as ColourBy;
  if (display.latest) agents.update(display.latest.agents, knee());
});

const knee = () => scenarioOf(file).params.clw.pressureKnee;

/** Body data-* (what tests and the bench wait on); written only when it changes. */
function mark(key: 'week' | 'running' | 'done', v: string): void {
  if (document.body.dataset[key] !== v) document.body.dataset[key] = v;
}

function showState(): void {
  mark('week', String(week));
  mark('running', running ? 'yes' : 'no');
  mark('done', done ? 'yes' : 'no');
  setText($('week'), runName ? `week ${week} of ${weeks}${done ? ' (done)' : running ? ' (running)' : ''}` : 'not set up');
  ($('run') as HTMLButtonElement).disabled = running || done || !runName;
  ($('pause') as HTMLButtonElement).disabled = !running;
  ($('step') as HTMLButtonElement).disabled = done || !runName;
  ($('export') as HTMLButtonElement).disabled = week === 0;
  for (const ui of leverUis) ui.input.disabled = !!ui.lever.setupOnly && week > 0 && !done;
  cutWeek.disabled = week > 0 && week >= Number(cutWeek.value) && !done;
}

function announce(): void {
  let text = running ? 'running' : done ? `run finished at week ${week}` : `paused at week ${week}`;
  const latest = display.latest;
  if (latest && latest.week > 0) {
    const l = latest.leader >= 0 ? LOOPS[latest.leader]! : undefined;
    text = `${text}; ${l ? `${l.id} ${l.name} dominates` : 'no loop clearly leads'}`;
  }
  // Changes only with the run state or the leading loop, so a screen reader is not flooded.
  if (text !== announced) $('announce').textContent = announced = text;
}

/** One animation frame: draw what changed, then tell the worker how far the display is. */
function render(now: number): void {
  frame = 0;
  const { drew, pending } = display.draw(now, running, knee());
  if (pending) schedule();
  showState();
  announce();
  if (drew) document.body.dataset.draws = String(++draws);
  if (week !== acked) {
    acked = week;
    send({ type: 'drawn', gen, week });
  }
}
const schedule = () => { if (!frame) frame = requestAnimationFrame(render); };

function download(text: string, weeks: number): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  // Named after what it holds: scenario file, seed, weeks, and whether levers or a cut changed it.
  const changed = $('cli').dataset.exact === 'no' ? '-changed' : '';
  a.download = `${runFile.replace(/\.yaml$/, '')}${changed}-seed${runSeedText}-week${weeks}-trajectories.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  if (m.type === 'error') { console.error(`simulation error: ${m.message}`); return; }
  if (m.gen !== gen) return; // about a run that Setup has replaced
  switch (m.type) {
    case 'ready':
      runName = m.name;
      runSeed = m.seed;
      weeks = m.weeks;
      week = 0;
      running = false;
      done = false;
      display.latest = m.snapshot;
      charts.setMarkers(m.markers);
      document.body.dataset.seed = String(runSeed);
      break;
    case 'markers':
      charts.setMarkers(m.markers);
      break;
    case 'weeks':
      // Every week goes to the charts; the diagram and agents show the last one.
      m.metrics.forEach((row, k) => {
        charts.push(m.first + k, row);
      });
      display.latest = m.snapshot;
      week = m.snapshot.week;
      // A hidden page draws no frames: let the worker run on rather than wait for them.
      if (document.hidden) send({ type: 'drawn', gen, week });
      break;
    case 'state':
      running = m.running;
      done = m.done;
      document.body.dataset.stoppedAt = m.running ? '' : String(m.week);
      break;
    case 'csv': {
      const ta = $<HTMLTextAreaElement>('csv-text');
      ta.value = m.text;
      document.body.dataset.csvWeeks = String(m.weeks);
      download(m.text, m.weeks);
      return;
    }
  }
  schedule();
};

// ---- exercises ---------------------------------------------------------------------------
function startExercise(ex: Exercise): void {
  file = ex.scenario;
  scenarioSel.value = file;
  resetLevers();
  for (const [path, v] of Object.entries(ex.levers ?? {})) {
    const ui = leverUis.find((u) => u.lever.path === path);
    if (ui) { ui.input.value = String(v); dirty.add(path); showLever(ui); }
  }
  if (ex.cut) {
    cutSize.value = String(ex.cut.size);
    cutWeek.value = String(ex.cut.week);
    CUT_TYPES.forEach((t, i) => { cutChecks[i]!.checked = ex.cut!.types.includes(t); });
    showCut();
  }
  $<HTMLInputElement>('until').value = ex.pauseAt ? String(ex.pauseAt) : '';
  setup();
  // The card is far below the charts: bring them into view, with Run under the keyboard.
  $('run').focus({ preventScroll: true });
  showCharts();
}
buildCards($('cards'), startExercise);

// A hidden page draws no frames: tell the worker where the display is, so a run goes on.
document.addEventListener('visibilitychange', () => {
  if (document.hidden && week !== acked) { acked = week; send({ type: 'drawn', gen, week }); }
});

// Ready to run straight away: the default scenario is set up on load.
resetLevers();
setup();
