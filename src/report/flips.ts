/**
 * Whether the bottom line (the net cost difference a year) changes sign inside the plausible
 * range, said with its probability:
 *  - with posterior draws, the share of paired draws that save money (p_saving) is a probability
 *    over chance and the calibrated parameters together;
 *  - without, that share is over chance alone, and the assumptions ranking's low and high ends
 *    show which other assumption, moved by its ±25%, turns a saving into a cost or back.
 * Every amount quoted from the ranking sits in a span carrying its sensitivity row.
 */
import type { CostRow } from './costs.js';
import type { Sensitivity, SensitivityRow } from './sensitivity.js';
import { el, type Child, type Markup } from './svg.js';
import { signedGbp } from './format.js';
import { chance, likelihood, MIN_N_WORDS, paramLabel } from './words.js';
import { costRow, costDirection } from './money.js';
import { MIN_N } from './intervals.js';

export interface FlipEnd { row: SensitivityRow; end: 'low' | 'high'; effect: number; at: number }

const sign = (x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** The ranking's ends whose net effect has the other sign from the same rows' effect as set, largest swing first. */
export function flipEnds(s: Sensitivity | undefined, scenario: string): FlipEnd[] {
  if (!s || s.scenario !== scenario) return [];
  const out: FlipEnd[] = [];
  for (const row of s.rows) {
    if (sign(row.effectRef) === 0) continue;
    for (const end of ['low', 'high'] as const) {
      const effect = end === 'low' ? row.effectLow : row.effectHigh;
      if (sign(effect) === -sign(row.effectRef)) out.push({ row, end, effect, at: end === 'low' ? row.low : row.high });
    }
  }
  return out; // rows are already ranked by swing
}

const fmtValue = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3))));

/** "demand level is 25% higher (1.25 instead of 1)". */
export function endWords(f: FlipEnd): string {
  const r = f.row;
  const pc = r.value !== 0 ? Math.round(Math.abs(100 * (f.at / r.value - 1))) : undefined;
  const how = pc !== undefined ? `${pc}% ${f.end === 'low' ? 'lower' : 'higher'}` : (f.end === 'low' ? 'lower' : 'higher');
  return `the ${paramLabel(r.path, r.description)} is ${how} (${fmtValue(f.at)} instead of ${fmtValue(r.value)})`;
}

const sensClaim = (f: FlipEnd, text: string) =>
  el('span', { class: 'claim', 'data-sensitivity': f.row.path, 'data-end': f.end, 'data-effect': f.effect, 'data-effect-ref': f.row.effectRef }, text);

/** The flip paragraph for one scenario, or undefined when the net keeps its sign everywhere we looked. */
export function flipParagraph(costs: CostRow[], scenario: string, s: Sensitivity | undefined, drawn: boolean): Markup | undefined {
  const net = costRow(costs, scenario, 'net', 'per_year');
  if (net.n < MIN_N) return undefined;
  const all = flipEnds(s, scenario);
  const ends = all.slice(0, 3);
  const mixed = net.pSaving > 0 && net.pMore > 0;
  if (ends.length === 0 && !mixed) return undefined;
  const saves = net.diff < 0;
  const parts: Child[] = [];
  if (mixed) {
    const pOther = saves ? net.pMore : net.pSaving;
    parts.push(`The net effect over weeks ${net.from}–${net.to} is a ${saves ? 'saving' : 'cost'} on average, but it `,
      el('span', { class: 'chance', 'data-cost': 'net', 'data-period': 'per_year', 'data-p': pOther },
        `${saves ? 'costs more' : 'saves money'} ${chance(pOther, net.n, drawn)}${net.n >= MIN_N_WORDS ? ` (${likelihood(pOther)})` : ''}`),
      drawn ? '. ' : ', with the assumptions as set. ');
  }
  if (ends.length > 0) {
    const ref = ends[0]!.row.effectRef;
    parts.push(`${mixed ? 'And the' : 'The'} net effect is a ${ref < 0 ? 'saving' : 'cost'} at the central values of the assumptions table (`,
      el('span', { class: 'claim', 'data-sensitivity': 'as set', 'data-effect': ref }, `${signedGbp(ref)} a year`),
      `) but turns to a ${ref < 0 ? 'cost' : 'saving'} if `,
      ends.map((f, i) => [i === 0 ? '' : i === ends.length - 1 ? ', or if ' : ', if ', sensClaim(f, `${endWords(f)}: ${signedGbp(f.effect)} a year`)]),
      all.length > ends.length ? ` (and ${all.length - ends.length} more in the table below)` : '',
      `. Check ${ends.length > 1 ? 'these assumptions' : 'this assumption'} locally before relying on the ${ref < 0 ? 'saving' : 'cost'}.`);
  }
  return el('p', { class: 'flip', 'data-scenario': scenario }, parts);
}

/** One short phrase for the verdict: "but a cost if demand level is 25% higher", or the chance of the other sign. */
export function flipPhrase(costs: CostRow[], scenario: string, s: Sensitivity | undefined, drawn: boolean): string {
  const net = costRow(costs, scenario, 'net', 'per_year');
  if (costDirection(net) === 'unclear') return '';
  const saves = net.diff < 0;
  const end = flipEnds(s, scenario).find((f) => sign(f.row.effectRef) === sign(net.diff));
  if (end) return `, but a ${saves ? 'cost' : 'saving'} if ${endWords(end)}`;
  const pOther = saves ? net.pMore : net.pSaving;
  return pOther > 0 ? `, though it ${saves ? 'costs more' : 'saves money'} ${chance(pOther, net.n, drawn)}` : '';
}
