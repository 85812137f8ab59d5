/**
 * Small rules about one article's stored file and its highlights: salvaging what a damaged file
 * still holds, checking a highlight's selectors and colour, document order, and the article's
 * last-known name and place.
 */
import { ApiError } from '../errors.js';
import type { Annotation, Tag } from '../model.js';
import type { ArticleSummaryEntry } from './article-index.js';
import type { CurrentArticle } from './relink-plan.js';
import type { ArticleRef, LastKnownArticle } from './service-types.js';
import { COLOR_PATTERN } from './palette.js';
import {
  annotationSchema,
  codebookFileSchema,
  emptyArticleFile,
  emptyCodebook,
  tagSchema,
  type ArticleFile,
  type CodebookFile,
} from './store-schema.js';

export function salvageArticle(raw: Record<string, unknown>, articleId: string | null): ArticleFile | null {
  const id = articleId ?? (typeof raw.articleId === 'string' ? raw.articleId : null);
  if (!id || !Array.isArray(raw.annotations)) return null;
  const annotations = raw.annotations.flatMap((a) => {
    const parsed = annotationSchema.safeParse(a);
    return parsed.success ? [{ ...(parsed.data as Annotation), articleId: id }] : [];
  });
  const memo = typeof raw.memo === 'string' ? raw.memo : '';
  if (annotations.length === 0 && !memo) return null;
  return {
    ...emptyArticleFile(id),
    path: typeof raw.path === 'string' ? raw.path : null,
    fingerprint: typeof raw.fingerprint === 'string' ? raw.fingerprint : null,
    memo,
    annotations,
  };
}

export function salvageCodebook(raw: Record<string, unknown>): CodebookFile | null {
  if (!Array.isArray(raw.tags)) return null;
  const tags = raw.tags.flatMap((t) => {
    const parsed = tagSchema.safeParse(t);
    return parsed.success ? [parsed.data as Tag] : [];
  });
  const retired = codebookFileSchema.shape.retired.safeParse(raw.retired);
  return { ...emptyCodebook(), tags, retired: retired.success ? retired.data : {} };
}

export function checkSelectors(quote: Annotation['quote'], position: Annotation['position']): void {
  if (!quote.exact) throw new ApiError('invalid-input', 'A highlight needs some text.');
  if (position.start < 0 || position.end - position.start !== quote.exact.length) {
    throw new ApiError('invalid-input', 'The highlight position does not match its quote.');
  }
}

export function checkColor(color: string | null | undefined): string | null {
  if (color === null || color === undefined) return null;
  if (!COLOR_PATTERN.test(color))
    throw new ApiError('invalid-input', `"${color}" is not a colour like #E69F00.`);
  return color.toUpperCase();
}

export function byPosition(a: Annotation, b: Annotation): number {
  return (
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    a.created.localeCompare(b.created)
  );
}

/** Records where the article's file is and what it is called (fields not given keep their value). */
export function applyRef(doc: ArticleFile, ref: ArticleRef | CurrentArticle | undefined): void {
  if (!ref) return;
  doc.path = ref.path;
  doc.fingerprint = ref.fingerprint;
  if (ref.title !== undefined) doc.title = ref.title;
  if (ref.date !== undefined) doc.date = ref.date;
  if (ref.author !== undefined) doc.author = ref.author;
  if ('sourceUrl' in ref && ref.sourceUrl !== undefined) doc.sourceUrl = ref.sourceUrl;
}

/** Whether recording `ref` would change the file. */
export function refChanges(doc: ArticleFile, ref: ArticleRef): boolean {
  const after = { ...doc };
  applyRef(after, ref);
  return (['path', 'fingerprint', 'title', 'date', 'author', 'sourceUrl'] as const).some(
    (k) => after[k] !== doc[k],
  );
}

export function lastKnownOf(e: ArticleSummaryEntry): LastKnownArticle {
  const { articleId, path, title, date, author, sourceUrl } = e;
  return { articleId, path, title, date, author, sourceUrl };
}
