/**
 * The renderer's own sanitizing pass. Article HTML was already cleaned in core/, but the UI
 * never trusts what crosses the boundary: this second pass uses the same strict allow-list idea
 * and makes every link open outside the app. No <img> passes: core turns images into placeholders,
 * and ReaderPane puts a real image in one only when the user allows remote images.
 */
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'span',
  'div',
  'a',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'abbr',
  'cite',
  'q',
  'time',
  'section',
  'article',
  'header',
  'footer',
  'del',
  'ins',
  'kbd',
  'samp',
  'var',
  'col',
  'colgroup',
];

/** Attributes only the image placeholders (core/clean/remote-images.ts) may carry. */
const PLACEHOLDER_ATTR = ['data-src', 'data-alt', 'role', 'aria-label'];
const ALLOWED_ATTR = [
  'href',
  'title',
  'colspan',
  'rowspan',
  'class',
  'data-src',
  'data-alt',
  'role',
  'aria-label',
  'start',
  'lang',
  'dir',
  'datetime',
];

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof Element && !(node.localName === 'span' && node.classList.contains('gloss-image'))) {
    // Only core's placeholders carry a class or data: a body must not borrow the UI's classes.
    for (const name of PLACEHOLDER_ATTR) node.removeAttribute(name);
    node.removeAttribute('class');
  } else if (node instanceof Element) {
    node.setAttribute('class', 'gloss-image');
  }
  if (node instanceof HTMLAnchorElement) {
    const href = node.getAttribute('href') ?? '';
    if (!/^https?:\/\//i.test(href)) node.removeAttribute('href');
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * The article's body as sanitized nodes, to be moved into the reader (`putArticleBody`). Nodes, not
 * a string: serializing the sanitized tree and having the reader parse it again cost ~8 ms of a
 * long article's opening, and inserting what was checked leaves no re-parse to differ from it.
 */
export function sanitizeArticleNodes(html: string): Node[] {
  const fragment = purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: /^https?:\/\//i,
    // Not URLs: without this DOMPurify tests their values against the URL pattern and drops them.
    ADD_URI_SAFE_ATTR: ['colspan', 'rowspan', 'start', 'lang', 'dir', 'datetime', 'data-alt', 'aria-label'],
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
  }) as DocumentFragment | null; // null when the markup leaves no body (a <frameset> page)
  return fragment ? Array.from(fragment.childNodes) : [];
}

/**
 * Puts `nodes` in `el` in place of its children. Through a fragment, not `replaceChildren(...nodes)`:
 * a wide body has more top-level nodes than a call can take as arguments. Moving the same nodes in
 * again is harmless (React runs effects twice in development).
 */
export function putArticleBody(el: Element, nodes: readonly Node[]): void {
  const fragment = el.ownerDocument.createDocumentFragment();
  for (const node of nodes) fragment.append(node);
  el.replaceChildren(fragment);
}
