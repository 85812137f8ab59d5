/**
 * Widens a selection to whole sentences, for the "select sentence" gesture in the reader. Works on
 * Chinese and Western punctuation; never crosses a paragraph break.
 */
import type { TextRange } from './text-range.js';

/** Characters that end a sentence. */
const TERMINATORS = new Set(['。', '！', '？', '；', '.', '!', '?']);
/** Closing quotes and brackets that belong to the sentence they follow (…。」 or …?"). */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '"', "'", '》', '】']);

function isBoundaryAt(text: string, i: number): boolean {
  const ch = text[i]!;
  if (ch === '\n') return true;
  if (!TERMINATORS.has(ch)) return false;
  // A Western full stop ends a sentence only before a space or the end ("3.14", "e.g" do not).
  if (ch === '.') {
    let next = i + 1;
    while (next < text.length && CLOSERS.has(text[next]!)) next++;
    return next >= text.length || /\s/.test(text[next]!);
  }
  return true;
}

/** The end (exclusive) of a sentence whose terminator is at `i`: its closing quotes come along. */
function afterTerminator(text: string, i: number): number {
  let end = i + 1;
  while (end < text.length && CLOSERS.has(text[end]!)) end++;
  return end;
}

/** Widens `range` to start at a sentence start and end after a sentence terminator. */
export function snapToSentence(text: string, range: TextRange): TextRange {
  let start = Math.max(0, Math.min(range.start, text.length));
  let end = Math.max(start, Math.min(range.end, text.length));

  // Back to just after the previous boundary, then forward over its closers and whitespace.
  let s = start;
  while (s > 0 && !isBoundaryAt(text, s - 1)) s--;
  if (s > 0 && text[s - 1] !== '\n') s = afterTerminator(text, s - 1);
  while (s < start && /\s/.test(text[s]!)) s++;
  start = Math.min(s, start);

  // Forward to the next boundary at or after the last selected character.
  let e = Math.max(start, end - 1);
  // A selection already ending in "。」" must not run on into the next sentence.
  while (e > start && CLOSERS.has(text[e]!)) e--;
  while (e < text.length && !isBoundaryAt(text, e)) e++;
  if (e < text.length && text[e] !== '\n') end = Math.max(end, afterTerminator(text, e));
  else end = Math.max(end, trimEnd(text, start, e));
  return { start, end };
}

/** End of the text before `e`, without trailing whitespace (a paragraph ending without punctuation). */
function trimEnd(text: string, start: number, e: number): number {
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
