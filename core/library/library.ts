/**
 * An open library folder: scans it (library-scan.ts: the parse cache, the article list and the
 * search index), keeps them current as files change, and opens articles on demand (cleaned
 * lazily, with the last few kept). Plain Node; never writes into the user's folder, only into
 * `opts.cacheDir`.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ApiError } from '../errors.js';
import type { Article, ArticleSummary, ScanProgress, SearchHit, SearchReply } from '../model.js';
import { runSearch, type SearchOptions } from '../search/run-search.js';
import { CLEANER_VERSION } from '../clean/clean-article.js';
import type { StoredArticle } from './doc-cache.js';
import type { ArticleText, LibraryHandle, LibraryOpenOptions } from './library-handle.js';
import { loadArticle } from './load-article.js';
import type { CacheEntry } from './parse-cache.js';
import { isArticleFile } from './article-files.js';
import { MAX_ARTICLE_BYTES, type FileInfo } from './read-article.js';
import { isIgnoredName } from './scan-folder.js';
import type { WatchEvent } from './watch-folder.js';
import { ScannedLibrary } from './library-scan.js';

export async function openLibrary(rootPath: string, opts: LibraryOpenOptions): Promise<LibraryHandle> {
  const root = resolve(rootPath);
  try {
    if (!(await stat(root)).isDirectory()) throw new ApiError('invalid-input', `Not a folder: ${root}`);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('not-found', `Cannot open the library folder: ${root}`);
  }
  const library = new Library(root, opts);
  await library.start();
  return library;
}

class Library extends ScannedLibrary implements LibraryHandle {
  // ---- watching -------------------------------------------------------------------------------

  private relPathOf(abs: string): string | null {
    const rel = relative(this.root, abs);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
    return rel.split(sep).join('/');
  }

  protected onWatchEvent(event: WatchEvent, abs: string): void {
    if (this.closed) return;
    if (this.queuedEvents) {
      this.queuedEvents.push([event, abs]);
      return;
    }
    if (event === 'unlinkDir' && resolve(abs) === this.root) {
      void this.onRootGone();
      return;
    }
    const rel = this.relPathOf(abs);
    if (rel === null || rel.split('/').some(isIgnoredName)) return;
    if (event === 'unlinkDir') {
      const ids: string[] = [];
      for (const path of [...this.entries.keys()]) {
        if (path.startsWith(rel + '/')) {
          const id = this.remove(path);
          if (id) ids.push(id);
        }
      }
      if (ids.length) this.changed(ids);
      return;
    }
    if (!isArticleFile(rel)) return;
    if (event === 'unlink') {
      const id = this.remove(rel);
      if (id) this.changed([id]);
      return;
    }
    void this.refreshFile(abs, rel);
  }

  private async refreshFile(abs: string, rel: string): Promise<void> {
    let info: FileInfo;
    try {
      const st = await stat(abs);
      if (!st.isFile()) return;
      info = { relPath: rel, size: st.size, mtimeMs: st.mtimeMs };
    } catch {
      const id = this.remove(rel);
      if (id) this.changed([id]);
      return;
    }
    const entry = await this.readEntry({ ...info, absPath: abs });
    if (this.closed) return;
    const oldId = this.entries.get(rel)?.summary.id;
    this.put(entry);
    const newId = this.entries.get(rel)?.summary.id as string;
    this.changed(oldId && oldId !== newId ? [oldId, newId] : [newId]);
  }

  private changed(ids: string[]): void {
    this.scheduleCacheSave();
    this.opts.onChange?.('watch', ids);
  }

  protected async onWatchError(err: unknown): Promise<void> {
    try {
      await stat(this.root);
      this.errors.push(`Watching the folder failed: ${(err as Error).message ?? String(err)}`);
    } catch {
      await this.onRootGone();
    }
  }

  private async onRootGone(): Promise<void> {
    if (this.errors.some((e) => e.startsWith('The library folder was removed'))) return;
    this.errors.push(`The library folder was removed or is no longer reachable: ${this.root}`);
    const ids = [...this.pathById.keys()];
    for (const path of [...this.entries.keys()]) this.remove(path);
    this.opts.onChange?.('watch', ids);
  }

  // ---- LibraryHandle --------------------------------------------------------------------------

  list(): { articles: ArticleSummary[]; progress: ScanProgress; errors: string[] } {
    return {
      articles: [...this.entries.values()].map((e) => e.summary),
      progress: { ...this.progress },
      errors: [...this.errors],
    };
  }

  async get(id: string): Promise<Article> {
    const path = this.pathById.get(id);
    const entry = path === undefined ? undefined : this.entries.get(path);
    if (path === undefined || !entry) throw new ApiError('not-found', `No article with id ${id}`);
    const { summary } = entry;
    const key = `${summary.mtimeMs}:${summary.size}`;
    const recent = this.recent.get(id, key);
    if (recent) return recent;
    const loadKey = `${id}:${key}`;
    const inFlight = this.loading.get(loadKey);
    if (inFlight) return inFlight;
    const load = this.load(id, key, path, entry).finally(() => this.loading.delete(loadKey));
    this.loading.set(loadKey, load);
    return load;
  }

  /** Cleans (or reads from the document cache) one article and remembers it among the recent. */
  private async load(id: string, key: string, path: string, entry: CacheEntry): Promise<Article> {
    const { summary } = entry;
    // The cleaned-document cache first; the cleaner only when it has no fresh entry.
    let stored: StoredArticle | null = this.docs.read(summary);
    if (!stored) {
      let loaded: Article;
      try {
        loaded = await loadArticle(join(this.root, ...path.split('/')), {
          relPath: path,
          size: summary.size,
          mtimeMs: summary.mtimeMs,
        });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new ApiError('not-found', `The file of this article is gone: ${path}`);
        throw new ApiError('io', `Cannot read ${path}: ${(err as Error).message}`);
      }
      if (summary.size <= MAX_ARTICLE_BYTES) this.docs.write(summary, loaded); // in the background
      stored = loaded;
    }
    // Keep the list's identity (id, annotation count) and warnings from the scan.
    const article: Article = { ...stored, id: summary.id, annotationCount: summary.annotationCount };
    this.recent.set(id, key, article);
    // Keep its text and meta, so exports need not clean it again (getText).
    if (
      (entry.textCleanerVersion !== CLEANER_VERSION || !entry.cleanMeta) &&
      this.entries.get(path) === entry
    ) {
      if (entry.searchText !== article.doc.text)
        this.index.set(summary.id, path, summary.title, article.doc.text);
      entry.searchText = article.doc.text;
      entry.textCleanerVersion = CLEANER_VERSION;
      entry.cleanMeta = article.meta;
      this.scheduleCacheSave();
    }
    return article;
  }

  async getText(id: string): Promise<ArticleText> {
    this.fillCachedTexts();
    const path = this.pathById.get(id);
    const entry = path === undefined ? undefined : this.entries.get(path);
    if (entry?.textCleanerVersion === CLEANER_VERSION && entry.cleanMeta) {
      return { summary: entry.summary, meta: entry.cleanMeta, text: entry.searchText };
    }
    const article = await this.get(id);
    return {
      summary: this.entries.get(article.path)?.summary ?? article,
      meta: article.meta,
      text: article.doc.text,
    };
  }

  idForPath(p: string): string {
    const abs = isAbsolute(p) ? resolve(p) : resolve(this.root, p);
    const rel = this.relPathOf(abs);
    if (rel === null) throw new ApiError('outside-library', `Not inside the library: ${p}`);
    const entry = this.entries.get(rel);
    if (!entry) throw new ApiError('not-found', `No article at ${rel}`);
    return entry.summary.id;
  }

  search(query: string, limit: number): { hits: SearchHit[]; total: number; totalCapped: boolean } {
    this.fillCachedTexts();
    return this.index.search(query, Math.max(0, limit));
  }

  find(query: string, options: SearchOptions = {}): SearchReply {
    this.fillCachedTexts();
    return runSearch(this.index, query, options);
  }

  whenScanned(): Promise<void> {
    return this.scanPromise;
  }

  whenWatching(): Promise<void> {
    return this.watcher?.ready ?? Promise.resolve();
  }

  whenListed(): Promise<void> {
    return this.listedPromise;
  }

  whenCleaned(): Promise<void> {
    return this.cleanedPromise;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.cacheSaveTimer) clearTimeout(this.cacheSaveTimer);
    void this.pool?.close();
    this.index.stopBackground();
    await this.watcher?.close();
    await this.scanPromise;
    await this.cleanedPromise;
    this.fillCachedTexts();
    await this.cacheWrite;
    await this.saveCache();
    await this.docs.close();
  }
}
