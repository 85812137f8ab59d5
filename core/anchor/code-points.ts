/**
 * Offsets in two units: Gloss works in UTF-16 code units (JavaScript strings, the DOM), while the
 * W3C TextPositionSelector in exports counts Unicode code points. Also keeps ranges off the middle
 * of a surrogate pair, so an astral character (emoji, rare CJK) is never cut in half.
 */
import type { TextRange } from './text-range.js';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Moves an offset that splits a surrogate pair to the pair's start ('backward') or end ('forward'). */
export function snapToCodePoint(text: string, offset: number, direction: 'backward' | 'forward'): number {
  if (!splitsSurrogatePair(text, offset)) return offset;
  return direction === 'backward' ? offset - 1 : offset + 1;
}

/** Widens a range so neither end splits a surrogate pair. */
export function snapRangeToCodePoints(text: string, range: TextRange): TextRange {
  return {
    start: snapToCodePoint(text, range.start, 'backward'),
    end: snapToCodePoint(text, range.end, 'forward'),
  };
}

/**
 * Converts many offsets of one text in O(log n) each: it records where the astral characters are,
 * since only they make the two units differ. Build one per text when exporting many annotations.
 */
export class CodePointIndex {
  /** UTF-16 offsets of the high surrogate of every astral character, ascending. */
  private readonly astral: number[] = [];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        this.astral.push(i);
        i++;
      }
    }
  }

  /** Code-point offset of a UTF-16 offset (an offset inside a pair counts as the pair's start). */
  toCodePoints(utf16Offset: number): number {
    const offset = clamp(utf16Offset, 0, this.text.length);
    // Pairs that start before `offset` each took one extra code unit.
    return offset - countBelow(this.astral, (a) => a < offset);
  }

  /** UTF-16 offset of a code-point offset. */
  toUtf16(codePointOffset: number): number {
    const max = this.text.length - this.astral.length;
    const cp = clamp(codePointOffset, 0, max);
    // The i-th astral character sits at code point astral[i] - i.
    return cp + countBelow(this.astral, (a, i) => a - i < cp);
  }
}

/** Number of leading elements of an ascending array that satisfy a monotone predicate. */
function countBelow(sorted: number[], below: (value: number, index: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(sorted[mid]!, mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** A UTF-16 range as code points (for W3C exports). */
export function rangeToCodePoints(text: string, range: TextRange): TextRange {
  const index = new CodePointIndex(text);
  return { start: index.toCodePoints(range.start), end: index.toCodePoints(range.end) };
}

/** A code-point range (from a W3C import) as UTF-16 offsets. */
export function rangeFromCodePoints(text: string, range: TextRange): TextRange {
  const index = new CodePointIndex(text);
  return { start: index.toUtf16(range.start), end: index.toUtf16(range.end) };
}
