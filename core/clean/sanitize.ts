/**
 * The HTML allow-list: DOMPurify on the shared jsdom window, configured explicitly because its
 * defaults keep `style` attributes, some <style> elements and <form>s (see NOTES.md).
 * Everything not listed here is dropped; unknown wrappers (font, span…) keep their text.
 */
import createDOMPurify from 'dompurify';
import type { Config } from 'dompurify';
import { createContainer, releaseContainer, sharedWindow } from './dom-window.js';

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
  const purifier = purifierFor(container);
  try {
    purifier.sanitize(container, config);
  } catch {
    container.innerHTML = purifier.sanitize(container.innerHTML, { ...config, IN_PLACE: false });
  }
}

/** Sanitize an HTML string; used by tests and by callers without a container. */
export function sanitizeHtml(html: string): string {
  const div = createContainer(html);
  sanitizeInPlace(div);
  const out = div.innerHTML;
  releaseContainer(div);
  return out;
}
