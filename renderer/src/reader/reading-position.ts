/**
 * Where the reader left each article: the canonical offset of the first line on screen, kept in
 * localStorage (per article id; a few hundred bytes per thousand articles). An offset rather than
 * a scroll height, so a different text size or window width still lands on the same sentence.
 */
const KEY = 'gloss.readingPosition';
const MAX_ENTRIES = 2000;

function readAll(): Record<string, number> {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    return value && typeof value === 'object' ? (value as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export function loadReadingPosition(articleId: string): number {
  const offset = readAll()[articleId];
  return typeof offset === 'number' && offset > 0 ? offset : 0;
}

export function saveReadingPosition(articleId: string, offset: number): void {
  const all = readAll();
  delete all[articleId];
  if (offset > 0) all[articleId] = offset;
  // Insertion order is recency: forget the oldest beyond the cap.
  const keys = Object.keys(all);
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) delete all[key];
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage full or disabled: the position is a convenience, never worth an error.
  }
}
