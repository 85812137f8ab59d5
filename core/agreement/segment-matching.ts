/**
 * Segment matching for the disagreement review, MAXQDA's way: a highlight of coder A and one of
 * coder B (same article, same code) match when they overlap by at least `threshold` of the longer
 * one (default 0.6). Each highlight is matched at most once: candidates are paired best first
 * (largest share of the longer one, then largest overlap, then position), so a highlight that
 * could match two of the other's goes to the closer one and the other stays a disagreement.
 *
 * Candidates come from a sweep over each article's highlights sorted by start, which only ever
 * compares highlights that overlap; `matchSegmentsNaive` compares all pairs, for tests.
 */

export interface Segment {
  /** The highlight's id. */
  id: string;
  articleId: string;
  /** Code-point offsets in the article's text, half-open. */
  start: number;
  end: number;
}

export interface SegmentMatch<S extends Segment = Segment> {
  a: S;
  b: S;
  /** Code points both cover. */
  overlap: number;
  /** overlap / length of the longer one. */
  share: number;
}

export interface SegmentMatching<S extends Segment = Segment> {
  matched: SegmentMatch<S>[];
  /** A's highlights without a match, in article and position order. */
  unmatchedA: S[];
  unmatchedB: S[];
}

export const DEFAULT_OVERLAP = 0.6;

function checkThreshold(threshold: number): void {
  if (!(threshold > 0 && threshold <= 1))
    throw new RangeError(`The overlap threshold must be above 0 and at most 1 (got ${threshold}).`);
}

function candidate<S extends Segment>(a: S, b: S, threshold: number): SegmentMatch<S> | null {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (overlap <= 0) return null;
  const share = overlap / Math.max(a.end - a.start, b.end - b.start);
  return share >= threshold ? { a, b, overlap, share } : null;
}

const byPlace = (x: Segment, y: Segment): number =>
  (x.articleId < y.articleId ? -1 : x.articleId > y.articleId ? 1 : 0) ||
  x.start - y.start ||
  x.end - y.end ||
  (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Pairs candidates best first, each highlight once; what is left is unmatched. */
function pairUp<S extends Segment>(
  candidates: SegmentMatch<S>[],
  a: readonly S[],
  b: readonly S[],
): SegmentMatching<S> {
  candidates.sort(
    (x, y) => y.share - x.share || y.overlap - x.overlap || byPlace(x.a, y.a) || byPlace(x.b, y.b),
  );
  const usedA = new Set<S>();
  const usedB = new Set<S>();
  const matched: SegmentMatch<S>[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    matched.push(c);
  }
  matched.sort((x, y) => byPlace(x.a, y.a));
  return {
    matched,
    unmatchedA: a.filter((s) => !usedA.has(s)).sort(byPlace),
    unmatchedB: b.filter((s) => !usedB.has(s)).sort(byPlace),
  };
}

/** Checks the threshold and leaves out empty highlights (they cover nothing to agree on). */
function prepare<S extends Segment>(a: readonly S[], b: readonly S[], threshold: number): [S[], S[]] {
  checkThreshold(threshold);
  return [a.filter((s) => s.end > s.start), b.filter((s) => s.end > s.start)];
}

/** Matches two coders' highlights of one code (empty highlights are ignored). */
export function matchSegments<S extends Segment>(
  a: readonly S[],
  b: readonly S[],
  threshold = DEFAULT_OVERLAP,
): SegmentMatching<S> {
  const [listA, listB] = prepare(a, b, threshold);
  const events = [...listA.map((s) => ({ s, fromA: true })), ...listB.map((s) => ({ s, fromA: false }))];
  events.sort((x, y) => byPlace(x.s, y.s));
  const candidates: SegmentMatch<S>[] = [];
  // Highlights seen so far that may still overlap what comes next, per coder.
  let activeA: S[] = [];
  let activeB: S[] = [];
  for (const { s, fromA } of events) {
    const keep = (t: S): boolean => t.articleId === s.articleId && t.end > s.start;
    activeA = activeA.filter(keep);
    activeB = activeB.filter(keep);
    for (const t of fromA ? activeB : activeA) {
      const c = fromA ? candidate(s, t, threshold) : candidate(t, s, threshold);
      if (c) candidates.push(c);
    }
    (fromA ? activeA : activeB).push(s);
  }
  return pairUp(candidates, listA, listB);
}

/** The same matching from every pair of highlights: the reference the sweep is tested against. */
export function matchSegmentsNaive<S extends Segment>(
  a: readonly S[],
  b: readonly S[],
  threshold = DEFAULT_OVERLAP,
): SegmentMatching<S> {
  const [listA, listB] = prepare(a, b, threshold);
  const candidates: SegmentMatch<S>[] = [];
  for (const x of listA)
    for (const y of listB) {
      const c = x.articleId === y.articleId ? candidate(x, y, threshold) : null;
      if (c) candidates.push(c);
    }
  return pairUp(candidates, listA, listB);
}
