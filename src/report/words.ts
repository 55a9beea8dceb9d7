/**
 * Plain words for a board: abbreviations spelt out at first use, chances in calibrated words,
 * changes as "halved" or "3.4 times the baseline", parameters by their schema description.
 */
import { TSO_TYPE_LABELS, TSO_TYPES, type TsoType } from '../model/params.js';

/** What "95% interval" means, in the report's words. */
export const INTERVAL_MEANS = 'the range that contains the true average 95 times in 100, given the model\'s assumptions';

const TERMS: Array<{ key: string; re: RegExp; long: string }> = [
  { key: 'TSO', re: /\bTSOs\b/, long: 'third-sector organisations (TSOs)' },
  { key: 'TSO', re: /\bTSO\b/, long: 'third-sector organisation (TSO)' },
  { key: 'CLW', re: /\bCLWs\b/, long: 'community link workers (CLWs)' },
  { key: 'CLW', re: /\bCLW\b/, long: 'community link worker (CLW)' },
  { key: 'MH', re: /\bMH\b/, long: 'mental-health (MH)' },
];

/** Spells each abbreviation out the first time it is used in the text it is given, in order. */
export class Glossary {
  private readonly used = new Set<string>();
  expand(text: string): string {
    let out = text;
    for (const key of new Set(TERMS.map((t) => t.key))) {
      if (this.used.has(key)) continue;
      // the earliest use of any form of the term is the one spelt out
      const hits = TERMS.filter((t) => t.key === key).map((t) => ({ t, at: out.search(t.re) })).filter((h) => h.at >= 0);
      if (hits.length === 0) continue;
      const first = hits.reduce((a, b) => (b.at < a.at ? b : a));
      out = out.replace(first.t.re, first.t.long);
      this.used.add(key);
    }
    return out;
  }
}

/** Calibrated language for a probability (as the IPCC uses it). */
export function likelihood(p: number): string {
  if (p >= 0.99) return 'virtually certain';
  if (p >= 0.9) return 'very likely';
  if (p >= 0.66) return 'likely';
  if (p > 0.33) return 'about as likely as not';
  if (p > 0.1) return 'unlikely';
  if (p > 0.01) return 'very unlikely';
  return 'exceptionally unlikely';
}

/** The fewest pairs for which a share is put in calibrated words (3 of 3 is not "virtually certain"). */
export const MIN_N_WORDS = 10;

/** "virtually certain: 40 of 40 paired runs", or only the count with fewer than MIN_N_WORDS pairs. */
export function chanceWords(p: number, n: number, drawn: boolean): string {
  const c = chance(p, n, drawn).replace(/^in /, '');
  return n >= MIN_N_WORDS ? `${likelihood(p)}: ${c}` : c;
}

/**
 * In how many of the paired runs something happened: "in 35 of 40 paired runs" (chance alone), or
 * "in 88% of the plausible worlds drawn" (with posterior draws, chance and parameters together).
 */
export function chance(p: number, n: number, drawn: boolean): string {
  return drawn ? `in ${Math.round(100 * p)}% of the plausible worlds drawn` : `in ${Math.round(p * n)} of ${n} paired runs`;
}

/** A change from `from` to `to` in words: "halved", "doubled", "15.6 times the baseline", "up 43%". */
export function changeWords(from: number, to: number): string {
  if (from === 0) return to === 0 ? 'unchanged' : 'up from none';
  if (to === 0) return 'down to none';
  const r = to / from;
  if (r >= 1.9 && r < 2.1) return 'doubled';
  if (r >= 2.1) return `${r >= 10 ? Math.round(r) : r.toFixed(1)} times the baseline`;
  if (r >= 0.45 && r <= 0.55) return 'halved';
  const p = Math.round(100 * Math.abs(r - 1));
  return p === 0 ? 'little changed' : `${r > 1 ? 'up' : 'down'} ${p}%`;
}

/**
 * A parameter named by its schema description, shortened to its first clause ("Demand level:
 * multiplies …" → "demand level"); a per-type parameter keeps its type.
 */
export function paramLabel(path: string, description: string): string {
  let s = description.split(/: |; /)[0]!.replace(/ \(.*$/, '');
  const type = path.split('.').pop() as TsoType;
  if (TSO_TYPES.includes(type)) s += `, ${TSO_TYPE_LABELS[type].replace(/ \(.*$/, '')}`;
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
