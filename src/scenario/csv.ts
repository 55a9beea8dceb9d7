/**
 * CSV text and number formatting; Node-free (the explorer bundles it).
 *
 * The writer produces exactly what csv-stringify (sync, default options) writes for our tables of
 * strings and numbers (tests/scenario/csv.test.ts compares the two on tricky and random tables),
 * at several times its speed: csv-stringify checks each field against every quoting option it
 * supports, 5-6 MB/s on a trajectories-like table in bench/README.md, and outputs of a sweep or a
 * national run are tens of megabytes.
 */

/** Round for output: 6 decimals, integers as they are, NaN/Infinity as empty cells. */
export function fmt(x: number): string | number {
  if (!Number.isFinite(x)) return '';
  if (Number.isInteger(x)) return x;
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

type Cell = string | number | boolean | null | undefined;

/**
 * A number as our CSV files hold it: exactly `${fmt(x)}`, 3-4 times faster. Below 1e9 in size,
 * fmt's n / 1e6 (n = round(x · 1e6)) is the double nearest the decimal n · 10⁻⁶, and no other
 * decimal of at most 6 places is that near (the spacing of doubles there is under 1e-6), so
 * JavaScript's shortest round-trip form of it is that decimal: written here from the integer n
 * instead of by the general double-to-string. tests/scenario/csv.test.ts checks it against fmt.
 */
export function numCell(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (Number.isInteger(x)) return `${x}`;
  if (!(x < 1e9 && x > -1e9)) return `${fmt(x)}`;
  const n = Math.round(x * 1e6);
  if (n === 0) return '0';
  const abs = n < 0 ? -n : n;
  const whole = Math.floor(abs / 1e6);
  let frac = abs - whole * 1e6;
  const sign = n < 0 ? '-' : '';
  if (frac === 0) return `${sign}${whole}`;
  let places = 6;
  while (frac % 10 === 0) {
    frac /= 10;
    places--;
  }
  return `${sign}${whole}.${`${frac}`.padStart(places, '0')}`;
}

/** A string field as csv-stringify writes it (for writers that build their lines themselves). */
export const textCell = (v: string): string => field(v);

/** A field as csv-stringify writes it: numbers as String(), booleans 1 or empty, quotes doubled inside quotes when needed. */
function field(v: Cell): string {
  if (typeof v === 'number') return `${v}`;
  if (typeof v === 'string') {
    for (let k = 0; k < v.length; k++) {
      const ch = v.charCodeAt(k);
      if (ch === 44 || ch === 34 || ch === 10 || ch === 13) return `"${v.replaceAll('"', '""')}"`; // , " \n \r
    }
    return v;
  }
  return v === true ? '1' : '';
}

/** One record (no newline); at most `max` fields (csv-stringify drops fields beyond the columns). */
function record(row: readonly Cell[], max: number, cells: string[]): string {
  const n = Math.min(row.length, max);
  cells.length = n;
  for (let k = 0; k < n; k++) cells[k] = field(row[k]);
  return cells.join(',');
}

/**
 * Lines are collected and joined once: appending to one growing string makes a rope of millions
 * of pieces that survive into the old generation (60% of the time in garbage collection).
 */
function lines(first: string | undefined, rows: ReadonlyArray<readonly Cell[]>, max: number): string {
  const out: string[] = first === undefined ? [] : [first];
  const cells: string[] = [];
  for (const row of rows) out.push(record(row, Math.min(max, row.length), cells));
  out.push('');
  return out.join('\n');
}

/** Records without a header (csv-stringify's stringify(rows)). */
export function csvRecords(rows: ReadonlyArray<readonly Cell[]>): string {
  return rows.length === 0 ? '' : lines(undefined, rows, Number.POSITIVE_INFINITY);
}

/** A header line and the rows (csv-stringify's stringify(rows, { header: true, columns: header })). */
export function toCsv(header: string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return lines(record(header, header.length, []), rows, header.length);
}

/** Split one CSV line (RFC 4180 quoting, as csv-stringify writes it). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '', q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') q = false; else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}
