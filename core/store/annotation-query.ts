/**
 * The library-wide highlight list, answered from the in-memory index (`article-index.ts`): filter
 * by tags (with their sub-tags), text in quote or note (case-insensitive) and articles, order by
 * article then place in the text, one page. Pure: the store brings the index up to date first.
 * For 100,000 highlights a query is a few milliseconds of filtering; see the store tests.
 */
import type { Annotation } from '../model.js';
import type { ArticleSummaryEntry, IndexedAnnotation, IndexOwner } from './article-index.js';
import { resolveTagIds } from './codebook.js';
import type { CodebookFile } from './store-schema.js';

export interface AnnotationQuery {
  /** Highlights with any of these tags or their sub-tags (tags as they show, merges applied). */
  tagIds?: readonly string[];
  /** Searched in quotes and notes, case-insensitively (trimmed; empty means no filter). */
  text?: string;
  articleIds?: readonly string[];
  /** Only these coders' highlights (coder ids); absent: every coder's. */
  coders?: readonly string[];
  /** The coder of the store's own highlights (those without an owner in the index). */
  ownCoderId?: string;
  /**
   * Place of each article in the result (lower first); articles without one come last, ordered by
   * id. Without it, articles are ordered by id. Pass the same map again for the next page (while
   * the order holds) so the filtered list can be reused.
   */
  articleRank?: ReadonlyMap<string, number>;
  offset?: number;
  /** Default 500. */
  limit?: number;
}

/** A listed highlight; `owner` when it is another writer's. */
export type QueryItem = Annotation & { owner?: IndexOwner };

export interface AnnotationQueryResult<T extends Annotation = QueryItem> {
  /** Copies, with tag ids mapped through merges and deletes. */
  items: T[];
  /** Matches before paging. */
  total: number;
}

/** The given tags and every tag below them (safe with a hand-edited cycle). */
export function withSubTags(book: CodebookFile, roots: readonly string[]): Set<string> {
  const out = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of book.tags) {
      if (t.parentId !== null && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * Stored tag ids that show as one of `wanted`: the wanted ids that are not retired, and the retired
 * ids that map to a wanted one. Lets the filter test stored ids without mapping each highlight.
 */
function storedIdsShowingAs(book: CodebookFile, wanted: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const id of wanted) if (!Object.prototype.hasOwnProperty.call(book.retired, id)) out.add(id);
  for (const [id, to] of Object.entries(book.retired)) if (to !== null && wanted.has(to)) out.add(id);
  return out;
}

/**
 * Hits of several writers' files of one article, each id once (one id in two files is a copy: the
 * later edit is kept, then the larger writer id, as annotation-union.ts), in document order.
 */
export function unionById(hits: IndexedAnnotation[]): IndexedAnnotation[] {
  const byId = new Map<string, IndexedAnnotation>();
  for (const x of hits) {
    const kept = byId.get(x.annotation.id);
    if (!kept || laterEdit(x, kept)) byId.set(x.annotation.id, x);
  }
  return [...byId.values()].sort(byStart);
}

function laterEdit(a: IndexedAnnotation, b: IndexedAnnotation): boolean {
  const [x, y] = [a.annotation.modified, b.annotation.modified];
  if (x !== y) return x > y;
  return (a.owner?.writerId ?? '') > (b.owner?.writerId ?? '');
}

function byStart(a: IndexedAnnotation, b: IndexedAnnotation): number {
  return (
    a.annotation.position.start - b.annotation.position.start ||
    a.annotation.position.end - b.annotation.position.end
  );
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The matches of a query, by article in result order: what the pages of one filter share. */
export interface AnnotationMatches {
  groups: { articleId: string; rank: number; hits: IndexedAnnotation[] }[];
  total: number;
}

/** What makes two queries' matches the same (paging aside). */
export function matchKey(query: AnnotationQuery): string {
  return JSON.stringify([
    query.tagIds ?? null,
    query.text?.trim().toLowerCase() || null,
    query.articleIds ?? null,
    query.coders ?? null,
    query.ownCoderId ?? null,
  ]);
}

export function queryAnnotations(
  entries: Iterable<ArticleSummaryEntry>,
  book: CodebookFile,
  query: AnnotationQuery,
): AnnotationQueryResult {
  return pageOf(findMatches(entries, book, query), book, query);
}

export function findMatches(
  entries: Iterable<ArticleSummaryEntry>,
  book: CodebookFile,
  query: AnnotationQuery,
): AnnotationMatches {
  const tags = query.tagIds?.length ? storedIdsShowingAs(book, withSubTags(book, query.tagIds)) : null;
  const articles = query.articleIds ? new Set(query.articleIds) : null;
  const needle = query.text?.trim().toLowerCase() || null;
  const coders = query.coders ? new Set(query.coders) : null;
  // Plain loops: this runs for every highlight of the library on every page request.
  const matches = (x: IndexedAnnotation): boolean => {
    if (coders !== null && !coders.has(x.owner?.coder.id ?? query.ownCoderId ?? '')) return false;
    if (tags !== null) {
      let tagged = false;
      for (const id of x.annotation.tagIds) {
        if (tags.has(id)) {
          tagged = true;
          break;
        }
      }
      if (!tagged) return false;
    }
    return needle === null || x.quoteLower.includes(needle) || x.noteLower.includes(needle);
  };

  const groups: AnnotationMatches['groups'] = [];
  const byArticle = new Map<string, AnnotationMatches['groups'][number]>();
  let total = 0;
  for (const entry of entries) {
    if (entry.count === 0 || (articles && !articles.has(entry.articleId))) continue;
    let hits = entry.annotations;
    if (tags || needle || coders) {
      hits = [];
      for (const x of entry.annotations) if (matches(x)) hits.push(x);
    }
    if (hits.length === 0) continue;
    total += hits.length;
    // Several writers' files of one article make one group, in document order.
    const same = byArticle.get(entry.articleId);
    if (same) {
      same.hits = unionById([...same.hits, ...hits]);
      continue;
    }
    const group = {
      articleId: entry.articleId,
      rank: query.articleRank?.get(entry.articleId) ?? Infinity,
      hits,
    };
    byArticle.set(entry.articleId, group);
    groups.push(group);
  }
  // Infinity - Infinity is NaN, which falls through to the id.
  groups.sort((a, b) => a.rank - b.rank || compareIds(a.articleId, b.articleId));
  return { groups, total };
}

/** A listed copy of a stored highlight (its tag ids already mapped), made in one literal. */
export type FinishItem<T> = (a: Annotation, tagIds: string[], owner: IndexOwner | undefined) => T;

/** Another writer's: its coder is the folder's, whatever the file says. */
const queryItem: FinishItem<QueryItem> = (a, tagIds, owner) =>
  owner
    ? {
        ...a,
        quote: { ...a.quote },
        position: { ...a.position },
        tagIds,
        creator: owner.coder.name,
        creatorId: owner.coder.id,
        owner,
      }
    : { ...a, quote: { ...a.quote }, position: { ...a.position }, tagIds };

/**
 * One page of the matches, as copies with tags mapped through merges and deletes. `finish` makes
 * each copy (fields added to a copy afterwards, or taken out with a rest pattern, made a
 * 5,000-item page several times slower).
 */
export function pageOf<T extends Annotation = QueryItem>(
  { groups, total }: AnnotationMatches,
  book: CodebookFile,
  query: Pick<AnnotationQuery, 'offset' | 'limit'>,
  finish: FinishItem<T> = queryItem as unknown as FinishItem<T>,
): AnnotationQueryResult<T> {
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.max(0, query.limit ?? 500);
  const items: T[] = [];
  let skip = offset;
  for (const g of groups) {
    if (items.length >= limit) break;
    if (skip >= g.hits.length) {
      skip -= g.hits.length;
      continue;
    }
    for (let i = skip; i < g.hits.length && items.length < limit; i++) {
      const { annotation: a, owner } = g.hits[i]!;
      items.push(finish(a, resolveTagIds(book, a.tagIds), owner));
    }
    skip = 0;
  }
  return { items, total };
}
