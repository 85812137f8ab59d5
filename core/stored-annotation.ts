/**
 * The stored fields of an annotation only, copied: what the store writes and what the API's
 * strict `restoreAnnotation` schema accepts (a list item of the highlights view carries more);
 * and the fields the reader lists (`AnchoredAnnotation`: no selectors). Pure; the renderer uses it too.
 */
import type { Annotation } from './model.js';

/** `a` without its selectors, keeping the quote's exact text: what the reader lists of it. */
export function withoutSelectors<T extends Annotation>(
  a: T,
): Omit<T, 'quote' | 'position'> & { quote: { exact: string } } {
  const { quote, position: _position, ...fields } = a;
  return { ...fields, quote: { exact: quote.exact } };
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
    created: a.created,
    modified: a.modified,
  };
}
