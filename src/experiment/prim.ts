/**
 * PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999, Stat Comput 9:123), for
 * scenario discovery as in EMA Workbench (Kwakkel 2017; Bryant & Lempert 2010): find a box of
 * factor ranges in which the runs "of interest" are dense.
 *  - Peeling: from the box holding all data, try cutting each factor's lower or upper α-quantile
 *    of the points still in the box (α = 0.05); keep the cut with the best objective; repeat while
 *    the box keeps ≥ massMin of all points and the objective is positive. The objective is EMA's
 *    default "lenient1": (gain in mean of the box) / (points removed); "original" (the mean of the
 *    new box, Friedman & Fisher) peels on to massMin. Ties prefer fewer restricted factors.
 *    Quantiles are EMA's: the midpoint between two distinct data values, so a cut never splits ties.
 *  - Each step is on the peeling trajectory: coverage (share of all interesting points inside),
 *    density (share of points inside that are interesting), mass (share of all points inside) and
 *    the number of restricted factors (a bound differs from the data's range).
 *  - Box selection (unless a step is given): among steps with density ≥ threshold (default 0.8),
 *    the one with the highest coverage, ties to the higher density then fewer restricted factors;
 *    if no step reaches the threshold, the densest step.
 *  - Optional pasting (Friedman & Fisher §8.2) on the selected box: extend a restricted bound by the
 *    pasteAlpha-quantile of the outside points next to it while that raises the density.
 * Numeric factors only (categorical factors: encode them as numbers or leave them out).
 * Pure: no files, no node:* imports.
 */

export interface Box { lower: number[]; upper: number[] }
export interface PrimStep { step: number; coverage: number; density: number; mass: number; n: number; restricted: number; box: Box }
export interface PrimOptions {
  names?: string[];
  alpha?: number;
  massMin?: number;
  objective?: 'lenient1' | 'original';
  threshold?: number;
  /** Pick this trajectory step instead of the threshold rule. */
  step?: number;
  paste?: boolean;
  pasteAlpha?: number;
}
export interface PrimResult {
  names: string[];
  /** The data's range: a bound equal to it is unrestricted. */
  init: Box;
  trajectory: PrimStep[];
  selected: number;
  /** The selected box (after pasting, if asked) and its statistics. */
  box: Box;
  stats: Omit<PrimStep, 'step' | 'box'>;
}

/** EMA Workbench's get_quantile: midpoint between distinct sorted values around (n−1)·q. */
function peelQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length, i = (n - 1) * q;
  let lo = Math.floor(i), hi = Math.ceil(i);
  if (q > 0.5) while (sorted[lo] === sorted[hi] && lo > 0) lo--;
  else while (sorted[lo] === sorted[hi] && hi < n - 1) hi++;
  return (sorted[lo]! + sorted[hi]!) / 2;
}

const inBox = (row: readonly number[], b: Box): boolean => row.every((v, j) => v >= b.lower[j]! && v <= b.upper[j]!);
const restrictedCount = (b: Box, init: Box): number => b.lower.filter((l, j) => l > init.lower[j]! || b.upper[j]! < init.upper[j]!).length;

export function prim(x: readonly number[][], y: readonly boolean[], opts: PrimOptions = {}): PrimResult {
  if (x.length === 0 || x.length !== y.length) throw new Error('PRIM: need as many rows of factors as labels, at least one');
  const d = x[0]!.length;
  const names = opts.names ?? Array.from({ length: d }, (_, j) => `x${j + 1}`);
  if (names.length !== d) throw new Error(`PRIM: ${names.length} names for ${d} factors`);
  const alpha = opts.alpha ?? 0.05, massMin = opts.massMin ?? 0.05, objective = opts.objective ?? 'lenient1';
  const nAll = x.length, interestAll = y.filter(Boolean).length;
  const init: Box = { lower: [], upper: [] };
  for (let j = 0; j < d; j++) {
    init.lower.push(x.reduce((m, r) => Math.min(m, r[j]!), Infinity));
    init.upper.push(x.reduce((m, r) => Math.max(m, r[j]!), -Infinity));
  }
  const stepOf = (step: number, box: Box, idx: number[]): PrimStep => {
    const k = idx.filter((i) => y[i]).length;
    return { step, coverage: interestAll ? k / interestAll : 0, density: idx.length ? k / idx.length : 0, mass: idx.length / nAll, n: idx.length, restricted: restrictedCount(box, init), box };
  };
  const obj = (mOld: number, nOld: number, mNew: number, nNew: number): number =>
    objective === 'original' ? mNew : (mNew - mOld) / Math.abs(nOld - nNew);

  let idx = x.map((_, i) => i);
  let box: Box = { lower: [...init.lower], upper: [...init.upper] };
  const trajectory = [stepOf(0, box, idx)];
  for (;;) {
    const mOld = trajectory.at(-1)!.density;
    let best: { score: number; free: number; box: Box; idx: number[] } | null = null;
    for (let j = 0; j < d; j++) {
      const sorted = Float64Array.from(idx, (i) => x[i]![j]!).sort();
      for (const side of ['lower', 'upper'] as const) {
        const cut = peelQuantile(sorted, side === 'lower' ? alpha : 1 - alpha);
        const keep = idx.filter((i) => (side === 'lower' ? x[i]![j]! >= cut : x[i]![j]! <= cut));
        if (keep.length === idx.length || keep.length === 0) continue;
        const cand: Box = { lower: [...box.lower], upper: [...box.upper] };
        cand[side][j] = cut;
        const mNew = keep.filter((i) => y[i]).length / keep.length;
        const score = obj(mOld, idx.length, mNew, keep.length), free = d - restrictedCount(cand, init);
        if (!best || score > best.score || (score === best.score && free > best.free)) best = { score, free, box: cand, idx: keep };
      }
    }
    if (!best || best.idx.length / nAll < massMin || !(best.score > 0)) break;
    box = best.box;
    idx = best.idx;
    trajectory.push(stepOf(trajectory.length, box, idx));
  }

  const selected = opts.step ?? selectStep(trajectory, opts.threshold ?? 0.8);
  if (!(selected >= 0 && selected < trajectory.length)) throw new Error(`PRIM: step ${selected} is not on the trajectory (0..${trajectory.length - 1})`);
  let chosen = trajectory[selected]!;
  if (opts.paste) chosen = paste(x, y, chosen, init, opts.pasteAlpha ?? 0.05, stepOf);
  const { box: finalBox, step: _s, ...stats } = chosen;
  return { names, init, trajectory, selected, box: finalBox, stats };
}

/** The documented default: highest coverage with density ≥ threshold (else the densest step). */
export function selectStep(trajectory: readonly PrimStep[], threshold: number): number {
  const ok = trajectory.filter((s) => s.density >= threshold);
  const pool = ok.length ? ok : trajectory;
  const better = (a: PrimStep, b: PrimStep): boolean => ok.length
    ? a.coverage > b.coverage || (a.coverage === b.coverage && (a.density > b.density || (a.density === b.density && a.restricted < b.restricted)))
    : a.density > b.density || (a.density === b.density && a.coverage > b.coverage);
  return pool.reduce((b, s) => (better(s, b) ? s : b)).step;
}

/** Pasting: widen one restricted bound at a time while the density rises. */
function paste(x: readonly number[][], _y: readonly boolean[], start: PrimStep, init: Box, pa: number,
  stepOf: (step: number, box: Box, idx: number[]) => PrimStep): PrimStep {
  let cur = start;
  for (;;) {
    let best: PrimStep | null = null;
    for (let j = 0; j < init.lower.length; j++) {
      for (const side of ['lower', 'upper'] as const) {
        if (cur.box[side][j] === init[side][j]) continue;
        // the points just outside this bound and inside all other bounds
        const slab: Box = { lower: [...cur.box.lower], upper: [...cur.box.upper] };
        if (side === 'lower') slab.lower[j] = init.lower[j]!; else slab.upper[j] = init.upper[j]!;
        const out = Float64Array.from(x.filter((r) => inBox(r, slab) && !inBox(r, cur.box)), (r) => r[j]!).sort();
        if (out.length === 0) continue;
        const cand: Box = { lower: [...cur.box.lower], upper: [...cur.box.upper] };
        cand[side][j] = out.length === 1 ? out[0]! : peelQuantile(out, side === 'lower' ? 1 - pa : pa);
        const idx = x.map((_, i) => i).filter((i) => inBox(x[i]!, cand));
        const s = stepOf(cur.step, cand, idx);
        if (s.n > cur.n && s.density > cur.density && (!best || s.density > best.density)) best = s;
      }
    }
    if (!best) return cur;
    cur = best;
  }
}

/** Plain records for trajectory.csv. */
export function primTrajectoryRows(r: PrimResult): Array<Record<string, number | boolean>> {
  return r.trajectory.map((s) => ({ step: s.step, coverage: s.coverage, density: s.density, mass: s.mass, n: s.n, restricted_dims: s.restricted, selected: s.step === r.selected }));
}

/** Plain records for box.csv: one row per factor; unrestricted factors keep the data's range. */
export function primBoxRows(r: PrimResult): Array<Record<string, string | number | boolean>> {
  return r.names.map((factor, j) => ({
    factor, lower: r.box.lower[j]!, upper: r.box.upper[j]!,
    restricted: r.box.lower[j]! > r.init.lower[j]! || r.box.upper[j]! < r.init.upper[j]!,
    data_min: r.init.lower[j]!, data_max: r.init.upper[j]!,
  }));
}
