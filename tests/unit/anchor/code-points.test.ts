// Offsets in code points (W3C exports) versus UTF-16 units (Gloss, the DOM), with astral characters.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CodePointIndex,
  rangeFromCodePoints,
  rangeToCodePoints,
  snapRangeToCodePoints,
  splitsSurrogatePair,
} from '../../../core/anchor/index.js';

describe('code points', () => {
  const text = 'a😀b𠀀中👍🏽c';

  it('counts an emoji or a CJK Extension B character as one code point', () => {
    // 'a' 0, '😀' 1, 'b' 2, '𠀀' 3, '中' 4, '👍' 5, '🏽' 6, 'c' 7
    const index = new CodePointIndex(text);
    expect(index.toCodePoints(text.indexOf('b'))).toBe(2);
    expect(index.toCodePoints(text.indexOf('中'))).toBe(4);
    expect(index.toCodePoints(text.indexOf('c'))).toBe(7);
    expect(index.toCodePoints(text.length)).toBe([...text].length);
    expect(index.toUtf16(7)).toBe(text.indexOf('c'));
  });

  it('converts a range both ways', () => {
    const start = text.indexOf('𠀀');
    const range = { start, end: start + '𠀀中'.length };
    const cp = rangeToCodePoints(text, range);
    expect(cp).toEqual({ start: 3, end: 5 });
    expect(rangeFromCodePoints(text, cp)).toEqual(range);
  });

  it('widens a range that would split a surrogate pair', () => {
    const emoji = text.indexOf('😀');
    expect(splitsSurrogatePair(text, emoji + 1)).toBe(true);
    expect(snapRangeToCodePoints(text, { start: emoji + 1, end: emoji + 1 })).toEqual({
      start: emoji,
      end: emoji + 2,
    });
  });

  it('round-trips every code-point offset of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const index = new CodePointIndex(s);
        const count = [...s].length;
        for (let cp = 0; cp <= count; cp++) {
          const u = index.toUtf16(cp);
          expect(index.toCodePoints(u)).toBe(cp);
          expect(splitsSurrogatePair(s, u)).toBe(false);
          expect([...s.slice(0, u)].length).toBe(cp);
        }
      }),
    );
  });
});
