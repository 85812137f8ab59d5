// Segment matching for the disagreement review (MAXQDA's way): two coders' highlights match when they
// overlap by at least a share of the longer one; the sweep against all pairs on random highlights.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  matchSegments,
  matchSegmentsNaive,
  type Segment,
  type SegmentMatching,
} from '../../../core/agreement/segment-matching.js';

const seg = (id: string, start: number, end: number, articleId = 'art'): Segment => ({
  id,
  articleId,
  start,
  end,
});
const ids = (m: SegmentMatching): { matched: string[]; a: string[]; b: string[] } => ({
  matched: m.matched.map((x) => `${x.a.id}=${x.b.id}`),
  a: m.unmatchedA.map((s) => s.id),
  b: m.unmatchedB.map((s) => s.id),
});

describe('segment matching', () => {
  it('matches at 60 % of the longer highlight by default, not below', () => {
    // Overlap 6 of the longer 10: a match; overlap 5 of 10: not.
    expect(ids(matchSegments([seg('a1', 0, 10)], [seg('b1', 4, 10)]))).toEqual({
      matched: ['a1=b1'],
      a: [],
      b: [],
    });
    expect(ids(matchSegments([seg('a1', 0, 10)], [seg('b1', 5, 12)]))).toEqual({
      matched: [],
      a: ['a1'],
      b: ['b1'],
    });
  });

  it('takes the threshold as a setting, and refuses one outside (0, 1]', () => {
    expect(matchSegments([seg('a1', 0, 10)], [seg('b1', 5, 12)], 0.5).matched).toHaveLength(1);
    expect(matchSegments([seg('a1', 0, 10)], [seg('b1', 0, 9)], 1).matched).toHaveLength(0);
    expect(() => matchSegments([], [], 0)).toThrow(RangeError);
    expect(() => matchSegments([], [], 1.5)).toThrow(RangeError);
  });

  it('never matches highlights of two articles', () => {
    expect(matchSegments([seg('a1', 0, 10, 'x')], [seg('b1', 0, 10, 'y')]).matched).toEqual([]);
  });

  it('matches each highlight once, with the closer of two candidates', () => {
    const r = matchSegments([seg('a1', 0, 10)], [seg('b1', 0, 7), seg('b2', 0, 9)]);
    expect(ids(r)).toEqual({ matched: ['a1=b2'], a: [], b: ['b1'] });
    expect(r.matched[0]!.share).toBeCloseTo(0.9, 12);
  });

  it('lists the unmatched of each coder in article and position order', () => {
    const r = matchSegments(
      [seg('a2', 50, 60, 'q'), seg('a1', 0, 10, 'p'), seg('a3', 20, 30, 'p')],
      [seg('b1', 21, 30, 'p')],
    );
    expect(ids(r)).toEqual({ matched: ['a3=b1'], a: ['a1', 'a2'], b: [] });
  });
});

describe('segment matching, properties', () => {
  const segments = (prefix: string): fc.Arbitrary<Segment[]> =>
    fc
      .array(fc.tuple(fc.constantFrom('p', 'q'), fc.nat({ max: 40 }), fc.nat({ max: 15 })), { maxLength: 12 })
      .map((list) => list.map(([art, s, l], i) => seg(`${prefix}${i}`, s, s + l, art)));
  const threshold = fc.constantFrom(0.3, 0.5, 0.6, 0.8, 1);

  it('the sweep finds the same matches as comparing all pairs', () => {
    fc.assert(
      fc.property(segments('a'), segments('b'), threshold, (a, b, t) => {
        expect(ids(matchSegments(a, b, t))).toEqual(ids(matchSegmentsNaive(a, b, t)));
      }),
      { numRuns: 300 },
    );
  });

  it('each highlight is matched at most once, every match meets the threshold, nothing is lost', () => {
    fc.assert(
      fc.property(segments('a'), segments('b'), threshold, (a, b, t) => {
        const r = matchSegments(a, b, t);
        for (const m of r.matched) expect(m.share).toBeGreaterThanOrEqual(t);
        const seenA = [...r.matched.map((m) => m.a.id), ...r.unmatchedA.map((s) => s.id)];
        expect(new Set(seenA).size).toBe(seenA.length);
        expect(seenA.length).toBe(a.filter((s) => s.end > s.start).length);
        const self = matchSegments(
          a,
          a.map((s) => ({ ...s, id: `copy-${s.id}` })),
          t,
        );
        expect(self.unmatchedA).toEqual([]);
      }),
    );
  });
});
