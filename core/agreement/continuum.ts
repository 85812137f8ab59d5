/**
 * The continuum that unitizing agreement is measured on (issue 18): the canonical texts of the
 * chosen articles, in Unicode code points, one after another in the order of their library paths.
 * A coder's **units** for a code are the union of their highlights with that code, per article,
 * shifted by the article's place in the continuum, as sorted, disjoint, half-open spans.
 *
 * Offsets here are code points (as exports write them), never UTF-16 units. Pure: no I/O.
 */
import { ApiError } from '../errors.js';

/** A half-open range `[start, end)` of code points. */
export interface Span {
  start: number;
  end: number;
}

export interface ContinuumArticle {
  id: string;
  /** The article's library path (orders the continuum). */
  path: string;
  /** Length of its canonical text in code points. */
  length: number;
}

export type PlacedArticle<A extends ContinuumArticle = ContinuumArticle> = A & {
  /** Where the article's text starts in the continuum. */
  offset: number;
  /** Its position in `Continuum.articles`. */
  index: number;
};

export interface Continuum<A extends ContinuumArticle = ContinuumArticle> {
  /** In continuum order (by path). */
  articles: readonly PlacedArticle<A>[];
  byId: ReadonlyMap<string, PlacedArticle<A>>;
  /** Total length in code points (L). */
  length: number;
}

/** A span that lies inside one article: `article` is the article's index in the continuum. */
export type Unit = Span & { article: number };

/** A highlight as far as units are concerned: code-point offsets in its article's text. */
export interface HighlightRange {
  articleId: string;
  start: number;
  end: number;
}

/**
 * Compares by Unicode code point, not UTF-16 unit, so the order is the one any other language's
 * plain string sort gives (and never depends on a locale).
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Places articles one after another in path order. Throws `invalid-input` on a bad article. */
export function buildContinuum<A extends ContinuumArticle>(articles: readonly A[]): Continuum<A> {
  const sorted = [...articles].sort(
    (a, b) => compareCodePoints(a.path, b.path) || compareCodePoints(a.id, b.id),
  );
  const byId = new Map<string, PlacedArticle<A>>();
  const placed: PlacedArticle<A>[] = [];
  let offset = 0;
  for (const a of sorted) {
    if (!Number.isSafeInteger(a.length) || a.length < 0)
      throw new ApiError('invalid-input', `Article ${a.id} has no valid text length (${String(a.length)}).`);
    if (byId.has(a.id)) throw new ApiError('invalid-input', `Article ${a.id} is listed twice.`);
    const p: PlacedArticle<A> = { ...a, offset, index: placed.length };
    placed.push(p);
    byId.set(a.id, p);
    offset += a.length;
  }
  return { articles: placed, byId, length: offset };
}

/**
 * A highlight's span in the continuum, clipped to its article's text (offsets past the end, from a
 * text that changed, must not spill into the next article); null when nothing of it is left or its
 * article is not in the continuum.
 */
export function placeRange(continuum: Continuum, h: HighlightRange): Unit | null {
  const a = continuum.byId.get(h.articleId);
  if (!a || !Number.isFinite(h.start) || !Number.isFinite(h.end)) return null;
  const start = Math.max(0, Math.min(a.length, Math.floor(h.start)));
  const end = Math.max(0, Math.min(a.length, Math.ceil(h.end)));
  if (end <= start) return null;
  return { start: a.offset + start, end: a.offset + end, article: a.index };
}

/**
 * The union of spans that each lie inside one article (`article` = its index), as sorted disjoint
 * spans. Spans of one article that overlap or touch become one unit (the union of the characters);
 * spans of two articles never merge, even when one ends where the next article begins.
 */
export function mergeSpans(spans: readonly Unit[]): Unit[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Unit[] = [];
  let cur: Unit | null = null;
  for (const s of sorted) {
    if (cur && s.article === cur.article && s.start <= cur.end) {
      if (s.end > cur.end) cur.end = s.end;
      continue;
    }
    if (cur) out.push(cur);
    cur = { start: s.start, end: s.end, article: s.article };
  }
  if (cur) out.push(cur);
  return out;
}

/** A coder's units: the union of the given highlights (already chosen for coder and code), placed. */
export function unitsOf(continuum: Continuum, highlights: Iterable<HighlightRange>): Unit[] {
  const placed: Unit[] = [];
  for (const h of highlights) {
    const p = placeRange(continuum, h);
    if (p) placed.push(p);
  }
  return mergeSpans(placed);
}

/** Total length of disjoint spans (characters coded). */
export function coveredLength(spans: readonly Span[]): number {
  let n = 0;
  for (const s of spans) n += s.end - s.start;
  return n;
}
