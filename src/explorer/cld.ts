/** The causal loop diagram (SVG): nodes, signed links whose width follows their strength, loop labels. */
import { NODES, LOOPS, LINKS, type CldNode } from './loops.js';
import { dominanceText } from './dominance.js';
import { LOOP_COLOURS } from './palette.js';
import { el, setText } from './svg.js';

/** Split a label into at most two lines near its middle. */
function lines(label: string): string[] {
  if (label.length <= 16) return [label];
  const mid = label.length / 2;
  let best = -1;
  for (let i = 0; i < label.length; i++) if (label[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  return best < 0 ? [label] : [label.slice(0, best), label.slice(best + 1)];
}
const boxOf = (n: CldNode) => {
  const ls = lines(n.label);
  return { w: Math.max(...ls.map((l) => l.length)) * 6.4 + 14, h: ls.length * 13 + 8, ls };
};

/** Where the segment from the box centre towards (dx, dy) leaves the box. */
function exit(n: CldNode, dx: number, dy: number, pad = 3): [number, number] {
  const { w, h } = boxOf(n);
  const t = Math.min((w / 2 + pad) / Math.max(1e-9, Math.abs(dx)), (h / 2 + pad) / Math.max(1e-9, Math.abs(dy)));
  return [n.x + dx * t, n.y + dy * t];
}

interface LinkEl { g: SVGGElement; path: SVGPathElement; title: SVGTitleElement; shown: string }
interface ScoreEl { li: HTMLLIElement; bar: HTMLElement; num: HTMLElement }

export class LoopDiagram {
  private links: LinkEl[] = [];
  private loopText: SVGTextElement[] = [];
  private scores: ScoreEl[] = [];
  readonly svg: SVGSVGElement;

  constructor(host: HTMLElement, private readonly text: HTMLElement, private readonly table: HTMLElement) {
    const svg = el('svg', { viewBox: '0 0 780 480', id: 'cld', role: 'img', 'aria-labelledby': 'cld-title cld-desc' });
    this.svg = svg;
    el('title', { id: 'cld-title' }, svg).textContent = 'Causal loop diagram of the referral ecosystem';
    el('desc', { id: 'cld-desc' }, svg).textContent = LOOPS.map((l) => `${l.id} (${l.kind === 'R' ? 'reinforcing' : 'balancing'}) ${l.name}: ${l.story}`).join('. ');
    const defs = el('defs', {}, svg);
    for (const [id, colour] of Object.entries(LOOP_COLOURS)) {
      const m = el('marker', { id: `arrow-${id}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 11, markerHeight: 11, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' }, defs);
      el('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour }, m);
    }
    const gl = el('g', { class: 'links' }, svg);
    const byId = new Map(NODES.map((n) => [n.id, n]));
    LINKS.forEach((l, k) => {
      const a = byId.get(l.from)!, b = byId.get(l.to)!;
      const dx = b.x - a.x, dy = b.y - a.y;
      const len = Math.hypot(dx, dy);
      const bend = l.bend ?? 0.1;
      const cx = (a.x + b.x) / 2 - (dy / len) * bend * len, cy = (a.y + b.y) / 2 + (dx / len) * bend * len;
      const [x1, y1] = exit(a, cx - a.x, cy - a.y);
      const [x2, y2] = exit(b, cx - b.x, cy - b.y, 6);
      const colour = LOOP_COLOURS[l.loop]!;
      const g = el('g', { class: `link loop-${l.loop}`, id: `link-${l.from}-${l.to}`, 'data-strength': 0 }, gl);
      const path = el('path', { d: `M${x1},${y1} Q${cx},${cy} ${x2},${y2}`, fill: 'none', stroke: colour, 'stroke-width': 1, opacity: 0.3, 'marker-end': `url(#arrow-${l.loop})` }, g);
      // The sign sits near the arrow head, on the curve (quadratic Bézier at t = 0.8).
      const t = 0.78, u = 1 - t;
      const sx = u * u * x1 + 2 * u * t * cx + t * t * x2, sy = u * u * y1 + 2 * u * t * cy + t * t * y2;
      el('circle', { cx: sx, cy: sy, r: 7, fill: '#fff', stroke: colour }, g);
      const s = el('text', { x: sx, y: sy + 4, 'text-anchor': 'middle', class: 'sign', fill: colour }, g);
      s.textContent = l.sign === '+' ? '+' : '−';
      const title = el('title', {}, g);
      this.links.push({ g, path, title, shown: '' });
      void k;
    });
    const gn = el('g', { class: 'nodes' }, svg);
    for (const n of NODES) {
      const { w, h, ls } = boxOf(n);
      const g = el('g', { class: 'node', id: `node-${n.id}` }, gn);
      el('rect', { x: n.x - w / 2, y: n.y - h / 2, width: w, height: h, rx: 6, fill: '#fff', stroke: '#333' }, g);
      ls.forEach((line, i) => {
        const t = el('text', { x: n.x, y: n.y - (ls.length - 1) * 6.5 + i * 13 + 4, 'text-anchor': 'middle', class: 'nodelabel' }, g);
        t.textContent = line;
      });
    }
    const gp = el('g', { class: 'loops' }, svg);
    for (const l of LOOPS) {
      const colour = LOOP_COLOURS[l.id]!;
      const g = el('g', { class: 'looplabel', id: `loop-${l.id}` }, gp);
      // A circular arrow around the loop's label.
      el('path', { d: `M${l.x + 15},${l.y - 6} A16,16 0 1,1 ${l.x + 8},${l.y - 14}`, fill: 'none', stroke: colour, 'stroke-width': 2, 'marker-end': `url(#arrow-${l.id})` }, g);
      const t = el('text', { x: l.x, y: l.y + 5, 'text-anchor': 'middle', class: 'loopid', fill: colour }, g);
      t.textContent = l.id;
      this.loopText.push(t);
      el('title', {}, g).textContent = `${l.id}, ${l.kind === 'R' ? 'reinforcing' : 'balancing'}: ${l.name}`;
    }
    host.appendChild(svg);
    this.scores = LOOPS.map((l) => {
      const li = document.createElement('li');
      li.innerHTML = `<span class="bar" style="--w:0%;--c:${LOOP_COLOURS[l.id]}"></span><b>${l.id}</b> ${l.kind === 'R' ? 'reinforcing' : 'balancing'}: ${l.name} <span class="num"></span>`;
      this.table.appendChild(li);
      return { li, bar: li.querySelector('.bar') as HTMLElement, num: li.querySelector('.num') as HTMLElement };
    });
  }

  /**
   * Show the link strengths and loop scores after `week` (week 0: nothing measured yet), with
   * the loop that clearly leads (`leader`, or -1: none). Writes only what changed; the links'
   * tooltips only with `detail` (they are read when the run stands still).
   */
  update(strength: ArrayLike<number>, raw: ArrayLike<number>, score: ArrayLike<number>, leader: number, week: number, detail = true): void {
    LINKS.forEach((l, k) => {
      const s = strength[k]!;
      const e = this.links[k]!;
      const shown = s.toFixed(2);
      if (shown !== e.shown) {
        e.shown = shown;
        e.path.setAttribute('stroke-width', (1 + 7 * s).toFixed(2));
        e.path.setAttribute('opacity', (0.25 + 0.75 * s).toFixed(2));
      }
      e.g.setAttribute('data-strength', s.toFixed(4));
      if (!detail) return;
      const from = NODES.find((n) => n.id === l.from)!.label, to = NODES.find((n) => n.id === l.to)!.label;
      setText(e.title, week === 0
        ? `${from} → ${to} (${l.sign}, ${l.loop}): not measured yet = ${l.measure}`
        : `${from} → ${to} (${l.sign}, ${l.loop}): strength ${s.toFixed(2)} (this week ${raw[k]!.toFixed(2)}) = ${l.measure}`);
    });
    LOOPS.forEach((_, i) => {
      const g = this.loopText[i]!.parentElement!;
      const cls = `looplabel${i === leader ? ' dominant' : ''}`;
      if (g.getAttribute('class') !== cls) g.setAttribute('class', cls);
      g.setAttribute('data-score', score[i]!.toFixed(4));
      const row = this.scores[i]!;
      row.bar.style.setProperty('--w', `${(100 * score[i]!).toFixed(0)}%`);
      setText(row.num, week === 0 ? '–' : score[i]!.toFixed(2));
      row.li.classList.toggle('lead', i === leader);
    });
    this.text.dataset.leader = leader >= 0 ? LOOPS[leader]!.id : '';
    setText(this.text, week === 0 ? 'Not run yet: the links light up as the weeks pass.' : dominanceText(score, leader, week));
  }
}
