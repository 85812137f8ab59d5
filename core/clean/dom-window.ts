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
import { JSDOM } from 'jsdom';

/** Containers per window: amortises its creation (~50 ms) while bounding the iterator set. */
export const CONTAINERS_PER_WINDOW = 200;

let current: { window: JSDOM['window']; containers: number } | null = null;

/** The current shared window (DOMPurify instances are made per window, see sanitize.ts). */
export function sharedWindow(): JSDOM['window'] {
  current ??= {
    window: new JSDOM('<!doctype html><html><head></head><body></body></html>').window,
    containers: 0,
  };
  return current.window;
}

/** A fresh, detached <div> in the shared document to parse a fragment into. */
export function createContainer(html: string): HTMLDivElement {
  // The old window is not closed: containers made in it may still be in use, and it holds no
  // timers or listeners of its own, so it is collected once the last of them is dropped.
  if (current && current.containers >= CONTAINERS_PER_WINDOW) current = null;
  const window = sharedWindow();
  current!.containers++;
  const div = window.document.createElement('div');
  div.innerHTML = html;
  return div;
}

/**
 * Empty a container once its results are taken, so that what jsdom may keep alive until the end
 * of the current job (the sanitizer's NodeIterator, which refers to the container) is an empty <div>.
 */
export function releaseContainer(container: Element): void {
  container.replaceChildren();
}
