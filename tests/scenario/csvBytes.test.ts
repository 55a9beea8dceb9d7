/** The byte writer of the large tables writes what the string path (numCell, textCell) writes. */
import { describe, expect, test } from 'vitest';
import { fmt, numCell, textCell } from '../../src/scenario/csv.js';
import { CsvBytes } from '../../src/scenario/csvBytes.js';

/** A small deterministic generator (the test must not depend on Math.random). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Negative values; values that round to 0 or to an integer at 6 decimals; trailing zeros; non-finite
// (empty cells); at and beyond ±1e9 (numCell's other path); integers `${x}` writes in exponent form.
const AWKWARD = [
  0, -0, 1, -1, 7, -42, 999999999, -999999999, 0.5, -0.5, 1.25, -1.25, 0.1, 0.10000000000000002, 1 / 3, -1 / 3, 2.5e-6, 1.5e-6, 0.0000015,
  4e-7, -4e-7, 5e-7, -5e-7, 4.9999995e-7, 1e-7, -1e-7, 2.9999996, -2.9999996, 2.0000004, 1.0000005, 12.3, 12.30001, 100.0001, -0.000001,
  999999999.9999995, -999999999.9999995, 999999999.999999, 1e9 - 1e-6, 1e9, -1e9, 1e9 + 0.5, -1e9 - 0.5, 4294967296.5, 123456789012, 1e15 + 0.5,
  Number.MAX_SAFE_INTEGER, 1e20, 1e21, -1e21, 1.5e21, 1e300, -1e300, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE,
  NaN, Infinity, -Infinity,
];

/** Many values at every scale, and their 6- and 5.5-decimal roundings (halves at the sixth place). */
function randomValues(count: number): number[] {
  const r = lcg(11);
  const xs: number[] = [];
  for (let k = 0; k < count; k++) {
    const x = (r() - 0.5) * 10 ** (Math.floor(r() * 26) - 10);
    xs.push(x, Math.round(x * 1e6) / 1e6, Math.round(x * 2e6) / 2e6, Math.round(x));
  }
  return xs;
}

const NAMES = ['plain', 'a,b', 'say "hi"', 'line\nbreak', 'cr\rhere', 'Café', 'naïve, "ünïcode"\n✓', 'emoji 🙂🏳️‍🌈', 'all: é, "🙂"\r\n', ''];

describe('CsvBytes writes numCell and textCell byte for byte', () => {
  test('num(x) is numCell(x) on awkward and random values (a 16-byte buffer grown many times)', () => {
    const xs = [...AWKWARD, ...randomValues(50_000)];
    const out = new CsvBytes(16);
    for (const x of xs) {
      out.num(x);
      out.byte(10);
    }
    expect(out.done()).toBe(xs.map((x) => `${numCell(x)}\n`).join(''));
    expect(xs.filter((x) => numCell(x) !== `${fmt(x)}`)).toEqual([]); // and numCell is what fmt writes
  });

  test('cells(columns, w) is the line of numCell cells, falling back mid-line in a full buffer', () => {
    const r = lcg(5);
    const cols = Array.from({ length: 40 }, () => Float64Array.from({ length: 300 }, () => AWKWARD[Math.floor(r() * AWKWARD.length)]!));
    const plain = cols.map((c) => Array.from(c));
    const out = new CsvBytes(16);
    let want = '';
    for (let w = 0; w < 300; w++) {
      out.uint(w + 1);
      out.cells(w % 2 ? cols : plain, w);
      out.byte(10);
      want += `${w + 1}${cols.map((c) => `,${numCell(c[w]!)}`).join('')}\n`;
    }
    expect(out.done()).toBe(want);
  });

  test('cells() after a fallback that outgrows the room reserved for the line', () => {
    // 38 cells of 17 bytes leave 35 of the line's 720 reserved; the fallback may take 3 × 24.
    const long = -999999999.123456;
    for (const last of [[long], [long, 1e300], [1.5]]) {
      const row = [...Array.from({ length: 38 }, () => long), -Number.MAX_VALUE, ...last];
      const cols = row.map((x) => [x]);
      const out = new CsvBytes(16);
      out.cells(cols, 0);
      out.cells(cols, 0);
      const line = row.map((x) => `,${numCell(x)}`).join('');
      expect(out.done()).toBe(line + line);
    }
  });

  test('text and encoded bytes are UTF-8 of the string path: quoting, newlines, é, emoji', () => {
    const out = new CsvBytes(16);
    let want = '';
    for (let k = 0; k < 2000; k++) {
      const name = NAMES[k % NAMES.length]!;
      if (k % 2) out.text(textCell(name));
      else out.bytes(CsvBytes.encode(`${textCell(name)},`));
      out.uint(k);
      out.byte(10);
      want += `${textCell(name)}${k % 2 ? '' : ','}${k}\n`;
    }
    const got = out.done();
    expect(got).toBe(want);
    expect(new TextEncoder().encode(got)).toEqual(new TextEncoder().encode(want));
    expect(textCell('naïve, "ünïcode"\n✓')).toBe('"naïve, ""ünïcode""\n✓"');
  });

  test('done() hands the buffer on: a later writer never sees an earlier one\'s text', () => {
    const a = new CsvBytes();
    a.text('first table, long enough to fill some of the buffer\n'.repeat(100));
    expect(a.done()).toHaveLength(5200);
    const b = new CsvBytes(); // takes a's buffer
    const c = new CsvBytes(); // the spare is taken: a buffer of its own
    b.text('b\n');
    c.text('c\n');
    b.num(1.5);
    c.num(-2.25);
    expect([b.done(), c.done()]).toEqual(['b\n1.5', 'c\n-2.25']);
    a.text('again');
    expect(a.done()).toBe('again'); // a starts empty after done()
  });
});
