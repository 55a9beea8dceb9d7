/** Our CSV writer writes what csv-stringify writes (src/scenario/csv.ts says why it is ours). */
import { describe, expect, test } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { csvRecords, fmt, numCell, toCsv } from '../../src/scenario/csv.js';
import { trajectoriesCsv } from '../../src/scenario/tables.js';
import { METRIC_NAMES } from '../../src/model/metrics.js';
import type { RunResult } from '../../src/model/simulate.js';

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

describe('the trajectories writer builds its lines itself', () => {
  test('numCell(x) is String(fmt(x)): edge cases, halves at the sixth place, every scale', () => {
    const r = lcg(7);
    const xs = [...NUMBERS, 0.5, -0.5, 5e-7, -5e-7, 4.9999995e-7, 1.5e-6, -4e-7, 1.0000005, 2.5e-6, 999999999.9999995, -999999999.999999, 1e9 - 1e-6, 1e9 + 0.5, 4294967296.5, 0.1 + 0.2];
    for (let k = 0; k < 200_000; k++) {
      const scale = 10 ** (Math.floor(r() * 20) - 8);
      const x = (r() - 0.5) * scale;
      xs.push(x, Math.round(x * 1e6) / 1e6, Math.round(x * 2e6) / 2e6);
    }
    const wrong = xs.filter((x) => numCell(x) !== `${fmt(x)}`);
    expect(wrong).toEqual([]);
  });

  test('trajectoriesCsv is toCsv of [scenario, rep, seed, week, ...fmt(metric)] rows', () => {
    const r = lcg(3);
    const run = (scenario: string, rep: number, weeks: number): RunResult => ({
      scenario, rep, seed: 1000 + rep, weeks, clientWeeks: 0,
      metrics: Object.fromEntries(METRIC_NAMES.map((m, k) => [m, Float64Array.from({ length: weeks }, () => (k % 5 === 0 ? Math.round(r() * 50) : k % 7 === 0 ? Number.NaN : (r() - 0.5) * 10 ** (k % 9)))])),
    }) as unknown as RunResult;
    const runs = [run('base', 0, 30), run('a "quoted", name', 1, 30), run('x', 2, 0), run('Café, "🙂"\nnord ✓', 3, 30)];
    // Every path of the byte writer (src/scenario/csvBytes.ts) in one column of the last run.
    runs[3]!.metrics[METRIC_NAMES[2]!] = Float64Array.from({ length: 30 }, (_, w) => [...NUMBERS, -3.25, 4e-7, -4e-7, 2.9999996, 0.5, 1.25, 1e9, -1e9, 999999999.9999995, -1e21, 1.5e22][w % 29]!);
    const rows = runs.flatMap((x) => Array.from({ length: x.weeks }, (_, w) => [x.scenario, x.rep, x.seed, w + 1, ...METRIC_NAMES.map((m) => fmt(x.metrics[m][w]!))]));
    const header = ['scenario', 'rep', 'seed', 'week', ...METRIC_NAMES];
    expect(trajectoriesCsv(runs)).toBe(toCsv(header, rows));
    expect(trajectoriesCsv(runs)).toBe(stringify(rows, { header: true, columns: header }));
    expect(trajectoriesCsv([runs[0]!, runs[1]!, runs[3]!], 4)).toBe(toCsv(header, rows.filter((row) => (row[3] as number) <= 4)));
    expect(trajectoriesCsv([])).toBe(toCsv(header, []));
  });
});
