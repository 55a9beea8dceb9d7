/**
 * The loop figure (loops.svg): one row per lever. Left, the slow ramp: mean trust against the
 * lever's value on the way up (solid) and on the way down (dashed), from high and from low
 * starting trust. Right, long-run trust at fixed lever values from each start, with the verdict
 * (one level or two). Calm is on the left, stressed on the right. Plain strings, no DOM.
 */
import { STARTS, type LoopResult, type RampRow, type Start } from './loops.js';
import { esc } from '../report/format.js';

const W = 420, H = 260, M = { l: 48, r: 12, t: 34, b: 40 };
const COLOUR: Record<Start, string> = { high: '#1f5f8b', low: '#c2571a' };
const f = (v: number) => (Math.round(v * 10) / 10).toString();
const num = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(0) : Number(v.toFixed(2)).toString());

/** One panel's frame: axes, trust ticks 0-1, lever ticks calm → stressed, titles. */
function frame(x0: number, y0: number, r: LoopResult, title: string) {
  const { calm, stressed } = r.lever;
  const px = (v: number) => x0 + M.l + ((v - calm) / (stressed - calm)) * (W - M.l - M.r);
  const py = (t: number) => y0 + H - M.b - t * (H - M.t - M.b);
  const out = [`<text x="${f(x0 + M.l)}" y="${f(y0 + 18)}" font-size="12">${esc(title)}</text>`];
  for (let t = 0; t <= 1.0001; t += 0.2) {
    out.push(`<line x1="${f(px(calm))}" y1="${f(py(t))}" x2="${f(px(stressed))}" y2="${f(py(t))}" stroke="#eee"/>`);
    out.push(`<text x="${f(px(calm) - 5)}" y="${f(py(t) + 4)}" text-anchor="end">${t.toFixed(1)}</text>`);
  }
  for (let k = 0; k <= 4; k++) {
    const v = calm + ((stressed - calm) * k) / 4;
    out.push(`<text x="${f(px(v))}" y="${f(py(0) + 14)}" text-anchor="middle">${num(v)}</text>`);
  }
  out.push(`<rect x="${f(px(calm))}" y="${f(py(1))}" width="${f(px(stressed) - px(calm))}" height="${f(py(0) - py(1))}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${f((px(calm) + px(stressed)) / 2)}" y="${f(y0 + H - 8)}" text-anchor="middle">${esc(r.lever.label)}</text>`);
  out.push(`<text transform="translate(${f(x0 + 12)} ${f(py(0.5))}) rotate(-90)" text-anchor="middle">mean trust</text>`);
  return { out, px, py };
}

/** Means of `every` weeks of one leg, so the curves show the ramp rather than weekly noise. */
function leg(rows: RampRow[], start: Start, phase: RampRow['phase'], every = 4): Array<[number, number]> {
  const mine = rows.filter((r) => r.start === start && r.phase === phase);
  const pts: Array<[number, number]> = [];
  for (let i = 0; i + every <= mine.length; i += every) {
    const chunk = mine.slice(i, i + every);
    pts.push([chunk.reduce((s, r) => s + r.lever_value, 0) / every, chunk.reduce((s, r) => s + r.trust_mean, 0) / every]);
  }
  return pts;
}

function rampPanel(x0: number, y0: number, r: LoopResult): string[] {
  const { out, px, py } = frame(x0, y0, r, `${r.lever.name}: slow ramp up (solid) and down (dashed)`);
  for (const start of Object.keys(STARTS) as Start[])
    for (const [phase, dash] of [['up', ''], ['down', ' stroke-dasharray="5 3"']] as const) {
      const pts = leg(r.ramp, start, phase).map(([v, t]) => `${f(px(v))},${f(py(t))}`).join(' ');
      out.push(`<polyline points="${pts}" fill="none" stroke="${COLOUR[start]}" stroke-width="1.5"${dash}><title>${start} start, ${phase}</title></polyline>`);
    }
  return out;
}

function equilibriumPanel(x0: number, y0: number, r: LoopResult): string[] {
  const two = r.equilibria.filter((e) => e.levels === 2).length;
  const verdict = two ? `two levels at ${two} of ${r.equilibria.length} values` : 'one level at every value';
  const { out, px, py } = frame(x0, y0, r, `${r.lever.name}: long-run trust (${verdict})`);
  for (const start of Object.keys(STARTS) as Start[]) {
    const key = start === 'high' ? 'trust_high_start' : 'trust_low_start';
    out.push(`<polyline points="${r.equilibria.map((e) => `${f(px(e.lever_value))},${f(py(e[key]))}`).join(' ')}" fill="none" stroke="${COLOUR[start]}"/>`);
    for (const e of r.equilibria)
      out.push(`<circle cx="${f(px(e.lever_value))}" cy="${f(py(e[key]))}" r="${start === 'high' ? 4 : 2.5}" fill="${start === 'high' ? 'none' : COLOUR[start]}" stroke="${COLOUR[start]}"><title>${start} start, lever ${num(e.lever_value)}: trust ${e[key].toFixed(3)}; high − low ${e.difference.toFixed(3)} (${e.ci_low.toFixed(3)} to ${e.ci_high.toFixed(3)})</title></circle>`);
  }
  return out;
}

export function loopsSvg(results: LoopResult[]): string {
  const width = 2 * W, height = results.length * H + 30;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="10">`,
    '<title>The trust loop: slow ramps and long-run levels from high and low starting trust</title>',
    `<text x="${M.l}" y="16" font-size="11"><tspan fill="${COLOUR.high}">■ started at trust ${STARTS.high}</tspan>   <tspan fill="${COLOUR.low}">■ started at trust ${STARTS.low}</tspan>   calm on the left, stressed on the right</text>`];
  results.forEach((r, i) => {
    out.push(...rampPanel(0, 24 + i * H, r), ...equilibriumPanel(W, 24 + i * H, r));
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
