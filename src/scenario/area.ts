/**
 * An area: a scenario whose TSOs are the organisations of a register (area.yaml's
 * `organisations: organisations.csv`) instead of tso.count TSOs per type. The register fixes
 * each organisation's type, grant, places or cost per place and programme, so the parameters it
 * replaces may not be set in an area (they would do nothing): every such attempt is one line
 * naming the file and field. tso.costPerPlaceYear still acts: moving it (a posterior draw, a
 * sweep) scales every organisation's cost per place of that type alike. Node-free.
 */
import { type Params, TSO_TYPES, defaults, getParam } from '../model/params.js';
import type { Intervention, Organisation, Scenario } from '../model/scenario.js';
import { InputError } from './errors.js';
import type { Register } from './register.js';
import type { LayerIntervention } from './checks.js';
import { grantsLabel, resolveGrants } from './grants.js';

/** Parameters the register replaces in an area. */
export const REGISTER_PARAMS = ['tso.count', 'tso.fundingPerYear', 'tso.fundingSpread', 'tso.programmeWeeks'];
export const replacedByRegister = (path: string): boolean => REGISTER_PARAMS.some((r) => path === r || path.startsWith(`${r}.`));

const refusal = (where: string, path: string) =>
  new InputError(`${where}: ${path}: set by the area's register of organisations (organisations.csv) in an area; change the register (or a grant, with grants: in an intervention) instead`);

/** Refuse parameters the register replaces, wherever they were set (a file's params, --set). */
export function checkAreaParams(where: string, paths: string[]): void {
  for (const p of paths) if (replacedByRegister(p)) throw refusal(where, p);
}

/**
 * The register's rows as the model's organisations, at the area's parameters. A row that gives
 * places gets the cost per place that buys exactly those places at the start (trust at
 * trust.initial stretches them by tso.trustCapacityFlex, as funding.ts does).
 */
export function organisationsOf(reg: Register, p: Params): Organisation[] {
  const stretch = 1 + p.tso.trustCapacityFlex * p.trust.initial;
  return reg.rows.map((r) => ({
    id: r.id, name: r.name, type: r.type, grant: r.grant,
    // + 1e-6 place: floor(grant ÷ cost × stretch) gives `places`, not one fewer by rounding
    costPerPlace: r.costPerPlace ?? (r.grant * stretch) / (r.places! + 1e-6),
    costRef: p.tso.costPerPlaceYear[r.type],
    programmeWeeks: r.programmeWeeks, otherIncome: r.otherIncome,
    ...(r.coreCost !== undefined ? { coreCost: r.coreCost } : {}),
    ...(r.waitingNow !== undefined ? { waitingNow: r.waitingNow } : {}),
  }));
}

/** TSO counts per type as the register has them. */
export function countsOf(orgs: Organisation[]): Params['tso']['count'] {
  const c = Object.fromEntries(TSO_TYPES.map((t) => [t, 0])) as Params['tso']['count'];
  for (const o of orgs) c[o.type]++;
  return c;
}

/** Interventions as the model runs them: grant changes resolved against the register, labels worded. */
export function resolveInterventions(ivs: LayerIntervention[], orgs: Organisation[] | undefined): Intervention[] {
  return ivs.map(({ grantSpecs, ...iv }) => {
    if (!grantSpecs) return iv;
    if (!orgs) throw new InputError(`${grantSpecs[0]!.at.replace(/\[0\]$/, '')}: grant changes need an area: a scenario with organisations: (a register), in this file or one it extends`);
    const words = iv.label === '' ? [Object.entries(iv.set).map(([p, v]) => `${p} = ${v}`).join(', '), grantsLabel(grantSpecs, orgs)].filter((x) => x).join('; ') : iv.label;
    return { ...iv, label: words, grants: resolveGrants(grantSpecs, orgs) };
  });
}

/** An area's cross-field checks (buildScenario): also catches sweeps, draws and interventions of replaced parameters. */
export function checkArea(file: string, s: Scenario): void {
  const orgs = s.organisations;
  if (!orgs) {
    s.interventions.forEach((iv, k) => {
      if (iv.grants?.length) throw new InputError(`${file}: interventions[${k}].grants: grant changes need an area (a scenario with organisations:)`);
    });
    return;
  }
  const counts = countsOf(orgs);
  const d = defaults();
  for (const path of REGISTER_PARAMS.flatMap((r) => (r === 'tso.fundingSpread' ? [r] : TSO_TYPES.map((t) => `${r}.${t}`)))) {
    const want = path.startsWith('tso.count.') ? counts[path.slice(10) as keyof typeof counts] : getParam(d, path);
    if (getParam(s.params, path) !== want) throw refusal(file, path);
  }
  s.interventions.forEach((iv, k) => {
    checkAreaParams(`${file}: interventions[${k}].set`, Object.keys(iv.set));
    for (const g of iv.grants ?? [])
      if (!Number.isInteger(g.org) || g.org < 0 || g.org >= orgs.length || !(g.mult >= 0 && g.mult <= 1e6))
        throw new InputError(`${file}: interventions[${k}].grants: expected organisations of the register (0 to ${orgs.length - 1}) and grant multiples ≥ 0, got ${JSON.stringify(g)}`);
  });
}
