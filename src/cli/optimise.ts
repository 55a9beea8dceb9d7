/**
 * clwsim optimise FILE: commander wiring. The search is src/experiment/optimise.ts; the page and
 * tables src/report/optimise*.ts; the file's checks src/scenario/optimiseFile.ts.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { join, relative, dirname, resolve } from 'node:path';
import { loadOptimise } from '../io/optimiseFile.js';
import { claimOutput } from '../io/outputDir.js';
import { writeAtomic, writeJson } from '../io/files.js';
import { folderName } from '../scenario/names.js';
import { BUDGETS, optimise } from '../experiment/optimise.js';
import { withDraw } from '../experiment/runner.js';
import { defaultWorkers } from '../experiment/pool.js';
import { allocationCsv, harmComponentsCsv, optimisedYaml, paretoCsv, searchCsv, strategiesCsv } from '../report/optimiseFiles.js';
import { beatsEqual, optimisePage } from '../report/optimisePage.js';
import { gbp } from '../report/format.js';
import { outputFolder, OVERWRITE_HELP } from './outputs.js';
import { progress } from './progress.js';
import { seedInt, workersInt } from './options.js';
import { commandOf, origin, version, type Io } from './program.js';
import { posteriorLine, posteriorOptions, readPosterior, useOf, type PosteriorOpts } from './posteriorOption.js';

const budgetName = (v: string) => {
  if (v !== 'small' && v !== 'default' && v !== 'large') throw new InvalidArgumentError(`expected small, default or large, got "${v}"`);
  return v;
};

export const OPTIMISE_FILES = ['report.html', 'strategies.csv', 'pareto.csv', 'allocation.csv', 'harm_components.csv', 'search.csv', 'optimised.yaml', 'manifest.json'];

interface OptimiseOpts extends PosteriorOpts { out?: string; budget: 'small' | 'default' | 'large'; workers?: number; seed?: number; overwrite?: boolean; quiet?: boolean }

export function registerOptimise(program: Command, io: Io): void {
  posteriorOptions(program
    .command('optimise <file>')
    .description('search allocations of a saving across an area\'s grants for the least harm; compare with simple rules (same % from every grant, end the smallest, cut by type)')
    .option('--budget <size>', 'search effort: small (about 700 runs on 64 organisations), default (about 1,700) or large (about 5,000); docs/commissioners.md', budgetName, 'default')
    .option('--seed <n>', 'run seed (default: the area\'s)', seedInt)
    .option('--workers <n>', 'worker threads (default: every core; results are identical)', workersInt)
    .option('--out <dir>', 'output folder (default output/optimise-<name>, or the next free one)')
    .option('--overwrite', OVERWRITE_HELP)
    .option('--quiet', 'no progress output'))
    .action(async (file: string, o: OptimiseOpts) => {
      const started = Date.now();
      if (o.reps !== undefined) delete o.reps;
      const { loaded } = readPosterior(o, io);
      const { spec, area, areaFile } = loadOptimise(file, { seed: o.seed });
      const budget = { ...BUDGETS[o.budget], ...(o.draws !== undefined ? { finalReps: o.draws } : {}) };
      const use = loaded ? useOf(loaded, budget.searchReps + budget.finalReps, area.seed) : undefined;
      if (use) withDraw(area, use.draws[0]); // a draw the area cannot take fails here, before anything runs
      const claim = claimOutput(io, outputFolder(io, o.out, `output/optimise-${folderName(spec.name)}`, o.overwrite), { mode: 'results', overwrite: o.overwrite });
      claim.plan(OPTIMISE_FILES);
      const bar = progress(o.quiet);
      const r = await optimise({ spec, area, budget, draws: use?.draws, workers: o.workers ?? defaultWorkers(), onProgress: (phase, d, t) => bar.update(d, t, `${phase}:`, 'run') });
      bar.end();
      const seconds = (Date.now() - started) / 1000;
      const dir = claim.dir;
      const areaPath = relative(dir, resolve(areaFile)) || areaFile;
      const files: Array<[string, string]> = [
        ['report.html', optimisePage(spec, area, r, { version: version(), command: commandOf(io), budget, posterior: use?.file, seconds })],
        ['strategies.csv', strategiesCsv(r)], ['pareto.csv', paretoCsv(r)], ['allocation.csv', allocationCsv(area, r)],
        ['harm_components.csv', harmComponentsCsv(r, spec.harm)], ['search.csv', searchCsv(r)], ['optimised.yaml', optimisedYaml(area, r, areaPath)],
      ];
      for (const [n, text] of files) writeAtomic(join(dir, n), text);
      writeJson(join(dir, 'manifest.json'), {
        ...origin(io), kind: 'optimise', spec, area: { file: areaFile, scenario: area }, budget, window: r.window, from_week: r.fromWeek,
        search_reps: r.searchReps, final_reps: r.finalReps, runs: r.runs, seconds, optimum: r.optimum, ...(use ? { posterior: use } : {}), files: OPTIMISE_FILES,
      });
      claim.finish();
      const opt = r.strategies.find((s) => s.strategy === 'optimised')!;
      io.out(`${spec.name}: saving ${gbp(spec.savingGbp)} a year from ${area.organisations!.length} grants; ${r.runs} runs in ${seconds.toFixed(0)} s (budget ${budget.name})\n`);
      for (const s of r.strategies) io.out(`  ${s.strategy.padEnd(16)} harm ${gbp(s.harm.mean).padStart(11)} a year (${gbp(s.harm.ci_low)} to ${gbp(s.harm.ci_high)})\n`);
      io.out(beatsEqual(r) ? `the optimised allocation does less harm than equal shares (paired 95% interval ${gbp(opt.vsEqual.ci_low)} to ${gbp(opt.vsEqual.ci_high)})\n`
        : `the optimised allocation does not clearly beat equal shares (paired 95% interval ${gbp(opt.vsEqual.ci_low)} to ${gbp(opt.vsEqual.ci_high)} includes or lies above zero)\n`);
      if (use) io.out(posteriorLine(use));
      io.out(`wrote ${relative(process.cwd(), dir) || dirname(dir)}/{strategies,pareto,allocation,harm_components,search}.csv, optimised.yaml and report.html\n`);
    });
}
