/**
 * The one place analysis reads a search query: which articles match it, and where in an article's
 * text its occurrences are. Today the search box takes a plain phrase, matched as a substring of
 * the case- and width-folded text (core/search/normalize-text.ts, the same folding the library's
 * search index uses, one unit for one unit, so offsets carry over). When the search gains a query
 * language, this module follows it and nothing else in core/analysis changes.
 */
import type { TextRange } from '../anchor/text-range.js';
import { normalizeForSearch } from '../search/normalize-text.js';

export interface TextQuery {
  /** The query as read (for messages). */
  readonly text: string;
  /** Whether an article with this title and text matches (title included, as the search box). */
  matchesArticle(title: string, text: string): boolean;
  /** Every occurrence in `text`, in order, never overlapping (UTF-16 ranges). */
  occurrences(text: string): TextRange[];
}

/** The query ready to match, or null when it has nothing to search for. */
export function compileTextQuery(query: string): TextQuery | null {
  const needle = normalizeForSearch(query.replace(/[\u0000\u0001]/g, '')).trim();
  if (needle === '') return null;
  const occurrences = (text: string): TextRange[] => {
    const hay = normalizeForSearch(text);
    const out: TextRange[] = [];
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length))
      out.push({ start: at, end: at + needle.length });
    return out;
  };
  return {
    text: query.trim(),
    matchesArticle: (title, text) =>
      normalizeForSearch(title).includes(needle) || normalizeForSearch(text).includes(needle),
    occurrences,
  };
}
