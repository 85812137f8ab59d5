/**
 * Turns a selection in the canonical text into the selectors stored with an annotation: the quote
 * with some context either side (what re-anchoring relies on after edits) and the position.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../model.js';
import { snapRangeToCodePoints, snapToCodePoint } from './code-points.js';
import type { TextRange } from './text-range.js';

/** Context kept either side of the quote, in UTF-16 units; as in Hypothesis. */
export const CONTEXT_LENGTH = 32;

export interface RangeSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * Selectors for `range` of `text`. The range is widened so it never splits a surrogate pair;
 * throws a RangeError for an empty range or one outside the text.
 */
export function describeRange(
  text: string,
  range: TextRange,
  contextLength = CONTEXT_LENGTH,
): RangeSelectors {
  const { start, end } = snapRangeToCodePoints(text, range);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(
      `Range ${range.start}–${range.end} is empty or outside a text of length ${text.length}`,
    );
  }
  const prefixStart = snapToCodePoint(text, Math.max(0, start - contextLength), 'forward');
  const suffixEnd = snapToCodePoint(text, Math.min(text.length, end + contextLength), 'backward');
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
