/** The one error type for bad input, and helpers to describe what was found. No node:* imports. */

/** Bad input: printed as one line (file, field, what was expected), exit code 2, nothing written. */
export class InputError extends Error {
  override name = 'InputError';
}

export type Raw = Record<string, unknown>;

/** A plain mapping (not null, not a list). Keys are own keys only: `constructor` is never "in" it. */
export const isObj = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A short, printable rendering of a value found in a file (never its whole content). */
export function show(v: unknown, max = 60): string {
  let s: string;
  if (typeof v === 'string') s = `"${v}"`;
  else if (typeof v === 'number' && !Number.isFinite(v)) s = String(v);
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = Array.isArray(v) ? '[a list that contains itself]' : '{a mapping that contains itself}'; // YAML: &a [*a]
    }
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this replaces
  s = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Own-key membership: `toString` or `__proto__` are never keys of a spec table. */
export const hasKey = (o: object, k: string): boolean => Object.hasOwn(o, k);

/** The option closest to `word` (edit distance), if close enough to be a likely typo. */
export function nearest(word: string, options: readonly string[]): string | undefined {
  const dist = (a: string, b: string) => {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++)
        cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = cur;
    }
    return prev[b.length]!;
  };
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = dist(word, o);
    if (d < bestD) [best, bestD] = [o, d];
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** "unknown key" with a did-you-mean hint and the allowed keys. */
export function unknownKey(file: string, path: string, key: string, allowed: readonly string[]): InputError {
  const hint = nearest(key, allowed);
  return new InputError(`${file}: ${path}: unknown key ${show(key)}${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of ${allowed.join(', ')}`);
}

/** Refuse keys outside `allowed` (with a hint). */
export function keysOnly(file: string, path: string, o: Raw, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw unknownKey(file, path, k, allowed);
}

/** An integer in [min, max], or a one-line error naming the field. */
export function intField(where: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new InputError(`${where}: expected an integer from ${min} to ${max}, got ${show(v)}`);
  return v;
}
