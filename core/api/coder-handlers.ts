/**
 * Handlers of the coder contract: who is coding here (the process's `--coder`, else the preference,
 * else the OS user), switching coders, and the coders whose work the open library holds.
 */
import type { coderContract, CoderState } from './coder-contract.js';
import type { HandlersOf } from './define.js';
import type { ServiceContext } from './service-context.js';
import { currentWriter } from './current-writer.js';
import { openSession } from './open-session.js';

export type CoderHandlers = HandlersOf<typeof coderContract>;

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
      if (ctx.session && currentWriter(ctx).writerId !== before) await reopenAsCoder(ctx);
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

/**
 * The store writes one writer folder, chosen when it opens: another coder means opening the library
 * again. The UI keeps its place (the same library, listed before the switch), so no 'opened' event.
 */
async function reopenAsCoder(ctx: ServiceContext): Promise<void> {
  const previous = ctx.session!;
  const next = await openSession(ctx, previous.info.root);
  await next.library.whenListed();
  ctx.session = next;
  await previous.close();
  ctx.emit({ type: 'tags-changed' });
}
