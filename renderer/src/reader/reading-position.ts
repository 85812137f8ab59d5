/**
 * Where the reader left each article: the canonical offset of the first line on screen, kept in
 * localStorage (per article id; a few hundred bytes per thousand articles). An offset rather than
 * a scroll height, so a different text size or window width still lands on the same sentence.
 */
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
