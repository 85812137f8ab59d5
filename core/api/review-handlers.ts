/** Handlers of the disagreement review: see core/agreement/review-session.ts and consensus-layer.ts. */
import { randomUUID } from 'node:crypto';
import { reviewReport, undecidedMatches, type ReviewRequest } from '../agreement/review-session.js';
import { removeConsensus, writeConsensus, type ConsensusItem } from '../agreement/consensus-layer.js';
import type { OpParsedInput } from './contract.js';
import { requestOf as agreementRequest } from './agreement-handlers.js';
import type { HandlersOf } from './define.js';
import { requireSession } from './library-handlers.js';
import type { reviewContract } from './review-contract.js';
import type { ServiceContext } from './service-context.js';

export type ReviewHandlers = HandlersOf<typeof reviewContract>;

const requestOf = (input: OpParsedInput<'reviewDisagreements'>): ReviewRequest => ({
  ...agreementRequest(input),
  coders: input.coders,
});

export function reviewHandlers(ctx: ServiceContext): ReviewHandlers {
  /** Every list of highlights may have changed: the consensus layer is another coder's. */
  const changed = (items: readonly ConsensusItem[]) => {
    for (const articleId of new Set(items.map((i) => i.articleId)))
      ctx.emit({ type: 'annotations-changed', articleId });
    ctx.emit({ type: 'coders-changed' });
  };
  return {
    async reviewDisagreements(input) {
      return reviewReport(requireSession(ctx), requestOf(input));
    },

    async writeConsensus({ items }) {
      await writeConsensus(requireSession(ctx), items);
      changed(items);
      return { ok: true };
    },

    async removeConsensus({ items }) {
      await removeConsensus(requireSession(ctx), items);
      changed(items);
      return { ok: true };
    },

    async acceptMatches(input) {
      const session = requireSession(ctx);
      const items: ConsensusItem[] = (await undecidedMatches(session, requestOf(input))).map((m) => ({
        articleId: m.articleId,
        tagId: m.tagId,
        keep: [{ id: randomUUID(), start: m.start, end: m.end }],
      }));
      if (items.length > 0) {
        await writeConsensus(session, items);
        changed(items);
      }
      return { items };
    },
  };
}
