/**
 * What the disagreement review shows for a code and two coders: their highlights with the code (or
 * a descendant, when asked) in the chosen articles, matched by overlap (segment-matching.ts, the
 * threshold from the options); the unmatched ones are the disagreements to settle. Offsets stay the
 * article's own, as the reader paints them.
 */
import { ApiError } from '../errors.js';
import { codeTagIds, prepareAgreement, type AgreementInput } from './compute-agreement.js';
import { matchSegments, type Segment, type SegmentMatching } from './segment-matching.js';

export interface ReviewSegment extends Segment {
  coderId: string;
  tagIds: readonly string[];
}

export function reviewSegments(
  input: AgreementInput,
  choice: { codeId: string; coderIds: readonly [string, string] },
): SegmentMatching<ReviewSegment> {
  const code = input.codes.find((c) => c.id === choice.codeId);
  if (!code) throw new ApiError('not-found', `No code with id ${choice.codeId} among the codes given.`);
  const [a, b] = choice.coderIds;
  for (const id of choice.coderIds)
    if (!input.coders.some((c) => c.id === id))
      throw new ApiError('not-found', `No coder with id ${id} among the coders given.`);
  if (a === b) throw new ApiError('invalid-input', 'The review compares two different coders.');
  const prepared = prepareAgreement(input);
  const tags = new Set(codeTagIds(code, prepared.withChildren));
  const sides: [ReviewSegment[], ReviewSegment[]] = [[], []];
  let n = 0;
  for (const h of input.highlights) {
    n++;
    const side = h.coderId === a ? sides[0] : h.coderId === b ? sides[1] : null;
    if (!side || !prepared.continuum.byId.has(h.articleId) || !h.tagIds.some((t) => tags.has(t))) continue;
    side.push({ ...h, id: h.id ?? `#${n}` });
  }
  return matchSegments(sides[0], sides[1], prepared.overlap);
}
