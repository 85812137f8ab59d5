// The report computations against plain recounts: co-occurrence by all pairs of segments (and the
// same whichever order the codes come in), frequencies, the matrix and the timeline by brute force.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleMatrix } from '../../../core/analysis/article-matrix.js';
import { cooccurrence } from '../../../core/analysis/cooccurrence.js';
import { frequencies } from '../../../core/analysis/frequencies.js';
import type { ReportHighlight } from '../../../core/analysis/report-data.js';
import { timeline } from '../../../core/analysis/timeline.js';
import type { ArticleSummary } from '../../../core/model.js';

const TAGS = ['a', 'b', 'c', 'd'].map((id) => ({ id, path: `P/${id}`, color: '#000000' }));
const CODERS = [
  { id: 'x', name: 'X' },
  { id: 'y', name: 'Y' },
];

const highlight = fc
  .record({
    article: fc.integer({ min: 0, max: 3 }),
    coderId: fc.constantFrom('x', 'y'),
    tagIds: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 3 }),
    start: fc.nat({ max: 60 }),
    length: fc.integer({ min: 1, max: 20 }),
  })
  .map((h): ReportHighlight => ({
    articleId: `art${h.article}`,
    coderId: h.coderId,
    tagIds: h.tagIds,
    start: h.start,
    end: h.start + h.length,
    characters: h.length,
  }));

/** In article order, as report-data.ts gives them. */
const highlights = fc
  .array(highlight, { maxLength: 40 })
  .map((list) =>
    [...list].sort((p, q) => (p.articleId < q.articleId ? -1 : p.articleId > q.articleId ? 1 : 0)),
  );

function naiveCooccurrence(list: ReportHighlight[], a: string, b: string) {
  const segments = list.flatMap((h) => h.tagIds.map((t) => ({ ...h, tag: t })));
  const withTag = (t: string) => new Set(list.filter((h) => h.tagIds.includes(t)).map((h) => h.articleId));
  const both = [...withTag(a)].filter((id) => withTag(b).has(id)).length;
  let overlaps = 0;
  for (let i = 0; i < segments.length; i++)
    for (let j = i + 1; j < segments.length; j++) {
      const [s, t] = [segments[i]!, segments[j]!];
      const pair = (s.tag === a && t.tag === b) || (s.tag === b && t.tag === a);
      if (pair && s.articleId === t.articleId && s.start < t.end && t.start < s.end) overlaps++;
    }
  return { articles: both, overlaps };
}

describe('cooccurrence', () => {
  it('counts, for each pair of codes, the articles with both and the overlapping segment pairs', () => {
    fc.assert(
      fc.property(highlights, (list) => {
        const rows = cooccurrence({ highlights: list, tags: TAGS });
        for (let i = 0; i < TAGS.length; i++)
          for (let j = i + 1; j < TAGS.length; j++) {
            const [a, b] = [TAGS[i]!.id, TAGS[j]!.id];
            const expected = naiveCooccurrence(list, a, b);
            const row = rows.find((r) => r.tagA === a && r.tagB === b);
            if (expected.articles === 0) expect(row).toBeUndefined();
            else expect({ articles: row?.articles, overlaps: row?.overlaps }).toEqual(expected);
          }
      }),
    );
  });

  it('is symmetric: the codes in the other order give the same figures for each pair', () => {
    fc.assert(
      fc.property(highlights, (list) => {
        const key = (r: { tagA: string; tagB: string }) => [r.tagA, r.tagB].sort().join('+');
        const forward = cooccurrence({ highlights: list, tags: TAGS });
        const backward = cooccurrence({ highlights: list, tags: [...TAGS].reverse() });
        const figures = (rows: typeof forward) =>
          Object.fromEntries(rows.map((r) => [key(r), [r.articles, r.overlaps]]));
        expect(figures(backward)).toEqual(figures(forward));
      }),
    );
  });

  it('counts one highlight with two codes as one overlapping pair, and touching ranges as none', () => {
    const h = (start: number, end: number, tagIds: string[]): ReportHighlight => ({
      articleId: 'art0',
      coderId: 'x',
      tagIds,
      start,
      end,
      characters: end - start,
    });
    const rows = cooccurrence({ highlights: [h(0, 10, ['a', 'b']), h(10, 20, ['a'])], tags: TAGS });
    expect(rows).toEqual([
      { tagA: 'a', tagAPath: 'P/a', tagB: 'b', tagBPath: 'P/b', articles: 1, overlaps: 1 },
    ]);
  });
});

describe('frequencies, matrix and timeline', () => {
  const articles = [0, 1, 2, 3].map(
    (i) =>
      ({
        id: `art${i}`,
        path: `f/art${i}.md`,
        folder: 'f',
        title: `T${i}`,
        date: i === 3 ? null : `2024-0${i + 1}-15T00:00:00.000Z`,
        author: i % 2 ? '新华社' : null,
        categories: [],
      }) as unknown as ArticleSummary,
  );

  it('frequencies: per code and per coder, highlights, distinct articles and summed characters', () => {
    fc.assert(
      fc.property(highlights, (list) => {
        const rows = frequencies({ highlights: list, tags: TAGS, coders: CODERS });
        for (const tag of TAGS)
          for (const coder of [null, ...CODERS]) {
            const mine = list.filter((h) => h.tagIds.includes(tag.id) && (!coder || h.coderId === coder.id));
            const row = rows.find((r) => r.tagId === tag.id && r.coderId === (coder?.id ?? null));
            if (coder && mine.length === 0) {
              expect(row).toBeUndefined();
              continue;
            }
            expect(row).toMatchObject({
              highlights: mine.length,
              articles: new Set(mine.map((h) => h.articleId)).size,
              characters: mine.reduce((s, h) => s + h.end - h.start, 0),
            });
          }
      }),
    );
  });

  it('matrix: one cell per article and code with highlights, adding up to every highlight × code', () => {
    fc.assert(
      fc.property(highlights, (list) => {
        const rows = articleMatrix({ articles, highlights: list, tags: TAGS });
        expect(rows.reduce((s, r) => s + r.highlights, 0)).toBe(
          list.reduce((s, h) => s + h.tagIds.length, 0),
        );
        for (const r of rows) {
          expect(r.highlights).toBe(
            list.filter((h) => h.articleId === r.articleId && h.tagIds.includes(r.tagId)).length,
          );
          expect(r.source).toBe(r.articleId === 'art1' || r.articleId === 'art3' ? '新华社' : null);
        }
      }),
    );
  });

  it('timeline: per month and code, undated articles in period null, listed last', () => {
    fc.assert(
      fc.property(highlights, (list) => {
        const rows = timeline({ articles, highlights: list, tags: TAGS }, 'month');
        const periodOf = (id: string) => (id === 'art3' ? null : `2024-0${Number(id.slice(3)) + 1}`);
        for (const r of rows) {
          const mine = list.filter((h) => periodOf(h.articleId) === r.period && h.tagIds.includes(r.tagId));
          expect([r.highlights, r.articles]).toEqual([
            mine.length,
            new Set(mine.map((h) => h.articleId)).size,
          ]);
        }
        const periods = rows.map((r) => r.period);
        const firstNull = periods.indexOf(null);
        if (firstNull >= 0) expect(periods.slice(firstNull).every((p) => p === null)).toBe(true);
        expect(rows.reduce((s, r) => s + r.highlights, 0)).toBe(
          list.reduce((s, h) => s + h.tagIds.length, 0),
        );
      }),
    );
  });
});
