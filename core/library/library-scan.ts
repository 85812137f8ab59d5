/**
 * The scanning half of an open library: walks the folder, reads each article's metadata (from the
 * parse cache when the file is unchanged, else on the main thread or in parse workers), fills the
 * article list and the search index (with each article's quick text), and keeps the parse cache
 * saved. Once the list is complete and searchable, a background pass replaces each quick text by
 * the article's canonical cleaned text (index-article.ts), persisted in the parse cache so a warm
 * reopen has it. `library.ts` adds watching and opening articles on top.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import type { ScanProgress } from '../model.js';
import type { Article } from '../model.js';
import { SearchIndex } from '../search/search-index.js';
import { CLEANER_VERSION } from '../clean/clean-article.js';
import { idFromPath } from './article-id.js';
import { canonicalText, parseForIndex } from './index-article.js';
import { DocCache } from './doc-cache.js';
import { libraryProblem } from './library-problems.js';
import type { LibraryOpenOptions } from './library-handle.js';
import {
  cacheFileFor,
  isFresh,
  loadParseCache,
  saveParseCache,
  type CacheEntry,
  type LoadedCache,
} from './parse-cache.js';
import { parseInOrder } from './parse-in-order.js';
import { defaultWorkerSpec, ParsePool } from './parse-pool.js';
import { readArticleFile, readArticleFileSync, readArticleHeadSync } from './read-article.js';
import { RecentArticles } from './recent-articles.js';
import { scanFolder, yieldToEventLoop, type ScannedFile } from './scan-folder.js';
import type { ParsedFile } from './pack-texts.js';
import { watchFolder, type FolderWatcher, type WatchEvent } from './watch-folder.js';

/** Longest stretch of synchronous scanning before other work gets a turn. */
const SLICE_MS = 15;
const PROGRESS_EVERY_MS = 100;
/** Below this many files to read, the main thread is done before a worker would have started. */
const MIN_FILES_FOR_WORKERS = 200;
const MAX_WORKERS = 3;
/**
 * Cleaning progress is reported this often: it lasts minutes on a large library, and each report
 * makes the window ask for the article list again.
 */
const CLEAN_PROGRESS_EVERY_MS = 2000;
/** While cleaning for search, the parse cache is saved this often (writing it costs a moment). */
const CLEAN_SAVE_EVERY_MS = 20_000;

/** Size and mtime of a file listed without them whose head could not be read (0 if gone). */
function statLater(file: ScannedFile): void {
  try {
    const st = statSync(file.absPath);
    file.size = st.size;
    file.mtimeMs = st.mtimeMs;
  } catch {
    file.size = 0;
    file.mtimeMs = 0;
  }
}

/** What went wrong, from whatever was thrown. */
const messageOf = (err: unknown): string => (err as Error)?.message ?? String(err);

export abstract class ScannedLibrary {
  /** By relative path. */
  protected readonly entries = new Map<string, CacheEntry>();
  protected readonly pathById = new Map<string, string>();
  protected readonly index = new SearchIndex({ onError: (message) => this.errors.push(message) });
  protected readonly recent = new RecentArticles(8);
  /** Loads under way, by id and file version: the reader asks for an article and its highlights at
   * once, and both requests need it cleaned; one cleaning serves them. */
  protected readonly loading = new Map<string, Promise<Article>>();
  /** Cleaned articles on disk, so opening or exporting an article again does not clean it. */
  protected readonly docs: DocCache;
  protected errors: string[] = [];
  protected progress: ScanProgress = { done: 0, total: 0, scanning: true };
  protected scanPromise: Promise<void> = Promise.resolve();
  protected watcher: FolderWatcher | null = null;
  /** Watch events that arrive during the first scan are replayed after it. */
  protected queuedEvents: [WatchEvent, string][] | null = [];
  protected cacheDirty = false;
  protected cacheSaveTimer: NodeJS.Timeout | null = null;
  protected closed = false;
  /** A cache whose search texts are not in the index yet. */
  protected pendingTexts: LoadedCache | null = null;
  protected cacheWrite: Promise<void> = Promise.resolve();
  /** Set when the cache turned out unusable: the next save empties it so the next open rebuilds. */
  protected cacheBroken = false;
  /** Parse workers, during a scan that has files to read. */
  protected pool: ParsePool | null = null;
  /** Settles once every file found is in the list (the scan may still parse them for search). */
  protected resolveListed: () => void = () => undefined;
  protected readonly listedPromise = new Promise<void>((resolve) => (this.resolveListed = resolve));
  /** Settles once every article's search text is its canonical cleaned text (or closing stopped it). */
  protected resolveCleaned: () => void = () => undefined;
  protected readonly cleanedPromise = new Promise<void>((resolve) => (this.resolveCleaned = resolve));

  constructor(
    readonly root: string,
    protected readonly opts: LibraryOpenOptions,
  ) {
    this.docs = new DocCache(opts.cacheDir, root);
  }

  async start(): Promise<void> {
    // Read the cache while the folder is walked: a reopen waits for the longer of the two only.
    const cached = loadParseCache(this.opts.cacheDir, this.root);
    if (this.opts.watch) {
      this.watcher = watchFolder(
        this.root,
        (event, abs) => this.onWatchEvent(event, abs),
        (err) => void this.onWatchError(err),
      );
    }
    this.scanPromise = this.scan(cached).catch((err: unknown) => {
      this.errors.push(libraryProblem('scan-failed', { reason: (err as Error).message }));
      this.progress = { ...this.progress, scanning: false };
      this.resolveCleaned(); // no cleaning pass after a failed scan
    });
    void this.scanPromise.then(() => {
      this.resolveListed();
      if (this.closed) this.resolveCleaned();
    });
  }

  // ---- scanning -------------------------------------------------------------------------------

  protected async scan(loadingCache: Promise<LoadedCache>): Promise<void> {
    // Without a cache file, every file is opened below anyway: its size and mtime come from there.
    const statFiles = existsSync(cacheFileFor(this.opts.cacheDir, this.root));
    const [cache, { files, errors }] = await Promise.all([
      loadingCache,
      scanFolder(this.root, undefined, { statFiles }),
    ]);
    const cached = cache.entries;
    this.errors.push(...errors);
    if (files.length === 0 && errors.length === 0) this.errors.push(libraryProblem('no-articles'));
    this.progress = { done: 0, total: files.length, scanning: true, phase: 'listing' };
    this.reportProgress(true);

    const misses = await this.listFiles(files, cached);
    // Entries that came from the cache get their search text (and so their place in the search
    // index) just after the scan, or at once if a search comes first: a reopen does not wait for it.
    this.pendingTexts = cache;
    this.resolveListed();

    // Then the files not in the cache are parsed in full, for their search text and fingerprint,
    // in worker threads and, in slices of ~15 ms, on this thread (see parse-in-order.ts), yielding
    // in between so list() and progress stay live. The workers start only now: starting them
    // during the listing slowed it by a quarter on 2 cores (loading their modules takes a core).
    this.progress = { done: 0, total: misses.length, scanning: misses.length > 0, phase: 'indexing' };
    this.reportProgress(true);
    this.pool = this.startPool(misses.length);
    let lastReport = Date.now();
    try {
      await parseInOrder(misses, () => true, {
        pool: this.pool,
        sliceMs: SLICE_MS,
        stopped: () => this.closed,
        onFile: (_file, parsed) => {
          this.put({ ...(parsed as ParsedFile), textCleanerVersion: null, cleanMeta: null });
          this.cacheDirty = true;
          this.progress.done++;
          const now = Date.now();
          if (now - lastReport >= PROGRESS_EVERY_MS) {
            lastReport = now;
            this.reportProgress(false);
          }
        },
      });
    } finally {
      void this.pool?.close();
      this.pool = null;
    }
    this.progress = { done: files.length, total: files.length, scanning: false };
    this.reportProgress(true);
    if (cached.size !== this.entries.size) this.cacheDirty = true;
    if (this.closed) return;
    setImmediate(() => {
      // Nothing may throw out of a timer (it would kill the host): a failure is a library error.
      try {
        this.fillCachedTexts();
        this.index.prepare(); // build the search index now rather than on the first query
      } catch (err) {
        this.errors.push(libraryProblem('search-prepare-failed', { reason: messageOf(err) }));
      }
      // Only after the cached texts are in: filling them would overwrite cleaned texts.
      this.cleanTexts()
        .catch((err: unknown) => {
          this.errors.push(libraryProblem('search-clean-failed', { reason: messageOf(err) }));
        })
        // The cleaned texts indexed now, not on the next query; then the index's background work.
        .then(() => {
          if (this.closed) return;
          this.index.prepare();
          return this.index.whenComplete();
        })
        .catch((err: unknown) => {
          const problem = libraryProblem('search-prepare-failed', { reason: messageOf(err) });
          if (!this.errors.includes(problem)) this.errors.push(problem); // as after the scan, once
        })
        .finally(() => this.resolveCleaned());
    });
    // Written in the background: the list is complete now, the cache only matters next time.
    this.cacheWrite = this.saveCache().then(() => this.docs.prune(this.entries.keys()));
    this.opts.onChange?.('scan', [...this.pathById.keys()]);
    const queued = this.queuedEvents ?? [];
    this.queuedEvents = null;
    for (const [event, abs] of queued) this.onWatchEvent(event, abs);
  }

  /**
   * Phase one of a scan: every file into the list, in order. Cached entries as they are; other
   * files from their first few KB (readArticleHeadSync: metadata without search text), or parsed
   * whole when the head is not enough. Returns the files still to parse in full.
   */
  protected async listFiles(
    files: readonly ScannedFile[],
    cached: ReadonlyMap<string, CacheEntry>,
  ): Promise<ScannedFile[]> {
    const misses: ScannedFile[] = [];
    let sliceStart = Date.now();
    let lastReport = sliceStart;
    for (const file of files) {
      if (this.closed) break;
      const entry = cached.get(file.relPath);
      if (isFresh(entry, file.size, file.mtimeMs)) this.put(entry, true);
      else {
        const head = readArticleHeadSync(file.absPath, file);
        if (file.size < 0) statLater(file);
        const parsed = head ?? readArticleFileSync(file.absPath, file);
        this.put({
          summary: parsed.summary,
          searchText: parsed.searchText,
          textCleanerVersion: null,
          cleanMeta: null,
        });
        if (head) misses.push(file);
        else this.cacheDirty = true;
      }
      this.progress.done++;
      const now = Date.now();
      if (now - sliceStart >= SLICE_MS) {
        if (now - lastReport >= PROGRESS_EVERY_MS) {
          lastReport = now;
          this.reportProgress(false);
        }
        await yieldToEventLoop();
        sliceStart = Date.now();
      }
    }
    return misses;
  }

  /**
   * Phase three, in the background once the list is complete and searchable: each article whose
   * search text is not its canonical cleaned text yet (new to the cache, or cleaned by an older
   * cleaner) is cleaned, in parse workers and short slices here, and its text replaced in the
   * index and the parse cache (saved every few seconds, so a reopen keeps what was done). Until
   * then, search finds the quick text, which may include boilerplate the reader hides. An article
   * opened in the reader is cleaned then anyway (library.ts).
   */
  protected async cleanTexts(): Promise<void> {
    const files: ScannedFile[] = [];
    for (const [relPath, entry] of this.entries) {
      if (entry.textCleanerVersion === CLEANER_VERSION) continue;
      const { size, mtimeMs } = entry.summary;
      files.push({ absPath: join(this.root, relPath), relPath, size, mtimeMs });
    }
    if (files.length === 0 || this.closed) return;
    this.progress = { done: 0, total: files.length, scanning: false, phase: 'cleaning' };
    this.reportProgress(true);
    this.pool = this.startPool(files.length);
    let lastReport = Date.now();
    let lastSave = lastReport;
    try {
      await parseInOrder(files, () => true, {
        pool: this.pool,
        sliceMs: SLICE_MS,
        clean: true,
        stopped: () => this.closed,
        onFile: (file, parsed) => {
          this.progress.done++;
          const got = parsed?.canonical ? parsed : parseForIndex(file.absPath, file);
          // The file changed or went while it was cleaned: the watcher's update wins.
          const entry = this.entries.get(file.relPath);
          if (!got.canonical || entry?.summary.fingerprint !== got.summary.fingerprint) return;
          if (entry.textCleanerVersion === CLEANER_VERSION) return; // opened meanwhile
          entry.searchText = got.searchText;
          entry.textCleanerVersion = CLEANER_VERSION;
          entry.cleanMeta = null;
          this.index.set(entry.summary.id, file.relPath, entry.summary.title, got.searchText);
          this.cacheDirty = true;
          const now = Date.now();
          if (now - lastSave >= CLEAN_SAVE_EVERY_MS) {
            lastSave = now;
            this.cacheWrite = this.cacheWrite.then(() => this.saveCache());
          }
          if (now - lastReport >= CLEAN_PROGRESS_EVERY_MS) {
            lastReport = now;
            this.reportProgress(false);
          }
        },
      });
    } finally {
      void this.pool?.close();
      this.pool = null;
    }
    if (this.closed) return;
    this.progress = { done: files.length, total: files.length, scanning: false };
    this.reportProgress(true);
    this.cacheWrite = this.cacheWrite.then(() => this.saveCache());
  }

  /** Workers for a scan that reads `misses` files: by default one fewer than the cores, up to 3. */
  protected startPool(misses: number): ParsePool | null {
    if (this.closed) return null;
    const size =
      this.opts.parseWorkers ??
      (misses >= MIN_FILES_FOR_WORKERS ? Math.min(availableParallelism() - 1, MAX_WORKERS) : 0);
    const spec = size > 0 ? defaultWorkerSpec() : null;
    return spec ? new ParsePool(size, spec) : null;
  }

  protected fillCachedTexts(): void {
    const cache = this.pendingTexts;
    if (!cache) return;
    this.pendingTexts = null;
    if (!cache.loadTexts()) {
      this.errors.push(libraryProblem('search-cache-unreadable'));
      this.cacheBroken = true;
      this.cacheDirty = true;
    }
    for (const entry of this.entries.values()) {
      if (cache.entries.get(entry.summary.path) === entry) {
        this.index.set(entry.summary.id, entry.summary.path, entry.summary.title, entry.searchText);
      }
    }
  }

  protected reportProgress(force: boolean): void {
    if (force || this.progress.scanning || this.progress.phase === 'cleaning')
      this.opts.onProgress?.({ ...this.progress });
  }

  protected async readEntry(file: ScannedFile): Promise<CacheEntry> {
    // One file changed while the library is open: cleaned at once for its canonical text.
    const parsed = await readArticleFile(file.absPath, file);
    const text = canonicalText(parsed);
    return {
      summary: parsed.summary,
      searchText: text ?? parsed.searchText,
      textCleanerVersion: text === null ? null : CLEANER_VERSION,
      cleanMeta: null,
    };
  }

  /**
   * Add or replace an entry, keeping ids unique (a later file with a taken id gets a path id).
   * `fromCache`: an entry of the loaded parse cache, indexed for search by fillCachedTexts once
   * its text is read, so a reopen does not index every article twice before its list is ready.
   */
  protected put(entry: CacheEntry, fromCache = false): void {
    const path = entry.summary.path;
    this.remove(path);
    const owner = this.pathById.get(entry.summary.id);
    if (owner !== undefined && owner !== path) {
      const id = idFromPath(path);
      entry = { ...entry, summary: { ...entry.summary, id } };
      fromCache = false; // a copy: fillCachedTexts does not know it
    }
    this.entries.set(path, entry);
    this.pathById.set(entry.summary.id, path);
    if (!fromCache) this.index.set(entry.summary.id, path, entry.summary.title, entry.searchText);
  }

  protected remove(path: string): string | null {
    const old = this.entries.get(path);
    if (!old) return null;
    this.entries.delete(path);
    if (this.pathById.get(old.summary.id) === path) this.pathById.delete(old.summary.id);
    this.index.delete(old.summary.id);
    this.recent.delete(old.summary.id);
    return old.summary.id;
  }

  protected async saveCache(): Promise<void> {
    if (!this.cacheDirty) return;
    this.fillCachedTexts(); // entries from the cache must carry their texts into the new one
    this.cacheDirty = false;
    try {
      await saveParseCache(this.opts.cacheDir, this.root, this.cacheBroken ? [] : this.entries.values());
    } catch (err) {
      // The cache is an optimisation: failing to write it must not disturb the user.
      this.errors.push(libraryProblem('parse-cache-unwritable', { reason: (err as Error).message }));
    }
  }

  protected scheduleCacheSave(): void {
    this.cacheDirty = true;
    if (this.cacheSaveTimer || this.progress.scanning) return;
    this.cacheSaveTimer = setTimeout(() => {
      this.cacheSaveTimer = null;
      this.cacheWrite = this.cacheWrite.then(() => this.saveCache());
    }, 2000);
    this.cacheSaveTimer.unref();
  }

  protected abstract onWatchEvent(event: WatchEvent, abs: string): void;
  protected abstract onWatchError(err: unknown): Promise<void>;
}
