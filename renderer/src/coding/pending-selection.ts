/**
 * A selection waiting to become a highlight. It carries what the host needs to trust it (the
 * quote and context as the reader shows them, and the version of that text) and the id the
 * highlight will have, made once per selection: every key or click that saves this selection is
 * the same request, so it can only ever make one highlight.
 */
import { describeRange } from '../../../core/anchor/describe-range.js';
import type { OpenedArticle } from '../../../core/model.js';
import type { OffsetRange } from '../reader/text-map.js';

export interface PendingSelection extends OffsetRange {
  /** The id of the highlight this selection becomes. */
  id: string;
  articleId: string;
  quote: { exact: string; prefix: string; suffix: string };
  textVersion: string;
}

/** What a create or move of a highlight sends besides its id: where, what was selected, on which text. */
export function placedAt(selection: PendingSelection) {
  const { start, end, quote, textVersion } = selection;
  return { start, end, quote, textVersion };
}

/** A new id, from the browser's UUIDs (secure contexts), or from its random bytes otherwise. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The pending selection for `range` of the article on screen: `previous` again when it is the same
 * passage of the same text (so re-reading the selection keeps its id), else a new one.
 */
export function pendingSelection(
  article: OpenedArticle,
  range: OffsetRange,
  previous: PendingSelection | null,
): PendingSelection | null {
  let described;
  try {
    described = describeRange(article.doc.text, range);
  } catch {
    return null; // empty or outside the text
  }
  const { start, end } = described.position;
  if (
    previous &&
    previous.articleId === article.id &&
    previous.textVersion === article.textVersion &&
    previous.start === start &&
    previous.end === end
  ) {
    return previous;
  }
  const { exact, prefix, suffix } = described.quote;
  return {
    id: newId(),
    articleId: article.id,
    start,
    end,
    quote: { exact, prefix, suffix },
    textVersion: article.textVersion,
  };
}
