/** Our CSV writer writes what csv-stringify writes (src/scenario/csv.ts says why it is ours). */
import { describe, expect, test } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { csvRecords, fmt, toCsv } from '../../src/scenario/csv.js';

const TRICKY = ['', 'plain', 'a,b', 'say "hi"', '"', '""', 'line\nbreak', 'cr\rhere', 'crlf\r\n', ' padded ', 'tab\there', 'é ünïcode ✓', '=1+2', '-3', '0', ',', '\n'];
const NUMBERS = [0, -0, 1, -1, 0.1, 1 / 3, -2.5e-7, 1e21, 123456789012, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity, 1e-7];

/** A small deterministic generator (the test must not depend on Math.random). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('toCsv and csvRecords equal csv-stringify', () => {
  test('tricky strings and numbers, header and columns', () => {
    const header = ['name', 'a,b', 'q"uote', 'x'];
    const rows = TRICKY.map((s, k) => [s, NUMBERS[k % NUMBERS.length]!, fmt(NUMBERS[(k + 3) % NUMBERS.length]!), k]);
    expect(toCsv(header, rows)).toBe(stringify(rows, { header: true, columns: header }));
    expect(csvRecords(rows)).toBe(stringify(rows));
  });

  test('rows shorter and longer than the header, empty tables, booleans and nulls', () => {
    const header = ['a', 'b', 'c'];
    const rows = [[1], [1, 2, 3, 4, 5], [], ['x', true, false], [null, undefined, 'z']] as Array<Array<string | number | boolean | null | undefined>>;
    expect(toCsv(header, rows)).toBe(stringify(rows, { header: true, columns: header }));
    expect(csvRecords(rows)).toBe(stringify(rows));
    expect(toCsv(header, [])).toBe(stringify([], { header: true, columns: header }));
    expect(csvRecords([])).toBe(stringify([]));
  });

  test('random tables', () => {
    const r = lcg(42);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    for (let t = 0; t < 50; t++) {
      const cols = 1 + Math.floor(r() * 8);
      const header = Array.from({ length: cols }, () => pick(TRICKY) || 'h');
      const rows = Array.from({ length: Math.floor(r() * 40) }, () =>
        Array.from({ length: Math.floor(r() * (cols + 2)) }, () => (r() < 0.5 ? pick(TRICKY) : r() < 0.5 ? pick(NUMBERS) : fmt((r() - 0.5) * 10 ** Math.floor(r() * 12)))));
      expect(toCsv(header, rows)).toBe(stringify(rows, { header: true, columns: header }));
      expect(csvRecords(rows)).toBe(stringify(rows));
    }
  });
});
