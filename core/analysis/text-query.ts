/**
 * The one place analysis reads a search query: which articles match it, and where in an article's
 * text its occurrences are. The query is the search box's language (core/search/parse-query.ts:
 * words ANDed, "phrases", OR, -exclusions), so "Code hits…" codes exactly what the search found.
 * Terms are matched as substrings of the case- and width-folded text (normalize-text.ts folds one
 * unit for one unit, so offsets in the folded text are offsets in the text).
 */
import type { TextRange } from '../anchor/text-range.js';
import { normalizeForSearch } from '../search/normalize-text.js';
import { isEmptyQuery, parseQuery, type QueryClause } from '../search/parse-query.js';

export interface TextQuery {
  /** The query as read (for messages). */
  readonly text: string;
  /** Whether an article with this title and text matches (title included, as the search box). */
  matchesArticle(title: string, text: string): boolean;
  /** Every occurrence of the query's words in `text`, in order, never overlapping (UTF-16 ranges). */
  occurrences(text: string): TextRange[];
}

function clauseHolds(clause: QueryClause, title: string, text: string): boolean {
  const has = (norm: string): boolean => title.includes(norm) || text.includes(norm);
  return clause.kind === 'any' ? clause.terms.some((t) => has(t.norm)) : !has(clause.term.norm);
}

/** The query ready to match, or null when it has nothing to search for. */
export function compileTextQuery(query: string): TextQuery | null {
  const parsed = parseQuery(query.replace(/[\u0000\u0001]/g, ''));
  if (isEmptyQuery(parsed)) return null;
  const needles = parsed.positive.map((t) => t.norm);
  const occurrences = (text: string): TextRange[] => {
    const hay = normalizeForSearch(text);
    const found: TextRange[] = [];
    for (const needle of needles)
      for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length))
        found.push({ start: at, end: at + needle.length });
    // Earliest first, the longer one first where two start together; then drop overlaps.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: TextRange[] = [];
    for (const r of found) if (!out.length || r.start >= out[out.length - 1]!.end) out.push(r);
    return out;
  };
  return {
    text: query.trim(),
    matchesArticle: (title, text) => {
      const [t, x] = [normalizeForSearch(title), normalizeForSearch(text)];
      return parsed.clauses.every((c) => clauseHolds(c, t, x));
    },
    occurrences,
  };
}
