// Whole-word extension of English selections (issue 15, item 8); Chinese is left as selected.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendToWords } from '../../../core/anchor/extend-to-words.js';

const TEXT = 'He stepped down in recent weeks, after the four-day trial. 他在最近几周辞职了。';
const pick = (text: string, from: string, to: string) => {
  const start = text.indexOf(from);
  return { start, end: text.indexOf(to, start) + to.length };
};
const extended = (text: string, from: string, to: string) => {
  const r = extendToWords(text, pick(text, from, to));
  return text.slice(r.start, r.end);
};

describe('extendToWords', () => {
  it('widens a selection cut inside words at both ends', () => {
    expect(extended(TEXT, 'tepped', 'wee')).toBe('stepped down in recent weeks');
  });

  it('keeps a selection that already starts and ends at word edges', () => {
    expect(extended(TEXT, 'stepped', 'down')).toBe('stepped down');
    expect(extended(TEXT, ' down', 'in ')).toBe(' down in ');
  });

  it('takes hyphenated words and apostrophes whole', () => {
    expect(extended(TEXT, 'our-d', 'our-d')).toBe('four-day');
    expect(extended("They don't know", 'on', 'on')).toBe("don't");
  });

  it('leaves Chinese exactly as selected', () => {
    expect(extended(TEXT, '最近', '几')).toBe('最近几');
    expect(extended(TEXT, '在最', '职')).toBe('在最近几周辞职');
  });

  it('only ever widens, never crosses a space, and is idempotent (property)', () => {
    const chars = fc.constantFrom('a', 'b', 'Z', '9', ' ', '.', "'", '-', '中', '文', '\n', 'é');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 40 }).map((a) => a.join('')),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const start = Math.min(a, b) % (text.length + 1);
          const end = Math.min(text.length, start + (Math.max(a, b) % (text.length + 1)));
          const r = extendToWords(text, { start, end });
          expect(r.start).toBeLessThanOrEqual(start);
          expect(r.end).toBeGreaterThanOrEqual(end);
          // What was added holds no space or line break: only the rest of a cut word.
          expect(text.slice(r.start, start)).not.toMatch(/\s/);
          expect(text.slice(end, r.end)).not.toMatch(/\s/);
          expect(extendToWords(text, r)).toEqual(r);
        },
      ),
    );
  });
});
