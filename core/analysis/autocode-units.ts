/**
 * What a search hit becomes when coded: the matched words, the sentence around them
 * (core/anchor/snap-to-sentence.ts, as the reader's "select sentence"), or the paragraph (the text
 * between blank lines: canonical texts separate blocks with "\n\n"). Leading and trailing
 * whitespace is left out of a unit. Pure; UTF-16 ranges.
 */
import { snapToSentence } from '../anchor/snap-to-sentence.js';
import type { TextRange } from '../anchor/text-range.js';
import type { AutocodeUnit } from './autocode-types.js';

function paragraphOf(text: string, range: TextRange): TextRange {
  const before = text.lastIndexOf('\n', Math.max(0, range.start - 1));
  const after = text.indexOf('\n', range.end);
  return {
    start: before < 0 || before >= range.start ? 0 : before + 1,
    end: after < 0 ? text.length : after,
  };
}

function trimmed(text: string, range: TextRange, inner: TextRange): TextRange {
  let { start, end } = range;
  while (start < inner.start && /\s/.test(text[start]!)) start++;
  while (end > inner.end && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

export function unitOf(text: string, match: TextRange, unit: AutocodeUnit): TextRange {
  if (unit === 'match') return match;
  const wide = unit === 'sentence' ? snapToSentence(text, match) : paragraphOf(text, match);
  // Never narrower than the match itself (a match across a sentence end stays whole).
  const range = { start: Math.min(wide.start, match.start), end: Math.max(wide.end, match.end) };
  return trimmed(text, range, match);
}
