// Properties of anchoring over generated texts: round trips are exact, distant edits are harmless.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchor, describeRange } from '../../../core/anchor/index.js';

// A small alphabet (so quotes repeat and context matters) with CJK, punctuation and astral characters.
const CHARS = ['中', '国', '的', '人', '。', '，', 'a', ' ', '\n', '😀', '👍🏽', '𠀀'];
const chars = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 300 });

/** UTF-16 offset of the i-th generated character. */
function offset(parts: string[], i: number): number {
  return parts.slice(0, i).join('').length;
}

const selection = chars.chain((parts) =>
  fc
    .tuple(fc.nat({ max: parts.length - 1 }), fc.integer({ min: 1, max: 40 }))
    .map(([from, len]) => ({ parts, from, to: Math.min(parts.length, from + len) })),
);

describe('anchoring properties', () => {
  it('describe then anchor on the same text gives back exactly the same range', () => {
    fc.assert(
      fc.property(selection, ({ parts, from, to }) => {
        const text = parts.join('');
        const range = { start: offset(parts, from), end: offset(parts, to) };
        expect(anchor(text, describeRange(text, range))).toEqual({ status: 'exact', range });
      }),
      { numRuns: 500 },
    );
  });

  it('an insertion or deletion away from the quote re-anchors to the same quote', () => {
    const scenario = selection.chain(({ parts, from, to }) =>
      fc.record({
        parts: fc.constant(parts),
        from: fc.constant(from),
        to: fc.constant(to),
        editAt: fc.nat({ max: parts.length }),
        deleteCount: fc.nat({ max: 20 }),
        inserted: fc.array(fc.constantFrom(...CHARS), { maxLength: 20 }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ parts, from, to, editAt, deleteCount, inserted }) => {
        const text = parts.join('');
        const range = { start: offset(parts, from), end: offset(parts, to) };
        const sel = describeRange(text, range);
        const prefixChars = [...sel.quote.prefix].length;
        const suffixChars = [...sel.quote.suffix].length;
        // Only edits that leave the quote and its stored context untouched.
        const editEnd = Math.min(parts.length, editAt + deleteCount);
        const beforeContext = editEnd <= from - prefixChars;
        const afterContext = editAt >= to + suffixChars;
        fc.pre(beforeContext || afterContext);

        const edited = [...parts.slice(0, editAt), ...inserted, ...parts.slice(editEnd)];
        const newText = edited.join('');
        const shift = beforeContext ? inserted.length - (editEnd - editAt) : 0;
        const expected = { start: offset(edited, from + shift), end: offset(edited, to + shift) };

        const result = anchor(newText, sel);
        expect(result.status === 'exact' || result.status === 'moved').toBe(true);
        expect(newText.slice(result.range!.start, result.range!.end)).toBe(sel.quote.exact);
        // When quote-plus-context occurs once, it must be that very place.
        const whole = sel.quote.prefix + sel.quote.exact + sel.quote.suffix;
        const first = newText.indexOf(whole);
        if (first !== -1 && newText.indexOf(whole, first + 1) === -1) expect(result.range).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
