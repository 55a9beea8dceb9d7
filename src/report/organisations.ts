/**
 * An area's organisations in the report: each one's chance of closing, where the people its
 * closure sends back go next, and the organisations most at risk; organisations_summary.csv with
 * every organisation of every arm. From the arms' per-organisation results (organisations.csv),
 * so `clwsim report` rebuilds it from disk. Pure.
 */
import type { Organisation, Scenario } from '../model/scenario.js';
import { DESTINATIONS } from '../model/orgs.js';
import { TSO_TYPE_LABELS, TSO_TYPES, WEEKS_PER_YEAR } from '../model/params.js';
import type { Arm } from './arms.js';
import { el, type Child } from './svg.js';
import { gbp, num, plural } from './format.js';
import { wrap } from './tables.js';
import { fmt, toCsv } from '../scenario/csv.js';

export interface OrgStat {
  org: Organisation;
  /** Grant at the end of the run, £ a year, after the scenario's grant and funding changes. */
  grantEnd: number;
  pClose: number;
  /** Median week of closure among the replications in which it closed (NaN if none). */
  closedWeek: number;
  servedPerYear: number;
  completedPerYear: number;
  waitingEnd: number;
  places: number;
  displaced: number;
  /** Mean displaced people per replication, by DESTINATIONS. */
  displacedTo: number[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Grant of organisation j at the end of the run: the last grant change and its type's last funding multiplier. */
export function grantAtEnd(s: Scenario, j: number): number {
  const o = s.organisations![j]!;
  let mult = 1;
  let typeMult = s.params.funding.multiplier[o.type];
  for (const iv of [...s.interventions].sort((a, b) => a.week - b.week)) {
    const g = iv.grants?.find((x) => x.org === j);
    if (g) mult = g.mult;
    const t = iv.set[`funding.multiplier.${o.type}`];
    if (typeof t === 'number') typeMult = t;
  }
  return o.grant * mult * typeMult;
}

/** Per organisation of an arm, over its replications (flows a year over the weeks after the warm-up). */
export function orgStats(arm: Arm): OrgStat[] {
  const s = arm.scenario;
  const runs = arm.runs.filter((r) => r.orgs);
  const perYear = WEEKS_PER_YEAR / Math.max(1, s.weeks - s.warmup);
  return (s.organisations ?? []).map((org, j) => {
    const closed = runs.map((r) => r.orgs!.closedWeek[j]!).filter((w) => w > 0);
    const avg = (f: (o: NonNullable<(typeof runs)[0]['orgs']>) => number) => mean(runs.map((r) => f(r.orgs!)));
    return {
      org, grantEnd: grantAtEnd(s, j), pClose: runs.length ? closed.length / runs.length : NaN, closedWeek: median(closed),
      servedPerYear: avg((o) => o.served[j]!) * perYear, completedPerYear: avg((o) => o.completed[j]!) * perYear,
      waitingEnd: avg((o) => o.waitingEnd[j]!), places: avg((o) => o.places[j]!), displaced: avg((o) => o.displaced[j]!),
      displacedTo: DESTINATIONS.map((_, d) => avg((o) => o.displacedTo[j]![d]!)),
    };
  });
}

const DEST_WORDS: Record<string, string> = { ...Object.fromEntries(TSO_TYPES.map((t) => [t, `referred on to a ${TSO_TYPE_LABELS[t].replace(/ \(.*$/, '')} organisation`])), left: 'left the service without a new place', with_clw: 'still with their link worker at the end' };

/** "Of the N people …, a% were referred on to … ": where displaced people went, over every organisation. */
export function whereTheyGo(stats: OrgStat[]): string {
  const total = stats.reduce((a, s) => a + s.displaced, 0);
  if (!(total > 0)) return 'No organisation closed with people in its care or on its list, so nobody was displaced.';
  const by = DESTINATIONS.map((d, k) => ({ d, n: stats.reduce((a, s) => a + s.displacedTo[k]!, 0) })).filter((x) => x.n > 0).sort((a, b) => b.n - a.n);
  return `Closures sent ${num(total)} people a replication back to their link worker (on average); of them, ${by.map((x) => `${Math.round((100 * x.n) / total)}% ${DEST_WORDS[x.d]}`).join(', ')}.`;
}

/** Most at risk first: chance of closing, then the people it would displace, then register order. */
export const byRisk = (stats: OrgStat[]) => [...stats].sort((a, b) => b.pClose - a.pClose || b.displaced - a.displaced || stats.indexOf(a) - stats.indexOf(b));

/** A mean count of organisations: 20, 0, 3.5. */
const orgCount = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
const pc = (p: number) => (Number.isFinite(p) ? `${Math.round(100 * p)}%` : '–');

function riskTable(stats: OrgStat[], base: OrgStat[] | undefined, top: number): Child {
  const rows = byRisk(stats).filter((s) => s.pClose > 0).slice(0, top);
  if (!rows.length) return el('p', {}, 'No organisation closed in any replication.');
  return wrap(el('table', { class: 'orgs-risk' },
    el('thead', {}, el('tr', {}, ['Organisation', 'Type', 'Grant now → at the end', 'Chance it closes', base ? 'Baseline chance' : false, 'Median week it closes', 'People displaced (mean a replication)', 'Where they went'].filter(Boolean).map((h) => el('th', {}, h as string)))),
    el('tbody', {}, rows.map((s) => {
      const b = base?.find((x) => x.org.id === s.org.id);
      const went = DESTINATIONS.map((d, k) => ({ d, n: s.displacedTo[k]! })).filter((x) => x.n > 0).sort((a, c) => c.n - a.n).map((x) => `${num(x.n)} ${x.d === 'left' ? 'left' : x.d === 'with_clw' ? 'with CLW' : `to ${x.d}`}`).join(', ');
      return el('tr', { 'data-org': s.org.id },
        el('td', {}, s.org.name, el('br'), el('span', { class: 'meta' }, el('code', {}, s.org.id))), el('td', {}, s.org.type),
        el('td', {}, `${gbp(s.org.grant)} → ${gbp(s.grantEnd)}`), el('td', { 'data-field': 'p_close', 'data-value': s.pClose }, pc(s.pClose)),
        base ? el('td', { 'data-field': 'p_close_baseline', 'data-value': b?.pClose ?? NaN }, pc(b?.pClose ?? NaN)) : false,
        el('td', {}, Number.isFinite(s.closedWeek) ? String(Math.round(s.closedWeek)) : '–'), el('td', {}, num(s.displaced)), el('td', {}, went || '–'));
    }))));
}

function fullTable(stats: OrgStat[]): Child {
  return el('details', {}, el('summary', {}, `Every organisation (${stats.length})`),
    wrap(el('table', { class: 'orgs-all' },
      el('thead', {}, el('tr', {}, ['Organisation', 'Type', 'Grant at the end', 'Chance it closes', 'Places at the end', 'Started a year', 'Completed a year', 'Waiting at the end'].map((h) => el('th', {}, h)))),
      el('tbody', {}, stats.map((s) => el('tr', { 'data-org': s.org.id }, el('td', {}, `${s.org.name} (${s.org.id})`), el('td', {}, s.org.type), el('td', {}, gbp(s.grantEnd)),
        el('td', {}, pc(s.pClose)), el('td', {}, num(s.places)), el('td', {}, num(s.servedPerYear)), el('td', {}, num(s.completedPerYear)), el('td', {}, num(s.waitingEnd))))))));
}

/** The report's section on an area's organisations (nothing without a register). */
export function organisationsSection(base: Arm, arms: Arm[], top = 10): Child {
  if (!base.scenario.organisations) return false;
  const b = orgStats(base);
  const block = (a: Arm, versus?: typeof b): Child[] => {
    const st = orgStats(a);
    const exp = st.reduce((x, s) => x + s.pClose, 0);
    return [arms.length > 1 ? el('h3', {}, a.scenario.name) : false,
      el('p', {}, `${plural(st.filter((s) => s.pClose > 0).length, 'organisation')} of ${st.length} closed in at least one of ${plural(a.runs.length, 'replication')}; on average ${orgCount(exp)} closed${versus ? ` (baseline ${orgCount(versus.reduce((x, s) => x + s.pClose, 0))})` : ''}. ${whereTheyGo(st)}`),
      el('h4', {}, 'Most at risk'), riskTable(st, versus, top), fullTable(st)];
  };
  return el('section', { id: 'organisations' }, el('h2', {}, 'Organisations'),
    el('p', { class: 'note' }, 'Each organisation of the area\'s register: the share of replications in which it closed (its grant below its core costs once its reserves ran out), the people its closure sent back to their link worker and where they went next. Flows a year are over the weeks after the warm-up. Every organisation of every scenario is in organisations_summary.csv; each replication\'s, in runs/<scenario>/organisations.csv.'),
    arms.length ? arms.map((a) => block(a, b)) : block(base));
}

/** organisations_summary.csv: every organisation of every arm. */
export function organisationsSummaryCsv(all: Arm[]): string {
  const rows = all.flatMap((a) => orgStats(a).map((s) => [a.scenario.name, s.org.id, s.org.name, s.org.type, fmt(s.org.grant), fmt(s.grantEnd), fmt(s.pClose), fmt(s.closedWeek),
    fmt(s.places), fmt(s.servedPerYear), fmt(s.completedPerYear), fmt(s.waitingEnd), fmt(s.displaced), ...s.displacedTo.map(fmt), a.runs.length]));
  return toCsv(['scenario', 'organisation', 'name', 'type', 'grant_gbp', 'grant_end_gbp', 'p_close', 'closed_week_median', 'places_end', 'served_per_year', 'completed_per_year', 'waiting_end', 'displaced',
    ...DESTINATIONS.map((d) => `displaced_${d === 'left' || d === 'with_clw' ? d : `to_${d}`}`), 'n'], rows);
}
