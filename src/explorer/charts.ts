/** Live line charts (SVG with d3-scale and d3-shape): this run, the previous run faintly, lever marks. */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { METRICS, METRIC_NAMES, type MetricName } from '../model/metrics.js';
import type { Marker } from './protocol.js';
import { OI } from './palette.js';

export interface ChartDef { id: string; title: string; series: Array<{ metric: MetricName; label: string; colour: string }>; yMax?: number }

export const CHARTS: ChartDef[] = [
  { id: 'trust', title: 'Trust of TSOs in CLWs', series: [{ metric: 'trust_mean', label: 'mean trust', colour: OI.green }], yMax: 1 },
  { id: 'waits', title: 'TSO waiting lists', series: [{ metric: 'waitlist_total', label: 'total', colour: OI.blue }, { metric: 'waitlist_mh', label: 'mental health', colour: OI.orange }] },
  { id: 'dropout', title: 'Drop-out rate', series: [{ metric: 'dropout_rate', label: 'drop-outs ÷ (drop-outs + completions)', colour: OI.vermillion }], yMax: 1 },
  { id: 'gp', title: 'GP attendances', series: [{ metric: 'gp_attendances', label: 'consultations/week', colour: OI.purple }] },
  { id: 'tsos', title: 'Active TSOs', series: [{ metric: 'active_tsos', label: 'open TSOs', colour: OI.black }] },
  { id: 'caseload', title: 'CLW caseload', series: [{ metric: 'clw_caseload_mean', label: 'mean clients per CLW', colour: OI.sky }] },
];

const W = 330, H = 150, M = { l: 40, r: 10, t: 8, b: 22 };
import { el } from './svg.js';
const idx = (m: MetricName) => METRIC_NAMES.indexOf(m);
const unitOf = (m: MetricName) => METRICS.find((d) => d.name === m)!.unit;

interface Live { def: ChartDef; svg: SVGSVGElement; paths: SVGPathElement[]; prev: SVGPathElement[]; marks: SVGGElement; axes: SVGGElement; value: HTMLElement }

/** The chart panel: call push() each week, redraw() once per animation frame. */
export class Charts {
  private live: Live[] = [];
  private cur: number[][] = [];
  private prev: number[][] = [];
  private markers: Marker[] = [];
  weeks = 260;
  week = 0;

  constructor(host: HTMLElement) {
    for (const def of CHARTS) {
      const fig = document.createElement('figure');
      fig.className = 'chart';
      const cap = document.createElement('figcaption');
      const legend = def.series.map((s) => `<span class="key" style="--c:${s.colour}"></span>${s.label}`).join(' ');
      cap.innerHTML = `<strong>${def.title}</strong> <span class="unit">(${unitOf(def.series[0]!.metric)})</span> <span class="value" aria-live="off"></span><br><span class="legend">${legend} <span class="key prev"></span>previous run</span>`;
      const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', id: `chart-${def.id}`, 'data-points': 0 });
      const title = el('title', {}, svg);
      title.textContent = `${def.title}: ${def.series.map((s) => s.label).join(', ')} by week`;
      const axes = el('g', { class: 'axes' }, svg);
      const marks = el('g', { class: 'marks' }, svg);
      const prev = def.series.map(() => el('path', { class: 'prev', fill: 'none', stroke: OI.grey, 'stroke-width': 1.5, opacity: 0.45 }, svg));
      const paths = def.series.map((s) => el('path', { class: 'cur', fill: 'none', stroke: s.colour, 'stroke-width': 1.6 }, svg));
      fig.append(cap, svg);
      host.appendChild(fig);
      this.live.push({ def, svg, paths, prev, marks, axes, value: cap.querySelector('.value') as HTMLElement });
    }
  }

  /** Start a new run; the current one (if it ran at all) becomes the faint comparison line. */
  reset(weeks: number): void {
    if (this.cur.length > 0) this.prev = this.cur;
    this.cur = [];
    this.weeks = weeks;
    this.week = 0;
    this.markers = [];
  }

  push(week: number, metrics: number[]): void {
    this.cur[week - 1] = metrics;
    this.week = week;
  }

  setMarkers(m: Marker[]): void {
    this.markers = m;
  }

  redraw(): void {
    const x = scaleLinear().domain([0, this.weeks]).range([M.l, W - M.r]);
    for (const c of this.live) {
      let max = c.def.yMax ?? 0;
      if (c.def.yMax === undefined)
        for (const run of [this.cur, this.prev])
          for (const row of run) for (const s of c.def.series) max = Math.max(max, row?.[idx(s.metric)] ?? 0);
      const y = scaleLinear().domain([0, max > 0 ? max : 1]).nice().range([H - M.b, M.t]);
      c.def.series.forEach((s, k) => {
        const i = idx(s.metric);
        const gen = line<number[]>().x((_, w) => x(w + 1)).y((row) => y(row[i]!)).defined((row) => row !== undefined && Number.isFinite(row[i]!));
        c.paths[k]!.setAttribute('d', gen(this.cur) ?? '');
        c.prev[k]!.setAttribute('d', gen(this.prev) ?? '');
      });
      c.svg.setAttribute('data-points', String(this.cur.length));
      const last = this.cur[this.cur.length - 1];
      c.value.textContent = last ? `week ${this.week}: ${c.def.series.map((s) => fmtNum(last[idx(s.metric)]!)).join(' / ')}` : '';
      this.drawAxes(c, x, y);
      this.drawMarks(c, x);
    }
  }

  private drawAxes(c: Live, x: (v: number) => number, y: ReturnType<typeof scaleLinear<number, number>>): void {
    c.axes.replaceChildren();
    const g = c.axes;
    el('line', { x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b, stroke: '#444' }, g);
    el('line', { x1: M.l, x2: M.l, y1: M.t, y2: H - M.b, stroke: '#444' }, g);
    for (let yr = 0; yr * 52 <= this.weeks; yr++) {
      const t = el('text', { x: x(yr * 52), y: H - 6, 'text-anchor': 'middle', class: 'tick' }, g);
      t.textContent = yr === 0 ? 'week 0' : String(yr * 52);
    }
    for (const v of y.ticks(3)) {
      el('line', { x1: M.l, x2: W - M.r, y1: y(v), y2: y(v), stroke: '#ddd' }, g);
      const t = el('text', { x: M.l - 4, y: y(v) + 3, 'text-anchor': 'end', class: 'tick' }, g);
      t.textContent = fmtNum(v);
    }
  }

  private drawMarks(c: Live, x: (v: number) => number): void {
    c.marks.replaceChildren();
    this.markers.forEach((m, k) => {
      const past = m.week <= this.week;
      const g = el('g', { class: `mark ${m.source} ${past ? 'past' : 'future'}` }, c.marks);
      el('line', { x1: x(m.week - 0.5), x2: x(m.week - 0.5), y1: M.t, y2: H - M.b, stroke: m.source === 'you' ? OI.vermillion : '#555', 'stroke-dasharray': past ? '' : '3 3', 'stroke-width': 1.2 }, g);
      const t = el('text', { x: x(m.week - 0.5) + 2, y: M.t + 9 + (k % 3) * 10, class: 'marklabel' }, g);
      t.textContent = String(k + 1);
      const title = el('title', {}, g);
      title.textContent = `${k + 1}. week ${m.week}: ${m.label}${past ? '' : ' (scheduled)'}`;
    });
  }
}

export function fmtNum(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}
