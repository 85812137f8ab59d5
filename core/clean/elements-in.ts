/**
 * The elements under a root, in document order, optionally only those with some tag names. One
 * TreeWalker pass: jsdom's querySelectorAll goes through a general selector engine and builds a
 * live collection per call, which made each cleaning step cost several times the walk itself.
 */
export function elementsIn(root: Element, names?: ReadonlySet<string>): Element[] {
  const out: Element[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    if (!names || names.has(node.localName)) out.push(node);
  }
  return out;
}

/** True when `el` carries `name` among its classes, without making a DOMTokenList for it. */
export function hasClass(el: Element, name: string): boolean {
  const value = el.getAttribute('class');
  return value !== null && value.split(/[\t\n\f\r ]+/).includes(name);
}
