/** A minimal SVG/HTML element serializer: attribute values and text are always escaped. */
import { esc } from './format.js';
import { fmt } from '../scenario/csv.js';

export type Attrs = Record<string, string | number | undefined>;
/** Markup produced by el(); plain strings passed as children are escaped as text. */
export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}
export type Child = Markup | string | number | undefined | false | Child[];

function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(typeof v === 'number' ? (k.startsWith('data-') ? String(fmt(v)) : round(v)) : v!)}"`)
    .join('');
}

/** Coordinates to 0.01 px; data-* values exactly as the CSV files hold them (6 decimals). */
const round = (v: number) => String(Math.round(v * 100) / 100);

function children(c: Child): string {
  if (c === undefined || c === false) return '';
  if (Array.isArray(c)) return c.map(children).join('');
  if (c instanceof Markup) return c.html;
  return esc(String(c));
}

export function el(tag: string, a: Attrs = {}, ...kids: Child[]): Markup {
  const inner = children(kids);
  return new Markup(inner === '' && /^(path|line|rect|circle|meta|br|link)$/.test(tag) ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${inner}</${tag}>`);
}

/** Trusted markup (e.g. a whole SVG made by el()) inserted as is. */
export const raw = (html: string) => new Markup(html);
