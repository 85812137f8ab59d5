/**
 * The stored fields of an annotation only, copied: what the store writes and what the API's
 * strict `restoreAnnotation` schema accepts (a list item of the highlights view carries more);
 * and what the reader lists of it (`AnchoredAnnotation`). Pure; the renderer uses it too.
 */
import type { AnchoredAnnotation, Annotation, AnchorStatus } from './model.js';

/** The stored fields the reader lists: no selectors, creator or modified time. */
export function listedFields(a: Annotation): Omit<AnchoredAnnotation, 'quote' | 'status' | 'range'> {
  return {
    id: a.id,
    articleId: a.articleId,
    tagIds: a.tagIds,
    note: a.note,
    color: a.color,
    created: a.created,
  };
}

/** What the reader lists of a highlight anchored on `text`; see AnchoredAnnotation. */
export function listedAnnotation(
  a: Annotation & { status: AnchorStatus; range: AnchoredAnnotation['range'] },
  text: string,
): AnchoredAnnotation {
  const { exact } = a.quote;
  const atRange = a.range !== null && text.slice(a.range.start, a.range.end) === exact;
  return { ...listedFields(a), quote: atRange ? null : { exact }, status: a.status, range: a.range };
}

/** The quote of a listed highlight: its own, or the article's text where it sits. */
export function quoteText(a: Pick<AnchoredAnnotation, 'quote' | 'range'>, text: string): string {
  if (a.quote) return a.quote.exact;
  return a.range ? text.slice(a.range.start, a.range.end) : '';
}

export function storedAnnotation(a: Annotation): Annotation {
  return {
    id: a.id,
    articleId: a.articleId,
    quote: {
      type: 'TextQuoteSelector',
      exact: a.quote.exact,
      prefix: a.quote.prefix,
      suffix: a.quote.suffix,
    },
    position: { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
    tagIds: [...a.tagIds],
    note: a.note,
    color: a.color,
    creator: a.creator,
    ...(a.creatorId !== undefined ? { creatorId: a.creatorId } : {}),
    created: a.created,
    modified: a.modified,
  };
}
