// The continuum: articles in path order, each coder's highlights of a code as merged units in it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApiError } from '../../../core/errors.js';
import {
  buildContinuum,
  compareCodePoints,
  mergeSpans,
  unitsOf,
  type HighlightRange,
} from '../../../core/agreement/continuum.js';

const articles = [
  { id: 'b', path: 'news/b.md', length: 10 },
  { id: 'a', path: 'news/a.md', length: 20 },
  { id: 'c', path: 'blog/c.md', length: 5 },
];

describe('continuum', () => {
  it('places articles one after another in the order of their paths', () => {
    const c = buildContinuum(articles);
    expect(c.articles.map((a) => [a.id, a.offset])).toEqual([
      ['c', 0],
      ['a', 5],
      ['b', 25],
    ]);
    expect(c.length).toBe(35);
  });

  it('orders paths by code point, not by locale or UTF-16 unit', () => {
    // U+FF5E (BMP, above the surrogates in UTF-16) sorts before U+1F600 by code point.
    expect(compareCodePoints('\uff5e', '😀')).toBeLessThan(0);
    expect('\uff5e' < '😀').toBe(false);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
  });

  it('refuses an article listed twice or without a valid length', () => {
    expect(() => buildContinuum([articles[0]!, articles[0]!])).toThrow(ApiError);
    expect(() => buildContinuum([{ id: 'x', path: 'x', length: -1 }])).toThrow(/valid text length/);
  });

  it("shifts highlights by their article's place and merges overlapping or touching ones", () => {
    const c = buildContinuum(articles);
    const units = unitsOf(c, [
      { articleId: 'a', start: 0, end: 4 },
      { articleId: 'a', start: 2, end: 6 },
      { articleId: 'a', start: 6, end: 8 },
      { articleId: 'b', start: 1, end: 3 },
      { articleId: 'missing', start: 0, end: 3 },
    ]);
    expect(units).toEqual([
      { start: 5, end: 13, article: 1 },
      { start: 26, end: 28, article: 2 },
    ]);
  });

  it('never merges units across an article boundary, and cuts highlights at their text end', () => {
    const c = buildContinuum(articles);
    const units = unitsOf(c, [
      { articleId: 'c', start: 3, end: 9 }, // past the end of c (length 5)
      { articleId: 'a', start: 0, end: 2 },
    ]);
    expect(units).toEqual([
      { start: 3, end: 5, article: 0 },
      { start: 5, end: 7, article: 1 },
    ]);
  });

  it('splitting or repeating highlights does not change the units', () => {
    const c = buildContinuum(articles);
    const highlight = fc
      .tuple(fc.constantFrom('a', 'b', 'c'), fc.nat({ max: 25 }), fc.nat({ max: 25 }))
      .map(([articleId, x, y]): HighlightRange => ({
        articleId,
        start: Math.min(x, y),
        end: Math.max(x, y),
      }));
    fc.assert(
      fc.property(fc.array(highlight, { maxLength: 15 }), fc.nat(), (list, seed) => {
        const pieces = list.flatMap((h) => {
          // Two overlapping pieces that together cover h exactly.
          const len = h.end - h.start;
          if (len < 2) return [h];
          const cut = h.start + 1 + (seed % (len - 1));
          return [
            { ...h, end: cut },
            { ...h, start: Math.max(h.start, cut - 1) },
          ];
        });
        expect(unitsOf(c, [...pieces].reverse())).toEqual(unitsOf(c, list));
        expect(unitsOf(c, [...list, ...list])).toEqual(unitsOf(c, list));
      }),
    );
  });

  it('merged units are sorted, disjoint and non-empty', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 50 }), fc.nat({ max: 10 }), fc.nat({ max: 2 }))), (raw) => {
        const spans = raw.map(([s, l, article]) => ({
          start: s + article * 100,
          end: s + l + article * 100,
          article,
        }));
        const merged = mergeSpans(spans.filter((s) => s.end > s.start));
        for (let i = 0; i < merged.length; i++) {
          expect(merged[i]!.end).toBeGreaterThan(merged[i]!.start);
          if (i > 0) expect(merged[i]!.start).toBeGreaterThan(merged[i - 1]!.end);
        }
      }),
    );
  });
});
