/**
 * The calibration page's SVG figures, DOM-free (strings through report/svg.ts's el()): a
 * parameter's posterior histogram over its prior density, a weighted scatter of two parameters,
 * and the predictive check of every target in tolerance units.
 */
import { errorFunction } from 'simple-statistics';
import type { Particle, Prior } from '../experiment/abc.js';
import { el, type Markup } from '../report/svg.js';
import { num } from '../report/format.js';
import type { PredictiveRow } from './abcRun.js';

const BLUE = '#0072B2', ORANGE = '#D55E00', GREY = '#888';
const phi = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));

/** The range a prior is drawn over: its bounds, or mean ± 4 sd for a normal inside wide bounds. */
export function shownRange(p: Prior): [number, number] {
  if (p.dist !== 'normal') return [p.lo, p.hi];
  return [Math.max(p.lo ?? -Infinity, p.mean - 4 * p.sd), Math.min(p.hi ?? Infinity, p.mean + 4 * p.sd)];
}

/** The prior's (normalised) density at x. */
export function priorDensity(p: Prior, x: number): number {
  if (p.dist === 'uniform') return x >= p.lo && x <= p.hi ? 1 / (p.hi - p.lo) : 0;
  if (p.dist === 'loguniform') return x >= p.lo && x <= p.hi ? 1 / (x * Math.log(p.hi / p.lo)) : 0;
  if (x < (p.lo ?? -Infinity) || x > (p.hi ?? Infinity)) return 0;
  const z = (x - p.mean) / p.sd;
  const mass = (p.hi === undefined ? 1 : phi((p.hi - p.mean) / p.sd)) - (p.lo === undefined ? 0 : phi((p.lo - p.mean) / p.sd));
  return Math.exp(-0.5 * z * z) / (p.sd * Math.sqrt(2 * Math.PI) * mass);
}

const W = 320, H = 170, M = { l: 10, r: 10, t: 10, b: 34 };

/** Weighted histogram (20 bins) of one parameter's posterior, with the prior density as a line. */
export function marginalSvg(p: Prior, k: number, ps: Particle[]): Markup {
  const [a, b] = shownRange(p);
  const bins = 20, bw = (b - a) / bins;
  const dens = new Array<number>(bins).fill(0);
  for (const q of ps) {
    const i = Math.min(bins - 1, Math.max(0, Math.floor((q.theta[k]! - a) / bw)));
    dens[i]! += q.weight / bw;
  }
  const xs = Array.from({ length: 81 }, (_, i) => a + ((b - a) * i) / 80);
  const prior = xs.map((x) => priorDensity(p, Math.min(Math.max(x, a + 1e-12 * (b - a)), b)));
  const top = Math.max(...dens, ...prior) * 1.05 || 1;
  const X = (x: number) => M.l + ((x - a) / (b - a)) * (W - M.l - M.r);
  const Y = (y: number) => H - M.b - (y / top) * (H - M.t - M.b);
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': `posterior of ${p.name} over its prior` },
    dens.map((d, i) => el('rect', { x: X(a + i * bw), y: Y(d), width: Math.max(0, X(a + (i + 1) * bw) - X(a + i * bw) - 1), height: H - M.b - Y(d), fill: BLUE, 'fill-opacity': 0.75 })),
    el('path', { d: xs.map((x, i) => `${i ? 'L' : 'M'}${X(x).toFixed(2)},${Y(prior[i]!).toFixed(2)}`).join(''), fill: 'none', stroke: ORANGE, 'stroke-width': 2, 'stroke-dasharray': '5 3' }),
    el('line', { x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b, stroke: '#333' }),
    el('text', { x: M.l, y: H - M.b + 16, 'font-size': 12 }, num(a)),
    el('text', { x: W - M.r, y: H - M.b + 16, 'font-size': 12, 'text-anchor': 'end' }, num(b)),
    el('text', { x: W / 2, y: H - 4, 'font-size': 12, 'text-anchor': 'middle' }, p.name));
}

/** Scatter of parameters i and j; each particle's dot area is proportional to its weight. */
export function pairSvg(pi: Prior, i: number, pj: Prior, j: number, ps: Particle[], r: number): Markup {
  const S = 260, m = 36;
  const [a, b] = shownRange(pi), [c, d] = shownRange(pj);
  const X = (x: number) => m + ((x - a) / (b - a)) * (S - m - 8);
  const Y = (y: number) => S - m - ((y - c) / (d - c)) * (S - m - 8);
  const wmax = Math.max(...ps.map((p) => p.weight)) || 1;
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${S} ${S}`, width: S, height: S, role: 'img', 'aria-label': `${pi.name} against ${pj.name}, correlation ${r.toFixed(2)}` },
    el('rect', { x: m, y: 8, width: S - m - 8, height: S - m - 8, fill: 'none', stroke: '#bbb' }),
    ps.map((p) => el('circle', { cx: X(p.theta[i]!), cy: Y(p.theta[j]!), r: 0.8 + 3 * Math.sqrt(p.weight / wmax), fill: BLUE, 'fill-opacity': 0.45 })),
    el('text', { x: m, y: S - m + 14, 'font-size': 11 }, num(a)),
    el('text', { x: S - 8, y: S - m + 14, 'font-size': 11, 'text-anchor': 'end' }, num(b)),
    el('text', { x: (S + m) / 2, y: S - 6, 'font-size': 11, 'text-anchor': 'middle' }, pi.name),
    el('text', { x: 12, y: (S - m) / 2, 'font-size': 11, 'text-anchor': 'middle', transform: `rotate(-90 12 ${(S - m) / 2})` }, pj.name),
    el('text', { x: m + 4, y: 22, 'font-size': 12 }, `r = ${r.toFixed(2)}`));
}

/**
 * Each target on one row, in tolerance units: the grey band is target ± tolerance, the bar the
 * predictive 95% range, the dot its mean (clipped at ±4 tolerances).
 */
export function predictiveSvg(rows: PredictiveRow[]): Markup {
  const w = 640, lab = 200, rh = 26, h = rows.length * rh + 34;
  const X = (z: number) => lab + ((Math.max(-4, Math.min(4, z)) + 4) / 8) * (w - lab - 12);
  const z = (r: PredictiveRow, v: number) => (v - r.target.target) / r.target.tolerance;
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img', 'aria-label': 'posterior predictive check of every target' },
    rows.map((r, k) => {
      const y = 10 + k * rh + rh / 2;
      return el('g', {},
        el('text', { x: lab - 8, y: y + 4, 'font-size': 12, 'text-anchor': 'end' }, r.target.id),
        el('rect', { x: X(-1), y: y - 8, width: X(1) - X(-1), height: 16, fill: '#ddd' }),
        Number.isFinite(r.low) ? el('line', { x1: X(z(r, r.low)), x2: X(z(r, r.high)), y1: y, y2: y, stroke: BLUE, 'stroke-width': 3 }) : false,
        Number.isFinite(r.mean) ? el('circle', { cx: X(z(r, r.mean)), cy: y, r: 5, fill: r.within ? BLUE : ORANGE }) : false);
    }),
    el('line', { x1: X(0), x2: X(0), y1: 6, y2: h - 24, stroke: GREY, 'stroke-dasharray': '3 3' }),
    [-4, -2, -1, 0, 1, 2, 4].map((t) => el('text', { x: X(t), y: h - 8, 'font-size': 11, 'text-anchor': 'middle' }, t === 0 ? 'target' : `${t > 0 ? '+' : '−'}${Math.abs(t)} tol.`)));
}
