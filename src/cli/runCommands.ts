/**
 * The run, validate and params commands. Loaded only when one of them is run (program.ts), so
 * `clwsim --version` and the other commands do not load the engine, the writers or the docs.
 */
import type { Command } from 'commander';
import { loadScenario } from '../io/scenario.js';
import { writeRunOutputs, runFiles } from '../io/results.js';
import { FORMAT_HELP, formatArg } from './format.js';
import { loadParquet } from '../experiment/parquetLoader.js';
import type { Format } from '../experiment/table.js';
import { claimOutput } from '../io/outputDir.js';
import { folderName } from '../scenario/names.js';
import { outputFolder, OVERWRITE_HELP } from './outputs.js';
import { plural } from '../report/format.js';
import { replicate } from '../experiment/replicate.js';
import { defaultWorkers } from '../experiment/pool.js';
import { progress } from './progress.js';
import { summaryText } from './summaryText.js';
import { collect, outputOptions, replicationOptions } from './options.js';
import { armsUse, posteriorLine, posteriorOptions, readPosterior, type PosteriorOpts } from './posteriorOption.js';
import { origin, type Io } from './program.js';

export function registerRun(program: Command, io: Io): void {
  posteriorOptions(outputOptions(replicationOptions(program
    .command('run <scenario>')
    .description('run a scenario (replications) and write trajectories, summaries, funnel and manifest'),
  'replications', 'run seed', 'override a parameter (repeatable)'),
  'output folder (default output/<scenario name>, or the next free output/<name>-2 …)', OVERWRITE_HELP)
    .option('--format <csv|parquet>', FORMAT_HELP, formatArg, 'csv'))
    .action(async (file: string, o: PosteriorOpts & { reps?: number; seed?: number; weeks?: number; warmup?: number; set: string[]; workers?: number; out?: string; quiet?: boolean; overwrite?: boolean; format?: Format }) => {
      if (o.format === 'parquet') await loadParquet(); // the writers below are synchronous
      const { loaded, reps } = readPosterior(o, io);
      const scenario = loadScenario(file, { reps, seed: o.seed, weeks: o.weeks, warmup: o.warmup, set: o.set });
      const use = loaded ? armsUse(loaded, [scenario], o.set) : undefined;
      const out = claimOutput(io, outputFolder(io, o.out, `output/${folderName(scenario.name)}`, o.overwrite), { mode: 'results', overwrite: o.overwrite });
      out.plan(runFiles(scenario, o.format));
      const dir = out.dir;
      const started = new Date();
      const bar = progress(o.quiet);
      const runs = await replicate(scenario, {
        workers: o.workers ?? defaultWorkers(), draws: use?.draws,
        onProgress: (d, t) => bar.update(d, t, `${scenario.name}:`),
      });
      bar.end();
      out.finish(writeRunOutputs(dir, runs, {
        ...origin(io), scenario, started: started.toISOString(), duration_ms: Date.now() - started.getTime(), ...(use ? { posterior: use } : {}),
      }, o.format));
      io.out(summaryText(runs));
      if (use) io.out(posteriorLine(use));
      io.out(`wrote ${dir}/{trajectories,summary,funnel,tso_types${scenario.organisations ? ',organisations' : ''}}.${o.format ?? 'csv'} and manifest.json\n`);
    });

  program
    .command('validate <scenario>')
    .description('check a scenario file (and its extends chain) without running it')
    .option('--set <path=value>', 'override a parameter (repeatable)', collect, [])
    .action((file: string, o: { set: string[] }) => {
      const s = loadScenario(file, { set: o.set });
      io.out(`${file}: ok (${s.name}: ${s.weeks} weeks, ${plural(s.reps, 'replication')}, seed ${s.seed}, ${plural(s.interventions.length, 'intervention')})\n`);
    });

  program
    .command('params')
    .description('list every parameter: name, default, unit, range, provenance')
    .option('--json', 'as JSON')
    .option('--markdown', 'as the Markdown table of docs/parameters.md')
    .option('--json-schema', 'as a JSON Schema for scenario files (docs/scenario.schema.json)')
    .option('--matrix', 'the realist matrix: each row\'s mechanisms, parameters, patterns and output columns (docs/matrix.md)')
    .action(async (o: { json?: boolean; markdown?: boolean; jsonSchema?: boolean; matrix?: boolean }) => {
      const { paramsJson, paramsMarkdown, paramsText, scenarioJsonSchema } = await import('../io/paramsDoc.js');
      if (o.jsonSchema) return io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      if (o.matrix) {
        const [{ matrixMarkdown }, { PATTERNS }] = await Promise.all([import('../docs/matrix.js'), import('../patterns/definitions.js')]);
        return io.out(matrixMarkdown(PATTERNS));
      }
      io.out(o.json ? paramsJson() : o.markdown ? paramsMarkdown() : paramsText());
    });
}
