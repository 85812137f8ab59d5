// The review's places: unmatched highlights that overlap are one place with both versions; a place
// is decided when a consensus highlight with the code overlaps it, or it was dismissed.
import { describe, expect, it } from 'vitest';
import { matchPlaces, reviewPlaces, type ReviewLayers } from '../../../core/agreement/disagreements.js';
import { matchSegments } from '../../../core/agreement/segment-matching.js';
import type { ReviewSegment } from '../../../core/agreement/review-segments.js';

const seg = (id: string, coderId: string, articleId: string, start: number, end: number): ReviewSegment => ({
  id,
  coderId,
  articleId,
  start,
  end,
  tagIds: ['x'],
});

const A = [seg('A1', 'ann', 'a', 0, 10), seg('A2', 'ann', 'a', 20, 40), seg('A3', 'ann', 'b', 5, 9)];
const B = [seg('B1', 'bo', 'a', 1, 10), seg('B2', 'bo', 'a', 35, 60), seg('B3', 'bo', 'a', 70, 80)];
const none: ReviewLayers = { consensus: [], dismissed: [], codeTagIds: new Set(['x']) };

describe('review places', () => {
  it('groups overlapping unmatched highlights of both coders, article by article', () => {
    const places = reviewPlaces(matchSegments(A, B), 'x', none);
    expect(
      places.map((p) => [p.articleId, p.start, p.end, p.a.map((s) => s.id), p.b.map((s) => s.id)]),
    ).toEqual([
      ['a', 20, 60, ['A2'], ['B2']],
      ['a', 70, 80, [], ['B3']],
      ['b', 5, 9, ['A3'], []],
    ]);
    expect(places.every((p) => !p.decided)).toBe(true);
    expect(matchPlaces(matchSegments(A, B), 'x', none).map((p) => [p.start, p.end])).toEqual([[0, 10]]);
  });

  it('is decided by an overlapping consensus highlight with the code (or a child) or a dismissal', () => {
    const layers: ReviewLayers = {
      consensus: [
        { id: 'c1', articleId: 'a', start: 30, end: 35, tagIds: ['child'] },
        { id: 'c2', articleId: 'a', start: 72, end: 75, tagIds: ['other'] },
      ],
      dismissed: [{ articleId: 'b', tagId: 'x', start: 5, end: 9 }],
      codeTagIds: new Set(['x', 'child']),
    };
    const places = reviewPlaces(matchSegments(A, B), 'x', layers);
    expect(places.map((p) => p.decided)).toEqual([true, false, true]);
    expect(places[0]!.consensus.map((c) => c.id)).toEqual(['c1']);
    expect(places[2]!.dismissed).toBe(true);
    // A dismissal of another code settles nothing here.
    const otherCode = reviewPlaces(matchSegments(A, B), 'y', layers);
    expect(otherCode[2]!.decided).toBe(false);
  });
});
