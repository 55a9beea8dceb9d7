/**
 * `clwsim calibrate [targets.yaml]`: ABC-SMC over the free parameters against the targets
 * (default), the baseline's predictive check against them (--check, optionally with
 * --posterior), validation against figures kept out of the targets (--validate, with the
 * shipped posterior unless --posterior says otherwise), or a Latin-hypercube search (--search).
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { origin, type Io } from './program.js';
import { claimOutput } from '../io/outputDir.js';
import { FileStore } from '../io/fileStore.js';
import { STATE_FILE } from '../calibrate/abcRun.js';
import { outputFolder, OVERWRITE_HELP } from './outputs.js';
import { CommandFailed } from './errors.js';
import { loadTargets, type Targets } from '../calibrate/targets.js';
import { baselineOf, check, search, score } from '../calibrate/check.js';
import { writeCsv } from '../io/files.js';
import { loadScenario } from '../io/scenario.js';
import { fmt } from '../scenario/csv.js';
import { InputError } from '../scenario/errors.js';
import { defaultWorkers } from '../experiment/pool.js';
import { progress } from './progress.js';
import { positiveInt, seedInt, weeksInt, workersInt } from './options.js';
import { posteriorLine, posteriorOptions, readPosterior, useOf } from './posteriorOption.js';
import { runAbc, CALIBRATION_FILES } from './calibrateAbc.js';
import { runValidate, DEFAULT_VALIDATION } from './calibrateValidate.js';

export const DEFAULT_TARGETS = 'scenarios/calibration/targets.yaml';

export interface CalibrateOpts {
  check?: boolean; validate?: string | boolean; search?: number; searchReps: number; reps?: number; weeks?: number; seed: number; workers?: number; out?: string; overwrite?: boolean; quiet?: boolean;
  particles: number; generations: number; predictive: number; resume?: boolean; posterior?: string; draws?: number; scenario?: string;
}

const num = (x: number) => (!Number.isFinite(x) ? '-' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));

export function registerCalibrate(program: Command, io: Io): void {
  posteriorOptions(program
    .command('calibrate [targets]')
    .description(`fit the free parameters to published targets by ABC-SMC (default), check the baseline against them (--check), or search (--search); targets default ${DEFAULT_TARGETS}`)
    .option('--out <dir>', 'output folder (default output/calibration, or the next free one)')
    .option('--overwrite', OVERWRITE_HELP)
    .option('--particles <n>', 'ABC particles per generation', positiveInt, 200)
    .option('--generations <n>', 'ABC generations, the prior sample included; with --resume, more extends a finished calibration', positiveInt, 4)
    .option('--predictive <n>', 'posterior-predictive replications after the last generation', positiveInt, 100)
    .option('--resume', 'continue an interrupted calibration in --out from its last finished generation')
    .option('--seed <n>', 'seed of the calibration (or of the --search design)', seedInt, 1)
    .option('--workers <n>', 'worker threads (default: every core; results are identical)', workersInt)
    .option('--weeks <n>', 'horizon (default: the targets\' scenario)', weeksInt)
    .option('--check', 'report each baseline output against its target (exit 1 if any misses); with --posterior, a predictive check')
    .option('--scenario <file>', 'with --check: check this scenario or area.yaml against the targets instead of the targets file\'s scenario')
    .option('--validate [file]', `predict the published figures kept out of the targets (default ${DEFAULT_VALIDATION}) with the shipped posterior (--posterior FILE for another, none for the parameters as set); writes validation.csv`)
    .option('--reps <n>', 'replications for --check or --validate (default: the targets or validation file)', positiveInt)
    .option('--search <n>', 'Latin-hypercube search: n settings of the free parameters over their prior ranges', positiveInt)
    .option('--search-reps <n>', 'replications per search point', positiveInt, 3)
    .option('--quiet', 'no progress output'))
    .action(async (file: string | undefined, o: CalibrateOpts) => {
      const targetsFile = file ?? DEFAULT_TARGETS;
      if ([o.check, o.search, o.validate].filter(Boolean).length > 1) throw new InputError('calibrate: expected one of --check, --validate and --search');
      if (o.scenario !== undefined && !o.check) throw new InputError('--scenario: used with calibrate --check (the scenario or area checked against the targets)');
      if ((o.posterior !== undefined || o.draws !== undefined) && !o.check && !o.validate) throw new InputError('--posterior: used with calibrate --check or --validate (a posterior\'s predictions)');
      const workers = o.workers ?? defaultWorkers();
      if (o.validate) {
        if (file !== undefined) throw new InputError(`calibrate --validate: the validation file names the targets it is kept out of (targets:); give no targets file (got ${file})`);
        return runValidate(io, typeof o.validate === 'string' ? o.validate : DEFAULT_VALIDATION, o, workers);
      }
      const t = loadTargets(targetsFile);
      if (o.check) return runCheck(io, targetsFile, t, o, workers);
      if (o.search) return runSearch(io, targetsFile, t, o, workers);
      if (o.resume && o.overwrite) throw new InputError('--resume and --overwrite: expected one of them (continue the calibration there, or start it over)');
      const unfinished = (dir: string) => { const st = new FileStore(dir); return st.exists(STATE_FILE) && !st.exists('manifest.json'); };
      // --resume, or an unfinished calibration to resume: the default folder itself
      const folder = o.out === undefined && (o.resume || unfinished('output/calibration')) ? 'output/calibration' : outputFolder(io, o.out, 'output/calibration', o.overwrite);
      if (unfinished(folder) && !o.resume && !o.overwrite)
        throw new InputError(`${folder}: holds an unfinished calibration; add --resume to continue it, or --overwrite to start it over`);
      // a calibration's own state is its own: --resume continues it, --overwrite starts it over
      const claim = claimOutput(io, folder, { mode: 'results', overwrite: o.overwrite || o.resume });
      const files = [...CALIBRATION_FILES, STATE_FILE];
      claim.plan(files);
      if (o.overwrite) new FileStore(claim.dir).remove(STATE_FILE);
      await runAbc(io, targetsFile, t, baselineOf(t, targetsFile, o.weeks), { ...o, out: claim.dir }, workers, origin(io));
      claim.finish(files);
    });
}

async function runCheck(io: Io, targetsFile: string, t: Targets, o: CalibrateOpts, workers: number): Promise<void> {
  const { loaded, reps } = readPosterior(o, io);
  const base = o.scenario !== undefined ? loadScenario(o.scenario, { reps: t.reps, weeks: o.weeks }) : baselineOf(t, targetsFile, o.weeks);
  const scenario = reps ? { ...base, reps } : base;
  const use = loaded ? useOf(loaded, scenario.reps, scenario.seed) : undefined;
  const bar = progress(o.quiet);
  const claim = claimOutput(io, outputFolder(io, o.out, 'output/calibration', o.overwrite), { mode: 'results', overwrite: o.overwrite });
  claim.plan(['calibration.csv']);
  const rows = await check(t, scenario, { workers, onProgress: (d, n) => bar.update(d, n, 'calibrate:') }, use?.draws);
  bar.end();
  const out = claim.dir;
  writeCsv(join(out, 'calibration.csv'), ['target', 'stat', 'value', 'ci_low', 'ci_high', 'target_value', 'tolerance', 'verdict', 'source'],
    rows.map((r) => [r.id, r.stat, fmt(r.value), fmt(r.ci_low), fmt(r.ci_high), r.target, r.tolerance, r.verdict, r.source]));
  io.out(`${scenario.name}: ${scenario.reps} replications of ${scenario.weeks} weeks against ${targetsFile}\n`);
  if (use) io.out(posteriorLine(use));
  for (const r of rows)
    io.out(`${r.verdict === 'pass' ? 'PASS' : 'FAIL'}  ${r.id.padEnd(26)} ${num(r.value).padStart(8)} (${num(r.ci_low)} to ${num(r.ci_high)})  target ${r.target} ± ${r.tolerance}\n`);
  const passed = rows.filter((r) => r.verdict === 'pass').length;
  claim.finish(['calibration.csv']);
  io.out(`${passed} of ${rows.length} targets met (score ${num(score(rows))}); wrote ${join(out, 'calibration.csv')}\n`);
  if (passed < rows.length) throw new CommandFailed(1);
}

async function runSearch(io: Io, targetsFile: string, t: Targets, o: CalibrateOpts, workers: number): Promise<void> {
  const base = baselineOf(t, targetsFile, o.weeks);
  const scenario = o.reps ? { ...base, reps: o.reps } : base;
  if (t.parameters.length === 0) throw new InputError(`${targetsFile}: parameters: expected at least one free parameter to search`);
  const claim = claimOutput(io, outputFolder(io, o.out, 'output/calibration', o.overwrite), { mode: 'results', overwrite: o.overwrite });
  claim.plan(['search.csv']);
  const bar = progress(o.quiet);
  const rows = await search(t, scenario, o.search!, o.seed, o.searchReps, { workers, onProgress: (d, n) => bar.update(d, n, 'calibrate:', 'point') });
  bar.end();
  const paths = t.parameters.map((p) => p.name);
  rows.sort((a, b) => a.score - b.score || a.point - b.point);
  const out = claim.dir;
  writeCsv(join(out, 'search.csv'), ['point', ...paths, 'score', 'targets_passed'], rows.map((r) => [r.point, ...paths.map((p) => fmt(r.values[p]!)), fmt(r.score), r.passed]));
  io.out(`best of ${rows.length} settings (score = Σ ((value − target) / tolerance)², lower is better; ${o.searchReps} reps each):\n`);
  for (const r of rows.slice(0, 5)) io.out(`  score ${num(r.score).padStart(7)}  ${r.passed}/${t.targets.length} pass  ${paths.map((p) => `${p}=${num(r.values[p]!)}`).join(' ')}\n`);
  claim.finish(['search.csv']);
  io.out(`wrote ${join(out, 'search.csv')}\n`);
}
