/**
 * The text either side of a highlight, for exports: a number of characters (code points, so an
 * emoji or a rare CJK character counts once and is never cut in half) or the whole sentence(s) the
 * highlight sits in (Chinese 。！？； and Western .!? end a sentence; a paragraph break always does).
 */
import { snapToSentence } from '../anchor/snap-to-sentence.js';
import type { TextRange } from '../anchor/text-range.js';

/** Characters either side, or 'sentence'. */
export type ContextSpec = number | 'sentence';

export const DEFAULT_CONTEXT: ContextSpec = 100;

export interface QuoteContext {
  before: string;
  after: string;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The UTF-16 offset `count` code points before `from`. */
export function codePointsBack(text: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count && i > 0; n++) {
    i--;
    if (i > 0 && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) i--;
  }
  return i;
}

/** The UTF-16 offset `count` code points after `from`. */
export function codePointsForward(text: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count && i < text.length; n++) {
    i += isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

export function contextAround(text: string, range: TextRange, spec: ContextSpec): QuoteContext {
  if (spec === 'sentence') {
    const sentence = snapToSentence(text, range);
    return {
      before: text.slice(Math.min(sentence.start, range.start), range.start),
      after: text.slice(range.end, Math.max(sentence.end, range.end)),
    };
  }
  return {
    before: text.slice(codePointsBack(text, range.start, spec), range.start),
    after: text.slice(range.end, codePointsForward(text, range.end, spec)),
  };
}
