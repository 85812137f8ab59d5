/**
 * Places a source's selections on a library article's canonical text. The two texts are the same
 * words but not always the same characters: Gloss's cleaner joins paragraphs with a blank line,
 * collapses runs of spaces and trims indents, and another tool's copy of an article may differ a
 * little more. So selections are anchored on both texts with spacing removed — through Gloss's own
 * anchoring (quote with context, position hint, bounded fuzzy match), verified against the quote —
 * and the range found is mapped back to the canonical text.
 */
import { anchorAll } from '../../anchor/anchor.js';
import type { TextRange } from '../../anchor/text-range.js';

/** Characters of context either side of a quote used to tell apart its occurrences. */
const CONTEXT = 32;

const SPACE = /[\s\u200b\ufeff]/;

/** A text with its spacing removed, and where each remaining character was. */
export class SpacelessText {
  readonly text: string;
  /** For each character of `text`, its offset in the original. */
  private readonly at: Uint32Array;
  /** For each offset of the original (and its end), the characters of `text` before it. */
  private readonly before: Uint32Array;

  constructor(readonly original: string) {
    const parts: string[] = [];
    const at = new Uint32Array(original.length);
    const before = new Uint32Array(original.length + 1);
    let n = 0;
    for (let i = 0; i < original.length; i++) {
      before[i] = n;
      const ch = original[i]!;
      if (SPACE.test(ch)) continue;
      parts.push(ch);
      at[n++] = i;
    }
    before[original.length] = n;
    this.text = parts.join('');
    this.at = at.subarray(0, n);
    this.before = before;
  }

  /** The spaceless offset of an offset of the original. */
  toSpaceless(offset: number): number {
    return this.before[Math.max(0, Math.min(offset, this.original.length))]!;
  }

  /** The original range a non-empty spaceless range covers (from its first to its last character). */
  toOriginal(range: TextRange): TextRange {
    return { start: this.at[range.start]!, end: this.at[range.end - 1]! + 1 };
  }
}

export type ArticlePlacementStatus = 'placed' | 'approximate' | 'not-found' | 'empty';

export interface ArticlePlacement {
  status: ArticlePlacementStatus;
  /** UTF-16 range in the article's text; null unless placed. */
  range: TextRange | null;
}

/**
 * Where each range of `source` (offsets into it) falls in `article`. A range whose text is only
 * spacing is 'empty'; one whose words are not found is 'not-found'.
 */
export function placeOnArticle(
  source: SpacelessText,
  article: SpacelessText,
  ranges: readonly TextRange[],
): ArticlePlacement[] {
  // The very text (an export of Gloss's own, or the same copy): the ranges hold as they are.
  if (source.original === article.original) {
    return ranges.map((r) =>
      r.end > r.start && r.start >= 0 && r.end <= article.original.length
        ? { status: 'placed', range: { start: r.start, end: r.end } }
        : { status: 'empty', range: null },
    );
  }
  const same = source.text === article.text;
  const scale = source.text.length ? article.text.length / source.text.length : 1;
  const selectors = ranges.map(({ start, end }) => {
    const s = source.toSpaceless(start);
    const e = source.toSpaceless(end);
    const exact = source.text.slice(s, e);
    const hint = same ? s : Math.round(s * scale);
    return {
      quote: {
        type: 'TextQuoteSelector' as const,
        exact,
        prefix: source.text.slice(Math.max(0, s - CONTEXT), s),
        suffix: source.text.slice(e, e + CONTEXT),
      },
      position: { type: 'TextPositionSelector' as const, start: hint, end: hint + exact.length },
    };
  });
  return anchorAll(article.text, selectors).map((result, i): ArticlePlacement => {
    if (!selectors[i]!.quote.exact) return { status: 'empty', range: null };
    if (!result.range || result.range.end <= result.range.start) return { status: 'not-found', range: null };
    return {
      status: result.status === 'fuzzy' ? 'approximate' : 'placed',
      range: article.toOriginal(result.range),
    };
  });
}
