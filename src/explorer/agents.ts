/**
 * The agents, compactly: each TSO a cell sized by its places and coloured by its waiting list
 * (weeks of work queued) or its trust, closed ones grey and crossed; each CLW a bar of its
 * caseload coloured by pressure; clients as counts per state.
 */
import { TSO_TYPES, TSO_TYPE_LABELS } from '../model/params.js';
import type { Agents } from './protocol.js';
import { OI, mix } from './palette.js';

import { el } from './svg.js';

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

export class AgentsView {
  readonly svg: SVGSVGElement;
  colourBy: ColourBy = 'wait';
  private maxPlaces = 1;

  constructor(host: HTMLElement, private readonly legend: HTMLElement) {
    this.svg = el('svg', { viewBox: `0 0 ${W} 330`, id: 'agents', role: 'img', 'aria-label': 'TSOs, CLWs and clients' });
    host.appendChild(this.svg);
  }

  reset(): void {
    this.maxPlaces = 1;
  }

  update(a: Agents, pressureKnee: number): void {
    const svg = this.svg;
    svg.replaceChildren();
    for (const p of a.tsoPlaces) this.maxPlaces = Math.max(this.maxPlaces, p);
    const cell = 30;
    let y = 4;
    let closed = 0;
    TSO_TYPES.forEach((type, ti) => {
      const label = el('text', { x: 0, y: y + 10, class: 'rowlabel' }, svg);
      label.textContent = TSO_TYPE_LABELS[type].split(' (')[0]!;
      let x = 92;
      let rowH = 0;
      let drawn = 0, ofType = 0;
      for (let j = 0; j < a.tsoType.length; j++) {
        if (a.tsoType[j] !== ti) continue;
        ofType++;
        if (!a.tsoOpen[j]) closed++;
        if (drawn++ >= MAX_CELLS) continue;
        if (x + cell > W) { x = 92; y += rowH + 3; rowH = 0; }
        const open = a.tsoOpen[j] === 1;
        const side = open ? Math.max(5, cell * Math.sqrt(a.tsoPlaces[j]! / this.maxPlaces)) : 10;
        const fill = !open ? '#c8c8c8' : this.colourBy === 'wait' ? waitColour(a.tsoWait[j]!, a.tsoPlaces[j]!) : trustColour(a.tsoTrust[j]!);
        const g = el('g', { class: open ? 'tso open' : 'tso closed', 'data-id': j }, svg);
        const ox = x + (cell - side) / 2, oy = y + (cell - side) / 2;
        el('rect', { x: ox, y: oy, width: side, height: side, fill, stroke: open ? '#333' : '#888', 'stroke-width': 0.8 }, g);
        if (!open) {
          el('path', { d: `M${ox},${oy} l${side},${side} M${ox + side},${oy} l${-side},${side}`, stroke: '#666', 'stroke-width': 1 }, g);
        }
        el('title', {}, g).textContent = `${type} TSO #${j}: ${open ? `open, ${a.tsoPlaces[j]} places, ${a.tsoWait[j]} waiting, trust ${a.tsoTrust[j]!.toFixed(2)}` : 'closed'}`;
        x += cell + 3;
        rowH = Math.max(rowH, cell);
      }
      if (ofType > MAX_CELLS) el('text', { x: 0, y: y + 24, class: 'rowlabel' }, svg).textContent = `first ${MAX_CELLS} of ${ofType}`;
      y += rowH + 8;
    });
    svg.setAttribute('data-closed', String(closed));
    // CLWs: bars of caseload (height) coloured by pressure.
    y += 4;
    el('text', { x: 0, y: y + 10, class: 'rowlabel' }, svg).textContent = 'CLWs';
    const loads = a.clwCaseload.slice(0, MAX_CLWS);
    const maxLoad = Math.max(1, ...loads);
    const bw = Math.min(14, (W - 92) / Math.max(1, loads.length) - 1);
    if (a.clwCaseload.length > MAX_CLWS) el('text', { x: 0, y: y + 24, class: 'rowlabel' }, svg).textContent = `first ${MAX_CLWS} of ${a.clwCaseload.length}`;
    loads.forEach((load, i) => {
      const h = 34 * (load / maxLoad);
      const p = a.clwPressure[i]!;
      const fill = p >= 1 ? OI.vermillion : p >= pressureKnee ? OI.orange : OI.sky;
      const r = el('rect', { x: 92 + i * (bw + 1), y: y + 36 - h, width: bw, height: Math.max(0.5, h), fill }, svg);
      el('title', {}, r).textContent = `CLW ${i + 1}: caseload ${load.toFixed(1)}, pressure ${p.toFixed(2)}`;
    });
    y += 48;
    // Clients: one stacked bar of counts per state.
    el('text', { x: 0, y: y + 10, class: 'rowlabel' }, svg).textContent = 'Clients';
    const total = Math.max(1, a.states.reduce((s, v) => s + v, 0));
    let x = 92;
    a.states.forEach((n, k) => {
      const w = ((W - 92) * n) / total;
      const r = el('rect', { x, y, width: w, height: 14, fill: STATE_COLOURS[k]! }, svg);
      el('title', {}, r).textContent = `${STATE_LABELS[k]}: ${n}`;
      x += w;
    });
    this.legend.innerHTML =
      `<span>${this.colourBy === 'wait' ? `TSO colour: waiting list per place <span class="ramp" style="--a:#f2f2f2;--b:${OI.blue}"></span> 0 → 4+` : `TSO colour: trust <span class="ramp3" style="--a:${OI.vermillion};--b:#f2f2f2;--c:${OI.blue}"></span> 0 → 1`}; size: places; grey ✕: closed (${closed}).</span> ` +
      `<span>CLW bars: caseload; <span class="key" style="--c:${OI.sky}"></span>below the pressure knee <span class="key" style="--c:${OI.orange}"></span>above it <span class="key" style="--c:${OI.vermillion}"></span>at cap.</span> ` +
      `<span>Clients: ${a.states.map((n, k) => `<span class="key" style="--c:${STATE_COLOURS[k]}"></span>${STATE_LABELS[k]} ${n}`).join(' ')}</span>`;
  }
}
