/** `clwsim calibrate`: the baseline against its published targets (--check), or a search. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { claimOutput } from '../io/outputDir.js';
import { outputFolder, OVERWRITE_HELP } from './outputs.js';
import type { Io } from './program.js';
import { CommandFailed } from './errors.js';
import { loadTargets } from '../calibrate/targets.js';
import { baselineOf, check, search, score } from '../calibrate/check.js';
import { writeCsv } from '../io/files.js';
import { fmt } from '../scenario/csv.js';
import { InputError } from '../scenario/errors.js';
import { defaultWorkers } from '../experiment/pool.js';
import { progress } from './progress.js';
import { positiveInt, seedInt, weeksInt, workersInt } from './options.js';

const num = (x: number) => (!Number.isFinite(x) ? '-' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));

export function registerCalibrate(program: Command, io: Io): void {
  program
    .command('calibrate')
    .description('compare the baseline with published targets (--check) or search the free parameters (--search)')
    .option('--targets <file>', 'targets file', 'scenarios/targets.yaml')
    .option('--check', 'report each baseline output against its target (exit 1 if any misses)')
    .option('--search <n>', 'Latin-hypercube search: n settings of the free parameters, scored against the targets', positiveInt)
    .option('--search-reps <n>', 'replications per search point', positiveInt, 3)
    .option('--reps <n>', 'replications for --check (default: the targets file)', positiveInt)
    .option('--weeks <n>', 'horizon', weeksInt)
    .option('--seed <n>', 'seed of the search design', seedInt, 1)
    .option('--workers <n>', 'worker threads (default: every core; results are identical)', workersInt)
    .option('--out <dir>', 'folder for calibration.csv / search.csv (default output/calibration, or the next free one)')
    .option('--overwrite', OVERWRITE_HELP)
    .option('--quiet', 'no progress output')
    .action(async (o: { targets: string; check?: boolean; search?: number; searchReps: number; reps?: number; weeks?: number; seed: number; workers?: number; out?: string; overwrite?: boolean; quiet?: boolean }) => {
      const workers = o.workers ?? defaultWorkers();
      if (!o.check && !o.search) throw new InputError('calibrate: expected --check or --search <n>');
      const t = loadTargets(o.targets);
      const base = baselineOf(t, o.targets, o.weeks);
      const scenario = o.reps ? { ...base, reps: o.reps } : base;
      const bar = progress(o.quiet);
      const claim = claimOutput(io, outputFolder(io, o.out, 'output/calibration', o.overwrite), { mode: 'results', overwrite: o.overwrite });
      claim.plan([...(o.search ? ['search.csv'] : []), ...(o.check ? ['calibration.csv'] : [])]);
      const out = claim.dir;
      if (o.search) {
        if (Object.keys(t.free).length === 0) throw new InputError(`${o.targets}: free: expected at least one free parameter to search`);
        const rows = await search(t, scenario, o.search, o.seed, o.searchReps, { workers, onProgress: (d, n) => bar.update(d, n, 'calibrate:', 'point') });
        bar.end();
        const paths = Object.keys(t.free);
        rows.sort((a, b) => a.score - b.score || a.point - b.point);
        writeCsv(join(out, 'search.csv'), ['point', ...paths, 'score', 'targets_passed'], rows.map((r) => [r.point, ...paths.map((p) => fmt(r.values[p]!)), fmt(r.score), r.passed]));
        io.out(`best of ${rows.length} settings (score = Σ ((value − target) / tolerance)², lower is better; ${o.searchReps} reps each):\n`);
        for (const r of rows.slice(0, 5)) io.out(`  score ${num(r.score).padStart(7)}  ${r.passed}/${t.targets.length} pass  ${paths.map((p) => `${p}=${num(r.values[p]!)}`).join(' ')}\n`);
        claim.finish(['search.csv']);
        io.out(`wrote ${join(out, 'search.csv')}\n`);
      }
      if (o.check) {
        const rows = await check(t, scenario, { workers, onProgress: (d, n) => bar.update(d, n, 'calibrate:') });
        bar.end();
        writeCsv(join(out, 'calibration.csv'), ['target', 'stat', 'value', 'ci_low', 'ci_high', 'target_value', 'tolerance', 'verdict', 'source'],
          rows.map((r) => [r.id, r.stat, fmt(r.value), fmt(r.ci_low), fmt(r.ci_high), r.target, r.tolerance, r.verdict, r.source]));
        io.out(`${scenario.name}: ${scenario.reps} replications of ${scenario.weeks} weeks against ${o.targets}\n`);
        for (const r of rows)
          io.out(`${r.verdict === 'pass' ? 'PASS' : 'FAIL'}  ${r.id.padEnd(26)} ${num(r.value).padStart(8)} (${num(r.ci_low)} to ${num(r.ci_high)})  target ${r.target} ± ${r.tolerance}\n`);
        claim.finish([...(o.search ? ['search.csv'] : []), 'calibration.csv']);
        const passed = rows.filter((r) => r.verdict === 'pass').length;
        io.out(`${passed} of ${rows.length} targets met (score ${num(score(rows))}); wrote ${join(out, 'calibration.csv')}\n`);
        if (passed < rows.length) throw new CommandFailed(1);
      }
    });
}
