/**
 * The PRIM peeling trajectory as a small standalone SVG: coverage (x) against density (y), one
 * point per step labelled with its number of restricted factors, the selected box ringed.
 * Plain string building (no DOM), so it runs in a worker, a browser or Node.
 */
import type { PrimResult } from './prim.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f = (v: number): string => (Math.round(v * 10) / 10).toString();

export function primSvg(r: PrimResult, opts: { title?: string; width?: number; height?: number } = {}): string {
  const w = opts.width ?? 480, h = opts.height ?? 360;
  const m = { l: 52, r: 20, t: 30, b: 44 };
  const px = (c: number): number => m.l + c * (w - m.l - m.r);
  const py = (dn: number): number => h - m.b - dn * (h - m.t - m.b);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" font-size="11">`);
  out.push(`<title>${esc(opts.title ?? 'PRIM peeling trajectory')}</title>`);
  out.push(`<text x="${m.l}" y="18" font-size="13">${esc(opts.title ?? 'PRIM peeling trajectory')}</text>`);
  for (let t = 0; t <= 10; t += 2) {
    const v = t / 10;
    out.push(`<line x1="${f(px(v))}" y1="${f(py(0))}" x2="${f(px(v))}" y2="${f(py(1))}" stroke="#eee"/>`);
    out.push(`<line x1="${f(px(0))}" y1="${f(py(v))}" x2="${f(px(1))}" y2="${f(py(v))}" stroke="#eee"/>`);
    out.push(`<text x="${f(px(v))}" y="${f(py(0) + 14)}" text-anchor="middle">${v}</text>`);
    out.push(`<text x="${f(px(0) - 6)}" y="${f(py(v) + 4)}" text-anchor="end">${v}</text>`);
  }
  out.push(`<rect x="${m.l}" y="${m.t}" width="${w - m.l - m.r}" height="${h - m.t - m.b}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${f(px(0.5))}" y="${h - 8}" text-anchor="middle">coverage</text>`);
  out.push(`<text transform="translate(14 ${f(py(0.5))}) rotate(-90)" text-anchor="middle">density</text>`);
  const pts = r.trajectory.map((s) => `${f(px(s.coverage))},${f(py(s.density))}`).join(' ');
  out.push(`<polyline points="${pts}" fill="none" stroke="#9ab"/>`);
  for (const s of r.trajectory) {
    const cx = f(px(s.coverage)), cy = f(py(s.density));
    out.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="#2a6f97"><title>step ${s.step}: coverage ${s.coverage.toFixed(3)}, density ${s.density.toFixed(3)}, mass ${s.mass.toFixed(3)}, ${s.restricted} restricted</title></circle>`);
    out.push(`<text x="${cx}" y="${f(py(s.density) - 6)}" text-anchor="middle" font-size="9">${s.restricted}</text>`);
    if (s.step === r.selected) out.push(`<circle cx="${cx}" cy="${cy}" r="7" fill="none" stroke="#c0392b" stroke-width="2"/>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

/**
 * The chosen box as a small standalone SVG: one row per factor, its data range as a grey bar
 * and the box's range on it in colour (bounds printed), restricted factors first.
 */
export function primBoxSvg(r: PrimResult, opts: { title?: string; width?: number } = {}): string {
  const w = opts.width ?? 480, rowH = 34, m = { l: 170, r: 24, t: 48, b: 12 };
  const order = r.names.map((_, j) => j).sort((a, b) => Number(restricted(r, b)) - Number(restricted(r, a)) || a - b);
  const h = m.t + m.b + rowH * order.length;
  const g = (v: number): string => String(Number(v.toPrecision(3)));
  const out: string[] = [];
  const title = opts.title ?? 'PRIM box';
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" font-size="11">`);
  out.push(`<title>${esc(title)}</title>`);
  out.push(`<text x="8" y="18" font-size="13">${esc(title)}</text>`);
  out.push(`<text x="8" y="36" fill="#555">coverage ${r.stats.coverage.toFixed(3)}, density ${r.stats.density.toFixed(3)}, mass ${r.stats.mass.toFixed(3)}, ${r.stats.restricted} restricted</text>`);
  order.forEach((j, k) => {
    const lo = r.init.lower[j]!, hi = r.init.upper[j]!;
    const px = (v: number): number => m.l + (hi > lo ? (v - lo) / (hi - lo) : 0.5) * (w - m.l - m.r);
    const y = m.t + k * rowH;
    const on = restricted(r, j);
    out.push(`<text x="${m.l - 8}" y="${f(y + 14)}" text-anchor="end"${on ? ' font-weight="bold"' : ''}>${esc(r.names[j]!)}</text>`);
    out.push(`<rect x="${f(px(lo))}" y="${f(y + 6)}" width="${f(px(hi) - px(lo))}" height="10" fill="#e3e3e3"/>`);
    out.push(`<rect x="${f(px(r.box.lower[j]!))}" y="${f(y + 4)}" width="${f(Math.max(1, px(r.box.upper[j]!) - px(r.box.lower[j]!)))}" height="14" fill="${on ? '#c0392b' : '#9ab'}" fill-opacity="0.8"><title>${esc(r.names[j]!)}: ${g(r.box.lower[j]!)} to ${g(r.box.upper[j]!)} (data ${g(lo)} to ${g(hi)})</title></rect>`);
    out.push(`<text x="${f(px(r.box.lower[j]!))}" y="${f(y + 30)}" text-anchor="middle" font-size="9">${g(r.box.lower[j]!)}</text>`);
    out.push(`<text x="${f(px(r.box.upper[j]!))}" y="${f(y + 30)}" text-anchor="middle" font-size="9">${g(r.box.upper[j]!)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

const restricted = (r: PrimResult, j: number): boolean => r.box.lower[j]! > r.init.lower[j]! || r.box.upper[j]! < r.init.upper[j]!;
