/**
 * Structural tidying after sanitizing, so the HTML renders and reads cleanly and its text is
 * predictable: links get rel="noopener noreferrer", loose text beside blocks is wrapped in <p>,
 * the Chinese full-width indent at the start of a block is dropped (CSS indents instead), and
 * blocks left empty by boilerplate removal go away.
 */
import { elementsIn, hasClass } from './elements-in.js';
import { BLOCK_ELEMENTS } from './text-of-html.js';
import { IMAGE_PLACEHOLDER_CLASS } from './remote-images.js';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const LINKS = new Set(['a']);

export function secureLinks(root: Element): void {
  for (const a of elementsIn(root, LINKS)) {
    if (!a.getAttribute('href')) {
      // An anchor without a (safe) target is just text.
      a.replaceWith(...childrenOf(a));
      continue;
    }
    a.setAttribute('rel', 'noopener noreferrer');
  }
}

/** The child nodes of `el` as an array, read by walking siblings (see forgetChildLists). */
function childrenOf(el: Node): Node[] {
  const out: Node[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

const isBlock = (n: Node): boolean =>
  n.nodeType === ELEMENT_NODE && BLOCK_ELEMENTS.has((n as Element).localName);

const HOLDS_LOOSE_TEXT = new Set(['div', 'blockquote', 'li', 'figure', 'section', 'td']);

/**
 * Wrap runs of inline content that sit directly in a container next to block elements (財联社
 * bodies are bare text in a <div>) into <p>, so every paragraph is a block of its own.
 */
export function wrapLooseText(container: Element): void {
  const doc = container.ownerDocument;
  for (const el of [container, ...elementsIn(container, HOLDS_LOOSE_TEXT)]) {
    const children = childrenOf(el);
    const hasBlock = children.some(isBlock);
    if (!hasBlock && el !== container) continue;
    let run: Node[] = [];
    const flush = (before: Node | null): void => {
      const meaningful = run.some((n) => n.nodeType !== TEXT_NODE || /[^\s]/.test(n.textContent ?? ''));
      if (meaningful && (hasBlock || el === container)) {
        const p = doc.createElement('p');
        el.insertBefore(p, before);
        for (const n of run) p.appendChild(n);
      }
      run = [];
    };
    for (const child of children) {
      if (isBlock(child)) flush(child);
      else run.push(child);
    }
    flush(null);
  }
}

/** Strip leading whitespace/U+3000/NBSP inside `el` up to its first real content; true once found. */
function stripLeading(el: Node): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT_NODE) {
      const t = c as Text;
      const stripped = t.data.replace(/^[\s\u3000\u00a0]+/, '');
      if (stripped !== t.data) t.data = stripped;
      if (stripped) return true;
    } else if (c.nodeType === ELEMENT_NODE) {
      const e = c as Element;
      if (isBlock(e) || e.localName === 'br' || hasClass(e, IMAGE_PLACEHOLDER_CLASS)) return true;
      if (stripLeading(e)) return true;
    }
  }
  return false;
}

/** Blocks that hold a paragraph's text, whose first line may carry the indent. */
const INDENTED = new Set('p li h1 h2 h3 h4 h5 h6 figcaption td th dt dd'.split(' '));

/** Remove the leading indent at the start of each paragraph-like block (CSS indents instead). */
export function stripBlockIndent(root: Element): void {
  for (const block of elementsIn(root, INDENTED)) stripLeading(block);
}

const KEEP_WHEN_EMPTY = new Set(['br', 'hr', 'td', 'th', 'tr', 'col', 'colgroup']);

const MARKERS = new Set(['hr', 'td', 'th']);
const HAS_TEXT = /[^\s\u3000\u00a0]/;

/**
 * Remove elements with no text and no image placeholder, hr, td or th inside, innermost first.
 * One pass, children before parents, each element looking only at its own children: asking every
 * element for its textContent and a querySelector took cubic time on deep nesting (a hostile
 * article of 10,000 nested <div>s froze the app for hours).
 */
export function removeEmptyElements(root: Element): void {
  /** Elements with text or a marker somewhere inside (or being one), as found so far. */
  const substantial = new Set<Element>();
  for (const el of elementsIn(root).reverse()) {
    let inside = false;
    for (let c = el.firstChild; c && !inside; c = c.nextSibling) {
      inside = c.nodeType === TEXT_NODE ? HAS_TEXT.test((c as Text).data) : substantial.has(c as Element);
    }
    const placeholder = hasClass(el, IMAGE_PLACEHOLDER_CLASS);
    if (inside || placeholder || MARKERS.has(el.localName)) substantial.add(el);
    else if (!KEEP_WHEN_EMPTY.has(el.localName)) el.remove();
  }
}

/**
 * Whitespace-only text between blocks renders as nothing; shrink it to one newline so the stored
 * HTML is readable. Whitespace between inline elements ("<b>a</b> <i>b</i>") is left alone.
 */
export function collapseBlockWhitespace(root: Element): void {
  root.normalize(); // merge the adjacent text nodes that removed elements left behind
  // An explicit stack, not recursion: hostile bodies nest blocks thousands deep.
  const stack: Element[] = [root];
  for (let el = stack.pop(); el; el = stack.pop()) {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE) {
        const t = c as Text;
        if (/^[ \t\n\r\f]+$/.test(t.data) && t.data !== '\n') {
          const prev = t.previousSibling;
          const next = t.nextSibling;
          if ((!prev || isBlock(prev)) && (!next || isBlock(next))) t.data = '\n';
        }
      } else if (c.nodeType === ELEMENT_NODE && isBlock(c) && (c as Element).localName !== 'pre') {
        stack.push(c as Element);
      }
    }
  }
}
