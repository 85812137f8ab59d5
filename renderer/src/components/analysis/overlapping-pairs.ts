/**
 * The overlapping segment pairs behind a co-occurrence cell: in the same article, a highlight of
 * code A and one of code B whose text overlaps (one highlight carrying both codes is a pair with
 * itself), as the report counts them. "Of code A" means carrying A, or one of its sub-codes when
 * sub-codes are folded into their top-level code.
 */
export interface Segment {
  id: string;
  articleId: string;
  tagIds: readonly string[];
  position: { start: number; end: number };
}

export interface SegmentPair<S extends Segment> {
  a: S;
  b: S;
}

export function overlappingPairs<S extends Segment>(
  segments: readonly S[],
  codesA: ReadonlySet<string>,
  codesB: ReadonlySet<string>,
): SegmentPair<S>[] {
  const has = (s: S, codes: ReadonlySet<string>) => s.tagIds.some((id) => codes.has(id));
  const byArticle = new Map<string, S[]>();
  for (const s of segments) byArticle.set(s.articleId, [...(byArticle.get(s.articleId) ?? []), s]);
  const pairs: SegmentPair<S>[] = [];
  for (const list of byArticle.values()) {
    const withA = list.filter((s) => has(s, codesA));
    const withB = list.filter((s) => has(s, codesB));
    for (const a of withA)
      for (const b of withB) {
        if (a.id === b.id) {
          // The same highlight with both codes: one pair, as long as the two codes differ.
          if (codesA !== codesB) pairs.push({ a, b });
          continue;
        }
        // With a code against itself, each pair of highlights once.
        if (codesA === codesB && a.id > b.id) continue;
        if (a.position.start < b.position.end && b.position.start < a.position.end) pairs.push({ a, b });
      }
  }
  return pairs;
}
