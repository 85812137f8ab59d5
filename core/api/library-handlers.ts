/** Handlers of the library operations: app state, opening folders, listing, reading, searching. */
import { ApiError } from '../errors.js';
import { openSession } from './open-session.js';
import { openedArticle } from './text-version.js';
import type { LibrarySession, ServiceContext } from './service-context.js';
import type { OpOutput, OpParsedInput } from './contract.js';
import type { HandlersOf } from './define.js';
import type { libraryContract, MissingArticle, SearchFilter } from './library-contract.js';
import type { ArticleSummary } from '../model.js';
import { filterArticles } from '../query/article-query.js';

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

/** The ids of the articles the library list's filters leave, or undefined for no filter. */
async function filteredIds(
  session: LibrarySession,
  filter: SearchFilter | undefined,
): Promise<ReadonlySet<string> | undefined> {
  if (!filter || Object.values(filter).every((v) => v === undefined)) return undefined;
  const { tagIds, hasAnnotations, ...rest } = filter;
  let articles = session.library.list().articles;
  if (hasAnnotations !== undefined) {
    const counts = await session.annotations.counts();
    articles = articles.map((a) => ({
      ...a,
      annotationCount: Object.hasOwn(counts, a.id) ? counts[a.id]! : 0,
    }));
  }
  const ids = tagIds?.length ? new Set(await session.annotations.articleIdsWithTags(tagIds)) : undefined;
  return new Set(
    filterArticles(articles, {
      ...rest,
      ...(hasAnnotations !== undefined ? { hasAnnotations } : {}),
      ...(ids ? { ids } : {}),
    }).map((a) => a.id),
  );
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

    async search({
      query,
      filter,
      limit,
      context,
      ...page
    }: OpParsedInput<'search'>): Promise<OpOutput<'search'>> {
      const session = requireSession(ctx);
      const ids = await filteredIds(session, filter);
      const reply = session.library.find(query, { ...page, width: context, ...(ids ? { ids } : {}) });
      return { ...reply, hits: reply.hits.slice(0, limit) };
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
