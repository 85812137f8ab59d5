/**
 * A createAnnotation input as the reader makes it, for tests that set highlights up through the
 * API: its own id, the offsets, the quote with its context and the version of the text shown.
 */
import { randomUUID } from 'node:crypto';
import { describeRange } from '../../core/anchor/describe-range.js';
import type { OpenedArticle } from '../../core/model.js';

export function selectionInput(
  article: Pick<OpenedArticle, 'id' | 'doc' | 'textVersion'>,
  start: number,
  end: number,
  extra: Record<string, unknown> = {},
) {
  const { quote } = describeRange(article.doc.text, { start, end });
  return {
    id: randomUUID(),
    articleId: article.id,
    start,
    end,
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    textVersion: article.textVersion,
    ...extra,
  };
}
