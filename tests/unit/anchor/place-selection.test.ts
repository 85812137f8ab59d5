// Placing a new highlight from what the reader showed: on exactly the selected words, or refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../core/anchor/describe-range.js';
import { placeSelection } from '../../../core/anchor/place-selection.js';

const shownIn = (text: string, start: number, end: number, version = 'v1') => {
  const { quote } = describeRange(text, { start, end });
  return {
    start,
    end,
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    textVersion: version,
  };
};

describe('placeSelection', () => {
  it('takes the offsets as they are when the text is the one shown', () => {
    const text = '今天天气很好，我们去公园。';
    expect(placeSelection(text, 'v1', shownIn(text, 7, 12))).toEqual({
      ok: true,
      range: { start: 7, end: 12 },
      placement: 'as-selected',
    });
    expect(placeSelection(text, 'v1', { ...shownIn(text, 7, 12), start: 0, end: 5 })).toEqual({
      ok: false,
      reason: 'quote-mismatch',
    });
  });

  it('follows the words when text was inserted above them, refuses when they were edited', () => {
    const text = '第一段。\n\n会议讨论了经济增长目标。';
    const shown = shownIn(text, 7, 16);
    const inserted = '新的一段。\n\n' + text;
    expect(placeSelection(inserted, 'v2', shown)).toEqual({
      ok: true,
      range: { start: 14, end: 23 },
      placement: 'relocated',
    });
    expect(placeSelection(text.replace('经济', '就业'), 'v2', shown)).toEqual({
      ok: false,
      reason: 'text-changed',
    });
  });

  it('never places a highlight on anything but the quote (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', '经', '济', '。', '\n'),
      minLength: 2,
      maxLength: 80,
    });
    fc.assert(
      fc.property(
        text,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 10 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '经', 'x'), maxLength: 12 }),
        (before, s, len, at, cut, insert) => {
          const start = s % (before.length - 1);
          const end = start + 1 + (len % (before.length - start));
          const shown = shownIn(before, start, end);
          const where = at % (before.length + 1);
          const after = before.slice(0, where) + insert + before.slice(Math.min(before.length, where + cut));
          const placed = placeSelection(after, after === before ? 'v1' : 'v2', shown);
          if (placed.ok) expect(after.slice(placed.range.start, placed.range.end)).toBe(shown.quote.exact);
          if (after === before) expect(placed).toMatchObject({ ok: true, range: { start, end } });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
