/**
 * Handlers of the coder contract: who is coding here (the process's `--coder`, else the preference,
 * else the OS user), switching coders, and the coders whose work the open library holds.
 */
import { coderNameOf, writerIdentity, type WriterIdentity } from '../settings/coder-identity.js';
import type { coderContract, CoderState } from './coder-contract.js';
import type { HandlersOf } from './define.js';
import type { ServiceContext } from './service-context.js';
import { switchLibrary } from './library-handlers.js';

export type CoderHandlers = HandlersOf<typeof coderContract>;

/** Who writes now in this Gloss: read at every write, so a switch takes effect at once. */
export function currentWriter(ctx: ServiceContext): WriterIdentity {
  const name = coderNameOf(ctx.coderName, ctx.settings.preferences.creator);
  return writerIdentity(name, ctx.settings.currentInstallationId);
}

export async function coderState(ctx: ServiceContext): Promise<CoderState> {
  const { coder, writerId } = currentWriter(ctx);
  const coders = ctx.session ? await ctx.session.annotations.coders() : [];
  return { coder, writerId, asked: ctx.settings.preferences.coderAsked, coders };
}

export function coderHandlers(ctx: ServiceContext): CoderHandlers {
  return {
    async getCoder() {
      return coderState(ctx);
    },

    async setCoder({ name }) {
      const before = currentWriter(ctx).writerId;
      await ctx.settings.setPreferences({ creator: name.trim(), coderAsked: true });
      // The name chosen here wins over the one the process was started with.
      ctx.coderName = null;
      // The store writes one writer folder, chosen when it opens: another coder means reopening.
      if (ctx.session && currentWriter(ctx).writerId !== before)
        await switchLibrary(ctx, ctx.session.info.root);
      ctx.emit({ type: 'coders-changed' });
      // Others' highlights became read-only (or mine): lists show whose they are.
      ctx.emit({ type: 'annotations-changed', articleId: null });
      return coderState(ctx);
    },

    async skipCoderPrompt() {
      await ctx.settings.setPreferences({ coderAsked: true });
      return coderState(ctx);
    },
  };
}
