/**
 * Handlers of the annotation contract: they turn offsets from the reader into selectors against the
 * article's canonical text, anchor stored highlights on the current text, and announce changes.
 */
import type { z } from 'zod';
import { anchorAll } from '../anchor/anchor.js';
import { describeRange } from '../anchor/describe-range.js';
import type { LibraryHandle } from '../library/library-handle.js';
import type { Tag } from '../model.js';
import type { ArticleRef } from '../store/annotation-service.js';
import type { AnnotationListItem, annotationContract } from './annotation-contract.js';
import { ApiError } from './errors.js';
import type { LibrarySession, ServiceContext } from './service-context.js';

type AnnotationContract = typeof annotationContract;
export type AnnotationHandlers = {
  [K in keyof AnnotationContract]: (
    input: z.output<AnnotationContract[K]['input']>,
  ) => Promise<NonNullable<AnnotationContract[K]['output']>>;
};

function selectorsFor(text: string, start: number, end: number) {
  try {
    return describeRange(text, { start, end });
  } catch (err) {
    throw new ApiError('invalid-input', (err as Error).message);
  }
}

/** The tags given and every tag below them. */
function withSubTags(tags: readonly Tag[], roots: readonly string[]): Set<string> {
  const out = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tags) {
      if (t.parentId !== null && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return out;
}

export function annotationHandlers(ctx: ServiceContext): AnnotationHandlers {
  const session = (): LibrarySession => {
    if (!ctx.session) throw new ApiError('no-library', 'Open a library first.');
    return ctx.session;
  };
  const changed = (articleId: string | null): void => ctx.emit({ type: 'annotations-changed', articleId });
  const tagsChanged = (): void => ctx.emit({ type: 'tags-changed' });

  const refFor = (library: LibraryHandle, articleId: string): ArticleRef | undefined => {
    const summary = library.list().articles.find((a) => a.id === articleId);
    return summary ? { path: summary.path, fingerprint: summary.fingerprint } : undefined;
  };

  return {
    async listAnnotations({ articleId }) {
      const { library, annotations } = session();
      const [article, list] = await Promise.all([library.get(articleId), annotations.list(articleId)]);
      return anchorAll(article.doc.text, list);
    },

    async createAnnotation({ articleId, start, end, tagIds, note, color }) {
      const { library, annotations } = session();
      const article = await library.get(articleId);
      const created = await annotations.create({
        articleId,
        ...selectorsFor(article.doc.text, start, end),
        tagIds,
        note,
        color,
        article: { path: article.path, fingerprint: article.fingerprint },
      });
      changed(articleId);
      return created;
    },

    async updateAnnotation({ articleId, id, start, end, ...rest }) {
      const { library, annotations } = session();
      const moved =
        start !== undefined && end !== undefined
          ? selectorsFor((await library.get(articleId)).doc.text, start, end)
          : {};
      const updated = await annotations.update(articleId, id, { ...rest, ...moved });
      changed(articleId);
      return updated;
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

    async listAllAnnotations({ tagIds, text, articleIds, offset, limit }) {
      const { library, annotations } = session();
      const wantedTags = tagIds?.length ? withSubTags(await annotations.listTags(), tagIds) : null;
      const wantedArticles = articleIds ? new Set(articleIds) : null;
      const needle = text?.trim().toLowerCase() || null;
      const articles = new Map(library.list().articles.map((a) => [a.id, a]));

      const matches: AnnotationListItem[] = [];
      for await (const a of annotations.allAnnotations()) {
        if (wantedArticles && !wantedArticles.has(a.articleId)) continue;
        if (wantedTags && !a.tagIds.some((t) => wantedTags.has(t))) continue;
        if (needle && !a.quote.exact.toLowerCase().includes(needle) && !a.note.toLowerCase().includes(needle))
          continue;
        const article = articles.get(a.articleId);
        matches.push({ ...a, articleTitle: article?.title ?? null, articlePath: article?.path ?? null });
      }
      // Library order: by article path (articles gone from the library last), then by place in the text.
      matches.sort(
        (x, y) =>
          (x.articlePath ?? `\uffff${x.articleId}`).localeCompare(y.articlePath ?? `\uffff${y.articleId}`) ||
          x.position.start - y.position.start,
      );
      return { items: matches.slice(offset, offset + limit), total: matches.length };
    },

    async listTags() {
      const { annotations } = session();
      const [tags, counts] = await Promise.all([annotations.listTags(), annotations.tagCounts()]);
      return { tags, counts };
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

    async getMemo({ articleId }) {
      return { memo: await session().annotations.getMemo(articleId) };
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
      const { annotations } = session();
      return { problems: annotations.problems(), readOnly: annotations.readOnly?.reason ?? null };
    },
  };
}
