/**
 * Widens a selection that starts or ends inside a word of Latin-script text to whole words, as
 * word processors do ("tepped down in recent wee" → "stepped down in recent weeks"). Only letters
 * and digits of scripts that separate words with spaces count as word characters: Chinese and
 * Japanese text (no spaces between words) is left exactly as selected. Apostrophes and hyphens
 * inside a word belong to it ("don't", "four-day").
 */
import type { TextRange } from './text-range.js';

/** Letters and digits, excluding the scripts written without spaces between words. */
const WORD = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const JOINERS = new Set(["'", '’', '-', '\u00ad']);

const isWordChar = (ch: string | undefined): boolean => !!ch && WORD.test(ch) && !UNSPACED.test(ch);

/** Whether unit `i` of `text` is inside a word: a word character, or a joiner between two. */
function inWord(text: string, i: number): boolean {
  const ch = text[i];
  if (isWordChar(ch)) return true;
  return !!ch && JOINERS.has(ch) && isWordChar(text[i - 1]) && isWordChar(text[i + 1]);
}

export function extendToWords(text: string, range: TextRange): TextRange {
  let start = Math.max(0, Math.min(range.start, text.length));
  let end = Math.max(start, Math.min(range.end, text.length));
  if (start === end) return { start, end };
  // Cut inside a word at the start: back to the word's first character.
  if (inWord(text, start) && start > 0 && inWord(text, start - 1)) {
    while (start > 0 && inWord(text, start - 1)) start--;
  }
  // Cut inside a word at the end: on to the word's last character.
  if (end < text.length && inWord(text, end) && inWord(text, end - 1)) {
    while (end < text.length && inWord(text, end)) end++;
  }
  return { start, end };
}
