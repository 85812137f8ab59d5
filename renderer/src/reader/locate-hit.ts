/**
 * Where a search hit is in the article's canonical text. The index may hold the text as it was
 * scanned, before the article was cleaned (core/search/search-index.ts), so the offset is a hint:
 * take it when the text there is the match; else look for the match with its context, else for the
 * occurrence of the match nearest the hint. Null for title-only hits or when it is not there.
 */
import type { SearchHit } from '../../../core/model.js';
import type { OffsetRange } from './text-map.js';

function nearest(text: string, needle: string, hint: number): number {
  let best = -1;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (best < 0 || Math.abs(at - hint) < Math.abs(best - hint)) best = at;
  }
  return best;
}

export function locateHit(
  text: string,
  hit: Pick<SearchHit, 'offset' | 'length' | 'match' | 'before' | 'after'>,
): OffsetRange | null {
  if (hit.offset < 0 || !hit.match) return null;
  if (text.slice(hit.offset, hit.offset + hit.match.length) === hit.match) {
    return { start: hit.offset, end: hit.offset + hit.match.length };
  }
  const before = hit.before.trimStart();
  const after = hit.after.trimEnd();
  const withContext = nearest(text, before + hit.match + after, hit.offset);
  if (withContext >= 0) {
    const start = withContext + before.length;
    return { start, end: start + hit.match.length };
  }
  const at = nearest(text, hit.match, hit.offset);
  return at >= 0 ? { start: at, end: at + hit.match.length } : null;
}
