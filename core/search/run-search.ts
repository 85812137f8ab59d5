/**
 * A search as the UI asks for it: the query parsed, matched against the articles the library
 * list's filters leave (the caller turns the filters into ids), counted per article, ordered, and
 * a page of the matching articles given with their first hits in keyword-in-context.
 */
import type { SearchGroup, SearchReply } from '../model.js';
import { parseQuery } from './parse-query.js';
import type { FoundArticle, SearchIndex } from './search-index.js';

export interface SearchOptions {
  /** Only these articles (the list's filters applied); every article when absent. */
  ids?: ReadonlySet<string>;
  /** 'path': the library's folder order; 'hits': most hits first (then path). */
  order?: 'path' | 'hits';
  /** Which of the matching articles get their hits in context: from `groupOffset`, `groupLimit` of them. */
  groupOffset?: number;
  groupLimit?: number;
  /** Hits in context per article. */
  hitsPerArticle?: number;
  /** Characters of context around each hit (half before, half after). */
  width?: number;
}

export function runSearch(index: SearchIndex, query: string, opts: SearchOptions = {}): SearchReply {
  const parsed = parseQuery(query);
  const { found, countCap } = index.find(parsed, opts.ids ? { ids: opts.ids } : {});
  if (opts.order === 'hits') found.sort((a, b) => b.hits - a.hits || (a.path < b.path ? -1 : 1));
  let total = 0;
  let totalCapped = false;
  const ids: string[] = new Array<string>(found.length);
  const hits: number[] = new Array<number>(found.length);
  const capped: boolean[] = new Array<boolean>(found.length);
  found.forEach((f, i) => {
    total += f.hits;
    totalCapped ||= f.capped;
    ids[i] = f.id;
    hits[i] = f.hits;
    capped[i] = f.capped;
  });
  const from = Math.max(0, opts.groupOffset ?? 0);
  const page = found.slice(from, from + Math.max(0, opts.groupLimit ?? 50));
  const groups = page.map((f: FoundArticle): SearchGroup => ({
    articleId: f.id,
    path: f.path,
    title: f.title,
    hits: f.hits,
    capped: f.capped,
    first: index.hitsOf(f, parsed.positive, Math.max(1, opts.hitsPerArticle ?? 3), opts.width ?? 80),
  }));
  return {
    total,
    totalCapped,
    articleCount: found.length,
    articles: { ids, hits, capped },
    countCap,
    groups,
    hits: groups.flatMap((g) => g.first),
    problems: parsed.problems,
  };
}
