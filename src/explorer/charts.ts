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

const W = 330, H = 156, M = { l: 40, r: 10, t: 18, b: 22 };
import { el, setText } from './svg.js';
const idx = (m: MetricName) => METRIC_NAMES.indexOf(m);
const unitOf = (m: MetricName) => METRICS.find((d) => d.name === m)!.unit;

interface Live {
  def: ChartDef; fig: HTMLElement; svg: SVGSVGElement; paths: SVGPathElement[]; prev: SVGPathElement[]; marks: SVGGElement; axes: SVGGElement; value: HTMLElement;
  /** Something changed since this chart was last drawn. */
  stale: boolean;
  /** What the axes, the faint line and the marks were last drawn for (redrawn only when it changes). */
  scaleKey: string; marksKey: string;
}

/**
 * The chart panel: push() every week (all weeks are kept), redraw() at most once per animation
 * frame. A redraw rewrites the lines; axes, the previous run and the marks only when they change.
 */
export class Charts {
  private live: Live[] = [];
  private cur: number[][] = [];
  private prev: number[][] = [];
  /** Largest value of each chart's series in this run and in the previous one (the y range). */
  private curMax: number[] = CHARTS.map(() => 0);
  private prevMax: number[] = CHARTS.map(() => 0);
  private markers: Marker[] = [];
  private markersVersion = 0;
  weeks = 260;
  /** Whether a chart is on screen (set by the page); charts out of view are drawn when they come back. */
  visible: (fig: Element) => boolean = () => true;
  week = 0;

  constructor(host: HTMLElement) {
    for (const def of CHARTS) {
      const fig = document.createElement('figure');
      fig.className = 'chart';
      const cap = document.createElement('figcaption');
      const legend = def.series.map((s) => `<span class="item"><span class="key" style="--c:${s.colour}"></span>${s.label}</span>`).join(' ');
      cap.innerHTML = `<span class="head"><strong>${def.title}</strong> <span class="unit">(${unitOf(def.series[0]!.metric)})</span></span> <span class="value" aria-live="off"></span><span class="legend">${legend} <span class="item"><span class="key prev"></span>previous run</span></span>`;
      const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', id: `chart-${def.id}`, 'data-points': 0 });
      const title = el('title', {}, svg);
      title.textContent = `${def.title}: ${def.series.map((s) => s.label).join(', ')} by week`;
      const axes = el('g', { class: 'axes' }, svg);
      const prev = def.series.map(() => el('path', { class: 'prev', fill: 'none', stroke: OI.grey, 'stroke-width': 1.5, opacity: 0.45 }, svg));
      const paths = def.series.map((s) => el('path', { class: 'cur', fill: 'none', stroke: s.colour, 'stroke-width': 1.6 }, svg));
      const marks = el('g', { class: 'marks' }, svg);
      fig.append(cap, svg);
      host.appendChild(fig);
      this.live.push({ def, fig, svg, paths, prev, marks, axes, value: cap.querySelector('.value') as HTMLElement, scaleKey: '', marksKey: '', stale: true });
    }
  }

  get figures(): HTMLElement[] {
    return this.live.map((c) => c.fig);
  }

  private touch(): void {
    for (const c of this.live) c.stale = true;
  }

  /** Start a new run; the current one (if it ran at all) becomes the faint comparison line. */
  reset(weeks: number): void {
    if (this.cur.length > 0) {
      this.prev = this.cur;
      this.prevMax = this.curMax;
    }
    this.cur = [];
    this.curMax = CHARTS.map(() => 0);
    this.weeks = weeks;
    this.week = 0;
    this.markers = [];
    this.markersVersion++;
    for (const c of this.live) c.scaleKey = '';
    this.touch();
  }

  push(week: number, metrics: number[]): void {
    this.cur[week - 1] = metrics;
    this.week = week;
    CHARTS.forEach((def, k) => {
      for (const s of def.series) {
        const v = metrics[idx(s.metric)]!;
        if (v > this.curMax[k]!) this.curMax[k] = v;
      }
    });
    this.touch();
  }

  setMarkers(m: Marker[]): void {
    this.markers = m;
    this.markersVersion++;
    this.touch();
  }

  /**
   * Draw the charts that changed since they were last drawn: those on screen, or all of them
   * with `all` (when the run stands still, so a printout or a screenshot is never out of date).
   * False when none had changed.
   */
  redraw(all = false): boolean {
    const todo = this.live.filter((c) => c.stale && (all || this.visible(c.fig)));
    if (todo.length === 0) return false;
    const x = scaleLinear().domain([0, this.weeks]).range([M.l, W - M.r]);
    const past = this.markers.filter((m) => m.week <= this.week).length;
    for (const c of todo) {
      c.stale = false;
      const k = this.live.indexOf(c);
      const max = c.def.yMax ?? Math.max(this.curMax[k]!, this.prevMax[k]!);
      const y = scaleLinear().domain([0, max > 0 ? max : 1]).nice().range([H - M.b, M.t]);
      const scaleKey = `${this.weeks}|${y.domain()[1]}`;
      const gens = c.def.series.map((s) => {
        const i = idx(s.metric);
        return line<number[]>().digits(1).x((_, w) => x(w + 1)).y((row) => y(row[i]!)).defined((row) => row !== undefined && Number.isFinite(row[i]!));
      });
      gens.forEach((gen, j) => {
        c.paths[j]!.setAttribute('d', gen(this.cur) ?? '');
      });
      if (scaleKey !== c.scaleKey) {
        c.scaleKey = scaleKey;
        gens.forEach((gen, j) => {
          c.prev[j]!.setAttribute('d', gen(this.prev) ?? '');
        });
        this.drawAxes(c, x, y);
      }
      const marksKey = `${scaleKey}|${this.markersVersion}|${past}`;
      if (marksKey !== c.marksKey) {
        c.marksKey = marksKey;
        this.drawMarks(c, x);
      }
      c.svg.setAttribute('data-points', String(this.cur.length));
      const last = this.cur[this.cur.length - 1];
      setText(c.value, last ? `week ${this.week}: ${c.def.series.map((s) => fmtValue(last[idx(s.metric)]!)).join(' / ')}` : '');
    }
    return true;
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
    // Ticks printed to the precision their spacing needs: counts read 0, 20, 40; shares 0.0, 0.5.
    const ticks = y.ticks(3);
    const label = y.tickFormat(3);
    for (const v of ticks) {
      el('line', { x1: M.l, x2: W - M.r, y1: y(v), y2: y(v), stroke: '#ddd' }, g);
      const t = el('text', { x: M.l - 4, y: y(v) + 3.5, 'text-anchor': 'end', class: 'tick' }, g);
      t.textContent = label(v);
    }
  }

  /** A dashed line per scheduled change, solid once passed; its number sits above the plot, never on a line. */
  private drawMarks(c: Live, x: (v: number) => number): void {
    c.marks.replaceChildren();
    let lastLabel = -Infinity;
    this.markers.forEach((m, k) => {
      const past = m.week <= this.week;
      const g = el('g', { class: `mark ${m.source} ${past ? 'past' : 'future'}` }, c.marks);
      const at = x(m.week - 0.5);
      el('line', { x1: at, x2: at, y1: M.t, y2: H - M.b, stroke: m.source === 'you' ? OI.vermillion : '#555', 'stroke-dasharray': past ? '' : '3 3', 'stroke-width': 1.2 }, g);
      // Numbers of marks close together are set side by side rather than on top of each other.
      const lx = Math.min(W - 4, Math.max(at, lastLabel + 11));
      lastLabel = lx;
      const t = el('text', { x: lx, y: M.t - 5, 'text-anchor': 'middle', class: 'marklabel' }, g);
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

/** A chart's current value: whole numbers (counts) as they are, others as fmtNum. */
export const fmtValue = (v: number) => (Number.isInteger(v) ? String(v) : fmtNum(v));
