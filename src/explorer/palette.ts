/** Okabe-Ito: a palette that colour-blind readers can tell apart (Okabe & Ito 2008). */
export const OI = {
  black: '#000000', orange: '#E69F00', sky: '#56B4E9', green: '#009E73',
  yellow: '#F0E442', blue: '#0072B2', vermillion: '#D55E00', purple: '#CC79A7', grey: '#8c8c8c',
} as const;

export const LOOP_COLOURS: Record<string, string> = {
  R1: OI.green, R2: OI.vermillion, R3: OI.purple, B1: OI.blue, B2: OI.sky, input: '#555555',
};

/** Hex colour mix, t in 0..1 (a sequential or diverging scale between Okabe-Ito anchors). */
export function mix(a: string, b: string, t: number): string {
  const p = (h: string, i: number) => parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
  const u = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0));
  const c = [0, 1, 2].map((i) => Math.round(p(a, i) + (p(b, i) - p(a, i)) * u).toString(16).padStart(2, '0'));
  return `#${c.join('')}`;
}
