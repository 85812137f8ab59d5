/**
 * The jsdom window all cleaning in this process parses into. Creating a window costs tens of
 * milliseconds, so one is shared by many articles; jsdom runs no scripts and loads no resources
 * here (its defaults), so untrusted HTML parsed into it cannot do anything.
 *
 * Why the window is replaced every CONTAINERS_PER_WINDOW containers (a memory leak, found with heap
 * snapshots): jsdom registers every NodeIterator (DOMPurify makes one per sanitize) in its
 * document's `_workingNodeIterators`, a set of WeakRefs that it walks on every node removal.
 * Creating or dereferencing a WeakRef keeps its target alive until the current synchronous job
 * ends, and dead entries only leave the set when a FinalizationRegistry task runs after a major GC.
 * So on one long-lived document, a run of cleanings without a macrotask in between kept every
 * iterator and, through its `root`, every article's whole tree in memory (~100-250 KB per article)
 * and made each removal walk all of them (cleaning got slower and slower). Two defences:
 * - the window (and its document, and that set) is dropped and made anew every
 *   CONTAINERS_PER_WINDOW containers; nothing else refers to an old one, so it is collected whole;
 * - callers empty a container once its results are taken (`releaseContainer`), so an iterator kept
 *   alive until the job ends holds an empty <div>, not an article.
 * A document per article (DOMImplementation.createHTMLDocument) does not work: each document's
 * selector engine adds capture listeners to the shared window, which then keeps every document.
 */
import type { JSDOM } from 'jsdom';
import { loadJsdom } from './load-jsdom.js';
import { countsMoreTagsThan } from './tag-scan.js';

/** Containers per window: amortises its creation (~50 ms) while bounding the iterator set. */
export const CONTAINERS_PER_WINDOW = 200;

let current: { window: JSDOM['window']; containers: number } | null = null;

/** The current shared window (DOMPurify instances are made per window, see sanitize.ts). */
export function sharedWindow(): JSDOM['window'] {
  current ??= {
    window: new (loadJsdom().JSDOM)('<!doctype html><html><head></head><body></body></html>').window,
    containers: 0,
  };
  return current.window;
}

/**
 * Elements that bound "in scope" checks like the root does in fragment parsing, and whose end tag
 * is the only thing in a body that could close them (see parseLinear).
 */
const SCOPE_WRAPPERS = ['object', 'applet', 'marquee'] as const;

/** Bodies with more possible start tags than this are parsed as a document (see parseLinear). */
const LINEAR_PARSE_FROM_TAGS = 512;

/**
 * Parse `html` as `div.innerHTML = html` would, in time linear in the number of siblings.
 * Why: jsdom's fragment parsing (innerHTML) is quadratic in the number of children of one element
 * (parse5 8 detaches the parsed children from the end, and each removal re-indexes the list), so
 * 8,000 sibling <p>s took ~1.5 s and 256 KB of them about a minute. Parsing a whole document is
 * linear, and so is moving children from the front (a first child's index needs no walk).
 * Why the wrapper: in a document, `</body>` or `</html>` switch the parser to "after body", where
 * a comment lands outside <body>; in a <div> fragment both are ignored. Inside an <object> (an
 * "in scope" boundary, like the fragment's root) <body> is out of scope, so they are ignored too.
 * The wrapper only adds a marker to the list of active formatting elements below all the body's
 * own entries, and leaves the parser "in body" like a <div> context. Only its own end tag could
 * close it, so one whose end tag is absent from `html` is chosen; false if there is none (then the
 * caller parses as a fragment). Moving the children into the shared document costs more than the
 * fragment's quadratic part for small bodies (jsdom adopts every node: ~2 ms of 6 for a 17 KB
 * essay), so bodies of at most LINEAR_PARSE_FROM_TAGS start tags (so at most ~1,000 siblings, where
 * both ways take about as long) are parsed as a fragment.
 */
function parseLinear(window: JSDOM['window'], html: string, div: HTMLDivElement): boolean {
  if (!countsMoreTagsThan(html, LINEAR_PARSE_FROM_TAGS)) return false;
  const lower = html.toLowerCase();
  const wrapper = SCOPE_WRAPPERS.find((tag) => !lower.includes(`</${tag}`));
  if (!wrapper) return false;
  // No quirks mode (the doctype), as in the shared document: it decides whether <table> closes a <p>.
  const doc = new window.DOMParser().parseFromString(`<!doctype html><body><${wrapper}>${html}`, 'text/html');
  const root = doc.body.firstChild!;
  for (let child = root.firstChild; child; child = root.firstChild) div.appendChild(child);
  return true;
}

/** A fresh, detached <div> in the shared document, holding `html` parsed as its innerHTML. */
export function createContainer(html: string): HTMLDivElement {
  // The old window is not closed: containers made in it may still be in use, and it holds no
  // timers or listeners of its own, so it is collected once the last of them is dropped.
  if (current && current.containers >= CONTAINERS_PER_WINDOW) current = null;
  const window = sharedWindow();
  current!.containers++;
  const div = window.document.createElement('div');
  if (!parseLinear(window, html, div)) div.innerHTML = html;
  return div;
}

/**
 * Empty a container once its results are taken, so that what jsdom may keep alive until the end
 * of the current job (the sanitizer's NodeIterator, which refers to the container) is an empty <div>.
 */
export function releaseContainer(container: Element): void {
  container.replaceChildren();
  // After the removals, so that jsdom has moved each iterator's reference node out of the article.
  forgetNodeIterators(container);
  // A child list forgotten by forgetChildLists still holds its last snapshot of the children (the
  // container's wrapper keeps it for `childNodes`); reading it brings it up to date, empty.
  void container.childNodes.length;
  void container.children.length;
}

type Impl = Record<string, unknown>;

/** jsdom's key from a DOM wrapper to its implementation object (`Symbol("impl")` in its utils). */
let implKey: symbol | undefined;

function implOf(node: Node): Impl | undefined {
  implKey ??= Object.getOwnPropertySymbols(node).find((s) => s.description === 'impl');
  return implKey ? (node as unknown as Record<symbol, Impl | undefined>)[implKey] : undefined;
}

/**
 * Let jsdom forget the live `childNodes`/`children` lists read under `root`, so later insertions
 * and removals cost O(1) instead of O(children). Why: jsdom (29) keeps such a list once it was read
 * and rebuilds it in full on every change of its parent; DOMPurify 3.5 reads `childNodes` of every
 * node it visits, so after sanitizing, each change to a wide element (8,000 sibling <p>s) copied
 * the whole list, and emptying it took seconds. A list kept by a wrapper (`node.childNodes` returns
 * the same object) still works: jsdom brings it up to date when it is read, not on every change.
 * Reaching into jsdom's private fields is the price; `wide-bodies.test.ts` fails if a jsdom
 * upgrade renames them (the cleaning of a wide body would then be quadratic again).
 */
export function forgetChildLists(root: Node): void {
  const doc = root.ownerDocument;
  if (!doc) return;
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node: Node | null = root; node; node = walker.nextNode()) {
    const impl = implOf(node);
    if (!impl) continue;
    if (impl._childNodesList) impl._childNodesList = null;
    if (impl._childrenList) impl._childrenList = null;
  }
}

interface IteratorSet {
  [Symbol.iterator](): Iterator<object>;
  delete(iterator: object): boolean;
}

/**
 * Let jsdom forget the NodeIterators made so far in the document of `node`. Why: jsdom updates
 * every registered iterator on every node removal, and lets go of one only after a major GC has
 * collected it (see the top of this file), so each removal cost more with each article cleaned in
 * the window: a 19 KB article with a table took 22 ms at the start of a window and 30-36 ms after
 * 150 others. DOMPurify makes one iterator per sanitize call and drops it when the call returns.
 * Call it only when no iterator is in use, and once the article is out of the container: a
 * forgotten iterator is no longer moved off removed nodes, so one still on an article node would
 * keep that article's tree alive until the current job ends. Private jsdom fields again;
 * `wide-bodies.test.ts` fails if they are renamed.
 */
export function forgetNodeIterators(node: Node): void {
  const set = nodeIteratorsOf(node);
  if (!set) return;
  for (const iterator of set) set.delete(iterator);
}

/** jsdom's set of the NodeIterators it updates on each removal in the document of `node`. */
function nodeIteratorsOf(node: Node): IteratorSet | undefined {
  const doc = node.ownerDocument;
  return doc ? (implOf(doc)?._workingNodeIterators as IteratorSet | undefined) : undefined;
}

/** How many NodeIterators jsdom updates on each removal in the document of `node` (for tests). */
export function liveNodeIteratorCount(node: Node): number {
  const set = nodeIteratorsOf(node);
  if (!set) return -1;
  let count = 0;
  for (const _iterator of set) count++;
  return count;
}

/** True when jsdom keeps a live child list for `node` (tests use it to prove forgetChildLists works). */
export function hasLiveChildList(node: Node): boolean {
  const impl = implOf(node);
  return Boolean(impl?._childNodesList || impl?._childrenList);
}
