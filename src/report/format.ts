/** Number formatting for people (the report); CSVs keep full precision. Locale-free, so deterministic. */

/** 1234567.8 → "1,234,568" (rounded to an integer). */
export function thousands(x: number): string {
  const s = Math.round(Math.abs(x)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (x < 0 && Math.round(Math.abs(x)) !== 0 ? '−' : '') + s;
}

/** A quantity to about 3 significant figures, thousands separated; "–" when not a number. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 100) return thousands(x);
  const d = a >= 10 ? 1 : a >= 1 ? 2 : 3;
  const s = a.toFixed(d);
  return (x < 0 && Number(s) !== 0 ? '−' : '') + s;
}

/** A signed quantity: "+12.3", "−4.0". */
export function signed(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const s = num(x);
  return s.startsWith('−') || Number(s.replace(/,/g, '')) === 0 ? s : `+${s}`;
}

/** A signed percentage with one decimal: "+12.3%". */
export function pct(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const s = Math.abs(x).toFixed(1);
  return `${x < 0 && Number(s) !== 0 ? '−' : Number(s) !== 0 ? '+' : ''}${s}%`;
}

/** Pounds, rounded to the nearest £100 above £10,000: "£1,234,500". */
export function gbp(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const r = Math.abs(x) >= 10000 ? Math.round(x / 100) * 100 : Math.round(x);
  return `${r < 0 ? '−' : ''}£${thousands(Math.abs(r))}`;
}

/** A signed amount of money: "+£1,200", "−£3,400". */
export function signedGbp(x: number): string {
  const s = gbp(x);
  return s.startsWith('−') || s === '£0' || s === '–' ? s : `+${s}`;
}

/** "1 replication", "3 replications". */
export const plural = (n: number, word: string): string => `${n} ${n === 1 ? word : `${word}s`}`;

/** Escape text for HTML and SVG text nodes and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A unit cost as set: "£42", "£36,428", "£42.50". */
export function unitGbp(x: number): string {
  return Number.isInteger(x) ? `£${thousands(x)}` : `£${x.toFixed(2)}`;
}
