/**
 * CSV text built as UTF-8 bytes in a growing buffer and decoded once, for the large run tables
 * (src/scenario/tables.ts). Joining ~60 strings per line and collecting the lines left V8 in string
 * building and garbage collection; bytes written in place are 2-5 times faster (bench/README.md,
 * "CSV as bytes"). Numbers are written exactly as numCell (csv.ts) writes them, digit by digit from
 * the same 6-decimal integer; the cases numCell writes otherwise (|x| ≥ 1e9, NaN, ±Infinity) are
 * copied from numCell. Text goes in as given: quoting is the caller's (textCell). Node-free (the
 * explorer bundles it): TextEncoder and TextDecoder, no Buffer.
 */
import { numCell } from './csv.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** The most bytes numInto writes: '-', 9 digits, '.', 6 digits. */
const NUM_MAX = 17;
/** Buffers up to this size are kept for the next writer (below). */
const SPARE_MAX = 1 << 24;
/**
 * The buffer of the last finished writer. A fresh multi-megabyte buffer costs as much as a third
 * of the writing (zeroed pages, and V8 counts it as external memory toward a full collection), so
 * one is kept: at most SPARE_MAX bytes held between calls.
 */
let spare: Uint8Array | undefined;

export class CsvBytes {
  private buf: Uint8Array;
  private n = 0;

  /** capacity: the first buffer's size; without it, the spare buffer (if any) or 64 kB. */
  constructor(capacity?: number) {
    if (capacity === undefined && spare) {
      this.buf = spare;
      spare = undefined;
    } else this.buf = new Uint8Array(Math.max(16, capacity ?? 1 << 16));
  }

  /** The buffer, with room for k more bytes (doubling: amortised one copy of the text). */
  private room(k: number): Uint8Array {
    if (this.n + k > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
      next.set(this.buf.subarray(0, this.n));
      this.buf = next;
    }
    return this.buf;
  }

  /** One ASCII byte (a comma, a newline). */
  byte(c: number): void {
    this.room(1)[this.n++] = c;
  }

  /** A string as UTF-8: ASCII copied, the rest (from its first non-ASCII character) by TextEncoder. */
  text(s: string): void {
    const buf = this.room(3 * s.length); // at most 3 bytes per UTF-16 unit (a surrogate pair: 4 for 2)
    let p = this.n;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c >= 0x80) {
        this.n = p + encoder.encodeInto(s.slice(k), buf.subarray(p)).written;
        return;
      }
      buf[p++] = c;
    }
    this.n = p;
  }

  /** Bytes encoded once by CsvBytes.encode (a run's first cells, repeated on each of its lines). */
  bytes(b: Uint8Array): void {
    const buf = this.room(b.length);
    let p = this.n;
    for (let k = 0; k < b.length; k++) buf[p++] = b[k]!;
    this.n = p;
  }

  /** A whole number 0 ≤ v < 2^31 (a week): `${v}`. */
  uint(v: number): void {
    this.n = digits(this.room(10), this.n, v);
  }

  /** numCell(x). */
  num(x: number): void {
    const p = numInto(this.room(NUM_MAX), this.n, x);
    if (p >= 0) this.n = p;
    else this.text(numCell(x));
  }

  /** `,numCell(c[w])` for each column c: a line's numbers, with one check of room. */
  cells(cols: ReadonlyArray<ArrayLike<number>>, w: number): void {
    let buf = this.room(cols.length * (NUM_MAX + 1));
    let p = this.n;
    for (let k = 0; k < cols.length; k++) {
      const x = cols[k]![w]!;
      buf[p++] = 44;
      const q = numInto(buf, p, x);
      if (q >= 0) p = q;
      else {
        this.n = p;
        this.text(numCell(x));
        buf = this.room((cols.length - k) * (NUM_MAX + 1));
        p = this.n;
      }
    }
    this.n = p;
  }

  /** The text written, decoded once; the buffer goes to the next writer, and this one starts empty. */
  done(): string {
    const text = decoder.decode(this.buf.subarray(0, this.n));
    if (this.buf.length <= SPARE_MAX) spare = this.buf;
    this.buf = new Uint8Array(16);
    this.n = 0;
    return text;
  }

  /** A string's UTF-8 bytes, for bytes(). */
  static encode(s: string): Uint8Array {
    return encoder.encode(s);
  }
}

/**
 * numCell(x) written at buf[p] (NUM_MAX bytes free); returns the end, or -1 where numCell takes its
 * other paths (NaN, ±Infinity, |x| ≥ 1e9). Integers (most counts) are written directly, the others
 * from n = round(x · 1e6) as numCell does; in int32 arithmetic, as % 10 on a double is a call.
 */
function numInto(buf: Uint8Array, p: number, x: number): number {
  if (!(x < 1e9 && x > -1e9)) return -1;
  if (Number.isInteger(x)) {
    const v = x | 0; // exact below 1e9; -0 becomes 0, written '0' as `${-0}` is
    if (v < 0) {
      buf[p++] = 45;
      return digits(buf, p, -v);
    }
    return digits(buf, p, v);
  }
  const n = Math.round(x * 1e6);
  if (n === 0) {
    buf[p] = 48;
    return p + 1;
  }
  if (n < 0) buf[p++] = 45;
  const abs = n < 0 ? -n : n;
  const whole = (abs / 1e6) | 0; // floor, as abs / 1e6 < 1e9 < 2^31
  let frac = (abs - whole * 1e6) | 0;
  p = digits(buf, p, whole);
  if (frac === 0) return p;
  buf[p++] = 46;
  let end = p + 6;
  while (frac % 10 === 0) {
    frac = (frac / 10) | 0;
    end--;
  }
  for (let k = end - 1; k >= p; k--) {
    buf[k] = 48 + (frac % 10);
    frac = (frac / 10) | 0;
  }
  return end;
}

/** 0 ≤ v < 2^31 in decimal at buf[p]; returns the end. */
function digits(buf: Uint8Array, p: number, v: number): number {
  const end = p + (v < 10 ? 1 : v < 100 ? 2 : v < 1e3 ? 3 : v < 1e4 ? 4 : v < 1e5 ? 5 : v < 1e6 ? 6 : v < 1e7 ? 7 : v < 1e8 ? 8 : v < 1e9 ? 9 : 10);
  for (let k = end - 1; k >= p; k--) {
    buf[k] = 48 + (v % 10);
    v = (v / 10) | 0;
  }
  return end;
}
