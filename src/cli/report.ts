/**
 * clwsim compare and clwsim report: commander wiring only. The work is in src/report/.
 */
import type { Command } from 'commander';
import { resolve, join, relative } from 'node:path';
import { InputError } from '../scenario/errors.js';
import { loadScenario } from '../io/scenario.js';
import { replicateArms } from '../experiment/replicate.js';
import { defaultWorkers, executor } from '../experiment/pool.js';
import type { Scenario } from '../model/scenario.js';
import { armFromRuns, lastWeeks, withDraws } from '../report/arms.js';
import { buildReport } from '../report/build.js';
import { startScreen } from '../report/sensitivity.js';
import { loadResults, writeComparison, writeReportFiles, runFolder, updateComparisonManifest, comparisonFiles, runOutputsPaced } from '../io/results.js';
import { claimOutput } from '../io/outputDir.js';
import { comparisonFolderName } from '../scenario/names.js';
import { outputFolder, OVERWRITE_HELP } from './outputs.js';
import { progress } from './progress.js';
import { intIn, outputOptions, replicationOptions, workersInt } from './options.js';
import { version, type Io } from './program.js';
import { gitCommit } from '../io/provenance.js';
import { armsUse, posteriorArgs, posteriorLine, posteriorOptions, readPosterior, type PosteriorOpts } from './posteriorOption.js';
import { FORMAT_HELP, formatArg } from './format.js';
import { loadParquet } from '../experiment/parquetLoader.js';
import { inFormat } from '../io/tableFiles.js';
import type { Format } from '../experiment/table.js';

const windowInt = intIn(1, 5200, 'a number of weeks');
const topInt = intIn(0, 50, 'a number of parameters');

interface CompareOpts extends PosteriorOpts { overwrite?: boolean; reps?: number; seed?: number; weeks?: number; warmup?: number; set: string[]; window?: number; sensitivity: number; workers?: number; out?: string; quiet?: boolean; format?: Format }

function checkWindow(window: number, weeks: number): void {
  if (window > weeks) throw new InputError(`--window: expected at most the horizon (${weeks} weeks), got ${window}`);
}

/** Load and check every scenario before anything runs, so bad input writes nothing. */
function loadArms(baseFile: string, files: string[], o: CompareOpts): Scenario[] {
  const base = loadScenario(baseFile, { reps: o.reps, seed: o.seed, weeks: o.weeks, warmup: o.warmup, set: o.set });
  // Same reps, seed and horizon for every arm: paired replications (common random numbers).
  const same = { reps: base.reps, seed: base.seed, weeks: base.weeks, warmup: base.warmup, set: o.set };
  const all = [base, ...files.map((f) => loadScenario(f, same))];
  const seen = new Map<string, string>();
  [baseFile, ...files].forEach((f, i) => {
    const folder = runFolder(all[i]!.name);
    if (seen.has(folder)) throw new InputError(`${f}: name: "${all[i]!.name}" is also the name of ${seen.get(folder)}; expected each scenario to have its own name`);
    seen.set(folder, f);
  });
  o.window ??= Math.min(52, base.weeks);
  checkWindow(o.window, base.weeks);
  return all;
}

function commandLine(baseFile: string, files: string[], o: CompareOpts, all: Scenario[], out: string, post: string[] = []): string {
  const q = (a: string) => (/^[\w./=:@+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  const args = ['npx', 'clwsim', 'compare', baseFile, ...files, '--reps', String(all[0]!.reps), '--seed', String(all[0]!.seed), '--weeks', String(all[0]!.weeks),
    ...(o.warmup !== undefined ? ['--warmup', String(all[0]!.warmup)] : []), '--window', String(o.window), '--sensitivity', String(o.sensitivity), ...o.set.flatMap((s) => ['--set', s]), ...post, '--out', out];
  return args.map(q).join(' ');
}

/** A function declaration (hoisted), so the import cycle with program.ts is safe in either order. */
export function registerReport(program: Command, io: Io): void {
  posteriorOptions(outputOptions(replicationOptions(program
    .command('compare <baseline> <scenarios...>')
    .description('run a baseline and scenarios on the same seeds (paired) and write comparison.csv, costs.csv, charts/*.svg and report.html'),
  'replications of each scenario', 'run seed (shared by every scenario)', 'override a parameter in every scenario, e.g. costs.gpConsultation=49 (repeatable)')
    .option('--window <weeks>', 'compare means over the last this many weeks (default 52, the last year, or the whole run if shorter)', windowInt)
    .option('--sensitivity <n>', 'assumptions to rank by their effect on the net cost (0: skip)', topInt, 5),
  'output folder (default output/<scenario>-vs-<baseline>, or the next free one)', OVERWRITE_HELP)
    .option('--format <csv|parquet>', FORMAT_HELP, formatArg, 'csv'))
    .action(async (baseFile: string, files: string[], o: CompareOpts) => {
      const started = new Date();
      if (o.format === 'parquet') await loadParquet(); // writeComparison is synchronous
      const { loaded, reps } = readPosterior(o, io);
      o.reps = reps;
      const all = loadArms(baseFile, files, o);
      const use = loaded ? armsUse(loaded, all, o.set) : undefined;
      const [base, ...scenarios] = all;
      const claim = claimOutput(io, outputFolder(io, o.out, `output/${comparisonFolderName(base!.name, scenarios.map((s) => s.name))}`, o.overwrite), { mode: 'results', overwrite: o.overwrite });
      const out = o.out ?? relative(process.cwd(), claim.dir);
      const dir = claim.dir;
      const workers = o.workers ?? defaultWorkers();
      // One pool for the comparison and both steps of the sensitivity analysis: its workers load the
      // engine and warm up its JIT once, not once per step (bench/README.md: compare).
      const exec = executor(workers);
      try {
        const w = lastWeeks(base!.weeks, o.window!);
        const bar = progress(o.quiet);
        // All the comparison's jobs go to the pool at once, then those of the sensitivity
        // analysis's first step (it needs only the scenarios): the workers run them in that order
        // while this thread prepares the comparison's outputs (bench/README.md, fifth pass).
        const compared = replicateArms(all, base!.reps, { exec, inFlight: Number.POSITIVE_INFINITY, draws: use?.draws, onProgress: (d, t) => bar.update(d, t, 'simulating:') });
        compared.catch(() => {}); // awaited below; if starting the screen throws first, its error is the one reported
        const screen = o.sensitivity > 0 ? startScreen(base!, scenarios[0]!, w, base!.reps, use?.draws?.slice(0, base!.reps), { exec, inFlight: Number.POSITIVE_INFINITY }) : undefined;
        const perArm = await compared;
        bar.end();
        // Prepared now, a table at a time, so the pool is handed its next jobs in between.
        const pause = () => new Promise<void>((done) => setImmediate(done));
        const results = [];
        for (const [i, s] of all.entries()) results.push({ scenario: s, runs: perArm[i]!, outputs: await runOutputsPaced(perArm[i]!, s, pause) });
        const arms = results.map((r) => armFromRuns(r.scenario, r.runs, use?.draws));
        const command = commandLine(baseFile, files, o, all, out, posteriorArgs(use));
        const bar2 = progress(o.quiet);
        const report = await buildReport(arms[0]!, arms.slice(1), w, { version: version(), command, posterior: use },
          screen ? { top: o.sensitivity, exec, screen, onProgress: (d, t) => bar2.update(d, t, 'assumptions:', 'step') } : undefined, pause);
        bar2.end();
        claim.plan(comparisonFiles(all, report, o.format));
        writeComparison(dir, results, report, {
          version: version(), commit: gitCommit(), argv: io.argv ?? [], command, baseline: base!.name, scenarios: scenarios.map((s) => s.name), window: { weeks: o.window!, ...w }, ...(use ? { posterior: use } : {}), ...(o.format === 'parquet' ? { format: 'parquet' as const } : {}),
        }, started);
        claim.finish();
        io.out(`compared ${scenarios.map((s) => s.name).join(', ')} with ${base!.name}: ${base!.reps} paired replications, weeks ${w.from}-${w.to}, ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s\n`);
        if (use) io.out(posteriorLine(use));
        io.out(`wrote ${join(dir, inFormat('comparison.csv', o.format))}, ${inFormat('costs.csv', o.format)}, charts/*.svg and runs/\n`);
        io.out(`report: ${join(dir, 'report.html')}\n`);
      } finally {
        await exec.close();
      }
    });

  program
    .command('report <dir>')
    .description('(re)build report.html, charts and, for a comparison, comparison.csv and costs.csv from results on disk')
    .option('--window <weeks>', 'compare means over the last this many weeks (default: as compared, else 52)', windowInt)
    .option('--sensitivity <n>', 'recompute the ranking of assumptions for this many parameters (default: reuse the one on disk)', topInt)
    .option('--quiet', 'no progress output')
    .option('--workers <n>', 'worker threads for --sensitivity (default: every core)', workersInt)
    .action(async (dirArg: string, o: { window?: number; sensitivity?: number; workers?: number; quiet?: boolean }) => {
      const dir = resolve(dirArg);
      const res = await loadResults(dir);
      const claim = claimOutput(io, dir, { mode: 'rebuild', option: 'report' });
      const weeks = res.base.scenario.weeks;
      const window = o.window ?? res.manifest?.window.weeks ?? Math.min(52, weeks);
      checkWindow(window, weeks);
      for (const a of res.arms)
        if (a.runs.length !== res.base.runs.length || a.scenario.weeks !== weeks || a.runs.some((r, i) => r.seed !== res.base.runs[i]!.seed))
          throw new InputError(`${join(dir, runFolder(a.scenario.name))}: replications not paired with the baseline's (same count, seeds and weeks expected)`);
      const w = lastWeeks(weeks, window);
      const sameWindow = res.manifest && res.manifest.window.from === w.from && res.manifest.window.to === w.to;
      const bar = progress(o.quiet);
      const sens = o.sensitivity !== undefined
        ? (o.sensitivity > 0 ? { top: o.sensitivity, workers: o.workers ?? defaultWorkers(), onProgress: (d: number, t: number) => bar.update(d, t, 'assumptions:', 'step') } : undefined)
        : sameWindow ? res.manifest!.sensitivity ?? undefined : undefined;
      const use = res.manifest?.posterior;
      const [base, ...arms] = [res.base, ...res.arms].map((a) => withDraws(a, use?.draws));
      const report = await buildReport(base!, arms, w, { version: version(), command: res.command, posterior: use }, sens);
      bar.end();
      claim.plan(report.files.map(([n]) => inFormat(n, res.manifest?.format)));
      if (res.manifest?.format === 'parquet') await loadParquet();
      const names = writeReportFiles(dir, report, res.manifest?.format);
      if (res.manifest) updateComparisonManifest(dir, res.manifest, report.sensitivity, { weeks: window, ...w }, names);
      claim.finish([...names, ...(res.manifest ? ['report.json'] : [])]);
      io.out(`wrote ${names.filter((n) => !n.startsWith('charts/')).join(', ')} and charts/*.svg in ${relative(process.cwd(), dir) || '.'}\n`);
      io.out(`report: ${join(dir, 'report.html')}\n`);
    });
}
