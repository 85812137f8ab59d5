// Selectors made from a selection: quote with context, position, never half an emoji.
import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeRange } from '../../../core/anchor/index.js';

describe('describeRange', () => {
  const text =
    '第一段：记者从国家统计局获悉，今年一季度国内生产总值同比增长5.3%。' + '😀'.repeat(20) + '结尾。';

  it('stores the quote, 32 units of context either side and the position', () => {
    const text =
      '记者从国家统计局获悉，今年一季度国内生产总值同比增长5.3%，高于市场预期，其中第三产业增加值增长最快。';
    const start = text.indexOf('国家统计局');
    const { quote, position } = describeRange(text, { start, end: start + 5 });
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: '国家统计局',
      prefix: text.slice(0, start),
      suffix: text.slice(start + 5, start + 5 + CONTEXT_LENGTH),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 5 });
  });

  it('never cuts an emoji in half, in the quote or in the context', () => {
    const emojiStart = text.indexOf('😀');
    // Selection ends in the middle of the third emoji; the suffix window would end mid-pair too.
    const { quote, position } = describeRange(text, { start: emojiStart + 1, end: emojiStart + 5 });
    expect(position).toEqual({ type: 'TextPositionSelector', start: emojiStart, end: emojiStart + 6 });
    expect(quote.exact).toBe('😀😀😀');
    for (const part of [quote.exact, quote.prefix, quote.suffix]) {
      expect(part).toBe(String.fromCodePoint(...[...part].map((c) => c.codePointAt(0)!)));
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(part)).toBe(false);
    }
  });

  it('refuses an empty range or one outside the text', () => {
    expect(() => describeRange(text, { start: 3, end: 3 })).toThrow(RangeError);
    expect(() => describeRange(text, { start: -1, end: 3 })).toThrow(RangeError);
    expect(() => describeRange(text, { start: 0, end: text.length + 1 })).toThrow(RangeError);
  });
});
