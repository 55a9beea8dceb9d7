/** `clwsim discover`: scenario discovery with PRIM on a finished sweep (src/experiment/discover.ts). */
import { type Command, InvalidArgumentError } from 'commander';
import { basename, join, resolve } from 'node:path';
import { InputError } from '../scenario/errors.js';
import { fmt, toCsv } from '../scenario/csv.js';
import { folderName } from '../scenario/names.js';
import { discover, parseCondition, type Discovery } from '../experiment/discover.js';
import { primBoxRows, primTrajectoryRows } from '../experiment/prim.js';
import { primBoxSvg, primSvg } from '../experiment/primSvg.js';
import { FileStore } from '../io/fileStore.js';
import { writeAtomic, writeJson } from '../io/files.js';
import { claimOutput } from '../io/outputDir.js';
import { plural } from '../report/format.js';
import { intIn } from './options.js';
import { outputFolder, OVERWRITE_HELP } from './outputs.js';
import { commandOf, type Io } from './program.js';

interface Opts { where: string; metric?: string; by: 'run' | 'point'; threshold?: number; alpha?: number; massMin?: number; step?: number; paste?: boolean; out?: string; overwrite?: boolean }

/** A share in (0, hi), or (0, 1] for a density. */
const share = (hi: number, inclusive = false) => (v: string): number => {
  const x = Number(v);
  if (v.trim() === '' || !(x > 0 && (inclusive ? x <= hi : x < hi))) throw new InvalidArgumentError(`expected a number above 0 and ${inclusive ? 'at most' : 'below'} ${hi}, got "${v}"`);
  return x;
};
const byArg = (v: string): 'run' | 'point' => {
  if (v !== 'run' && v !== 'point') throw new InvalidArgumentError(`expected run or point, got "${v}"`);
  return v;
};

export const DISCOVER_FILES = ['trajectory.csv', 'box.csv', 'trajectory.svg', 'box.svg', 'discover.json'];

/** "150" or "> 150" with --metric, or a whole condition. */
function condition(o: Opts) {
  const whole = /^\s*[A-Za-z_]/.test(o.where);
  if (!whole && o.metric === undefined) throw new InputError(`--where "${o.where}": name the metric, e.g. --where "clw_waitlist > 150", or give --metric`);
  const c = parseCondition(whole ? o.where : `${o.metric} ${o.where}`);
  if (o.metric !== undefined && o.metric !== c.metric) throw new InputError(`--metric ${o.metric} but --where "${o.where}" is on ${c.metric}; expected one metric`);
  return c;
}

function summary(io: Io, dir: string, d: Discovery, cond: string): void {
  const r = d.result, s = r.stats;
  const what = d.table.startsWith('runs') ? 'run' : 'design point';
  io.out(`${dir}: ${plural(d.rows, what)} from ${d.table}, ${d.interesting} (${(100 * d.interesting / d.rows).toFixed(1)}%) with ${cond}${d.skipped ? `; ${d.skipped} without a value left out` : ''}\n`);
  if (d.dropped.length) io.out(`left out of the box (text values): ${d.dropped.join(', ')}\n`);
  io.out(`PRIM: ${r.trajectory.length - 1} peeling steps; box at step ${r.selected}: coverage ${s.coverage.toFixed(3)}, density ${s.density.toFixed(3)}, mass ${s.mass.toFixed(3)} (${plural(s.n, what)})\n`);
  const g = (v: number) => String(Number(v.toPrecision(3)));
  for (const b of primBoxRows(r)) io.out(`  ${String(b.factor).padEnd(32)} ${b.restricted ? `${g(b.lower as number)} to ${g(b.upper as number)}` : 'any'}  (data ${g(b.data_min as number)} to ${g(b.data_max as number)})\n`);
}

export function registerDiscover(program: Command, io: Io): void {
  program.command('discover <sweep-dir>')
    .description('scenario discovery (PRIM): the box of factor ranges where a sweep\'s runs meet a condition, e.g. --where "clw_waitlist > 150"')
    .requiredOption('--where <condition>', 'a metric, a comparison (> >= < <= == !=) and a number, e.g. "clw_waitlist > 150" (or "> 150" with --metric)')
    .option('--metric <name>', 'the metric the condition is on (one the sweep kept)')
    .option('--by <run|point>', 'label each run, or each design point\'s mean over its replications', byArg, 'run')
    .option('--threshold <density>', 'the box: highest coverage among steps with at least this density (default 0.8)', share(1, true))
    .option('--alpha <share>', 'share of the box peeled off at each step (default 0.05)', share(0.5))
    .option('--mass-min <share>', 'stop peeling before the box holds less than this share of the rows (default 0.05)', share(1))
    .option('--step <n>', 'take this step of the peeling trajectory as the box instead', intIn(0, 100000, 'a step'))
    .option('--paste', 'then widen the box while its density rises (Friedman & Fisher 1999, §8.2)')
    .option('--out <dir>', 'output folder (default output/discover-<sweep folder>-<metric>)')
    .option('--overwrite', OVERWRITE_HELP)
    .action(async (sweepDir: string, o: Opts) => {
      const c = condition(o);
      const d = await discover(new FileStore(resolve(sweepDir)), { condition: c, by: o.by, threshold: o.threshold, alpha: o.alpha, massMin: o.massMin, step: o.step, paste: o.paste });
      const out = outputFolder(io, o.out, join('output', folderName(`discover-${basename(resolve(sweepDir))}-${c.metric}`)), o.overwrite);
      const claim = claimOutput(io, out, { mode: 'results', overwrite: o.overwrite });
      claim.plan(DISCOVER_FILES);
      const r = d.result;
      const num = (v: number | boolean | string) => (typeof v === 'number' ? fmt(v) : String(v));
      const table = (rows: Array<Record<string, number | boolean | string>>) => toCsv(Object.keys(rows[0] ?? {}), rows.map((x) => Object.values(x).map(num)));
      writeAtomic(join(claim.dir, 'trajectory.csv'), table(primTrajectoryRows(r)));
      writeAtomic(join(claim.dir, 'box.csv'), table(primBoxRows(r)));
      const title = `${c.text} (${d.interesting} of ${d.rows} ${d.table.startsWith('runs') ? 'runs' : 'points'})`;
      writeAtomic(join(claim.dir, 'trajectory.svg'), `${primSvg(r, { title: `PRIM peeling trajectory: ${title}` })}\n`);
      writeAtomic(join(claim.dir, 'box.svg'), `${primBoxSvg(r, { title: `Box at step ${r.selected}: ${title}` })}\n`);
      writeJson(join(claim.dir, 'discover.json'), {
        tool: 'clwsim', kind: 'discover', command: commandOf(io), sweep: resolve(sweepDir), table: d.table, condition: c.text, by: o.by,
        rows: d.rows, interesting: d.interesting, skipped: d.skipped, dropped: d.dropped,
        prim: { alpha: o.alpha ?? 0.05, massMin: o.massMin ?? 0.05, threshold: o.threshold ?? 0.8, objective: 'lenient1', step: o.step ?? null, paste: o.paste === true },
        selected: r.selected, stats: r.stats, box: primBoxRows(r), files: DISCOVER_FILES,
      });
      claim.finish(DISCOVER_FILES);
      summary(io, sweepDir, d, c.text);
      io.out(`wrote ${out}/{trajectory,box}.{csv,svg} and discover.json\n`);
    });
}
