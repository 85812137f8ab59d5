/**
 * What an export covers, shared by every format: the whole library, one article, or a filter
 * (tags with their sub-tags, a folder, a date range, a list of article ids such as search hits).
 * `planExport` turns a scope into the ordered list of articles to visit and a highlight filter.
 */
import { ApiError } from '../errors.js';
import type { LibraryHandle } from '../library/library-handle.js';
import type { Annotation, ArticleSummary } from '../model.js';
import { filterArticles } from '../query/article-query.js';
import type { AnnotationService } from '../store/annotation-service.js';
import { TagIndex } from './tag-index.js';

export type ExportScope =
  | { kind: 'library' }
  | { kind: 'article'; articleId: string }
  | {
      kind: 'filter';
      /** Highlights with any of these tags or their sub-tags. */
      tagIds?: string[];
      /** A folder, with its sub-folders unless `subfolders` is false. */
      folder?: string;
      subfolders?: boolean;
      /** Inclusive ISO dates (YYYY-MM-DD) of the article. */
      from?: string;
      to?: string;
      /** Only these articles (e.g. the hits of a search). */
      articleIds?: string[];
    };

/** What the exporters need from an open library. */
export interface ExportSession {
  library: LibraryHandle;
  annotations: AnnotationService;
}

export interface PlannedArticle {
  id: string;
  /** Null when the article is no longer in the library: its highlights are still exported. */
  summary: ArticleSummary | null;
  /** Stored highlights (before the tag filter); 0 for articles that may only have a memo. */
  count: number;
}

export interface ExportPlan {
  /** In export order: library articles by path, then highlights of articles no longer present. */
  articles: PlannedArticle[];
  tags: TagIndex;
  /** Whether a highlight of a planned article is exported (the tag part of the scope). */
  includes(annotation: Annotation): boolean;
  /** True when the scope selects highlights by tag: then articles without such highlights are left out. */
  byTag: boolean;
}

const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true });

/**
 * The plan for `scope`; with `coders` (coder ids), only those coders' highlights, and articles
 * without any left out.
 */
export async function planExport(
  session: ExportSession,
  scope: ExportScope,
  coders?: readonly string[],
): Promise<ExportPlan> {
  const plan = await planScope(session, scope);
  if (!coders) return plan;
  const wanted = new Set(coders);
  const { includes } = plan;
  return { ...plan, includes: (a) => wanted.has(a.creatorId ?? '') && includes(a), byTag: true };
}

async function planScope(session: ExportSession, scope: ExportScope): Promise<ExportPlan> {
  await session.library.whenScanned();
  const [tagList, counts] = await Promise.all([session.annotations.listTags(), session.annotations.counts()]);
  const tags = new TagIndex(tagList);
  const countOf = (id: string): number => (Object.hasOwn(counts, id) ? counts[id]! : 0);
  const { articles } = session.library.list();
  const known = new Set(articles.map((a) => a.id));
  const planned = (summaries: ArticleSummary[]): PlannedArticle[] =>
    [...summaries]
      .sort((a, b) => collator.compare(a.path, b.path))
      .map((summary) => ({ id: summary.id, summary, count: countOf(summary.id) }));
  // Highlights whose article file is gone (moved out, deleted) are data too: kept at the end.
  const missing = (accept: (id: string) => boolean): PlannedArticle[] =>
    Object.keys(counts)
      .filter((id) => !known.has(id) && accept(id))
      .sort()
      .map((id) => ({ id, summary: null, count: countOf(id) }));

  switch (scope.kind) {
    case 'library':
      return {
        articles: [...planned(articles), ...missing(() => true)],
        tags,
        includes: () => true,
        byTag: false,
      };
    case 'article': {
      const summary = articles.find((a) => a.id === scope.articleId) ?? null;
      if (!summary && !countOf(scope.articleId))
        throw new ApiError('not-found', `No article with id ${scope.articleId}`);
      return {
        articles: [{ id: scope.articleId, summary, count: countOf(scope.articleId) }],
        tags,
        includes: () => true,
        byTag: false,
      };
    }
    case 'filter': {
      const ids = scope.articleIds ? new Set(scope.articleIds) : undefined;
      const inLibrary = filterArticles(articles, {
        ...(scope.folder ? { folder: scope.folder } : {}),
        ...(scope.subfolders === false ? { subfolders: false } : {}),
        ...(scope.from ? { from: scope.from } : {}),
        ...(scope.to ? { to: scope.to } : {}),
        ...(ids ? { ids } : {}),
      });
      // A missing article has no folder or date, so only an id list or a tag filter can take it in.
      const byArticle = Boolean(scope.folder || scope.from || scope.to);
      const gone = byArticle ? [] : missing((id) => !ids || ids.has(id));
      const byTag = Boolean(scope.tagIds?.length);
      return {
        articles: [...planned(inLibrary), ...gone],
        tags,
        includes: tagFilter(tags, scope.tagIds),
        byTag,
      };
    }
  }
}

function tagFilter(tags: TagIndex, tagIds: string[] | undefined): (a: Annotation) => boolean {
  if (!tagIds || tagIds.length === 0) return () => true;
  for (const id of tagIds) if (!tags.get(id)) throw new ApiError('not-found', `No tag with id ${id}`);
  const wanted = tags.subtree(tagIds);
  return (a) => a.tagIds.some((id) => wanted.has(id));
}
