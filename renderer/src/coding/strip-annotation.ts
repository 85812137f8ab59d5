/** The stored fields of an annotation, as `restoreAnnotation` accepts them (its schema is strict). */
import type { Annotation } from '../../../core/model.js';

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
