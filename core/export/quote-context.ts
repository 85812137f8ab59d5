/**
 * The text either side of a highlight, for exports: a number of characters (code points, so an
 * emoji or a rare CJK character counts once and is never cut in half) or sentences (Chinese 。！？；
 * and Western .!? end a sentence; a paragraph break always does). With sentences, each side is the
 * rest of the sentence the highlight sits in; a side where the highlight already reaches the
 * sentence's edge (a highlight that is exactly a sentence) gets the neighbouring sentence instead,
 * across a paragraph break if need be, so the cell says what came before or after.
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
  if (spec === 'sentence') return sentenceContext(text, range);
  return {
    before: text.slice(codePointsBack(text, range.start, spec), range.start),
    after: text.slice(range.end, codePointsForward(text, range.end, spec)),
  };
}

const blank = (s: string): boolean => s.trim() === '';

/** Context by sentences: before + quote + after is always one stretch of the text. */
function sentenceContext(text: string, range: TextRange): QuoteContext {
  const sentence = snapToSentence(text, range);
  let before = text.slice(Math.min(sentence.start, range.start), range.start);
  let after = text.slice(range.end, Math.max(sentence.end, range.end));
  if (blank(before)) before = text.slice(previousSentenceStart(text, range.start), range.start);
  if (blank(after)) after = text.slice(range.end, nextSentenceEnd(text, range.end));
  return { before, after };
}

/** Spaces, line breaks, closing quotes and terminators between one sentence's words and the next. */
const BETWEEN_SENTENCES = /[\s。！？；.!?”’」』）)"'》】]/;

/** Where the last sentence before `at` starts (found from its last word, not its 。” ending). */
function previousSentenceStart(text: string, at: number): number {
  let end = at;
  while (end > 0 && BETWEEN_SENTENCES.test(text[end - 1]!)) end--;
  if (end === 0) return at;
  return snapToSentence(text, { start: end - 1, end }).start;
}

/** Where the first sentence after `at` ends (skipping the spaces and line breaks between). */
function nextSentenceEnd(text: string, at: number): number {
  let start = at;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  if (start === text.length) return at;
  return snapToSentence(text, { start, end: start + 1 }).end;
}
