// The Analysis area's rules without a browser: what scope a choice asks the host for, and which
// segment pairs a co-occurrence cell shows.
import { describe, expect, it } from 'vitest';
import { scopeOf } from '../../../renderer/src/components/analysis/analysis-scope.js';
import {
  overlappingPairs,
  type Segment,
} from '../../../renderer/src/components/analysis/overlapping-pairs.js';
import { chartFileName } from '../../../renderer/src/components/analysis/use-analysis-export.js';

describe('the scope of the analysis', () => {
  const choice = { coderIds: ['alice'], articles: { kind: 'listed' }, foldToParents: true } as const;

  it('sends the listed articles only when the list is filtered', () => {
    expect(scopeOf(choice, ['a', 'b'], 5)).toEqual({
      coders: ['alice'],
      foldToParents: true,
      articleIds: ['a', 'b'],
    });
    expect(scopeOf(choice, ['a', 'b'], 2)).toEqual({ coders: ['alice'], foldToParents: true });
  });

  it('asks for nothing without a coder or with an empty list', () => {
    expect(scopeOf({ ...choice, coderIds: [] }, ['a'], 5)).toBeNull();
    expect(scopeOf(choice, [], 5)).toBeNull();
  });

  it('names a set, or the whole library', () => {
    expect(scopeOf({ ...choice, articles: { kind: 'set', name: '样本' } }, [], 5)).toMatchObject({
      set: '样本',
    });
    expect(scopeOf({ ...choice, articles: { kind: 'all' } }, [], 5)).not.toHaveProperty('articleIds');
  });
});

describe('overlapping pairs', () => {
  const seg = (id: string, articleId: string, tagIds: string[], start: number, end: number): Segment => ({
    id,
    articleId,
    tagIds,
    position: { start, end },
  });
  const A = new Set(['a', 'a.child']);
  const B = new Set(['b']);

  it('pairs highlights of the two codes whose text overlaps, in the same article only', () => {
    const pairs = overlappingPairs(
      [
        seg('1', 'x', ['a'], 0, 10),
        seg('2', 'x', ['b'], 5, 15),
        seg('3', 'x', ['b'], 10, 20), // touches, does not overlap
        seg('4', 'y', ['b'], 0, 10), // another article
        seg('5', 'x', ['a.child'], 12, 14),
      ],
      A,
      B,
    );
    expect(pairs.map((p) => `${p.a.id}-${p.b.id}`).sort()).toEqual(['1-2', '5-2', '5-3']);
  });

  it('counts one highlight carrying both codes as a pair with itself', () => {
    expect(overlappingPairs([seg('1', 'x', ['a', 'b'], 0, 5)], A, B)).toHaveLength(1);
  });

  it('counts each pair once for a code against itself', () => {
    const pairs = overlappingPairs([seg('1', 'x', ['a'], 0, 5), seg('2', 'x', ['a'], 3, 8)], A, A);
    expect(pairs).toHaveLength(1);
  });
});

it('names chart files by library, view and day, as the same table’s CSV', () => {
  expect(chartFileName('新闻 2024', 'matrix', 'png', new Date('2026-12-03T10:00:00Z'))).toBe(
    '新闻 2024-matrix-2026-12-03.png',
  );
  expect(chartFileName('a/b:c', 'timeline', 'svg', new Date('2026-12-03T10:00:00Z'))).toBe(
    'a_b_c-timeline-2026-12-03.svg',
  );
});
