/**
 * Factor paths and how a design point's values are applied to the base scenario: a parameter
 * path (`practice.scatterShare`) sets the parameter from week 1; an intervention path
 * (`interventions[0].set.funding.multiplier.crisis`, `interventions[0].week`) changes what a
 * scheduled intervention of the base scenario does or when.
 */
import { cloneParams, setParam } from '../model/params.js';
import type { Scenario } from '../model/scenario.js';
import { INTERVENTION_PATH } from '../scenario/sweep.js';


export function applyPoint(base: Scenario, paths: string[], values: Array<number | string>): Scenario {
  const params = cloneParams(base.params);
  const ivs = paths.some((p) => INTERVENTION_PATH.test(p)) ? base.interventions.map((iv) => ({ ...iv, set: { ...iv.set } })) : base.interventions;
  paths.forEach((p, i) => {
    const m = INTERVENTION_PATH.exec(p);
    if (!m) setParam(params, p, values[i]!);
    else if (m[2] === 'week') ivs[Number(m[1])]!.week = values[i] as number;
    else ivs[Number(m[1])]!.set[m[3]!] = values[i]!;
  });
  return { ...base, params, interventions: ivs };
}
