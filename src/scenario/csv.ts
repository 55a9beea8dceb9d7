/** CSV text (csv-stringify) and number formatting; Node-free (the explorer bundles csv-stringify's browser build). */
import { stringify } from 'csv-stringify/sync';

/** Round for output: 6 decimals, integers as they are, NaN/Infinity as empty cells. */
export function fmt(x: number): string | number {
  if (!Number.isFinite(x)) return '';
  if (Number.isInteger(x)) return x;
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

export function toCsv(header: string[], rows: Array<Array<string | number>>): string {
  return stringify(rows, { header: true, columns: header });
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
