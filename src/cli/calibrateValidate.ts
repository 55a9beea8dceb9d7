/**
 * `clwsim calibrate --validate [file]`: the published figures kept out of the targets
 * (src/calibrate/validation.ts), predicted with the shipped posterior by default, written to
 * validation.csv and printed model against figure. Misses are reported, never an error: the
 * exit code is 0 whatever the verdicts.
 */
import { join } from 'node:path';
import type { Io } from './program.js';
import type { CalibrateOpts } from './calibrate.js';
import { claimOutput } from '../io/outputDir.js';
import { writeCsv } from '../io/files.js';
import { fmt } from '../scenario/csv.js';
import { loadValidation, validate } from '../calibrate/validation.js';
import { outputFolder } from './outputs.js';
import { progress } from './progress.js';
import { InputError } from '../scenario/errors.js';
import { posteriorLine, readPosterior, useOf } from './posteriorOption.js';

export const DEFAULT_VALIDATION = 'scenarios/calibration/validation.yaml';

const num = (x: number) => (!Number.isFinite(x) ? (Number.isNaN(x) ? '-' : x > 0 ? '∞' : '−∞') : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));

export async function runValidate(io: Io, file: string, o: CalibrateOpts, workers: number): Promise<void> {
  const v = loadValidation(file);
  // the shipped posterior unless told otherwise; "none": the parameters as set
  const none = o.posterior === 'none';
  if (none && o.draws !== undefined) throw new InputError('--draws: used with a posterior, not --posterior none');
  const { loaded, reps: asked } = readPosterior({ posterior: none ? undefined : (o.posterior ?? 'default'), draws: o.draws, reps: o.reps }, io);
  const reps = asked ?? v.reps;
  const seed = o.seed;
  const use = loaded ? useOf(loaded, reps, seed) : undefined;
  const claim = claimOutput(io, outputFolder(io, o.out, 'output/validation', o.overwrite), { mode: 'results', overwrite: o.overwrite });
  claim.plan(['validation.csv']);
  const bar = progress(o.quiet);
  const rows = await validate(v, { reps, seed, weeks: o.weeks, draws: use?.draws, workers, onProgress: (d, n) => bar.update(d, n, 'validate:') });
  bar.end();
  const out = join(claim.dir, 'validation.csv');
  writeCsv(out, ['figure', 'stat', 'scenario', 'published', 'low', 'high', 'model_mean', 'model_low', 'model_high', 'n', 'verdict', 'independent', 'source', 'note'],
    rows.map((r) => [r.figure.id, r.figure.stat, r.figure.scenario, r.figure.published, r.figure.low, r.figure.high, fmt(r.mean), fmt(r.low), fmt(r.high), r.n, r.verdict, String(r.figure.independent), r.figure.source, r.figure.note]));
  claim.finish(['validation.csv']);
  io.out(`${file}: ${rows.length} published figures kept out of ${v.targetsFile}; ${reps} replications per scenario, seed ${seed}\n`);
  io.out(use ? posteriorLine(use) : 'parameters as set (no posterior): stochastic uncertainty only\n');
  for (const indep of [true, false]) {
    io.out(indep ? 'independent of the calibration:\n' : 'cross-checks (not independent):\n');
    for (const r of rows.filter((x) => x.figure.independent === indep))
      io.out(`  ${r.verdict === 'miss' ? 'MISS' : 'ok  '}  ${r.figure.id.padEnd(32)} model ${num(r.mean).padStart(7)} (95%: ${num(r.low)} to ${num(r.high)})  published ${num(r.figure.low)} to ${num(r.figure.high)}\n`);
  }
  const missed = rows.filter((r) => r.verdict === 'miss');
  io.out(`${rows.length - missed.length} of ${rows.length} consistent (${missed.filter((r) => r.figure.independent).length} independent misses); wrote ${out}\n`);
}
