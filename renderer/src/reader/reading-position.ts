/**
 * Where the reader left each article: the canonical offset of the first line on screen, kept in
 * localStorage (per article id; a few hundred bytes per thousand articles). An offset rather than
 * a scroll height, so a different text size or window width still lands on the same sentence.
 */
import { anchor } from '../../../core/anchor/anchor.js';
import { describeRange } from '../../../core/anchor/describe-range.js';

const KEY = 'gloss.readingPosition';
const MAX_ENTRIES = 2000;

/** Article id → offset, oldest first. A Map: article ids come from files and may be `__proto__`. */
function readAll(): Map<string, number> {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    if (!value || typeof value !== 'object') return new Map();
    return new Map(Object.entries(value as Record<string, unknown>).filter(isOffsetEntry));
  } catch {
    return new Map();
  }
}

const isOffsetEntry = (entry: [string, unknown]): entry is [string, number] =>
  typeof entry[1] === 'number' && entry[1] > 0;

export function loadReadingPosition(articleId: string): number {
  return readAll().get(articleId) ?? 0;
}

export function saveReadingPosition(articleId: string, offset: number): void {
  const all = readAll();
  all.delete(articleId);
  if (offset > 0) all.set(articleId, offset);
  // Insertion order is recency: forget the oldest beyond the cap.
  for (const key of [...all.keys()].slice(0, Math.max(0, all.size - MAX_ENTRIES))) all.delete(key);
  try {
    // Object.fromEntries defines own properties, so an id `__proto__` is kept like any other.
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(all)));
  } catch {
    // Storage full or disabled: the position is a convenience, never worth an error.
  }
}

/** Characters at the reading position that identify it in a changed text. */
const MARK_LENGTH = 32;

/**
 * The reading position `offset` of `before`, followed into `after` (the article's text after its
 * file changed): the text there is found again as highlights are, by quote and context. When it
 * is gone, the same share of the text, which is near enough for a place to read on from.
 */
export function followReadingPosition(before: string, after: string, offset: number): number {
  if (offset <= 0 || before.length === 0) return 0;
  const at = Math.min(offset, before.length - 1);
  const found = anchor(
    after,
    describeRange(before, { start: at, end: Math.min(before.length, at + MARK_LENGTH) }),
  );
  if (found.range) return found.range.start;
  return Math.min(after.length, Math.round((at / before.length) * after.length));
}
