/**
 * Handlers of the annotation contract: they turn offsets from the reader into selectors against the
 * article's canonical text, anchor stored highlights on the current text, and announce changes.
 */
import { anchorAll } from '../anchor/anchor.js';
import { join } from 'node:path';
import { describeRange } from '../anchor/describe-range.js';
import { placeSelection, type ShownSelection } from '../anchor/place-selection.js';
import type { LibraryHandle } from '../library/library-handle.js';
import type { Annotation, Article, ArticleSummary } from '../model.js';
import { openAnnotationService, type ArticleRef } from '../store/annotation-service.js';
import { listedAnnotation } from '../stored-annotation.js';
import type { AnnotationListItem, ListedAnnotation, annotationContract } from './annotation-contract.js';
import type { HandlersOf } from './define.js';
import { fallbackArticleFiles, moveFallbackInto, type FallbackMoveReport } from '../store/move-fallback.js';
import { ApiError } from '../errors.js';
import { DATA_DIR_NAME, fallbackDataDir, fallbackPending, openSession } from './open-session.js';
import { textVersion } from './text-version.js';
import type { LibrarySession, ServiceContext } from './service-context.js';
import { currentWriter } from './current-writer.js';

export type AnnotationHandlers = HandlersOf<typeof annotationContract>;

function selectorsFor(text: string, start: number, end: number) {
  try {
    return describeRange(text, { start, end });
  } catch (err) {
    throw new ApiError('invalid-input', (err as Error).message);
  }
}

/**
 * Where a highlight the reader placed goes on the article's current text, with its selectors;
 * refused unless it is on exactly the words the reader selected (see place-selection.ts).
 */
function placeOn(article: Article, shown: ShownSelection) {
  const { text } = article.doc;
  const placed = placeSelection(text, textVersion(article.doc), shown);
  if (placed.ok)
    return { ...selectorsFor(text, placed.range.start, placed.range.end), placement: placed.placement };
  if (placed.reason === 'quote-mismatch') {
    throw new ApiError('invalid-input', 'The quote is not the text at the given start and end.');
  }
  throw new ApiError(
    'text-changed',
    `The text of ${article.path} changed since it was shown, and the selected words are no longer where they were. Reload the article and select them again.`,
  );
}

/**
 * What the store records about the article beside its highlights (see ArticleRef): where its file
 * is, and its title, date, author and source URL, so exports and lists still name it once it is gone.
 */
export function articleRef(summary: ArticleSummary, sourceUrl?: string | null): ArticleRef {
  return {
    path: summary.path,
    fingerprint: summary.fingerprint,
    title: summary.title,
    date: summary.date,
    author: summary.author,
    ...(sourceUrl !== undefined ? { sourceUrl } : {}),
  };
}

interface ArticleOrder {
  rank: Map<string, number>;
  byId: Map<string, ArticleSummary>;
}

/**
 * Library order of articles (by path) as ranks, cached while the library's list holds the same
 * articles with the same paths and titles: sorting 10,000 paths on every page request would cost
 * more than the query itself. The check compares the summaries' fields (the list is a new array on
 * each call, its strings are the same ones), about a tenth of a millisecond for 10,000.
 */
function articleOrderCache(): (articles: readonly ArticleSummary[]) => ArticleOrder {
  let seen: { id: string; path: string; title: string }[] = [];
  let order: ArticleOrder = { rank: new Map(), byId: new Map() };
  const same = (articles: readonly ArticleSummary[]): boolean => {
    if (articles.length !== seen.length) return false;
    for (let i = 0; i < articles.length; i++) {
      const a = articles[i]!;
      const b = seen[i]!;
      if (a.id !== b.id || a.path !== b.path || a.title !== b.title) return false;
    }
    return true;
  };
  return (articles) => {
    if (!same(articles)) {
      const sorted = [...articles].sort((x, y) => x.path.localeCompare(y.path));
      order = {
        rank: new Map(sorted.map((a, i) => [a.id, i])),
        byId: new Map(articles.map((a) => [a.id, a])),
      };
      seen = articles.map(({ id, path, title }) => ({ id, path, title }));
    }
    return order;
  };
}

export function annotationHandlers(ctx: ServiceContext): AnnotationHandlers {
  const session = (): LibrarySession => {
    if (!ctx.session) throw new ApiError('no-library', 'Open a library first.');
    return ctx.session;
  };
  const changed = (articleId: string | null): void => ctx.emit({ type: 'annotations-changed', articleId });
  const tagsChanged = (): void => ctx.emit({ type: 'tags-changed' });
  const articleOrder = articleOrderCache();

  const refFor = (library: LibraryHandle, articleId: string): ArticleRef | undefined => {
    const summary = library.list().articles.find((a) => a.id === articleId);
    return summary ? articleRef(summary) : undefined;
  };

  return {
    async listAnnotations({ articleId }) {
      const { library, annotations } = session();
      // From the store's index when it is current: reading and parsing the article's file took
      // 25-40 ms for 1,000 highlights on every open.
      const [article, list] = await Promise.all([
        library.get(articleId),
        annotations.listForDisplay(articleId),
      ]);
      // What the reader lists: where each highlight is, not how it was found (AnchoredAnnotation).
      const { text } = article.doc;
      return anchorAll(text, list).map((a): ListedAnnotation => ({
        ...listedAnnotation(a, text),
        coderId: a.coderId,
        coderName: a.coderName,
        mine: a.mine,
      }));
    },

    async createAnnotation({ id, articleId, start, end, quote, textVersion: shownVersion, ...draft }) {
      const { library, annotations } = session();
      const article = await library.get(articleId);
      let placed;
      try {
        placed = placeOn(article, { start, end, quote, textVersion: shownVersion });
      } catch (err) {
        // A retry of a create that was stored before the text changed is answered, not refused.
        const stored = (await annotations.list(articleId)).find((a) => a.id === id);
        if (stored) return { ...stored, placement: 'as-selected' as const };
        throw err;
      }
      const { placement, ...selectors } = placed;
      const created = await annotations.create({
        id,
        articleId,
        ...selectors,
        ...draft,
        article: articleRef(article, article.meta.url),
      });
      changed(articleId);
      const same =
        created.position.start === selectors.position.start &&
        created.position.end === selectors.position.end;
      return { ...created, placement: same ? placement : 'as-selected' };
    },

    async updateAnnotation({ articleId, id, start, end, quote, textVersion: shownVersion, ...rest }) {
      const { library, annotations } = session();
      let moved = {};
      let placement;
      if (start !== undefined && end !== undefined && quote && shownVersion) {
        const placed = placeOn(await library.get(articleId), {
          start,
          end,
          quote,
          textVersion: shownVersion,
        });
        ({ placement, ...moved } = placed);
      }
      const change = await annotations.update(articleId, id, { ...rest, ...moved });
      changed(articleId);
      return placement ? { ...change, placement } : change;
    },

    async deleteAnnotation({ articleId, id }) {
      const removed = await session().annotations.remove(articleId, id);
      changed(articleId);
      return removed;
    },

    async restoreAnnotation({ annotation }) {
      const restored = await session().annotations.restore(annotation);
      changed(restored.articleId);
      return restored;
    },

    async listAllAnnotations({ tagIds, text, articleIds, coders, offset, limit }) {
      const { library, annotations } = session();
      const { rank, byId } = articleOrder(library.list().articles);
      // Library order: by article path (articles gone from the library last, by id), then by place
      // in the text. Answered from the store's in-memory index.
      const page = await annotations.queryAnnotations({
        tagIds,
        text,
        articleIds,
        coders,
        offset,
        limit,
        articleRank: rank,
      });
      // Articles whose file is gone are named as the store last saw them.
      const gone = await annotations.lastKnown(
        new Set(page.items.filter((a) => !byId.has(a.articleId)).map((a) => a.articleId)),
      );
      // The store's items are fresh copies: complete them in place (5,000 of them on a LibraryPane page).
      const items = page.items.map((a): AnnotationListItem => {
        const article = byId.get(a.articleId);
        if (article)
          return Object.assign(a, {
            articleTitle: article.title,
            articlePath: article.path,
            articleMissing: false,
          });
        const last = gone.get(a.articleId);
        return Object.assign(a, {
          articleTitle: last?.title ?? null,
          articlePath: last?.path ?? null,
          articleMissing: true,
        });
      });
      return { items, total: page.total };
    },

    async listTags() {
      const { annotations } = session();
      const [tags, counts, colors] = await Promise.all([
        annotations.listTags(),
        annotations.tagCounts(),
        annotations.annotationColors(),
      ]);
      return { tags, counts, colors };
    },

    async createTag(input) {
      const tag = await session().annotations.createTag(input);
      tagsChanged();
      return tag;
    },

    async updateTag({ id, ...patch }) {
      const tag = await session().annotations.updateTag(id, patch);
      tagsChanged();
      return tag;
    },

    async deleteTag({ id }) {
      const result = await session().annotations.deleteTag(id);
      tagsChanged();
      changed(null);
      return result;
    },

    async mergeTags({ sourceId, targetId }) {
      const result = await session().annotations.mergeTags(sourceId, targetId);
      tagsChanged();
      changed(null);
      return result;
    },

    async restoreTag({ tag }) {
      const restored = await session().annotations.restoreTag(tag);
      tagsChanged();
      // Highlights that still name the tag show it again.
      changed(null);
      return restored;
    },

    async restoreAnnotations({ annotations: given }) {
      const { annotations } = session();
      const byArticle = new Map<string, Annotation[]>();
      for (const a of given) {
        const list = byArticle.get(a.articleId);
        if (list) list.push(a);
        else byArticle.set(a.articleId, [a]);
      }
      for (const [articleId, list] of byArticle) await annotations.restoreMany(articleId, list);
      const articleIds = [...byArticle.keys()];
      if (articleIds.length === 1) changed(articleIds[0]!);
      else if (articleIds.length > 1) changed(null);
      return { restored: given.length, articleIds };
    },

    async getMemo({ articleId }) {
      const { annotations } = session();
      const [memo, others] = await Promise.all([
        annotations.getMemo(articleId),
        annotations.otherMemos(articleId),
      ]);
      return { memo, others };
    },

    async copyAnnotationToMine({ articleId, id, newId }) {
      const { library, annotations } = session();
      const copy = await annotations.copyToMine(articleId, id, newId, refFor(library, articleId));
      changed(articleId);
      return copy;
    },

    async setMemo({ articleId, memo }) {
      const { library, annotations } = session();
      await annotations.setMemo(articleId, memo, refFor(library, articleId));
      changed(articleId);
      return { memo };
    },

    async exportCodebookCsv() {
      return { csv: await session().annotations.exportCodebookCsv() };
    },

    async importCodebookCsv({ csv }) {
      const result = await session().annotations.importCodebookCsv(csv);
      tagsChanged();
      return result;
    },

    async getStoreProblems() {
      const current = session();
      const { annotations, info } = current;
      const fallbackDir = fallbackDataDir(ctx.appDataDir, info.root);
      const pending = fallbackPending(current);
      const articles =
        info.dataDirFallback || annotations.readOnly ? 0 : await fallbackArticleFiles(fallbackDir);
      return {
        problems: annotations.problems(),
        readOnly: annotations.readOnly?.reason ?? null,
        // The library's `.gloss` below a fallback still to be moved is writable: not "read-only below".
        readOnlyBelow: pending ? null : annotations.readOnlyBelow,
        fallbackToMove: articles > 0 ? { dataDir: fallbackDir, articles } : null,
      };
    },

    async moveFallbackIntoLibrary() {
      const current = session();
      const { annotations, info } = current;
      if (info.dataDirFallback)
        throw new ApiError('read-only', 'The library folder is still read-only; nothing was moved.');
      if (annotations.readOnly) throw new ApiError('read-only', annotations.readOnly.reason);
      const fallbackDir = fallbackDataDir(ctx.appDataDir, info.root);
      if ((await fallbackArticleFiles(fallbackDir)) === 0)
        throw new ApiError('not-found', 'There are no highlights in the app data folder to move.');
      if (!fallbackPending(current)) {
        const report = await moveFallbackInto(annotations, fallbackDir);
        tagsChanged();
        changed(null);
        return report;
      }
      // The session shows the fallback on top: move it into the library's own store, then carry
      // on with a session on that store alone (the open article stays open).
      const into = await openAnnotationService(join(info.root, DATA_DIR_NAME), {
        writer: () => currentWriter(ctx),
        watch: false,
      });
      let report: FallbackMoveReport;
      try {
        report = await moveFallbackInto(into, fallbackDir);
      } finally {
        await into.close();
      }
      const next = await openSession(ctx, info.root);
      await next.library.whenScanned();
      ctx.session = next;
      await current.close();
      tagsChanged();
      changed(null);
      return report;
    },

    async listArticleIdsWithTags({ tagIds }) {
      return { articleIds: await session().annotations.articleIdsWithTags(tagIds) };
    },
  };
}
