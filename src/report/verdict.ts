/**
 * The one-line verdict that opens each option's summary: the money over the comparison window
 * (grants, GP and statutory time with its chance, the net and whether its sign can flip), the
 * TSOs closed, completed programmes, and the largest harm found by the ranking rule (./harms.ts).
 * Money is quoted in spans carrying their costs row, facts in spans carrying their measure.
 */
import type { Arm } from './arms.js';
import type { Window } from '../scenario/stats.js';
import { type ComparisonRow, findRow } from './compare.js';
import type { CostRow } from './costs.js';
import type { Sensitivity } from './sensitivity.js';
import { el, type Markup } from './svg.js';
import { gbp, signedGbp } from './format.js';
import { MIN_N, tooFew } from './intervals.js';
import { benefits, harms, verdictOf } from './harms.js';
import { MEASURES, fromTo } from './measures.js';
import { chanceWords, changeWords, type Glossary } from './words.js';
import { closures, unchanged, costClaim, costDirection, costRow, periodWords, undoneBy } from './money.js';
import { flipPhrase } from './flips.js';

export interface VerdictInput {
  base: Arm;
  arm: Arm;
  rows: ComparisonRow[];
  costs: CostRow[];
  window: Window;
  sensitivity?: Sensitivity;
  /** Replications drew their parameters from a posterior. */
  drawn: boolean;
  glossary: Glossary;
  /** Name the option in the verdict (several options in one report). */
  named?: boolean;
}

const fact = (r: ComparisonRow, text: string) =>
  el('span', { class: 'fact', 'data-metric': r.metric, 'data-baseline': r.baseline, 'data-value': r.value, 'data-low': r.diffLow, 'data-high': r.diffHigh }, text);

/** "completed programmes halved (16.5 → 8.3 a week)". */
const moveWords = (r: ComparisonRow) => `${MEASURES[r.metric].noun} ${changeWords(r.baseline, r.value)} (${fromTo(r.metric, r.baseline, r.value)})`;

const TSOS = 'grants to TSOs, the charities and community groups that link workers refer people to';

function grantsWords(g: CostRow, few: boolean): string {
  if (unchanged(g)) return `leaves ${TSOS.replace('grants to', 'grants unchanged to')}`;
  const d = few ? (g.diff < 0 ? 'down' : 'up') : costDirection(g);
  if (d === 'unclear') return `no clear change (${signedGbp(g.diff)} a year) in ${TSOS}`;
  return `${d === 'down' ? 'saves' : 'adds'} ${gbp(Math.abs(g.diff))} a year in ${TSOS}`;
}

function moneyParts(v: VerdictInput): Markup[] {
  const name = v.arm.scenario.name;
  const [g, s, n] = (['grants', 'services', 'net'] as const).map((c) => costRow(v.costs, name, c, 'per_year')) as [CostRow, CostRow, CostRow];
  const few = n.n < MIN_N;
  const grants = costClaim(g, v.glossary.expand(grantsWords(g, few)));
  const sd = costDirection(s);
  const p = sd === 'up' ? s.pMore : s.pSaving;
  const services = costClaim(s, few ? `GP and other statutory costs ${signedGbp(s.diff)} a year (${tooFew(s.n)})`
    : sd === 'unclear' ? `no clear change in GP and other statutory costs (${signedGbp(s.diff)} a year)`
      : `${sd === 'up' ? 'costs' : 'saves'} ${gbp(Math.abs(s.diff))} a year ${sd === 'up' ? 'more ' : ''}in GP and other statutory time (${chanceWords(p, s.n, v.drawn)})`);
  const nd = costDirection(n);
  const net = costClaim(n, nd === 'unclear' ? `no clear net saving or cost (${signedGbp(n.diff)} a year)`
    : `net, a ${nd === 'down' ? 'saving' : 'cost'} of ${gbp(Math.abs(n.diff))} a year${flipPhrase(v.costs, name, v.sensitivity, v.drawn)}`);
  const out = [grants, services, net];
  const run = costRow(v.costs, name, 'net', 'horizon_total');
  const rd = costDirection(run);
  if (rd !== 'unclear' && nd !== 'unclear' && rd !== nd)
    out.push(el('span', {}, `over ${periodWords(run, v.arm.scenario.weeks)}, `, costClaim(run, `a net ${rd === 'down' ? 'saving' : 'cost'} of ${gbp(Math.abs(run.diff))}`)));
  return out;
}

function outcomeParts(v: VerdictInput): Markup[] {
  const name = v.arm.scenario.name;
  const out: Markup[] = [];
  const open = findRow(v.rows, name, 'active_tsos');
  if (open && verdictOf(open) === 'worse') {
    const back = undoneBy(v.arm.scenario, v.base.scenario, v.window.from);
    if (back === undefined) out.push(fact(open, v.glossary.expand(`${Math.round(open.baseline - open.value)} of ${Math.round(open.baseline)} TSOs closed`)));
    else {
      // undone before the window: how many closed while it lasted, and how many reopened since
      const c = closures(v.base, v.arm, back);
      out.push(el('span', { class: 'fact', 'data-metric': 'active_tsos', 'data-closed': c.closed, 'data-reopened': c.reopened },
        v.glossary.expand(`${c.closed} of ${Math.round(open.baseline)} TSOs closed while the change lasted and ${c.reopened === 0 ? 'none' : `only ${c.reopened}`} reopened after week ${back}`)));
    }
  }
  const done = findRow(v.rows, name, 'completions');
  if (done && verdictOf(done)) out.push(fact(done, moveWords(done)));
  const top = harms(v.rows, name).find((h) => h.tier === 'people' && h.metric !== 'active_tsos' && h.metric !== 'completions');
  if (top) out.push(fact(top.row, v.glossary.expand(moveWords(top.row))));
  else if (harms(v.rows, name).length === 0 && v.arm.runs.length >= MIN_N) {
    out.push(el('span', {}, 'no measure clearly worse'));
    const best = benefits(v.rows, name).find((b) => b.metric !== 'completions');
    if (best) out.push(fact(best.row, `largest gain: ${moveWords(best.row)}`));
  }
  return out;
}

export function verdictLine(v: VerdictInput): Markup {
  const per = costRow(v.costs, v.arm.scenario.name, 'net', 'per_year');
  const parts = [...moneyParts(v), ...outcomeParts(v)];
  return el('p', { class: 'verdict', 'data-scenario': v.arm.scenario.name },
    el('strong', {}, `Verdict${v.named ? ` on ${v.arm.scenario.name}` : ''}, over ${periodWords(per, v.arm.scenario.weeks)}:`), ' ',
    parts.map((p, i) => [i > 0 ? '; ' : '', p]), '.');
}
