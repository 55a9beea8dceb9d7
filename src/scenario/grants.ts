/**
 * Interventions by organisation, in an area: end, cut, restore or change named grants, or
 * replace them with one fund shared by a declared rule. Which grants: `all`, or a filter on the
 * register (ids, type, grant above or below an amount, the n smallest or largest), filters
 * combined with "and". Checked in two steps, each error one line naming the file and field:
 * the shape when a file is read (checkGrantSpecs), the organisations once the register is known
 * (resolveGrants). Each resolves to a new grant per organisation as a multiple of its register
 * grant; within one intervention a later change of the same organisation wins.
 */
import { TSO_TYPES, type TsoType } from '../model/params.js';
import type { GrantChange, Organisation } from '../model/scenario.js';
import { InputError, type Raw, isObj, show, nearest, keysOnly, intField } from './errors.js';

export const GRANT_ACTIONS = ['end', 'cut', 'restore', 'change', 'replace'] as const;
export type GrantAction = (typeof GRANT_ACTIONS)[number];
/** How a replacement fund is shared: in proportion to the register grants, equally, or in proportion to places. */
export const SHARE_RULES = ['pro-rata', 'equal', 'by-places'] as const;
export type ShareRule = (typeof SHARE_RULES)[number];
const SELECT_KEYS = ['ids', 'type', 'above_gbp', 'below_gbp', 'smallest', 'largest'];
const EXTRA: Record<GrantAction, string[]> = { end: [], cut: ['by'], restore: [], change: ['to_gbp'], replace: ['fund_gbp', 'rule'] };
const MAX_GBP = 1e9;

export interface Selector { ids?: string[]; types?: TsoType[]; aboveGbp?: number; belowGbp?: number; smallest?: number; largest?: number }

export interface GrantSpec {
  /** "file: interventions[k].grants[i]", for messages. */
  at: string;
  action: GrantAction;
  /** undefined: every organisation. */
  select?: Selector;
  by?: number;
  toGbp?: number;
  fundGbp?: number;
  rule?: ShareRule;
}

const gbp = (where: string, v: unknown): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_GBP) throw new InputError(`${where}: expected an amount in £ from 0 to ${MAX_GBP}, got ${show(v)}`);
  return v;
};

/** The `grants:` list of one intervention, checked for shape (the register is not known yet). */
export function checkGrantSpecs(file: string, path: string, raw: unknown): GrantSpec[] {
  const at = `${file}: ${path}`;
  if (!Array.isArray(raw) || raw.length === 0) throw new InputError(`${at}: expected a list of grant changes, e.g. [{ end: { smallest: 20 } }], got ${show(raw)}`);
  return raw.map((g: unknown, i) => {
    const here = `${at}[${i}]`;
    if (!isObj(g)) throw new InputError(`${here}: expected a mapping such as { cut: { type: activity }, by: 0.3 }, got ${show(g)}`);
    const acts = GRANT_ACTIONS.filter((a) => a in g);
    if (acts.length !== 1) throw new InputError(`${here}: expected exactly one of ${GRANT_ACTIONS.join(', ')}, got ${acts.length ? acts.join(' and ') : show(Object.keys(g))}`);
    const action = acts[0]!;
    keysOnly(file, `${path}[${i}]`, g, [action, ...EXTRA[action]]);
    const spec: GrantSpec = { at: here, action, select: checkSelector(file, `${path}[${i}].${action}`, g[action]) };
    if (action === 'cut') {
      if (typeof g.by !== 'number' || !(g.by > 0 && g.by <= 1)) throw new InputError(`${here}.by: expected the share of the grant cut, above 0 and at most 1 (0.3 = 30%), got ${show(g.by)}`);
      spec.by = g.by;
    }
    if (action === 'change') spec.toGbp = gbp(`${here}.to_gbp`, g.to_gbp);
    if (action === 'replace') {
      spec.fundGbp = gbp(`${here}.fund_gbp`, g.fund_gbp);
      if (!SHARE_RULES.includes(g.rule as ShareRule)) throw new InputError(`${here}.rule: expected how the fund is shared, one of ${SHARE_RULES.join(', ')}, got ${show(g.rule)}`);
      spec.rule = g.rule as ShareRule;
    }
    return spec;
  });
}

function checkSelector(file: string, path: string, raw: unknown): Selector | undefined {
  const at = `${file}: ${path}`;
  if (raw === 'all') return undefined;
  if (!isObj(raw) || Object.keys(raw).length === 0) throw new InputError(`${at}: expected all, or a filter with some of ${SELECT_KEYS.join(', ')}, got ${show(raw)}`);
  keysOnly(file, path, raw as Raw, SELECT_KEYS);
  const s: Selector = {};
  if (raw.ids !== undefined) {
    if (!Array.isArray(raw.ids) || raw.ids.length === 0 || raw.ids.some((x) => typeof x !== 'string' && typeof x !== 'number'))
      throw new InputError(`${at}.ids: expected a list of organisation ids from the register, got ${show(raw.ids)}`);
    s.ids = raw.ids.map(String);
  }
  if (raw.type !== undefined) {
    const types = Array.isArray(raw.type) ? raw.type : [raw.type];
    for (const t of types) if (!TSO_TYPES.includes(t as TsoType)) throw new InputError(`${at}.type: expected ${TSO_TYPES.join(', ')} (or a list of them), got ${show(t)}`);
    s.types = types as TsoType[];
  }
  if (raw.above_gbp !== undefined) s.aboveGbp = gbp(`${at}.above_gbp`, raw.above_gbp);
  if (raw.below_gbp !== undefined) s.belowGbp = gbp(`${at}.below_gbp`, raw.below_gbp);
  if (raw.smallest !== undefined) s.smallest = intField(`${at}.smallest`, raw.smallest, 1, 1e6);
  if (raw.largest !== undefined) s.largest = intField(`${at}.largest`, raw.largest, 1, 1e6);
  return s;
}

/** The organisations (register indices, in register order) a selector picks. */
export function selectOrgs(at: string, sel: Selector | undefined, orgs: Organisation[]): number[] {
  let idx = orgs.map((_, j) => j);
  if (!sel) return idx;
  if (sel.ids) {
    const byId = new Map(orgs.map((o, j) => [o.id, j]));
    for (const id of sel.ids) {
      if (!byId.has(id)) {
        const hint = nearest(id, orgs.map((o) => o.id));
        throw new InputError(`${at}.ids: unknown organisation ${show(id)}${hint ? ` (did you mean "${hint}"?)` : ''}; expected an id from the area's organisations.csv`);
      }
    }
    const want = new Set(sel.ids);
    idx = idx.filter((j) => want.has(orgs[j]!.id));
  }
  if (sel.types) idx = idx.filter((j) => sel.types!.includes(orgs[j]!.type));
  if (sel.aboveGbp !== undefined) idx = idx.filter((j) => orgs[j]!.grant > sel.aboveGbp!);
  if (sel.belowGbp !== undefined) idx = idx.filter((j) => orgs[j]!.grant < sel.belowGbp!);
  // smallest/largest by register grant, ties in register order
  const bySize = (dir: number) => [...idx].sort((a, b) => dir * (orgs[a]!.grant - orgs[b]!.grant) || a - b);
  if (sel.smallest !== undefined) idx = bySize(1).slice(0, sel.smallest).sort((a, b) => a - b);
  if (sel.largest !== undefined) idx = bySize(-1).slice(0, sel.largest).sort((a, b) => a - b);
  if (idx.length === 0) throw new InputError(`${at}: matches no organisation of the register; expected a filter that picks at least one`);
  return idx;
}

/** New grants, £ a year, when `fund` replaces the grants of `idx`, shared by `rule`. */
export function shareFund(fund: number, rule: ShareRule, idx: number[], orgs: Organisation[]): number[] {
  const weight = (j: number) => (rule === 'equal' ? 1 : rule === 'pro-rata' ? orgs[j]!.grant : orgs[j]!.grant / orgs[j]!.costPerPlace);
  const total = idx.reduce((a, j) => a + weight(j), 0);
  return idx.map((j) => (fund * weight(j)) / total);
}

/** An intervention's grant changes as multiples of the register grants (a later change of an organisation wins). */
export function resolveGrants(specs: GrantSpec[], orgs: Organisation[]): GrantChange[] {
  const mult = new Map<number, number>();
  for (const s of specs) {
    const idx = selectOrgs(`${s.at}.${s.action}`, s.select, orgs);
    const news = s.action === 'replace' ? shareFund(s.fundGbp!, s.rule!, idx, orgs) : undefined;
    idx.forEach((j, k) => {
      const g = orgs[j]!.grant;
      const m = s.action === 'end' ? 0 : s.action === 'cut' ? 1 - s.by! : s.action === 'restore' ? 1 : s.action === 'change' ? s.toGbp! / g : news![k]! / g;
      mult.set(j, m);
    });
  }
  return [...mult.entries()].sort((a, b) => a[0] - b[0]).map(([org, m]) => ({ org, mult: m }));
}

const pounds = (x: number) => `£${Math.round(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/** A label for an intervention whose file gives none: what each change does, in words. */
export function grantsLabel(specs: GrantSpec[], orgs: Organisation[]): string {
  return specs.map((s) => {
    const n = selectOrgs(`${s.at}.${s.action}`, s.select, orgs).length;
    const what = `${n} grant${n === 1 ? '' : 's'}`;
    if (s.action === 'cut') return `Cut ${what} by ${Math.round(s.by! * 1000) / 10}%`;
    if (s.action === 'change') return `Set ${what} to ${pounds(s.toGbp!)} a year`;
    if (s.action === 'replace') return `Replace ${what} with one ${pounds(s.fundGbp!)} fund shared ${s.rule === 'pro-rata' ? 'pro rata' : s.rule === 'equal' ? 'equally' : 'by places'}`;
    return `${s.action === 'end' ? 'End' : 'Restore'} ${what}`;
  }).join('; ');
}
