/**
 * Where each exported highlight sits in its article's current canonical text, in the units exports
 * use (Unicode code points, as the W3C TextPositionSelector counts). Stored positions may be stale
 * (the file or the cleaner changed), so highlights are re-anchored first, exactly as the reader does.
 */
import { anchorAll } from '../anchor/anchor.js';
import { CodePointIndex } from '../anchor/code-points.js';
import type { TextRange } from '../anchor/text-range.js';
import type { AnchorStatus, Annotation } from '../model.js';

/** 'no-text': the article is not in the library (or could not be read), so nothing was anchored. */
export type PlacementStatus = AnchorStatus | 'no-text';

export interface PlacedAnnotation {
  annotation: Annotation;
  status: PlacementStatus;
  /** UTF-16 range in the current text; null for orphans and when there is no text. */
  range: TextRange | null;
  /** The highlighted text as it reads now (the stored quote when the highlight could not be placed). */
  exact: string;
  /** Code-point offsets of `range`; null when it could not be placed. */
  start: number | null;
  end: number | null;
}

/** A surrogate pair: a character outside the Basic Multilingual Plane (emoji, rare CJK). */
const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

export function placeAnnotations(
  text: string | null,
  annotations: readonly Annotation[],
): PlacedAnnotation[] {
  if (text === null) {
    return annotations.map((annotation) => ({
      annotation,
      status: 'no-text',
      range: null,
      exact: annotation.quote.exact,
      start: null,
      end: null,
    }));
  }
  // Without astral characters (most texts) code points and UTF-16 units agree: no index needed.
  const index = ASTRAL.test(text) ? new CodePointIndex(text) : null;
  const toCodePoints = (offset: number): number => index?.toCodePoints(offset) ?? offset;
  // Only the selectors go in: anchorAll copies each input into its result, and a whole annotation
  // per highlight was a large part of what a big export allocated.
  const selectors = annotations.map(({ quote, position }) => ({ quote, position }));
  return anchorAll(text, selectors).map(({ status, range }, i) => {
    const annotation = annotations[i]!;
    if (!range)
      return { annotation, status, range: null, exact: annotation.quote.exact, start: null, end: null };
    return {
      annotation,
      status,
      range,
      exact: text.slice(range.start, range.end),
      start: toCodePoints(range.start),
      end: toCodePoints(range.end),
    };
  });
}
