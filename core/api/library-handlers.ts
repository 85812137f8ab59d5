/** Handlers of the library operations: app state, opening folders, listing, reading, searching. */
import { ApiError } from '../errors.js';
import { openSession } from './open-session.js';
import { openedArticle } from './text-version.js';
import type { LibrarySession, ServiceContext } from './service-context.js';
import type { OpOutput, OpParsedInput } from './contract.js';
import type { HandlersOf } from './define.js';
import type { libraryContract, MissingArticle } from './library-contract.js';
import type { ArticleSummary } from '../model.js';

export type LibraryHandlers = HandlersOf<typeof libraryContract>;

export function requireSession(ctx: ServiceContext): LibrarySession {
  if (!ctx.session) throw new ApiError('no-library', 'No library is open. Open a folder first.');
  return ctx.session;
}

/** Opens `folder`, closing the previous library, and records it as the most recent. */
export async function switchLibrary(ctx: ServiceContext, folder: string): Promise<LibrarySession> {
  const next = await openSession(ctx, folder);
  const previous = ctx.session;
  ctx.session = next;
  await previous?.close();
  await ctx.settings.addRecent(next.info.root);
  ctx.emit({ type: 'library-changed', reason: 'opened' });
  return next;
}

/** Articles the store holds highlights for whose file is not in the library, as last seen. */
async function missingArticles(
  session: LibrarySession,
  articles: readonly ArticleSummary[],
  counts: Record<string, number>,
): Promise<MissingArticle[]> {
  const present = new Set(articles.map((a) => a.id));
  const gone = Object.keys(counts).filter((id) => !present.has(id));
  const last = await session.annotations.lastKnown(gone);
  return gone.map((id) => ({
    id,
    title: last.get(id)?.title ?? null,
    path: last.get(id)?.path ?? null,
    annotationCount: counts[id]!,
  }));
}

export function libraryHandlers(ctx: ServiceContext): LibraryHandlers {
  return {
    async getAppState(): Promise<OpOutput<'getAppState'>> {
      return {
        library: ctx.session?.info ?? null,
        recent: ctx.settings.recent,
        preferences: ctx.settings.preferences,
        host: ctx.host,
        nativeDialogs: ctx.dialogs !== null,
        version: ctx.version,
      };
    },

    async chooseLibraryFolder(): Promise<OpOutput<'chooseLibraryFolder'>> {
      const folder = await ctx.dialogs?.pickFolder();
      return folder ? (await switchLibrary(ctx, folder)).info : null;
    },

    async openLibrary({ path }: OpParsedInput<'openLibrary'>): Promise<OpOutput<'openLibrary'>> {
      return (await switchLibrary(ctx, path)).info;
    },

    async listArticles(): Promise<OpOutput<'listArticles'>> {
      const session = requireSession(ctx);
      const list = session.library.list();
      const counts = await session.annotations.counts();
      const count = (id: string): number => (Object.hasOwn(counts, id) ? counts[id]! : 0);
      return {
        ...list,
        articles: list.articles.map((a) => ({ ...a, annotationCount: count(a.id) })),
        missing: list.progress.scanning ? [] : await missingArticles(session, list.articles, counts),
      };
    },

    async getArticle({ id }: OpParsedInput<'getArticle'>): Promise<OpOutput<'getArticle'>> {
      return openedArticle(await requireSession(ctx).library.get(id));
    },

    async search({ query, limit }: OpParsedInput<'search'>): Promise<OpOutput<'search'>> {
      return requireSession(ctx).library.search(query, limit);
    },

    async setPreferences(patch: OpParsedInput<'setPreferences'>): Promise<OpOutput<'setPreferences'>> {
      return ctx.settings.setPreferences(patch);
    },

    async setLibraryOptions(
      options: OpParsedInput<'setLibraryOptions'>,
    ): Promise<OpOutput<'setLibraryOptions'>> {
      const session = requireSession(ctx);
      await ctx.settings.setLibraryOptions(session.info.root, options);
      session.info = { ...session.info, ...options };
      return session.info;
    },
  };
}
