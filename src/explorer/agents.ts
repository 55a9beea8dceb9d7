/**
 * The agents, compactly: each TSO a cell sized by its places and coloured by its waiting list
 * (weeks of work queued) or its trust, closed ones grey and crossed; each CLW a bar of its
 * caseload coloured by pressure; clients as counts per state.
 */
import { TSO_TYPES, TSO_TYPE_LABELS } from '../model/params.js';
import type { Agents } from './protocol.js';
import { OI, mix } from './palette.js';

import { el, setText } from './svg.js';

export const STATE_LABELS = ['waiting for a CLW', 'with a CLW', 'waiting for a TSO', 'engaged at a TSO', 'left (still observed)'];
const STATE_COLOURS = [OI.orange, OI.sky, OI.vermillion, OI.green, '#bbbbbb'];
const W = 520;
/** Most cells drawn per TSO type and most CLW bars (a national run has thousands; the rest are summarised). */
const MAX_CELLS = 96, MAX_CLWS = 150;

export type ColourBy = 'wait' | 'trust';

/** Waiting list colour: entries per place, light (none) to dark blue (4+ per place). */
export const waitColour = (entries: number, places: number) => mix('#f2f2f2', OI.blue, places > 0 ? entries / places / 4 : 1);
/** Trust colour: vermillion (0) through light grey (0.5) to blue (1): a colour-blind-safe diverging scale. */
export const trustColour = (t: number) => (t < 0.5 ? mix(OI.vermillion, '#f2f2f2', t / 0.5) : mix('#f2f2f2', OI.blue, (t - 0.5) / 0.5));

interface Cell { g: SVGGElement; rect: SVGRectElement; cross: SVGPathElement; title: SVGTitleElement; x: number; y: number; open: number }
interface Bar { rect: SVGRectElement; title: SVGTitleElement }

/** A row label in at most two lines (the label column is 88 units wide). */
function rowLabel(svg: SVGSVGElement, y: number, text: string): void {
  const words = text.split(' ');
  const t = el('text', { x: 0, y: y + 10, class: 'rowlabel' }, svg);
  if (text.length <= 14 || words.length < 2) { t.textContent = text; return; }
  const cut = Math.ceil(words.length / 2);
  el('tspan', { x: 0, dy: 0 }, t).textContent = words.slice(0, cut).join(' ');
  el('tspan', { x: 0, dy: 12 }, t).textContent = words.slice(cut).join(' ');
}

/**
 * The agents panel. Its elements are made once per run layout (numbers of TSOs of each type and
 * of CLWs) and then only their attributes change, week after week.
 */
export class AgentsView {
  readonly svg: SVGSVGElement;
  colourBy: ColourBy = 'wait';
  private maxPlaces = 1;
  private layoutKey = '';
  private cells: Cell[] = [];
  private clwBars: Bar[] = [];
  private clwY = 0;
  private stateBars: Bar[] = [];
  private legendKey = '';
  private legendNums: HTMLElement[] = [];

  constructor(host: HTMLElement, private readonly legend: HTMLElement) {
    this.svg = el('svg', { viewBox: `0 0 ${W} 330`, id: 'agents', role: 'img', 'aria-label': 'TSOs, CLWs and clients' });
    host.appendChild(this.svg);
  }

  reset(): void {
    this.maxPlaces = 1;
    this.layoutKey = '';
  }

  private build(a: Agents): void {
    const svg = this.svg;
    svg.replaceChildren();
    this.cells = [];
    const cell = 30;
    let y = 4;
    TSO_TYPES.forEach((type, ti) => {
      rowLabel(svg, y, TSO_TYPE_LABELS[type].split(' (')[0]!);
      let x = 92, rowH = 0, drawn = 0, ofType = 0;
      for (let j = 0; j < a.tsoType.length; j++) {
        if (a.tsoType[j] !== ti) continue;
        ofType++;
        if (drawn++ >= MAX_CELLS) continue;
        if (x + cell > W) { x = 92; y += rowH + 3; rowH = 0; }
        const g = el('g', { class: 'tso', 'data-id': j }, svg);
        const rect = el('rect', { 'stroke-width': 0.8 }, g);
        const cross = el('path', { stroke: '#666', 'stroke-width': 1 }, g);
        const title = el('title', {}, g);
        this.cells[j] = { g, rect, cross, title, x, y, open: -1 };
        x += cell + 3;
        rowH = Math.max(rowH, cell);
      }
      if (ofType > MAX_CELLS) el('text', { x: 0, y: y + 36, class: 'rowlabel' }, svg).textContent = `first ${MAX_CELLS} of ${ofType}`;
      y += Math.max(rowH, 24) + 8;
    });
    y += 4;
    rowLabel(svg, y, 'CLWs');
    if (a.clwCaseload.length > MAX_CLWS) el('text', { x: 0, y: y + 24, class: 'rowlabel' }, svg).textContent = `first ${MAX_CLWS} of ${a.clwCaseload.length}`;
    this.clwY = y;
    const n = Math.min(MAX_CLWS, a.clwCaseload.length);
    const bw = Math.min(14, (W - 92) / Math.max(1, n) - 1);
    this.clwBars = Array.from({ length: n }, (_, i) => {
      const rect = el('rect', { x: 92 + i * (bw + 1), width: bw }, svg);
      return { rect, title: el('title', {}, rect) };
    });
    y += 48;
    rowLabel(svg, y, 'Clients');
    this.stateBars = a.states.map((_, k) => {
      const rect = el('rect', { y, height: 14, fill: STATE_COLOURS[k]! }, svg);
      return { rect, title: el('title', {}, rect) };
    });
    this.svg.setAttribute('viewBox', `0 0 ${W} ${y + 20}`);
  }

  /** Show the agents after a week; their tooltips only with `detail` (read when the run stands still). */
  update(a: Agents, pressureKnee: number, detail = true): void {
    const key = `${a.tsoType.join('')}|${a.clwCaseload.length}`;
    if (key !== this.layoutKey) { this.layoutKey = key; this.build(a); }
    for (const p of a.tsoPlaces) this.maxPlaces = Math.max(this.maxPlaces, p);
    const cell = 30;
    let closed = 0;
    for (let j = 0; j < a.tsoType.length; j++) {
      const open = a.tsoOpen[j] === 1;
      if (!open) closed++;
      const c = this.cells[j];
      if (!c) continue;
      const side = open ? Math.max(5, cell * Math.sqrt(a.tsoPlaces[j]! / this.maxPlaces)) : 10;
      const ox = c.x + (cell - side) / 2, oy = c.y + (cell - side) / 2;
      const fill = !open ? '#c8c8c8' : this.colourBy === 'wait' ? waitColour(a.tsoWait[j]!, a.tsoPlaces[j]!) : trustColour(a.tsoTrust[j]!);
      setAttrs(c.rect, { x: ox.toFixed(1), y: oy.toFixed(1), width: side.toFixed(1), height: side.toFixed(1), fill, stroke: open ? '#333' : '#888' });
      if (c.open !== (open ? 1 : 0)) {
        c.open = open ? 1 : 0;
        c.g.setAttribute('class', open ? 'tso open' : 'tso closed');
        c.cross.setAttribute('d', open ? '' : `M${ox},${oy} l${side},${side} M${ox + side},${oy} l${-side},${side}`);
      }
      if (detail) setText(c.title, `${TSO_TYPES[a.tsoType[j]!]} TSO #${j}: ${open ? `open, ${a.tsoPlaces[j]} places, ${a.tsoWait[j]} waiting, trust ${a.tsoTrust[j]!.toFixed(2)}` : 'closed'}`);
    }
    this.svg.setAttribute('data-closed', String(closed));
    // CLWs: bars of caseload (height) coloured by pressure.
    const loads = a.clwCaseload.slice(0, this.clwBars.length);
    const maxLoad = Math.max(1, ...loads);
    loads.forEach((load, i) => {
      const h = Math.max(0.5, 34 * (load / maxLoad));
      const p = a.clwPressure[i]!;
      const b = this.clwBars[i]!;
      setAttrs(b.rect, { y: (this.clwY + 36 - h).toFixed(1), height: h.toFixed(1), fill: p >= 1 ? OI.vermillion : p >= pressureKnee ? OI.orange : OI.sky });
      if (detail) setText(b.title, `CLW ${i + 1}: caseload ${load.toFixed(1)}, pressure ${p.toFixed(2)}`);
    });
    // Clients: one stacked bar of counts per state.
    const total = Math.max(1, a.states.reduce((s, v) => s + v, 0));
    let x = 92;
    a.states.forEach((n, k) => {
      const w = ((W - 92) * n) / total;
      setAttrs(this.stateBars[k]!.rect, { x: x.toFixed(1), width: w.toFixed(1) });
      if (detail) setText(this.stateBars[k]!.title, `${STATE_LABELS[k]}: ${n}`);
      x += w;
    });
    this.showLegend(a, closed);
  }

  private showLegend(a: Agents, closed: number): void {
    const item = (c: string, label: string) => `<span class="item"><span class="key" style="--c:${c}"></span>${label}</span>`;
    if (this.legendKey !== this.colourBy) {
      this.legendKey = this.colourBy;
      this.legend.innerHTML =
        `<span>${this.colourBy === 'wait' ? `TSO colour: <span class="item">waiting list per place <span class="ramp" style="--a:#f2f2f2;--b:${OI.blue}"></span> 0 → 4+</span>` : `TSO colour: <span class="item">trust <span class="ramp3" style="--a:${OI.vermillion};--b:#f2f2f2;--c:${OI.blue}"></span> 0 → 1</span>`}; size: places; <span class="item">grey ✕: closed (<span class="n"></span>)</span>.</span> ` +
        `<span>CLW bars: caseload; ${item(OI.sky, 'below the pressure knee')} ${item(OI.orange, 'above it')} ${item(OI.vermillion, 'at cap')}.</span> ` +
        `<span>Clients: ${STATE_LABELS.map((l, k) => item(STATE_COLOURS[k]!, `${l} <span class="n"></span>`)).join(' ')}</span>`;
      this.legendNums = Array.from(this.legend.querySelectorAll<HTMLElement>('.n'));
    }
    [closed, ...a.states].forEach((n, k) => {
      setText(this.legendNums[k]!, String(n));
    });
  }
}

function setAttrs(e: Element, attrs: Record<string, string>): void {
  for (const [k, v] of Object.entries(attrs)) if (e.getAttribute(k) !== v) e.setAttribute(k, v);
}
