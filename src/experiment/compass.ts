/**
 * Compass (coordinate pattern) search, for a noisy objective evaluated in batches: from the best
 * start, try a step up and down every coordinate (a discrete coordinate: its neighbouring values)
 * as one batch; move to the best neighbour if it beats the incumbent, else halve the step. Points
 * already evaluated are not evaluated again (their first value stands), so a noisy objective
 * cannot talk the search back into a point it left. Kolda, Lewis & Torczon, "Optimization by
 * direct search", SIAM Review 45 (2003) 385-482: on a smooth function it converges to a
 * stationary point as the step shrinks; here it is a local search over a few coordinates, whose
 * result the caller judges afresh. Deterministic; no random draws. Node-free.
 */

export interface Dim { lo: number; hi: number; discrete?: boolean }
export interface Evaluated { x: number[]; value: number; iteration: number }
/** A batch of points → their values (undefined: infeasible). */
export type BatchObjective = (xs: number[][], iteration: number) => Promise<Array<number | undefined>>;

export interface CompassOptions {
  /** The first step of continuous coordinates. */
  step: number;
  /** Stop when the step falls below this. */
  minStep: number;
  /** Batches after the starts. */
  iterations: number;
}

export interface CompassResult { best: Evaluated; history: Evaluated[]; step: number }

const key = (x: number[]) => x.map((v) => v.toFixed(9)).join(',');

function neighbours(x: number[], dims: Dim[], h: number): number[][] {
  const out: number[][] = [];
  dims.forEach((d, i) => {
    for (const dir of [-1, 1]) {
      const v = Math.min(d.hi, Math.max(d.lo, x[i]! + dir * (d.discrete ? 1 : h)));
      if (v !== x[i]) out.push(x.map((u, k) => (k === i ? v : u)));
    }
  });
  return out;
}

export async function compassSearch(starts: number[][], dims: Dim[], f: BatchObjective, o: CompassOptions): Promise<CompassResult> {
  const seen = new Map<string, number | undefined>();
  const history: Evaluated[] = [];
  const evaluate = async (xs: number[][], iteration: number) => {
    const fresh = xs.filter((x, k) => !seen.has(key(x)) && xs.findIndex((y) => key(y) === key(x)) === k);
    const vals = fresh.length ? await f(fresh, iteration) : [];
    fresh.forEach((x, k) => {
      seen.set(key(x), vals[k]);
      if (vals[k] !== undefined && Number.isFinite(vals[k])) history.push({ x, value: vals[k]!, iteration });
    });
    return xs.map((x) => ({ x, value: seen.get(key(x)) }));
  };
  const first = (await evaluate(starts, 0)).filter((e) => e.value !== undefined);
  if (!first.length) throw new Error('compass search: no feasible start');
  let best: Evaluated = { ...first.reduce((a, b) => (b.value! < a.value! ? b : a)), value: 0, iteration: 0 };
  best.value = seen.get(key(best.x))!;
  let h = o.step;
  for (let it = 1; it <= o.iterations && h >= o.minStep; it++) {
    const around = (await evaluate(neighbours(best.x, dims, h), it)).filter((e) => e.value !== undefined);
    const top = around.reduce<(typeof around)[0] | undefined>((a, b) => (!a || b.value! < a.value! ? b : a), undefined);
    if (top && top.value! < best.value) best = { x: top.x, value: top.value!, iteration: it };
    else h /= 2;
  }
  return { best, history, step: h };
}
