/**
 * Which parts of the page are on screen (IntersectionObserver), so that a panel scrolled out of
 * view is not redrawn every frame (on a phone most of the page is); it is brought up to date as
 * it comes back into view, when `onShow` runs.
 */
export function watchVisibility(els: Element[], onShow: () => void): (e: Element) => boolean {
  const on = new Map<Element, boolean>(els.map((e) => [e, true]));
  if (typeof IntersectionObserver === 'undefined') return () => true;
  const io = new IntersectionObserver((entries) => {
    let shown = false;
    for (const en of entries) {
      on.set(en.target, en.isIntersecting);
      shown ||= en.isIntersecting;
    }
    if (shown) onShow();
  }, { rootMargin: '200px 0px' }); // drawn just before it scrolls in
  for (const e of els) io.observe(e);
  return (e) => on.get(e) ?? true;
}
