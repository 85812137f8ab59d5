/**
 * Keyword in context: the match with up to `width` characters of its text around it (half before,
 * half after), cut where a reader expects a cut. Latin text is cut between words (word boundaries
 * from Intl.Segmenter, so "ver" of "never" is never shown alone); Chinese after the clause or
 * sentence punctuation farthest out in the outer two thirds of the window, else at the fixed width. Context never
 * crosses a paragraph break, and no cut falls inside a surrogate pair.
 */

export interface Kwic {
  before: string;
  match: string;
  after: string;
}

export const KWIC_WIDTHS = [40, 80, 160] as const;

/** Punctuation a Chinese context may be cut at (the cut falls just after it). */
const CJK_STOPS = /[。！？；，、：…．.!?;,:）」』”]/;
/** Characters of letters, digits and marks: a cut between two of them would split a word. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}_'’-]/u;
const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** How much text around a cut Intl.Segmenter sees (never the whole of a long article). */
const SEGMENT_MARGIN = 48;

let segmenter: Intl.Segmenter | null = null;
const words = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter('en', { granularity: 'word' }));

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** `i` moved off the middle of a surrogate pair, toward `toward`. */
function unitBoundary(s: string, i: number, toward: number): number {
  if (i > 0 && i < s.length && isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1)))
    return toward > i ? i + 1 : i - 1;
  return i;
}

/** The character (code point) ending at `i` / starting at `i`, or ''. */
function charBefore(s: string, i: number): string {
  if (i <= 0) return '';
  const c = s.charCodeAt(i - 1);
  return i >= 2 && isLow(c) && isHigh(s.charCodeAt(i - 2)) ? s.slice(i - 2, i) : s.charAt(i - 1);
}
function charAt(s: string, i: number): string {
  return i < s.length ? String.fromCodePoint(s.codePointAt(i) as number) : '';
}

/**
 * A cut at `i` moved toward `toward` (the match) until it is not inside a Latin word, by the word
 * segments of the text around it. Stops at `toward` at the latest.
 */
function wordBoundary(s: string, i: number, toward: number): number {
  if (!WORD_CHAR.test(charBefore(s, i)) || !WORD_CHAR.test(charAt(s, i))) return i;
  const from = Math.max(0, i - SEGMENT_MARGIN);
  const piece = s.slice(from, Math.min(s.length, i + SEGMENT_MARGIN));
  const seg = words()
    .segment(piece)
    .containing(i - from);
  if (!seg) return i;
  const start = from + seg.index;
  const end = start + seg.segment.length;
  if (start === i) return i;
  // A word longer than the piece (a URL, say): no boundary near, so this side shows nothing.
  if ((start === from && from > 0) || (end === from + piece.length && end < s.length)) return toward;
  return toward > i ? Math.min(end, toward) : Math.max(start, toward);
}

/**
 * Where one side's context ends. `forward`: the before side, whose cut moves from `limit` (the
 * fixed width) forward toward `edge` (the match); else the after side, moving back.
 */
function cutAt(s: string, limit: number, edge: number, forward: boolean): number {
  // A paragraph break ends the context.
  const nl = forward ? s.slice(limit, edge).lastIndexOf('\n') : s.slice(edge, limit).indexOf('\n');
  if (nl >= 0) return forward ? limit + nl + 1 : edge + nl;
  if (forward ? limit === 0 : limit === s.length) return limit;
  let cut = unitBoundary(s, limit, edge);
  if (HAN.test(charBefore(s, cut)) || HAN.test(charAt(s, cut))) {
    // Chinese: the punctuation farthest out in the outer two thirds of the window, else the width.
    const outer = Math.floor((Math.abs(edge - cut) * 2) / 3);
    if (forward) {
      for (let k = cut; k < cut + outer; k++) if (CJK_STOPS.test(s.charAt(k))) return k + 1;
    } else {
      for (let k = cut - 1; k >= cut - outer; k--) if (CJK_STOPS.test(s.charAt(k))) return k + 1;
    }
    return cut;
  }
  cut = wordBoundary(s, cut, edge);
  // Leave out the spaces at the cut.
  if (forward) while (cut < edge && s.charAt(cut) === ' ') cut++;
  else while (cut > edge && s.charAt(cut - 1) === ' ') cut--;
  return cut;
}

/**
 * The match `s[start, end)` with its context: up to `width` characters around it, half on each
 * side (at least one each side). `start`/`end` are UTF-16 offsets; they are kept as given.
 */
export function keywordInContext(s: string, start: number, end: number, width = 80): Kwic {
  start = Math.max(0, Math.min(start, s.length));
  end = Math.max(start, Math.min(end, s.length));
  const half = Math.max(1, Math.floor(width / 2));
  const from = cutAt(s, Math.max(0, start - half), start, true);
  const to = cutAt(s, Math.min(s.length, end + half), end, false);
  return { before: s.slice(from, start), match: s.slice(start, end), after: s.slice(end, to) };
}
