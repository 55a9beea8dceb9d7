/**
 * Step 1. Scheduled interventions: funding cuts and restorations, practice, demand and
 * headcount changes, applied at the start of their week; numeric changes may be phased in
 * linearly over `rampWeeks`. An intervention only sets parameters: the behaviour they change
 * (a cut, a surge of need, a KPI regime) is in the mechanisms that read them, which name those
 * rows. The one behaviour of its own is training: a change of the mean CLW expertise during a
 * run shifts every serving CLW's expertise by the same amount. In an area, an intervention may
 * also change named organisations' grants (funding.ts reads them).
 * Realist matrix: F5 "CLWs with enough expertise" and C2 "CLWs with varying levels of experience"
 * (the expertise shift).
 */
import { getParam, setParam } from '../params.js';
import { type World, refreshDerived } from '../world.js';
import type { Mechanism } from '../mechanism.js';

export const applyInterventions: Mechanism = {
  id: 'interventions', step: '1', title: 'scheduled interventions', module: 'interventions.ts', rows: ['F5', 'C2'], fn: applyDue,
};

function applyDue(w: World): void {
  const expertiseBefore = w.p.clw.expertiseMean;
  let changed = false;
  for (let k = 0; k < w.interventions.length; k++) {
    const iv = w.interventions[k]!;
    const ramp = Math.max(0, iv.rampWeeks);
    if (w.week < iv.week || w.week > iv.week + Math.max(0, ramp - 1)) continue;
    if (w.week === iv.week) {
      const from: Record<string, number> = {};
      for (const path of Object.keys(iv.set)) {
        const v = getParam(w.p, path);
        if (typeof v === 'number') from[path] = v;
      }
      for (const g of iv.grants ?? []) from[`#${g.org}`] = w.tsos.grantMult[g.org]!;
      w.ivFrom[k] = from;
    }
    const frac = ramp <= 1 ? 1 : (w.week - iv.week + 1) / ramp;
    changed = true;
    for (const [path, to] of Object.entries(iv.set)) {
      const from = w.ivFrom[k]?.[path];
      if (typeof to === 'number' && from !== undefined) setParam(w.p, path, from + (to - from) * frac);
      else setParam(w.p, path, to);
    }
    // an area's grant changes: each organisation's grant moves from where it was to mult × its register grant
    for (const g of iv.grants ?? []) {
      const from = w.ivFrom[k]![`#${g.org}`]!;
      w.tsos.grantMult[g.org] = frac >= 1 ? g.mult : from + (g.mult - from) * frac;
    }
  }
  if (changed) refreshDerived(w); // constants that follow the parameters (derived.ts)
  const shift = w.p.clw.expertiseMean - expertiseBefore;
  if (shift !== 0) {
    const e = w.clws.expertise;
    const { expertiseFloor: lo, expertiseCeiling: hi } = w.p.clw;
    for (let i = 0; i < w.clws.n; i++) e[i] = Math.min(hi, Math.max(lo, e[i]! + shift));
  }
}
