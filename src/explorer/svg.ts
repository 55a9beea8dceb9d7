/** Create an SVG element with attributes, optionally appended to a parent. */
export const NS = 'http://www.w3.org/2000/svg';

export const el = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, parent?: Element) => {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.appendChild(e);
  return e;
};

/** Set an element's text only when it changed (a write forces the browser to lay the text out again). */
export function setText(e: Element, text: string): void {
  if (e.textContent !== text) e.textContent = text;
}
