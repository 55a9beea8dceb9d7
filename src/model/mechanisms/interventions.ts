/**
 * Step 1. Scheduled interventions: funding cuts and restorations, practice, demand and
 * headcount changes, applied at the start of their week; numeric changes may be phased in
 * linearly over `rampWeeks`.
 * Realist matrix: contexts that change over time: U8 (IJB cuts), F8 (stable funding), C1 (need),
 * C3/C4 (pressure, KPI regime), C2/F5 (a change of the mean CLW expertise during a run, e.g.
 * training, shifts every serving CLW's expertise by the same amount).
 */
import { getParam, setParam } from '../params.js';
import type { World } from '../world.js';

export function applyInterventions(w: World): void {
  const expertiseBefore = w.p.clw.expertiseMean;
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
      w.ivFrom[k] = from;
    }
    const frac = ramp <= 1 ? 1 : (w.week - iv.week + 1) / ramp;
    for (const [path, to] of Object.entries(iv.set)) {
      const from = w.ivFrom[k]?.[path];
      if (typeof to === 'number' && from !== undefined) setParam(w.p, path, from + (to - from) * frac);
      else setParam(w.p, path, to);
    }
  }
  const shift = w.p.clw.expertiseMean - expertiseBefore;
  if (shift !== 0) {
    const e = w.clws.expertise;
    const { expertiseFloor: lo, expertiseCeiling: hi } = w.p.clw;
    for (let i = 0; i < w.clws.n; i++) e[i] = Math.min(hi, Math.max(lo, e[i]! + shift));
  }
}
