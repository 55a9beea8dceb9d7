/** The levers the explorer offers: sliders over schema parameters (unit, range, description from PARAM_SPEC). */
import { specAt, TSO_TYPES, type NumSpec, type TsoType } from '../model/params.js';

export interface Lever {
  path: string;
  label: string;
  min: number;
  max: number;
  step: number;
  unit: string;
  description: string;
  /** Only read when the world is built (e.g. CLWs' expertise is drawn at hiring). */
  setupOnly?: boolean;
}

function lever(path: string, label: string, step: number, max?: number, setupOnly = false): Lever {
  const spec = specAt(path) as NumSpec | undefined;
  if (spec?.kind !== 'number') throw new Error(`explorer lever: no numeric parameter ${path}`);
  return { path, label, min: spec.min, max: Math.min(spec.max, max ?? spec.max), step, unit: spec.unit, description: spec.description, setupOnly };
}

export const LEVERS: Lever[] = [
  lever('practice.scatterShare', 'Scattergun share', 0.05),
  lever('practice.overReferral', 'Over-referral', 0.05),
  lever('clw.handholdingPerWeek', 'Handholding capacity', 0.5, 10),
  lever('clw.followUpPropensity', 'Follow-up propensity', 0.05),
  lever('clw.expertiseMean', 'CLW expertise', 0.05),
  lever('demand.level', 'Demand level', 0.1, 3),
];

export const CUT_TYPES: readonly TsoType[] = TSO_TYPES;
export const cutSpec = () => specAt('funding.multiplier.crisis') as NumSpec;

/** The parameter changes of a funding cut of `sizePct` % on `types` (multiplier = 1 − size). */
export function cutSet(sizePct: number, types: readonly TsoType[]): Record<string, number> {
  const set: Record<string, number> = {};
  const mult = Math.round((1 - sizePct / 100) * 1000) / 1000;
  for (const t of types) set[`funding.multiplier.${t}`] = mult;
  return set;
}

export const cutLabel = (sizePct: number, types: readonly TsoType[]) =>
  sizePct > 0 && types.length ? `Cut ${types.join(', ')} grants by ${sizePct}%` : `Grants back to 100% (${types.join(', ') || 'no types'})`;
