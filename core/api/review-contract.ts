/**
 * API operations of the disagreement review (issue 18): the places where two coders differ for a
 * code (or every code), and decisions written to the consensus coder's own layer (and taken back,
 * for undo). Offsets are code points in the article's current text, as the review shows them.
 */
import { z } from 'zod';
import { op } from './define.js';
import { LIMITS } from '../limits.js';
import type { ReviewReport } from '../agreement/review-session.js';
import type { ConsensusItem } from '../agreement/consensus-layer.js';

export type { ReviewReport, ConsensusItem };

const id = z.string().min(1).max(LIMITS.id);
const offset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** The same choice of articles and codes as the agreement view, for exactly two coders. */
const reviewRequest = z
  .object({
    coders: z.tuple([id, id]).refine(([a, b]) => a !== b, 'two different coders'),
    tagIds: z.array(id).max(1000).optional(),
    withChildren: z.boolean().default(false),
    folder: z.string().max(LIMITS.path).optional(),
    articleIds: z.array(id).min(1).max(100_000).optional(),
    overlap: z.number().gt(0).max(1).default(0.6),
  })
  .strict();

const range = z
  .object({ id, start: offset, end: offset })
  .strict()
  .refine((r) => r.end > r.start, 'a range');
const consensusItems = z
  .object({
    items: z
      .array(
        z
          .object({
            articleId: id,
            tagId: id,
            keep: z.array(range).max(1000),
            dismiss: z.object({ start: offset, end: offset }).strict().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(100_000),
  })
  .strict();

export const reviewContract = {
  reviewDisagreements: op<ReviewReport>()(reviewRequest),
  /** Writes decisions into this machine's consensus layer (a redo writes the same ids again). */
  writeConsensus: op<{ ok: true }>()(consensusItems),
  /** Takes decisions back out of this machine's consensus layer (undo). */
  removeConsensus: op<{ ok: true }>()(consensusItems),
  /** Every match the consensus has not taken yet, written as the span both versions cover. */
  acceptMatches: op<{ items: ConsensusItem[] }>()(reviewRequest),
};
