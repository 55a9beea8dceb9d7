/** `clwsim calibrate` (ABC-SMC): run src/calibrate/abcRun.ts on the worker pool, write its files, print. */
import { join, resolve } from 'node:path';
import type { Io } from './program.js';
import type { CalibrateOpts } from './calibrate.js';
import type { Targets } from '../calibrate/targets.js';
import type { Scenario } from '../model/scenario.js';
import { runCalibration, STATE_FILE, type Calibration } from '../calibrate/abcRun.js';
import { generationsCsv, posteriorCsv, predictiveCsv, priorsCsv, weightedMoments } from '../calibrate/outputs.js';
import { calibrationHtml } from '../calibrate/page.js';
import { weightedQuantile } from '../experiment/abc.js';
import { executor } from '../experiment/pool.js';
import { FileStore } from '../io/fileStore.js';
import { provenance } from '../io/provenance.js';
import { abcBar } from './abcProgress.js';

export const CALIBRATION_FILES = ['priors.csv', 'posterior.csv', 'generations.csv', 'predictive.csv', 'calibration.html', 'manifest.json'];

/** The command without what does not change the result (workers, resume, quiet): to make it again. */
const reproducible = (command: string) => command.replace(/ --workers[ =]\d+| --resume| --quiet/g, '');

interface Made { tool: string; version: string; commit?: string; command: string; argv: string[] }

export async function runAbc(io: Io, targetsFile: string, t: Targets, scenario: Scenario, o: CalibrateOpts, workers: number, made: Made): Promise<void> {
  const out = resolve(o.out ?? 'output/calibration');
  const store = new FileStore(out);
  const spec = { targets: t, scenario, particles: o.particles, generations: o.generations, seed: o.seed, predictive: o.predictive, provenance: provenance() };
  const bar = abcBar(io, o.quiet === true);
  const exec = executor(workers);
  const started = new Date();
  // Ctrl-C or a kill: every finished generation is already in abc-state.json
  const onSignal = (sig: NodeJS.Signals) => {
    bar.end();
    io.err(`\nclwsim: ${sig}: finished generations are kept in ${join(out, STATE_FILE)}; run the same command with --resume to continue\n`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let cal: Calibration;
  try {
    cal = await runCalibration(spec, { store, exec, resume: o.resume, outputs: CALIBRATION_FILES, onProgress: (p) => bar.update(p) });
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    bar.end();
    await exec.close();
  }
  const secs = (Date.now() - started.getTime()) / 1000;
  const abc = cal.abc;
  const command = reproducible(made.command);
  store.write('priors.csv', priorsCsv(t.parameters));
  store.write('posterior.csv', posteriorCsv(abc));
  store.write('generations.csv', generationsCsv(abc.generations));
  store.write('predictive.csv', predictiveCsv(cal.predictive));
  store.write('calibration.html', calibrationHtml({ title: `${scenario.name} against ${t.targets.length} targets`, targetsFile, weeks: scenario.weeks, warmup: scenario.warmup,
    parameters: t.parameters, abc, predictive: cal.predictive, seed: o.seed, command, version: made.version }));
  const simulations = abc.generations.reduce((s, g) => s + g.simulations, 0);
  store.write('manifest.json', `${JSON.stringify({
    ...made, command, kind: 'calibration', model: spec.provenance.model, method: 'ABC-SMC (Toni et al. 2009; Beaumont et al. 2009 weights and kernel; tolerance = median of the previous distances)',
    distance: 'root mean square over targets of (statistic - target) / tolerance; one replication per simulation',
    targets_file: targetsFile, scenario, targets: t.targets, parameters: t.parameters,
    particles: o.particles, generations_requested: o.generations, generations: abc.generations.length, seed: o.seed, batch_size: o.particles, quantile: 0.5,
    predictive_replications: o.predictive, stop_reason: abc.stopReason, simulations, simulations_run_now: cal.ranSimulations, resumed_generations: cal.resumedGenerations,
    workers, started: started.toISOString(), duration_ms: Date.now() - started.getTime(), files: CALIBRATION_FILES,
  }, null, 2)}\n`);
  summary(io, t, cal, workers, secs, out);
}

function summary(io: Io, t: Targets, cal: Calibration, workers: number, secs: number, out: string): void {
  const { abc } = cal;
  const last = abc.generations.at(-1)!;
  const simulations = abc.generations.reduce((s, g) => s + g.simulations, 0);
  io.out(`calibrated ${abc.names.length} parameter(s) against ${t.targets.length} target(s): ${abc.generations.length} generation(s) of ${abc.particles.length} particles, ${simulations} simulations`
    + `${cal.resumedGenerations ? ` (${cal.resumedGenerations} generation(s) resumed, ${cal.ranSimulations} simulations run now)` : ''}, ${workers} worker(s), ${secs.toFixed(1)} s\n`);
  io.out(`final tolerance ${last.epsilon.toPrecision(3)} (RMS of errors in tolerances), ESS ${last.ess.toFixed(0)}; stopped: ${abc.stopReason}\n`);
  const { mean } = weightedMoments(abc);
  const w = abc.particles.map((p) => p.weight);
  const width = Math.max(...abc.names.map((n) => n.length));
  abc.names.forEach((n, k) => {
    const col = abc.particles.map((p) => p.theta[k]!);
    const g = (x: number) => Number(x.toPrecision(3));
    const pr = t.parameters[k]!;
    io.out(`  ${n.padEnd(width)}  ${String(g(mean[k]!)).padStart(9)}  (95%: ${g(weightedQuantile(col, w, 0.025))} to ${g(weightedQuantile(col, w, 0.975))}; prior ${pr.dist} ${pr.lo ?? ''}..${pr.hi ?? ''})\n`);
  });
  const within = cal.predictive.filter((r) => r.within).length;
  io.out(`predictive check: ${within} of ${cal.predictive.length} targets within tolerance (${cal.predictive[0]?.n ?? 0} replications)\n`);
  io.out(`wrote ${out}/{${CALIBRATION_FILES.map((f) => f.replace(/\.(csv|json|html)$/, '')).join(',')}}\n`);
  io.out(`page: ${join(out, 'calibration.html')}\n`);
}
