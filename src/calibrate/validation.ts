/**
 * Validation apart from calibration (TRACE): published figures kept out of the targets, each
 * predicted by the model (with the posterior's draws where one is given) and set beside the
 * figure. A validation file (scenarios/calibration/validation.yaml) names the targets file it is
 * kept out of; a figure whose statistic is a target's, or restates inputs, must say it is not
 * independent. Nothing here is tuned: a figure the model misses is reported as a miss.
 */
import { quantile } from 'simple-statistics';
import { InputError, isObj, keysOnly, show } from '../scenario/errors.js';
import { readYaml } from '../io/yaml.js';
import { loadScenario, referredPath } from '../io/scenario.js';
import type { Scenario } from '../model/scenario.js';
import { CAL_STATS } from '../experiment/targetStats.js';
import { pairedJobs, type Draw } from '../experiment/runner.js';
import { runJobs } from '../experiment/pool.js';
import { loadTargets, type Targets } from './targets.js';

export interface Figure {
  id: string; stat: string; scenario: string; published: string; low: number; high: number;
  source: string; independent: boolean; note: string;
}
export interface Validation { file: string; targetsFile: string; targets: Targets; reps: number; figures: Figure[] }

const TOP = ['targets', 'reps', 'figures'];
const KEYS = ['id', 'stat', 'scenario', 'published', 'low', 'high', 'source', 'independent', 'note'];
const num = (x: unknown): x is number => typeof x === 'number' && !Number.isNaN(x);

function checkFigure(file: string, f: unknown, k: number, targets: Targets): Figure {
  const at = `${file}: figures[${k}]`;
  if (!isObj(f)) throw new InputError(`${at}: expected a mapping with ${KEYS.join(', ')}`);
  keysOnly(file, `figures[${k}]`, f, KEYS);
  const str = (key: string, min = 1) => {
    if (typeof f[key] !== 'string' || (f[key] as string).length < min) throw new InputError(`${at}.${key}: expected text, got ${show(f[key])}`);
    return f[key] as string;
  };
  const id = str('id');
  if (!/^[\w.-]+$/.test(id)) throw new InputError(`${at}.id: expected a name (letters, digits, _ . -), got ${show(id)}`);
  const stat = str('stat');
  const def = CAL_STATS[stat];
  if (!def || !Object.hasOwn(CAL_STATS, stat)) throw new InputError(`${at}.stat: expected one of ${Object.keys(CAL_STATS).join(', ')}, got ${show(stat)}`);
  // .inf / -.inf in YAML: a one-sided figure ("MH waits are the longest": above 0)
  if (!num(f.low) || !num(f.high) || !(f.low <= f.high)) throw new InputError(`${at}: expected low ≤ high (the published range; .inf for none), got ${show(f.low)} and ${show(f.high)}`);
  if (typeof f.independent !== 'boolean') throw new InputError(`${at}.independent: expected true or false (false: the figure or its statistic informed the calibration or an input), got ${show(f.independent)}`);
  const note = str('note', 10);
  if (f.independent && def.kind === 'input') throw new InputError(`${at}.independent: ${stat} restates inputs (${def.restates!.join(', ')}); set independent: false and say so in the note`);
  const target = targets.targets.find((t) => t.stat === stat);
  if (f.independent && target) throw new InputError(`${at}.independent: ${stat} is the statistic of target ${target.id}; set independent: false and say so in the note`);
  return { id, stat, scenario: str('scenario'), published: str('published'), low: f.low, high: f.high, source: str('source', 5), independent: f.independent, note };
}

/** Check a parsed validation file (`file` for messages and to resolve its paths). */
export function checkValidation(file: string, doc: unknown): Validation {
  if (!isObj(doc)) throw new InputError(`${file}: expected a mapping with ${TOP.join(', ')}`);
  keysOnly(file, '(top level)', doc, TOP);
  if (typeof doc.targets !== 'string') throw new InputError(`${file}: targets: expected the targets file these figures are kept out of`);
  const targetsFile = referredPath(file, doc.targets);
  const targets = loadTargets(targetsFile);
  const reps = doc.reps ?? 40;
  if (typeof reps !== 'number' || !Number.isInteger(reps) || reps < 2 || reps > 100000) throw new InputError(`${file}: reps: expected an integer from 2 to 100000, got ${show(reps)}`);
  if (!Array.isArray(doc.figures) || doc.figures.length === 0) throw new InputError(`${file}: figures: expected a non-empty list`);
  const figures = doc.figures.map((f, k) => checkFigure(file, f, k, targets));
  const ids = new Set<string>();
  for (const [k, f] of figures.entries()) {
    if (ids.has(f.id)) throw new InputError(`${file}: figures[${k}].id: "${f.id}" is used twice`);
    ids.add(f.id);
  }
  return { file, targetsFile, targets, reps, figures };
}

export const loadValidation = (file: string): Validation => checkValidation(file, readYaml(file));

export interface ValidationRow { figure: Figure; mean: number; low: number; high: number; n: number; verdict: 'consistent' | 'miss' }

/**
 * Each figure's statistic over `reps` replications of its scenario. The scenarios run as paired
 * arms (one seed; replication i of every arm uses draw i), so a cut and its baseline see the same
 * parameters. Verdict: the mean lies within the published range (consistent) or not (miss).
 */
export async function validate(v: Validation, o: { reps?: number; seed?: number; weeks?: number; draws?: Draw[]; workers?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<ValidationRow[]> {
  const reps = o.reps ?? v.reps;
  const files = [...new Set(v.figures.map((f) => f.scenario))];
  const arms: Scenario[] = files.map((f) => loadScenario(referredPath(v.file, f), { reps, weeks: o.weeks }, `${v.file}: scenario`));
  const seed = o.seed ?? arms[0]!.seed;
  const stats = [...new Set(v.figures.map((f) => f.stat))];
  const outs = await runJobs(pairedJobs(arms.map((a) => ({ ...a, seed })), reps, stats.map((target) => ({ target })), o.draws), { workers: o.workers, onProgress: o.onProgress });
  return v.figures.map((f) => {
    const a = files.indexOf(f.scenario), k = stats.indexOf(f.stat);
    const xs = outs.slice(a * reps, (a + 1) * reps).map((x) => x.values![k]!).filter(Number.isFinite);
    if (xs.length === 0) return { figure: f, mean: NaN, low: NaN, high: NaN, n: 0, verdict: 'miss' };
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    return { figure: f, mean, low: quantile(xs, 0.025), high: quantile(xs, 0.975), n: xs.length, verdict: mean >= f.low && mean <= f.high ? 'consistent' : 'miss' };
  });
}
