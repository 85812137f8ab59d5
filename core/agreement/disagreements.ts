/**
 * The disagreement review's list (issue 18): for one code and two coders, the places where their
 * highlights do not match (segment-matching.ts), and the matches, each marked decided when the
 * consensus layer already settled it. A place is a cluster of unmatched highlights that overlap
 * one another (A's shorter passage inside B's longer one is one place with two versions), in one
 * article. Decided is derived, never stored: a consensus highlight with the code overlapping the
 * place, or the place dismissed ("keep neither"). Pure; offsets are code points in the article.
 */
import type { ReviewSegment } from './review-segments.js';
import type { SegmentMatching } from './segment-matching.js';

/** A consensus highlight, placed on the article's text as it is now. */
export interface ConsensusSpan {
  id: string;
  articleId: string;
  start: number;
  end: number;
  tagIds: readonly string[];
}

/** A place settled as "keep neither": no consensus highlight, so it is remembered by itself. */
export interface DismissedPlace {
  articleId: string;
  tagId: string;
  start: number;
  end: number;
}

export interface ReviewPlace {
  /** Stable while the highlights are the same: article, code and extent. */
  key: string;
  articleId: string;
  tagId: string;
  start: number;
  end: number;
  a: ReviewSegment[];
  b: ReviewSegment[];
  /** Consensus highlights with the code overlapping the place. */
  consensus: ConsensusSpan[];
  dismissed: boolean;
  decided: boolean;
}

const overlaps = (x: { start: number; end: number }, y: { start: number; end: number }): boolean =>
  x.start < y.end && y.start < x.end;

export function placeKey(articleId: string, tagId: string, start: number, end: number): string {
  return `${articleId}:${tagId}:${start}-${end}`;
}

/** Unmatched highlights of both coders grouped into places: overlapping ones together. */
function clusters(matching: SegmentMatching<ReviewSegment>): { a: ReviewSegment[]; b: ReviewSegment[] }[] {
  const all = [
    ...matching.unmatchedA.map((s) => ({ s, fromA: true })),
    ...matching.unmatchedB.map((s) => ({ s, fromA: false })),
  ].sort(
    (x, y) =>
      (x.s.articleId < y.s.articleId ? -1 : x.s.articleId > y.s.articleId ? 1 : 0) ||
      x.s.start - y.s.start ||
      x.s.end - y.s.end,
  );
  const out: { a: ReviewSegment[]; b: ReviewSegment[]; articleId: string; end: number }[] = [];
  for (const { s, fromA } of all) {
    const last = out[out.length - 1];
    const group =
      last && last.articleId === s.articleId && s.start < last.end
        ? last
        : (out[out.push({ a: [], b: [], articleId: s.articleId, end: s.end }) - 1] as (typeof out)[number]);
    (fromA ? group.a : group.b).push(s);
    group.end = Math.max(group.end, s.end);
  }
  return out;
}

export interface ReviewLayers {
  /** Consensus highlights of the articles reviewed. */
  consensus: readonly ConsensusSpan[];
  dismissed: readonly DismissedPlace[];
  /** The code's tag and, with child codes, its descendants: what counts as the code. */
  codeTagIds: ReadonlySet<string>;
}

function settledBy(
  articleId: string,
  tagId: string,
  extent: { start: number; end: number },
  layers: ReviewLayers,
): { consensus: ConsensusSpan[]; dismissed: boolean } {
  const consensus = layers.consensus.filter(
    (c) => c.articleId === articleId && overlaps(c, extent) && c.tagIds.some((t) => layers.codeTagIds.has(t)),
  );
  const dismissed = layers.dismissed.some(
    (d) => d.articleId === articleId && d.tagId === tagId && overlaps(d, extent),
  );
  return { consensus, dismissed };
}

/** The places where the two coders differ, in article and position order, decided or not. */
export function reviewPlaces(
  matching: SegmentMatching<ReviewSegment>,
  tagId: string,
  layers: ReviewLayers,
): ReviewPlace[] {
  return clusters(matching).map(({ a, b }) => {
    const articleId = (a[0] ?? b[0])!.articleId;
    const start = Math.min(...[...a, ...b].map((s) => s.start));
    const end = Math.max(...[...a, ...b].map((s) => s.end));
    const settled = settledBy(articleId, tagId, { start, end }, layers);
    return {
      key: placeKey(articleId, tagId, start, end),
      articleId,
      tagId,
      start,
      end,
      a,
      b,
      ...settled,
      decided: settled.consensus.length > 0 || settled.dismissed,
    };
  });
}

/** The matched pairs as places (A's and B's version, one each), for "accept all matches". */
export function matchPlaces(
  matching: SegmentMatching<ReviewSegment>,
  tagId: string,
  layers: ReviewLayers,
): ReviewPlace[] {
  return matching.matched.map(({ a, b }) => {
    const start = Math.min(a.start, b.start);
    const end = Math.max(a.end, b.end);
    const settled = settledBy(a.articleId, tagId, { start, end }, layers);
    return {
      key: placeKey(a.articleId, tagId, start, end),
      articleId: a.articleId,
      tagId,
      start,
      end,
      a: [a],
      b: [b],
      ...settled,
      decided: settled.consensus.length > 0 || settled.dismissed,
    };
  });
}
