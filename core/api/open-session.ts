/**
 * Opens a library folder as a session: picks where Gloss's data lives (`<library>/.gloss`, or,
 * when the library is read-only, the app's data folder on top of the library's own `.gloss`,
 * which is then shown read-only), then opens the article index and the annotation store there.
 */
import { access, mkdir, stat, constants } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { ApiError } from '../errors.js';
import type { LibrarySession, ServiceContext } from './service-context.js';
import { currentWriter } from './current-writer.js';
import { openLibrary } from '../library/library.js';
import type { LibraryHandle } from '../library/library-handle.js';
import { openAnnotationService } from '../store/annotation-service.js';
import { fallbackArticleFiles } from '../store/move-fallback.js';
import { refuseSymlink } from '../store/refuse-symlinks.js';

export const DATA_DIR_NAME = '.gloss';

export async function openSession(ctx: ServiceContext, folder: string): Promise<LibrarySession> {
  const root = resolve(folder);
  const info = await stat(root).catch(() => null);
  if (!info) throw new ApiError('not-found', `Folder not found: ${root}`);
  if (!info.isDirectory()) throw new ApiError('invalid-input', `Not a folder: ${root}`);

  const { dataDir, fallback, below } = await chooseDataDir(ctx.appDataDir, root);
  const annotations = await openAnnotationService(dataDir, {
    writer: () => currentWriter(ctx),
    writerFolders: true,
    ...(below ? { readOnlyBelow: below } : {}),
  });
  const unsubscribe = annotations.onExternalChange((change) => {
    if (change.kind === 'codebook') ctx.emit({ type: 'tags-changed' });
    else if (change.kind === 'annotations')
      ctx.emit({ type: 'annotations-changed', articleId: change.articleId });
    else {
      ctx.emit({ type: 'coders-changed' });
      ctx.emit({ type: 'annotations-changed', articleId: null });
    }
  });

  // Which articles with highlights have no file: when that changes (a file deleted or put back),
  // lists that mark them as missing must refresh although no highlight changed.
  let missingNow: string | null = null;
  const noticeMissing = async (): Promise<boolean> => {
    const counts = await annotations.counts();
    const present = new Set(library.list().articles.map((a) => a.id));
    const missing = Object.keys(counts)
      .filter((id) => !present.has(id))
      .sort()
      .join('\n');
    const changed = missingNow !== null && missing !== missingNow;
    missingNow = missing;
    return changed;
  };

  // When files appear or move, annotations of a vanished article follow its body to the new path.
  let relinkTimer: NodeJS.Timeout | undefined;
  const scheduleRelink = () => {
    clearTimeout(relinkTimer);
    relinkTimer = setTimeout(() => {
      annotations
        .relink(library.list().articles)
        .then((result) => result.moved.length > 0)
        .catch(() => false)
        .then(async (moved) => (await noticeMissing().catch(() => false)) || moved)
        .then((changed) => {
          if (changed) ctx.emit({ type: 'annotations-changed', articleId: null });
        })
        .catch(() => undefined);
    }, 300);
  };

  let library: LibraryHandle;
  try {
    await refuseSymlink(join(dataDir, 'cache'));
    library = await openLibrary(root, {
      cacheDir: join(dataDir, 'cache'),
      watch: ctx.watch,
      onChange: (reason) => {
        ctx.emit({ type: 'library-changed', reason });
        scheduleRelink();
      },
      onProgress: (p) => ctx.emit({ type: 'scan-progress', done: p.done, total: p.total }),
    });
  } catch (err) {
    unsubscribe();
    await annotations.close();
    throw err;
  }
  // The reports read the store's highlight facts (highlight-facts.ts), built on first use: built
  // here, once the library is open and while the user reads, the first look at the Analysis view
  // does not wait for them (a few hundred ms at 100,000 highlights on a busy machine).
  const warmFacts = setTimeout(() => void annotations.highlightFacts().catch(() => undefined), 1_000);
  warmFacts.unref();
  return {
    info: {
      root,
      name: basename(root) || root,
      dataDir,
      dataDirFallback: fallback,
      loadRemoteImages: ctx.settings.libraryOptions(root).loadRemoteImages,
    },
    library,
    annotations,
    async close() {
      clearTimeout(relinkTimer);
      clearTimeout(warmFacts);
      unsubscribe();
      await Promise.allSettled([library.close(), annotations.close()]);
    },
  };
}

/** Where highlights made while the library `root` is read-only are kept, in the app's data. */
export function fallbackDataDir(appDataDir: string, root: string): string {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return join(appDataDir, 'libraries', key);
}

/**
 * `<root>/.gloss` when we may write there; else a per-library folder in the app's data, with the
 * library's own `.gloss` (when it has one) below it, read-only, so its highlights still show.
 * When the folder is writable again but that app-data folder still holds highlights, it stays on
 * top (and is written to) until the user moves it in: what it holds is never hidden meanwhile.
 */
async function chooseDataDir(
  appDataDir: string,
  root: string,
): Promise<{ dataDir: string; fallback: boolean; below: string | null }> {
  const inside = join(root, DATA_DIR_NAME);
  // A `.gloss` that is a link would put the highlights wherever it points: refused, never followed.
  await refuseSymlink(inside);
  const dataDir = fallbackDataDir(appDataDir, root);
  try {
    await mkdir(inside, { recursive: true });
    await access(inside, constants.W_OK);
  } catch {
    await mkdir(dataDir, { recursive: true });
    const existing = await stat(inside).catch(() => null);
    return { dataDir, fallback: true, below: existing?.isDirectory() ? inside : null };
  }
  if ((await fallbackArticleFiles(dataDir)) > 0) return { dataDir, fallback: false, below: inside };
  return { dataDir: inside, fallback: false, below: null };
}

/** The session shows the app-data fallback over a library that can be written: it is to be moved in. */
export function fallbackPending(session: LibrarySession): boolean {
  return !session.info.dataDirFallback && session.info.dataDir !== join(session.info.root, DATA_DIR_NAME);
}
