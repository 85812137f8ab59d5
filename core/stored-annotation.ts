/**
 * The stored fields of an annotation only, copied: what the store writes and what the API's
 * strict `restoreAnnotation` schema accepts (an `AnchoredAnnotation` carries more). Pure; the
 * renderer uses it too.
 */
import type { Annotation } from './model.js';

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
    created: a.created,
    modified: a.modified,
  };
}
