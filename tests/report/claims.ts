/**
 * Checks that a report's words agree with its tables: every money claim quotes only its own
 * costs row (difference or interval ends), names its period just before it, and says "a year"
 * only for a per-year row; every amount in the summary sits in such a claim or in a claim from
 * the assumptions ranking. Works on the HTML text, so both node and browser tests use it.
 */
import { gbp } from '../../src/report/format.js';

type Row = Record<string, string>;

const unentity = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const text = (html: string) => unentity(html.replace(/<[^>]+>/g, ''));
const amounts = (s: string) => [...s.matchAll(/£\d{1,3}(?:,\d{3})*/g)].map((m) => m[0]);
const attr = (tag: string, name: string) => unentity(tag.match(new RegExp(`${name}="([^"]*)"`))?.[1] ?? '');

export interface MoneyClaim { cost: string; period: string; text: string; before: string }

/** The summary section's HTML. */
export const summaryOf = (html: string) => html.match(/<section id="summary">([\s\S]*?)<\/section>/)![1]!;

/** Every money claim of the summary, with the text of its paragraph before it. */
export function moneyClaims(html: string): MoneyClaim[] {
  const summary = summaryOf(html);
  return [...summary.matchAll(/<span class="claim"[^>]*data-cost="[^"]*"[^>]*>([^<]*)<\/span>/g)].map((m) => {
    const open = Math.max(summary.lastIndexOf('<p', m.index), summary.lastIndexOf('<li', m.index));
    return { cost: attr(m[0], 'data-cost'), period: attr(m[0], 'data-period'), text: unentity(m[1]!), before: text(summary.slice(open, m.index)) };
  });
}

/** Problems found (empty: the words agree with costs.csv and sensitivity.csv). */
export function moneyProblems(html: string, costs: Row[], sensitivity: Row[] = []): string[] {
  const problems: string[] = [];
  const claims = moneyClaims(html);
  if (claims.length === 0) problems.push('no money claims');
  for (const c of claims) {
    const row = costs.find((r) => r.component === c.cost && r.period === c.period);
    if (!row) { problems.push(`${c.cost} ${c.period}: no such costs row`); continue; }
    const allowed = new Set(['difference_gbp', 'diff_ci_low', 'diff_ci_high'].map((k) => gbp(Math.abs(Number(row[k])))));
    for (const a of amounts(c.text)) if (!allowed.has(a)) problems.push(`"${c.text}": ${a} is not ${[...allowed].join(' / ')} (${c.cost} ${c.period})`);
    const periods = [...`${c.before} ${c.text}`.matchAll(/weeks (\d+)–(\d+)/g)];
    const last = periods[periods.length - 1];
    if (!last || last[1] !== row.week_from || last[2] !== row.week_to) problems.push(`"${c.text}": the nearest period named is ${last?.[0] ?? 'none'}, expected weeks ${row.week_from}–${row.week_to}`);
    if (amounts(c.text).length && c.text.includes(' a year') !== (c.period === 'per_year')) problems.push(`"${c.text}": "a year" on a ${c.period} amount`);
  }
  // every amount in the summary is inside a checked claim
  const summary = summaryOf(html);
  const sens = [...summary.matchAll(/<span class="claim"[^>]*data-sensitivity="([^"]*)"[^>]*>([^<]*)<\/span>/g)];
  for (const m of sens) {
    const tag = m[0];
    const row = sensitivity.find((r) => r.parameter === m[1]);
    const shown = amounts(unentity(m[2]!));
    const expected = m[1] === 'as set' ? [Number(attr(tag, 'data-effect'))] : row ? [Number(row[attr(tag, 'data-end') === 'low' ? 'effect_at_low' : 'effect_at_high'])] : [];
    if (m[1] !== 'as set' && !row) problems.push(`sensitivity claim on ${m[1]}: not in sensitivity.csv`);
    if (m[1] === 'as set' && !sensitivity.some((r) => Math.abs(Number(r.effect_as_set) - expected[0]!) < 0.01)) problems.push(`"as set" effect ${expected[0]} is not in sensitivity.csv`);
    for (const a of shown) if (!expected.some((x) => gbp(Math.abs(x)) === a)) problems.push(`"${m[2]}": ${a} not in sensitivity.csv`);
  }
  const rest = text(summary.replace(/<span class="claim"[^>]*>[^<]*<\/span>/g, ''));
  for (const a of amounts(rest)) problems.push(`${a} in the summary outside any checked claim`);
  return problems;
}
