/**
 * Posterior ensembles: a posterior.csv (`particle,weight` and one column per parameter path, as
 * `clwsim calibrate` writes it) checked like any input, and the draws replications run with.
 * Replication i uses draw i; the draws are particles resampled by weight from a stream fixed by
 * the run seed, so every arm of a comparison (same seed) gets the same draws, and the first n of
 * a longer list are the draws of a shorter one. Node-free: io/ reads the file.
 */
import { InputError, show } from '../scenario/errors.js';
import { checkAssignment } from '../scenario/checks.js';
import { getParam, specAt, type Params } from '../model/params.js';
import { resampleIndices } from './abc.js';
import type { Draw } from './runner.js';

export interface Posterior {
  file: string;
  paths: string[];
  particles: Array<{ id: number; weight: number; values: number[] }>;
}

/** What a result records about the posterior it used: enough to run it again. */
export interface PosteriorUse {
  file: string;
  sha256: string;
  /** Particles in the file. */
  particles: number;
  /** The draws replications 0..n-1 used, in order (id: the particle's number). */
  draws: Draw[];
}

/** Weights may be rounded when written: their sum must be 1 within this. */
const SUM_TOLERANCE = 1e-6;

export function parsePosterior(file: string, text: string): Posterior {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new InputError(`${file}: expected a header (particle,weight,<parameter paths>) and at least one particle`);
  const header = lines[0]!.split(',').map((h) => h.trim());
  if (header[0] !== 'particle' || header[1] !== 'weight' || header.length < 3)
    throw new InputError(`${file}: row 1: expected the columns particle,weight and one column per parameter path (clwsim calibrate's posterior.csv), got ${show(lines[0])}`);
  const paths = header.slice(2);
  paths.forEach((p, j) => {
    if (!specAt(p)) checkAssignment(`${file}: row 1, column ${j + 3}`, p, NaN); // unknown: the error names the nearest path
    if (specAt(p)?.kind !== 'number') throw new InputError(`${file}: row 1, column ${j + 3}: ${p} is not a numeric parameter`);
    if (paths.indexOf(p) !== j) throw new InputError(`${file}: row 1, column ${j + 3}: ${p} appears twice`);
  });
  const seen = new Set<number>();
  let sum = 0;
  const particles = lines.slice(1).map((line, k) => {
    const row = k + 2;
    const cells = line.split(',');
    if (cells.length !== header.length) throw new InputError(`${file}: row ${row}: expected ${header.length} columns, got ${cells.length}`);
    const num = (j: number) => (cells[j]!.trim() === '' ? NaN : Number(cells[j]));
    const id = num(0), weight = num(1);
    if (!Number.isInteger(id) || id < 0) throw new InputError(`${file}: row ${row}, column particle: expected a whole number ≥ 0, got ${show(cells[0])}`);
    if (seen.has(id)) throw new InputError(`${file}: row ${row}, column particle: particle ${id} appears twice`);
    seen.add(id);
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new InputError(`${file}: row ${row}, column weight: expected a number ≥ 0, got ${show(cells[1])}`);
    sum += weight;
    const values = paths.map((p, j) => checkAssignment(`${file}: row ${row}, column ${p}`, p, num(j + 2)) as number);
    return { id, weight, values };
  });
  if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) throw new InputError(`${file}: column weight: the weights sum to ${sum}; expected 1`);
  return { file, paths, particles };
}

/** Draws for replications 0..n-1: particles resampled by weight, reproducibly from the run seed. */
export function posteriorDraws(p: Posterior, n: number, seed: number): Draw[] {
  const idx = resampleIndices(p.particles.map((x) => x.weight), n, `${seed}:posterior`);
  return idx.map((i) => {
    const q = p.particles[i]!;
    return { id: q.id, values: Object.fromEntries(p.paths.map((path, j) => [path, q.values[j]!])) };
  });
}

/**
 * Refuse a parameter that both the posterior draws and something else sets from week 1: the
 * draw would silently replace it. `fixed` names each such setter ("--set", "factors", ...).
 */
export function checkNoOverlap(p: Posterior, fixed: Array<{ what: string; paths: string[] }>): void {
  for (const f of fixed)
    for (const path of f.paths)
      if (p.paths.includes(path)) throw new InputError(`${f.what}: ${path} is also a column of the posterior ${p.file}, whose draws would replace it; leave it to the posterior, or drop it from the posterior`);
}

/** "stochastic" or "stochastic+parameter": what a result's intervals and probabilities cover. */
export const uncertaintyOf = (draws: unknown[] | undefined): 'stochastic' | 'stochastic+parameter' => (draws?.length ? 'stochastic+parameter' : 'stochastic');

/**
 * The arms of a comparison must not differ in a parameter the posterior draws: the draw would
 * replace each arm's value with the same one and erase the difference being compared.
 */
export function checkArmsAgree(p: Posterior, arms: Array<{ name: string; params: Params }>): void {
  const [base, ...rest] = arms;
  for (const a of rest)
    for (const path of p.paths)
      if (getParam(a.params, path) !== getParam(base!.params, path))
        throw new InputError(`${a.name}: sets ${path} to ${getParam(a.params, path)} (${base!.name}: ${getParam(base!.params, path)}), but the posterior ${p.file} draws it in every arm; compare it without --posterior, or drop it from the posterior`);
}
