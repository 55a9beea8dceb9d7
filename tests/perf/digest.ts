/**
 * SHA-256 digests of a run's full output, so the identity test can hold the engine still without
 * a frozen copy of it. Every series is hashed as its exact Float64 bit patterns (little-endian),
 * so -0 vs 0, NaN payloads and the last ulp all count. The walk over the result is generic
 * (any Float64Array or number under the four output fields), so renaming or regrouping the
 * series changes names, not the bytes hashed.
 */
import { createHash } from 'node:crypto';

/** The parts of a RunResult that are model output (scenario name, rep, seed are inputs). */
export const OUTPUT_FIELDS = ['metrics', 'tsoTypes', 'funnel', 'clientWeeks'] as const;

export interface CaseDigest {
  /** SHA-256 over every series' name and digest, in sorted-name order. */
  digest: string;
  /** Per series (dotted path → first 16 hex digits of its SHA-256): names the series that moved. */
  series: Record<string, string>;
}

/** Every numeric series under `value`, as [dotted path, float64 values]. */
function* series(value: unknown, path: string): Generator<[string, ArrayLike<number>]> {
  if (value instanceof Float64Array) yield [path, value];
  else if (typeof value === 'number') yield [path, [value]];
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* series(v, `${path}.${k}`);
  } else throw new Error(`${path}: not a number or Float64Array (${typeof value}); teach digest.ts about it`);
}

function bits(xs: ArrayLike<number>): Uint8Array {
  const view = new DataView(new ArrayBuffer(xs.length * 8));
  for (let i = 0; i < xs.length; i++) view.setFloat64(i * 8, xs[i]!, true);
  return new Uint8Array(view.buffer);
}

export function digestRun(result: object): CaseDigest {
  const all: Array<[string, ArrayLike<number>]> = [];
  const r = result as Record<string, unknown>;
  for (const f of OUTPUT_FIELDS) {
    if (!(f in r)) throw new Error(`the run result has no field ${f}`);
    all.push(...series(r[f], f));
  }
  all.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const whole = createHash('sha256');
  const per: Record<string, string> = {};
  for (const [name, xs] of all) {
    const d = createHash('sha256').update(bits(xs)).digest('hex');
    per[name] = d.slice(0, 16);
    whole.update(`${name}\0${d}\n`);
  }
  return { digest: whole.digest('hex'), series: per };
}

/** Why `got` is not `want`, naming the first series (in sorted order) that differs; undefined when equal. */
export function explainDifference(want: CaseDigest, got: CaseDigest): string | undefined {
  if (want.digest === got.digest) return undefined;
  const names = [...new Set([...Object.keys(want.series), ...Object.keys(got.series)])].sort();
  const changed = names.filter((n) => want.series[n] !== got.series[n]);
  const first = changed[0];
  if (first === undefined) return 'the overall digest differs but no series does (stored file edited by hand?)';
  const sameValues = [...Object.values(want.series)].sort().join() === [...Object.values(got.series)].sort().join();
  const what = !(first in got.series) ? 'is missing from the output' : !(first in want.series) ? 'is new (not in the stored digests)' : 'has different values';
  return `series ${first} ${what}; ${changed.length} of ${names.length} series differ` +
    (sameValues ? ' (the same values under other names: a rename?)' : '');
}
