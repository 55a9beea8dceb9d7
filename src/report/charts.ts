/**
 * One line chart per key metric: the weekly mean of each arm over its replications, a shaded 95%
 * t-interval of that mean, and a marker at each scheduled intervention. Scales, ticks and paths
 * come from d3-scale and d3-shape; colours are Okabe-Ito (colour-blind safe) with a different
 * dash per line as a second cue.
 */
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { summarize } from '../scenario/stats.js';
import { METRICS, type MetricName } from '../model/metrics.js';
import type { Arm } from './arms.js';
import { el, type Markup } from './svg.js';
import { num } from './format.js';
import { levelInterval } from './intervals.js';

export interface ChartSpec { metric: MetricName; title: string; axis: string }

export const KEY_CHARTS: ChartSpec[] = [
  { metric: 'waitlist_people', title: 'People waiting for a TSO', axis: 'People on one or more waiting lists' },
  { metric: 'clw_waitlist', title: 'People waiting for a link worker', axis: 'People waiting for a first CLW session' },
  { metric: 'wait_weeks_mean', title: 'Wait before starting at a TSO', axis: 'Weeks waited (mean of starters)' },
  { metric: 'dropouts', title: 'Drop-outs from TSO programmes', axis: 'Clients per week' },
  { metric: 'gp_attendances', title: 'GP consultations by referred clients', axis: 'Consultations per week' },
  { metric: 'trust_mean', title: 'Trust of TSOs in the CLW service', axis: 'Mean trust (0–1)' },
  { metric: 'active_tsos', title: 'Open third-sector organisations', axis: 'TSOs open' },
  { metric: 'tso_grants', title: 'Grants paid to TSOs', axis: '£ per week' },
];

/** Okabe-Ito: blue for the baseline, then vermillion, bluish green, reddish purple, orange, sky blue. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const DASHES = [undefined, '7 4', '2 3', '10 3 2 3', '4 4', '1 2', '12 4'];

export interface Band { mean: number[]; lo: number[]; hi: number[] }

/**
 * Weekly mean and 95% interval of the mean across replications, within what the metric can be
 * (never below zero); the mean alone with fewer than MIN_N replications.
 */
export function weeklyBand(arm: Arm, metric: MetricName): Band {
  const weeks = arm.scenario.weeks;
  const b: Band = { mean: [], lo: [], hi: [] };
  for (let w = 0; w < weeks; w++) {
    const s = summarize(arm.runs.map((r) => r.metrics[metric][w]!));
    const ci = levelInterval(s, metric);
    b.mean.push(s.mean);
    b.lo.push(ci ? ci.low : s.mean);
    b.hi.push(ci ? ci.high : s.mean);
  }
  return b;
}

export interface Marker { week: number; label: string }

/** Every scheduled intervention of any arm: one marker per week, its labels joined. */
export function markers(arms: Arm[]): Marker[] {
  const byWeek = new Map<number, string[]>();
  for (const a of arms)
    for (const iv of a.scenario.interventions) {
      const labels = byWeek.get(iv.week) ?? [];
      if (!labels.includes(iv.label)) labels.push(iv.label);
      byWeek.set(iv.week, labels);
    }
  return [...byWeek.entries()].sort((a, b) => a[0] - b[0]).map(([week, labels]) => ({ week, label: labels.join('; ') }));
}

/** Legend entries laid out left to right, each as wide as its name (about 7 px a character at 12 px). */
function legendOffsets(names: string[]): number[] {
  let x = 0;
  return names.map((n) => { const at = x; x += 30 + 7 * n.length + 24; return at; });
}

const W = 680, H = 320;
const M = { top: 52, right: 20, bottom: 46, left: 72 };

export function chartSvg(spec: ChartSpec, arms: Arm[]): Markup {
  const weeks = arms[0]!.scenario.weeks;
  const bands = arms.map((a) => weeklyBand(a, spec.metric));
  // every metric is ≥ 0: the axis starts at zero
  const lo = 0;
  const hi = Math.max(...bands.flatMap((b) => b.hi).filter(Number.isFinite));
  const x = scaleLinear().domain([1, weeks]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([lo, hi > lo ? hi : lo + 1]).range([H - M.bottom, M.top]).nice();
  const unit = METRICS.find((m) => m.name === spec.metric)!.unit;
  const step = weeks > 156 ? 52 : weeks > 52 ? 26 : weeks > 12 ? 4 : 1;
  const xTicks = Array.from({ length: Math.floor(weeks / step) + 1 }, (_, i) => i * step).filter((t) => t >= 1 || weeks < step);
  const yTicks = y.ticks(5);
  const yFmt = y.tickFormat(5, spec.metric === 'tso_grants' ? ',.0f' : undefined);
  const toPath = (vals: number[]) => line<number>().digits(1).x((_, i) => x(i + 1)).y((v) => y(v))(vals) ?? '';
  const toArea = (b: Band) => area<number>().digits(1).x((_, i) => x(i + 1)).y0((_, i) => y(b.lo[i]!)).y1((_, i) => y(b.hi[i]!))(b.mean) ?? '';
  const plotBottom = H - M.bottom;

  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img',
    'aria-labelledby': `t-${spec.metric}`, class: 'chart', 'data-metric': spec.metric, 'font-family': 'DejaVu Sans, Verdana, Arial, sans-serif', 'font-size': 12 },
    el('title', { id: `t-${spec.metric}` }, `${spec.title} (${unit}): ${arms.map((a) => a.scenario.name).join(' vs ')}`),
    el('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' }),
    el('text', { x: M.left, y: 18, 'font-size': 15, 'font-weight': 'bold', fill: '#111' }, spec.title),
    // legend
    el('g', { class: 'legend' }, arms.map((a, i) => {
      const lx = M.left + legendOffsets(arms.map((x) => x.scenario.name))[i]!;
      return el('g', { transform: `translate(${lx},34)` },
        el('line', { x1: 0, x2: 24, y1: 0, y2: 0, stroke: PALETTE[i % PALETTE.length], 'stroke-width': 2.5, 'stroke-dasharray': DASHES[i % DASHES.length] }),
        el('text', { x: 30, y: 4, fill: '#222' }, a.scenario.name));
    })),
    // axes and grid
    el('g', { class: 'y-axis' },
      yTicks.map((t) => el('g', {},
        el('line', { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t), stroke: '#e3e3e3' }),
        el('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end', fill: '#333' }, yFmt(t)))),
      el('text', { transform: `translate(16,${(M.top + plotBottom) / 2}) rotate(-90)`, 'text-anchor': 'middle', fill: '#222' }, spec.axis)),
    el('g', { class: 'x-axis' },
      el('line', { x1: M.left, x2: W - M.right, y1: plotBottom, y2: plotBottom, stroke: '#555' }),
      xTicks.map((t) => el('g', {},
        el('line', { x1: x(Math.max(t, 1)), x2: x(Math.max(t, 1)), y1: plotBottom, y2: plotBottom + 5, stroke: '#555' }),
        el('text', { x: x(Math.max(t, 1)), y: plotBottom + 18, 'text-anchor': 'middle', fill: '#333' }, t))),
      el('text', { x: (M.left + W - M.right) / 2, y: H - 8, 'text-anchor': 'middle', fill: '#222' }, 'Week (52 weeks = 1 year)')),
    // intervention markers
    el('g', { class: 'markers' }, markers(arms).map((m, i) => el('g', { class: 'marker', 'data-week': m.week },
      el('title', {}, `Week ${m.week}: ${m.label}`),
      el('line', { x1: x(m.week), x2: x(m.week), y1: M.top - 4, y2: plotBottom, stroke: '#444', 'stroke-dasharray': '3 3' }),
      el('text', { x: x(m.week) + 4, y: M.top + 8 + 13 * i, fill: '#444', 'font-size': 11 }, `week ${m.week}`)))),
    // bands, then lines on top
    el('g', { class: 'bands' }, bands.map((b, i) => el('path', { class: 'band', 'data-scenario': arms[i]!.scenario.name, d: toArea(b), fill: PALETTE[i % PALETTE.length], 'fill-opacity': 0.18, stroke: 'none' }))),
    el('g', { class: 'lines' }, bands.map((b, i) => el('path', { class: 'series-line', 'data-scenario': arms[i]!.scenario.name, d: toPath(b.mean), fill: 'none',
      stroke: PALETTE[i % PALETTE.length], 'stroke-width': 2, 'stroke-dasharray': DASHES[i % DASHES.length], 'stroke-linejoin': 'round' }))),
    el('desc', {}, arms.map((a, i) => `${a.scenario.name}: final-week mean ${num(bands[i]!.mean[weeks - 1]!)} ${unit}. `).join('')),
  );
}

/** Every key chart, as [file name, SVG text]. */
export function charts(arms: Arm[]): Array<{ spec: ChartSpec; file: string; svg: string }> {
  return KEY_CHARTS.map((spec) => ({ spec, file: `${spec.metric}.svg`, svg: chartSvg(spec, arms).html }));
}
