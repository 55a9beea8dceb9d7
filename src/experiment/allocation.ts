/**
 * Ways of taking a saving S (£ a year) from an area's grants: a cut share x_j ∈ [0, 1] per
 * organisation with Σ x_j g_j = S (g_j its register grant).
 *
 * The simple rules: `equal` (the same share from every grant, S ÷ Σg), `end-smallest` (end the
 * smallest grants until S is met, the last one cut by what is left) and `cut-<type>` (the same
 * share from every grant of one type, when that type's grants hold S).
 *
 * The family the optimiser searches: each organisation gets a score
 *   s_j = θ_type(j) + θ_size · z(log g_j) + θ_cost · z(log cost per place_j)
 * (z: standardised over the register; θ of specialist organisations fixed at 0, the reference),
 * and x_j = min(cap_j, λ·e^{s_j}), with λ found by bisection so the cuts add up to S (a larger
 * score takes a larger share). cap_j = 1, or, with `protect`, the deepest cut that leaves the
 * organisation its core costs (grant × (1 − x) + other income ≥ core cost), so it does not close;
 * where the caps cannot hold S the allocation is infeasible. θ = 0 without protect is `equal`;
 * a large negative θ_size approaches `end-smallest`; a large θ of one type, `cut-<type>`.
 * Node-free.
 */
import type { Organisation, Scenario } from '../model/scenario.js';
import { TSO_TYPES, type TsoType } from '../model/params.js';
import { buildScenario } from '../scenario/build.js';

export interface FamilyPoint {
  /** Scores of crisis, mh and activity organisations (specialist: 0). */
  type: [number, number, number];
  size: number;
  cost: number;
  protect: boolean;
}

export const FAMILY_DIMS = ['crisis', 'mh', 'activity', 'size', 'cost', 'protect'] as const;
export const toVector = (p: FamilyPoint): number[] => [...p.type, p.size, p.cost, p.protect ? 1 : 0];
export const fromVector = (v: number[]): FamilyPoint => ({ type: [v[0]!, v[1]!, v[2]!], size: v[3]!, cost: v[4]!, protect: v[5]! >= 0.5 });
export const EQUAL_POINT: FamilyPoint = { type: [0, 0, 0], size: 0, cost: 0, protect: false };

const zs = (xs: number[]): number[] => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length) || 1;
  return xs.map((x) => (x - m) / sd);
};

/**
 * The deepest cut share that keeps organisation `o` open: its core cost (or, when the register
 * gives none, coreCostShare of its income, the mean of what the model draws) less its other
 * income must stay covered by what is left of the grant.
 */
export function keepOpenCut(o: Organisation, coreCostShare: number): number {
  const core = o.coreCost ?? coreCostShare * (o.grant + o.otherIncome);
  return Math.min(1, Math.max(0, 1 - (core - o.otherIncome) / o.grant - 0.01)); // 0.01: a margin below the line
}

/** Cut shares x_j that take `saving` under the family's rule, or undefined if the caps cannot hold it. */
export function familyCuts(orgs: Organisation[], saving: number, p: FamilyPoint, coreCostShare: number): number[] | undefined {
  const zSize = zs(orgs.map((o) => Math.log(o.grant)));
  const zCost = zs(orgs.map((o) => Math.log(o.costPerPlace)));
  const typeScore = (t: TsoType) => (t === 'specialist' ? 0 : p.type[TSO_TYPES.indexOf(t)]!);
  const w = orgs.map((o, j) => Math.exp(typeScore(o.type) + p.size * zSize[j]! + p.cost * zCost[j]!));
  const cap = orgs.map((o) => (p.protect ? keepOpenCut(o, coreCostShare) : 1));
  const taken = (lam: number) => orgs.reduce((a, o, j) => a + o.grant * Math.min(cap[j]!, lam * w[j]!), 0);
  if (taken(Infinity) < saving * (1 - 1e-12)) return undefined;
  let lo = 0, hi = 1;
  while (taken(hi) < saving) hi *= 2;
  for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
    const mid = (lo + hi) / 2;
    if (taken(mid) < saving) lo = mid;
    else hi = mid;
  }
  return orgs.map((_, j) => Math.min(cap[j]!, hi * w[j]!));
}

/** The same share from every grant. */
export const equalCuts = (orgs: Organisation[], saving: number): number[] => {
  const total = orgs.reduce((a, o) => a + o.grant, 0);
  return orgs.map(() => Math.min(1, saving / total));
};

/** End the smallest grants (ties in register order) until the saving is met; the last is cut by what is left. */
export function endSmallestCuts(orgs: Organisation[], saving: number): number[] {
  const x = orgs.map(() => 0);
  let left = saving;
  for (const j of orgs.map((_, k) => k).sort((a, b) => orgs[a]!.grant - orgs[b]!.grant || a - b)) {
    if (left <= 0) break;
    x[j] = Math.min(1, left / orgs[j]!.grant);
    left -= x[j]! * orgs[j]!.grant;
  }
  return x;
}

/** The same share from every grant of one type; undefined when that type's grants hold less than the saving. */
export function typeCuts(orgs: Organisation[], saving: number, type: TsoType): number[] | undefined {
  const total = orgs.reduce((a, o) => a + (o.type === type ? o.grant : 0), 0);
  if (total < saving) return undefined;
  return orgs.map((o) => (o.type === type ? saving / total : 0));
}

/** The saving an allocation takes, £ a year. */
export const savingOf = (orgs: Organisation[], x: number[]): number => orgs.reduce((a, o, j) => a + o.grant * x[j]!, 0);

/** The area with the allocation applied from `week`: each cut organisation's grant becomes (1 − x_j) of its register grant. */
export function withCuts(area: Scenario, name: string, x: number[], week: number, label: string): Scenario {
  const grants = x.flatMap((xj, org) => (xj > 0 ? [{ org, mult: 1 - xj }] : []));
  const interventions = [...area.interventions, { week, rampWeeks: 0, label, set: {}, grants }];
  return buildScenario(name, { ...area, name, description: label, interventions });
}
