/**
 * Where a highlight the reader asks for may be stored. The reader sends offsets together with the
 * quote it selected (and its context) and the version of the text it showed. Offsets alone are
 * never trusted: when the text is the one the reader showed, the quote must be the text at the
 * offsets; when it has changed since, the quote is looked for through the same anchoring as every
 * stored highlight, and only a place where the text is exactly the quote, with the context on at
 * least one side intact, is accepted. Anything else is refused: nothing is ever stored on text the
 * user did not select. Pure; shared by the host's handlers.
 */
import { anchor } from './anchor.js';
import { snapRangeToCodePoints } from './code-points.js';
import { matchingPrefixLength, matchingSuffixLength } from './context-similarity.js';
import type { TextRange } from './text-range.js';

/** What the reader saw: the selected offsets, quote and context, and the version of its text. */
export interface ShownSelection extends TextRange {
  quote: { exact: string; prefix: string; suffix: string };
  textVersion: string;
}

/** 'as-selected': stored where the reader selected; 'relocated': the text moved, the quote followed. */
export type Placement = 'as-selected' | 'relocated';

export type PlaceResult =
  | { ok: true; range: TextRange; placement: Placement }
  /** The text is the one shown, but the quote is not the text at the offsets: a bad request. */
  | { ok: false; reason: 'quote-mismatch' }
  /** The text changed and the quote cannot be found with certainty: reload and select again. */
  | { ok: false; reason: 'text-changed' };

export function placeSelection(text: string, version: string, shown: ShownSelection): PlaceResult {
  const { exact, prefix, suffix } = shown.quote;
  if (shown.textVersion === version) {
    const range = snapRangeToCodePoints(text, shown);
    return text.slice(range.start, range.end) === exact
      ? { ok: true, range, placement: 'as-selected' }
      : { ok: false, reason: 'quote-mismatch' };
  }
  const found = anchor(text, {
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    position: { type: 'TextPositionSelector', start: shown.start, end: shown.end },
  });
  const range = found.range;
  // Fuzzy matches are for stored highlights (better placed approximately than lost); a new one
  // goes only on the very words selected.
  if (!range || found.status === 'fuzzy' || text.slice(range.start, range.end) !== exact) {
    return { ok: false, reason: 'text-changed' };
  }
  const contextHolds =
    (prefix === '' && suffix === '') ||
    (prefix !== '' && matchingPrefixLength(text, range.start, prefix) === prefix.length) ||
    (suffix !== '' && matchingSuffixLength(text, range.end, suffix) === suffix.length);
  if (!contextHolds) return { ok: false, reason: 'text-changed' };
  const same = range.start === shown.start && range.end === shown.end;
  return { ok: true, range, placement: same ? 'as-selected' : 'relocated' };
}
