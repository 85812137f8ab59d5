/**
 * The HTML allow-list: DOMPurify on the shared jsdom window, configured explicitly because its
 * defaults keep `style` attributes, some <style> elements and <form>s (see NOTES.md).
 * Everything not listed here is dropped; unknown wrappers (font, span…) keep their text.
 */
import createDOMPurify from 'dompurify';
import type { Config } from 'dompurify';
import { createContainer, forgetChildLists, releaseContainer, sharedWindow } from './dom-window.js';

export const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
];

export const ALLOWED_ATTR = [
  'href',
  'src',
  'alt',
  'title',
  'colspan',
  'rowspan',
  'start',
  'datetime',
  'lang',
  'dir',
];

/** Never allowed, even if a later edit adds them above by mistake. Their content goes too. */
const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'form',
  'object',
  'embed',
  'svg',
  'math',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'template',
  'link',
  'meta',
  'base',
  'noscript',
  'audio',
  'video',
];

/** http(s), mailto, in-page anchors and relative URLs; so no javascript:, data:, vbscript:, file:. */
export const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.{1,2}\/|[^:/?#]*(?:[/?#]|$))/i;

const config: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS,
  FORBID_ATTR: ['style', 'class', 'id'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: SAFE_URL,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
  IN_PLACE: true,
};

type Purifier = ReturnType<typeof createDOMPurify>;

/** One DOMPurify instance per jsdom window (the shared window is replaced now and then). */
const purifiers = new WeakMap<object, Purifier>();

function purifierFor(container: Element): Purifier {
  const window = container.ownerDocument.defaultView ?? sharedWindow();
  let purifier = purifiers.get(window);
  if (!purifier) {
    purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    purifiers.set(window, purifier);
  }
  return purifier;
}

/** DOMPurify's default FORBID_CONTENTS (3.5): elements it drops with their content. */
const DROPPED_WITH_CONTENT = new Set(
  'annotation-xml audio colgroup desc foreignobject head iframe math mi mn mo ms mtext noembed noframes noscript plaintext script selectedcontent style svg template thead title video xmp'.split(
    ' ',
  ),
);
/** Left to DOMPurify, which may drop them whole: forms (clobbering) and text-only elements. */
const NEVER_UNWRAP = new Set([
  'form',
  'textarea',
  'title',
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
]);
const ALLOWED = new Set(ALLOWED_TAGS);
const FORBIDDEN = new Set(FORBID_TAGS);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * Replace each element DOMPurify would unwrap (not allowed, content kept: <article>, <span>,
 * <font>…) by its children, before DOMPurify runs. Why: DOMPurify moves the children out one by
 * one, and in jsdom each move costs O(siblings) once a child list was read, so an <article> of
 * 10,000 paragraphs took ~5 s to sanitize (40,000 about a minute). Here no list has been read
 * yet and `replaceWith` moves them all at once. The tree is the one DOMPurify would build: only
 * elements with an element child are unwrapped here (DOMPurify drops a leaf whose text looks like
 * markup, which stays its call), nothing inside an element it drops whole, nothing foreign, and
 * no form or text-only element (those it may drop whole).
 */
function unwrapDisallowed(container: HTMLElement): void {
  const doc = container.ownerDocument;
  const walker = doc.createTreeWalker(container, 1 /* NodeFilter.SHOW_ELEMENT */);
  const unwrap: Element[] = [];
  let node = walker.nextNode() as Element | null;
  while (node) {
    const name = node.localName;
    if (node.namespaceURI !== HTML_NS || DROPPED_WITH_CONTENT.has(name)) {
      node = walker.nextSibling() as Element | null;
      // No next sibling: climb until an ancestor has one (the walker stays inside `container`).
      while (!node && walker.parentNode()) node = walker.nextSibling() as Element | null;
      continue;
    }
    const disallowed = !ALLOWED.has(name) || FORBIDDEN.has(name);
    if (disallowed && !NEVER_UNWRAP.has(name) && node.firstElementChild) unwrap.push(node);
    node = walker.nextNode() as Element | null;
  }
  // Innermost last in document order; unwrapping an outer one first keeps inner ones attached.
  for (const el of unwrap) {
    const children: Node[] = [];
    for (let c = el.firstChild; c; c = c.nextSibling) children.push(c);
    el.replaceWith(...children);
  }
}

/** Comments carry nothing a reader sees; DOMPurify would drop them anyway. */
function removeComments(container: HTMLElement): void {
  const doc = container.ownerDocument;
  const walker = doc.createTreeWalker(container, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node);
  for (const node of comments) node.parentNode?.removeChild(node);
}

/**
 * Sanitize the children of `container` (a <div> from createContainer) in place. Comments go first:
 * DOMPurify 3.5 in place throws ("could not be detached") on a comment followed by text holding
 * `</`, as in a scraped `a</\nb>c</`. Should in-place sanitizing still refuse some tree, the
 * container is sanitized again as a string, which never fails, so one odd article cannot stop a
 * library from opening.
 */
export function sanitizeInPlace(container: HTMLElement): void {
  removeComments(container);
  unwrapDisallowed(container);
  const purifier = purifierFor(container);
  try {
    purifier.sanitize(container, config);
  } catch {
    container.innerHTML = purifier.sanitize(container.innerHTML, { ...config, IN_PLACE: false });
  }
  forgetChildLists(container);
}

/**
 * sanitizeInPlace without unwrapDisallowed: the reference tests compare it with (unwrapping first
 * only makes it faster, never different).
 */
export function sanitizeInPlaceWithoutUnwrapping(container: HTMLElement): void {
  removeComments(container);
  purifierFor(container).sanitize(container, config);
}

/** Sanitize an HTML string; used by tests and by callers without a container. */
export function sanitizeHtml(html: string): string {
  const div = createContainer(html);
  sanitizeInPlace(div);
  const out = div.innerHTML;
  releaseContainer(div);
  return out;
}
