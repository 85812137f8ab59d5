/**
 * The annotation store's files and what is kept over them: the per-article files and the
 * codebook (each read-modify-write locked, atomic and fsynced, with a read-only layer below when
 * the library's folder cannot be written), the in-memory index of every article file kept current
 * from the watcher's news, and the problems found on the way. `AnnotationStore` builds the
 * operations on top; `tag-removal.ts` and `relink.ts` use the members here that are public within
 * core/store (the rest of Gloss only sees `AnnotationService`).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { signatureOf, type FileSignature } from './read-document.js';
import path from 'node:path';
import { ApiError } from '../errors.js';
import type { Annotation, OwnedAnnotation } from '../model.js';
import { writerIdentity, type WriterIdentity } from '../settings/coder-identity.js';
import { HlcClock } from '../teams/hlc.js';
import { migrateToWriters, writeGitignore } from './migrate-to-writers.js';
import { booksSignature, changeTeamCodebook, readTeamBooks, viewOf } from './team-codebook.js';
import { CODERS_DIR, writerFolder, writeWriterFile } from './writer-folders.js';
import { ArticleIndex, docOf, summarize, type ArticleSummaryEntry } from './article-index.js';
import { byPosition, salvageArticle, salvageCodebook } from './article-doc.js';
import type { AnnotationServiceOptions, ReadOnlyInfo } from './service-types.js';
import { resolveTagIds } from './codebook.js';
import {
  removeStaleTempFiles,
  syncDirectory,
  unlinkDurable,
  writeFileDurable,
} from '../files/durable-write.js';
import { ExternalChangeWatcher, type ExternalChange } from './external-changes.js';
import { OtherWritersIndex } from './other-writers-index.js';
import { OtherWritersWatch, type OtherWritersNews } from './other-writers-watch.js';
import { ArticleFileCache, folderSignature } from './article-file-cache.js';
import { statMany } from './stat-many.js';
import { FileLocks, isReadOnlyError } from './file-lock.js';
import { refuseSymlinks } from './refuse-symlinks.js';
import { repairHighlightColors, repairTagColors } from './store-colors.js';
import { MIGRATIONS, type FileKind, type MigrationTable } from './migrations.js';
import { StoreFile, type StoreFileContext } from './store-file.js';
import { articleFileName, isArticleFileName, storeLayout, type StoreLayout } from './store-layout.js';
import { ProblemLog, type StoreProblem } from './store-problems.js';
import {
  articleFileSchema,
  codebookFileSchema,
  emptyArticleFile,
  emptyCodebook,
  type ArticleFile,
  type CodebookFile,
} from './store-schema.js';

/** Files read at once when scanning the whole store. */
export const SCAN_CONCURRENCY = 16;

/** Passes over files changed by other processes before a query answers. */
const DIRTY_PASSES = 3;

/** Where fs.watch fails: how often other writers' folders are looked at. */
const OTHERS_POLL_MS = 2000;
/** While watched: a full look now and then all the same (an event lost, a network folder). */
const OTHERS_RESCAN_MS = 60_000;
/** After an open that took files from the caches: when each is checked against its file. */
const VERIFY_AFTER_MS = 3000;

export abstract class StoreFiles {
  readonly layout: StoreLayout;
  /** A read-only store shown below this one (see AnnotationServiceOptions.readOnlyBelow). */
  private readonly lower: StoreLayout | null;
  readonly log = new ProblemLog();
  readonly index = new ArticleIndex();
  /** Other writers' work (their writer folders), beside `index` which holds this store's own. */
  readonly others: OtherWritersIndex;
  /** Tells about other writers' changes (see startWatchingOthers); the poller where it cannot. */
  private othersWatch: OtherWritersWatch | null = null;
  private othersPoller: NodeJS.Timeout | null = null;
  private othersRescan: NodeJS.Timeout | null = null;
  /** This store's own article files as last read (null: none kept, with a read-only layer below). */
  private ownCache: ArticleFileCache | null | undefined = undefined;
  /** The signature each own article file was left with by this process's last write of it. */
  private readonly ownWritten = new Map<string, FileSignature | null>();
  private cacheTimer: NodeJS.Timeout | null = null;
  private writerFolderMade: Promise<void> | null = null;
  private readonly listeners = new Set<(change: ExternalChange) => void>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly migrations: Record<FileKind, MigrationTable>;
  readonly watcher: ExternalChangeWatcher;
  private readonly ctx: StoreFileContext;
  private folderReadOnly: ReadOnlyInfo | null = null;
  private codebookReadOnly: ReadOnlyInfo | null = null;
  private scanning: Promise<void> | null = null;
  /** The codebook as last read, for queries; only while the watcher reports other processes' changes. */
  private cachedBook: CodebookFile | null = null;
  /** Bumped whenever the codebook may have changed, so a read that raced a change is not cached. */
  private bookGeneration = 0;
  private closed = false;
  /** The writer this store writes as, fixed when it opens (writer folders only; see ownLayout). */
  private readonly team: WriterIdentity | null;
  private readonly clock: HlcClock;
  private booksSeen: string | null = null;

  protected constructor(
    readonly dataDir: string,
    protected readonly opts: AnnotationServiceOptions,
  ) {
    // With writer folders, this store writes only `<dataDir>/coders/<writer>/`; locks stay local.
    this.team = opts.writerFolders ? (opts.writer?.() ?? writerIdentity('Coder', 'local')) : null;
    this.layout = this.team ? ownLayout(dataDir, this.team.writerId) : storeLayout(dataDir);
    this.clock = new HlcClock(this.team?.writerId ?? 'local.local');
    // Below: the library's own store (this writer's folder in it, with writer folders).
    const below = opts.readOnlyBelow;
    this.lower = below ? (this.team ? ownLayout(below, this.team.writerId) : storeLayout(below)) : null;
    this.migrations = { ...MIGRATIONS, ...opts.migrations };
    this.others = new OtherWritersIndex(
      () => this.writerDataDirs(),
      () => this.writer.writerId,
      this.log,
      () => this.dataDir,
    );
    this.watcher = new ExternalChangeWatcher(
      this.layout,
      (name) => this.articleIdOfFile(name),
      (change) => this.onWatcherChange(change),
    );
    const locks = new FileLocks(this.layout.locksDir, (file, err) =>
      this.log.add({
        kind: 'lock-compromised',
        file,
        message: `The lock on ${path.basename(file)} was taken over by another process (${err.message}); reload to see its latest state.`,
      }),
    );
    this.ctx = {
      locks,
      problems: this.log,
      beginWrite: (file) => this.watcher.beginWrite(file),
      recordWrite: (file, signature) => {
        this.watcher.recordWrite(file, signature);
        if (path.dirname(file) !== this.layout.annotationsDir) return;
        // Whatever the cache held for it is outdated; updateArticle puts the new content in.
        const name = path.basename(file);
        this.ownWritten.set(name, signature);
        this.ownCache?.forget(name);
      },
    };
  }

  /** The data folder and what Gloss makes in it: none may be a symbolic link (see refuse-symlinks). */
  private async refuseLinks(): Promise<void> {
    // With writer folders, the library's data folder and its `coders/` too.
    if (this.team) await refuseSymlinks([this.dataDir, path.join(this.dataDir, CODERS_DIR)]);
    for (const layout of this.lower ? [this.layout, this.lower] : [this.layout]) {
      const { dataDir, annotationsDir, locksDir, codebookFile } = layout;
      await refuseSymlinks([dataDir, annotationsDir, locksDir, codebookFile]);
    }
  }

  protected async init(): Promise<void> {
    await this.refuseLinks();
    if (this.team) await this.becomeWriter(this.team);
    try {
      // The own writer folder is made at the first write (see ensureWriterFolder).
      if (!this.team) await mkdir(this.layout.annotationsDir, { recursive: true });
      await mkdir(this.layout.locksDir, { recursive: true });
      // mkdir succeeds on a link to a folder: look again now that the folders exist.
      await this.refuseLinks();
      await syncDirectory(this.dataDir);
      // A folder can exist and still refuse writes (read-only share, permissions): find out now.
      const probe = path.join(this.dataDir, `.write-probe-${process.pid}.tmp`);
      await writeFileDurable(probe, '');
      await unlinkDurable(probe);
    } catch (err) {
      if (!isReadOnlyError(err)) throw err;
      this.folderReadOnly = {
        reason: `The data folder ${this.dataDir} cannot be written (${(err as Error).message}).`,
      };
      this.log.add({ kind: 'read-only-folder', file: this.dataDir, message: this.folderReadOnly.reason });
    }
    if (!this.folderReadOnly) {
      await removeStaleTempFiles(this.dataDir);
      await removeStaleTempFiles(this.layout.annotationsDir);
    }
    await this.readCodebook();
    if (this.opts.watch !== false) {
      this.watcher.start();
      this.startWatchingOthers();
    }
  }

  /**
   * First open with writer folders: the pre-coders store (if any) moves into this writer's folder,
   * once, with a backup; the folder says whose it is. A library that cannot be written is left as
   * it is (its old files then show read-only below the app-data folder; see open-session).
   */
  private async becomeWriter(writer: WriterIdentity): Promise<void> {
    try {
      await migrateToWriters(this.dataDir, writer, { clock: this.clock });
      // A coder's new name reaches the others at once; a folder not made yet waits for a write.
      if (existsSync(this.layout.dataDir)) await writeWriterFile(this.dataDir, writer.writerId, writer.coder);
      await writeGitignore(this.dataDir);
    } catch (err) {
      if (!isReadOnlyError(err)) throw err;
    }
  }

  /**
   * The own writer folder, made at the first write: opening a library (or `gloss index`, an
   * export) leaves no empty folder that other coders would see as a coder with no highlights.
   */
  async ensureWriterFolder(): Promise<void> {
    const team = this.team;
    if (!team) return;
    this.writerFolderMade ??= (async () => {
      try {
        await mkdir(this.layout.annotationsDir, { recursive: true });
        await this.refuseLinks();
        await writeWriterFile(this.dataDir, team.writerId, team.coder);
      } catch (err) {
        this.writerFolderMade = null;
        if (!isReadOnlyError(err)) throw err;
        throw new ApiError(
          'read-only',
          `Cannot save: ${this.layout.dataDir} cannot be made (${(err as Error).message}).`,
        );
      }
    })();
    await this.writerFolderMade;
  }

  /**
   * Other coders' changes arrive in their writer folders (by sync): a watcher names the files (see
   * other-writers-watch.ts; polled every two seconds where it cannot), a full look runs now and
   * then all the same, and changes are announced as a change of the coders and of every article's
   * highlights.
   */
  private startWatchingOthers(): void {
    this.othersWatch = new OtherWritersWatch(
      (news) => void this.othersChanged(news),
      () => this.pollOthers(),
    );
    this.othersRescan = setInterval(
      () => void this.othersChanged({ files: [], full: true }),
      OTHERS_RESCAN_MS,
    );
    this.othersRescan.unref();
    // The first look (it also tells the watcher which folders there are).
    void this.othersChanged({ files: [], full: false });
  }

  private pollOthers(): void {
    this.othersWatch = null;
    if (this.othersPoller || this.closed) return;
    this.othersPoller = setInterval(() => void this.othersChanged({ files: [], full: true }), OTHERS_POLL_MS);
    this.othersPoller.unref();
  }

  private async othersChanged(news: OtherWritersNews): Promise<void> {
    const before = this.others.version;
    try {
      if (news.full || !this.others.looked) await this.others.refresh(news.full);
      else await this.others.refreshFiles(news.files);
      if (this.closed) return;
      this.othersWatch?.update(this.writerDataDirs(), this.others.writerFolders());
      void this.noticeOthersBooks().catch(() => undefined);
    } catch {
      return; // looked at again on the next news or rescan
    }
    if (this.others.version !== before) this.onWatcherChange({ kind: 'coders' });
  }

  /** True while a watcher (or the poller) keeps other writers' index current without being asked. */
  private get othersWatched(): boolean {
    return (this.othersWatch !== null || this.othersPoller !== null) && this.others.looked;
  }

  /** Another coder's codebook change arrived: queries read the books again. */
  private async noticeOthersBooks(): Promise<void> {
    if (!this.team) return;
    const seen = await booksSignature(this.writerDataDirs(), this.team.writerId);
    if (this.booksSeen !== null && seen !== this.booksSeen) this.onWatcherChange({ kind: 'codebook' });
    this.booksSeen = seen;
  }

  /**
   * Who writes now: with writer folders, the writer the store opened as (switching coder reopens
   * it); else the options' `writer`, called each time.
   */
  get writer(): WriterIdentity {
    return this.team ?? this.opts.writer?.() ?? writerIdentity(this.opts.creator?.() || 'Coder', 'local');
  }

  /** The highlight with whose it is. */
  owned(a: Annotation): OwnedAnnotation {
    const { coder } = this.writer;
    return { ...a, coderId: a.creatorId ?? coder.id, coderName: a.creator || coder.name, mine: true };
  }

  /** The data folders whose `coders/` writer folders hold other writers' work. */
  writerDataDirs(): string[] {
    const below = this.opts.readOnlyBelow;
    return below ? [this.dataDir, below] : [this.dataDir];
  }

  get readOnlyBelow(): string | null {
    return this.opts.readOnlyBelow ?? null;
  }

  get readOnly(): ReadOnlyInfo | null {
    return this.folderReadOnly ?? this.codebookReadOnly;
  }

  // ---- files -------------------------------------------------------------------------------

  private codebookFile(): StoreFile<CodebookFile> {
    return new StoreFile<CodebookFile>(this.layout.codebookFile, this.ctx, {
      codec: { schema: codebookFileSchema, migrations: this.migrations.codebook, salvage: salvageCodebook },
      empty: emptyCodebook,
      repair: repairTagColors,
      lockName: 'codebook',
      articleId: null,
      ...(this.lower ? { lower: this.lower.codebookFile } : {}),
    });
  }

  articleFile(articleId: string): StoreFile<ArticleFile> {
    return this.fileNamed(articleFileName(articleId), articleId);
  }

  /** `articleId` null: scanning, the file says whose it is. */
  fileNamed(name: string, articleId: string | null): StoreFile<ArticleFile> {
    const lower = this.lower ? path.join(this.lower.annotationsDir, name) : undefined;
    return this.articleFileAt(path.join(this.layout.annotationsDir, name), articleId, lower);
  }

  /** An article file anywhere under the data folder (e.g. an import writer's folder). */
  articleFileAt(file: string, articleId: string | null, lower?: string): StoreFile<ArticleFile> {
    const name = path.basename(file);
    return new StoreFile<ArticleFile>(file, this.ctx, {
      codec: {
        schema: articleFileSchema,
        migrations: this.migrations.article,
        salvage: (raw) => salvageArticle(raw, articleId),
      },
      empty: () => emptyArticleFile(articleId ?? ''),
      repair: repairHighlightColors,
      check: (doc) => {
        if (articleId !== null && doc.articleId !== articleId) {
          return `it holds the annotations of another article (${doc.articleId})`;
        }
        return doc.annotations.some((a) => a.articleId !== doc.articleId)
          ? 'an annotation names a different article than its file'
          : null;
      },
      lockName: name.replace(/\.json$/, ''),
      articleId,
      ...(lower ? { lower } : {}),
    });
  }

  async readCodebook(): Promise<CodebookFile> {
    if (this.team) return viewOf(await readTeamBooks(this.writerDataDirs(), this.log), this.log);
    const { doc, readOnly } = await this.codebookFile().read();
    this.codebookReadOnly = readOnly
      ? { reason: 'The codebook was written by a newer version of Gloss; update Gloss to make changes.' }
      : null;
    return doc;
  }

  track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise)).catch(() => undefined);
    return promise;
  }

  assertWritable(): void {
    if (this.closed) throw new ApiError('internal', 'The annotation store is closed.');
    if (this.readOnly) throw new ApiError('read-only', this.readOnly.reason);
  }

  /**
   * Read-modify-write of one article's file; keeps annotations in document order and the index
   * current. With `shouldWrite`, a result it rejects leaves the file as it was (nothing written).
   */
  async updateArticle<R>(
    articleId: string,
    fn: (doc: ArticleFile) => R,
    shouldWrite?: (result: R) => boolean,
  ): Promise<R> {
    this.assertWritable();
    await this.ensureWriterFolder();
    const name = articleFileName(articleId);
    let written: ArticleFile | null = null;
    const { result } = await this.track(
      this.articleFile(articleId).update(
        (doc) => {
          doc.articleId = articleId;
          const r = fn(doc);
          if (shouldWrite && !shouldWrite(r)) return { result: r, write: false };
          doc.annotations.sort(byPosition);
          written = doc;
          return { result: r, write: true };
        },
        (r) => r.write,
      ),
    );
    if (written) {
      const entry = summarize(written);
      this.index.setFromWrite(name, entry);
      const signature = this.ownWritten.get(name);
      if (signature) this.ownCache?.put(name, signature, docOf(entry));
    }
    return result;
  }

  async updateCodebook<R>(fn: (book: CodebookFile) => R): Promise<R> {
    this.assertWritable();
    await this.readCodebook(); // a newer Gloss may have replaced it meanwhile
    this.assertWritable();
    const team = this.team;
    if (team) {
      await this.ensureWriterFolder();
      const file = this.layout.codebookFile;
      try {
        return await this.track(
          this.ctx.locks.withLock(file, 'codebook', () =>
            changeTeamCodebook(this.writerDataDirs(), team.writerId, this.clock, this.log, fn, {
              before: (f) => this.watcher.beginWrite(f),
              after: async (f) => this.watcher.recordWrite(f, await statSignature(f)),
            }),
          ),
        );
      } finally {
        this.forgetCodebook();
      }
    }
    try {
      return await this.track(this.codebookFile().update(fn));
    } finally {
      this.forgetCodebook();
    }
  }

  private forgetCodebook(): void {
    this.bookGeneration++;
    this.cachedBook = null;
  }

  /**
   * The codebook for queries: from memory while the watcher would tell about other processes'
   * changes (so a page of the highlight list needs no file read), else read afresh.
   */
  async queryCodebook(): Promise<CodebookFile> {
    if (this.cachedBook && this.watcher.watching) return this.cachedBook;
    const generation = this.bookGeneration;
    const book = await this.readCodebook();
    if (generation === this.bookGeneration && this.watcher.watching) this.cachedBook = book;
    return book;
  }

  /**
   * The codebook a highlight's save checks its tags against. With writer folders, the one queries
   * use (kept while watched; every writer's book read and merged again took most of a 20 ms save),
   * unless it does not know a tag the save names: then read afresh (another process's new tag).
   */
  async codebookForWrite(tagIds: readonly string[] = []): Promise<CodebookFile> {
    if (!this.team) return this.readCodebook();
    const book = await this.queryCodebook();
    const known = (id: string) => book.tags.some((t) => t.id === id) || Object.hasOwn(book.retired, id);
    return tagIds.every(known) ? book : this.readCodebook();
  }

  normalize(book: CodebookFile, a: Annotation): Annotation {
    return { ...a, tagIds: resolveTagIds(book, a.tagIds) };
  }

  checkTagIds(book: CodebookFile, tagIds: readonly string[]): string[] {
    const resolved = resolveTagIds(book, tagIds);
    for (const id of resolved) {
      if (!book.tags.some((t) => t.id === id)) throw new ApiError('invalid-input', `Unknown tag ${id}.`);
    }
    return resolved;
  }

  // ---- index, changes, problems ------------------------------------------------------------

  /** The article files of this store and of the read-only layer below it. */
  async articleFileNames(): Promise<string[]> {
    const list = (dir: string) =>
      readdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [] as string[];
        throw err;
      });
    const names = new Set(await list(this.layout.annotationsDir));
    if (this.lower) for (const name of await list(this.lower.annotationsDir)) names.add(name);
    return [...names].filter(isArticleFileName);
  }

  /**
   * Brings the index up to date: a full scan the first time (or when asked, or when no watcher
   * tells about other processes' changes), else a read of just the files they changed.
   */
  async ensureIndex(full = false): Promise<void> {
    // Other writers' folders: looked at again by the poller every two seconds, so a query does not
    // wait for a look of its own (a stat of each of their files: with 27,000, most of a second).
    const watched = this.othersWatched && this.watcher.watching;
    // Other writers' caches are taken as they are only where a check of each file follows soon
    // (the app, watching; see OtherWritersIndex.lookAtFolder).
    const exact = full || this.opts.watch === false;
    if (full || !watched) await this.others.refresh(full || !this.watcher.watching, exact);
    if (this.scanning) await this.scanning;
    if (full || !this.index.isComplete || !this.watcher.watching) {
      this.scanning ??= this.scanAll().finally(() => (this.scanning = null));
      await this.scanning;
      if (this.othersWatched) this.scheduleCacheWork();
      return;
    }
    for (let pass = 0; pass < DIRTY_PASSES; pass++) {
      const names = this.index.dirtyNames();
      if (names.length === 0) break;
      await this.readIntoIndex(names);
    }
  }

  /**
   * Every own article file into the index: from the cache those whose signature it knows, the rest
   * read. (Each is checked: own files may be edited in place, by hand or by a script, which leaves
   * their folder as it was; other writers' arrive by sync tools, which replace them.)
   */
  private async scanAll(): Promise<void> {
    const listedAt = this.index.now();
    const cache = await this.loadOwnCache();
    const dir = this.layout.annotationsDir;
    const dirSignature = cache ? await folderSignature(dir) : null;
    const names = await this.articleFileNames();
    let toRead: readonly string[] = names;
    if (cache && cache.size > 0) {
      const signatures = await statMany(dir, names);
      const rest: string[] = [];
      for (const name of names) {
        const signature = signatures.get(name);
        // An unknown signature (gone meanwhile, not a regular file) is left to the read to say.
        const entry = signature === undefined ? null : cache.take(name, signature);
        if (entry) this.index.setFromRead(name, this.index.stamp(name), summarize(entry.doc, true));
        else rest.push(name);
      }
      toRead = rest;
    }
    await this.readIntoIndex(toRead);
    this.index.markComplete(names, listedAt);
    cache?.keepOnly(names);
    cache?.verified(dirSignature);
  }

  private async loadOwnCache(): Promise<ArticleFileCache | null> {
    // With a read-only layer below, a file's content may come from either: not cached.
    this.ownCache ??= this.lower
      ? null
      : await ArticleFileCache.load(this.dataDir, this.layout.annotationsDir);
    return this.ownCache;
  }

  /**
   * After an open that took other writers' files from their caches: each is checked against its
   * file now, and any that changed meanwhile is read again (and announced).
   */
  private async verifyCaches(): Promise<void> {
    if (this.others.needsCheck && !this.closed) await this.othersChanged({ files: [], full: true });
  }

  /** Soon after open: the taken caches checked, and the caches written if they changed. */
  private scheduleCacheWork(): void {
    if (this.cacheTimer || this.closed) return;
    this.cacheTimer = setTimeout(() => {
      void this.verifyCaches()
        .then(() => this.saveCaches())
        .catch(() => undefined)
        .finally(() => (this.cacheTimer = null));
    }, VERIFY_AFTER_MS);
    this.cacheTimer.unref();
  }

  private async saveCaches(): Promise<void> {
    await this.others.saveCaches();
    await this.ownCache?.save();
  }

  /** Reads the files into the index; a file written or changed meanwhile keeps the newer news. */
  private async readIntoIndex(names: readonly string[]): Promise<void> {
    for (let i = 0; i < names.length; i += SCAN_CONCURRENCY) {
      const slice = names.slice(i, i + SCAN_CONCURRENCY);
      const stamps = slice.map((n) => this.index.stamp(n));
      const reads = await Promise.all(slice.map((n) => this.fileNamed(n, null).read()));
      reads.forEach((r, j) => {
        const name = slice[j]!;
        const landed = this.index.setFromRead(
          name,
          stamps[j]!,
          r.signature === null ? null : summarize(r.doc, true, r.readOnly),
        );
        if (landed && r.signature !== null && r.clean) this.ownCache?.put(name, r.signature, r.doc);
        else this.ownCache?.forget(name);
      });
    }
  }

  private async articleIdOfFile(name: string): Promise<string | null> {
    const known = this.index.articleIdOf(name);
    if (known) return known;
    const { doc, signature } = await this.fileNamed(name, null).read();
    return signature === null ? null : doc.articleId;
  }

  private onWatcherChange(change: ExternalChange): void {
    if (change.kind === 'codebook') this.forgetCodebook();
    if (change.kind === 'annotations') {
      if (change.fileName) {
        this.index.markDirty(change.fileName);
        this.ownCache?.forget(change.fileName);
      } else this.index.invalidate();
    }
    for (const cb of this.listeners) {
      try {
        cb(change);
      } catch {
        // A listener's bug must not stop the others from hearing about the change.
      }
    }
  }

  /** Every file's entry of the merged view: this store's own, then other writers'. */
  *mergedEntries(): Generator<ArticleSummaryEntry> {
    yield* this.index.values();
    yield* this.others.values();
  }

  problems(): StoreProblem[] {
    return this.log.list();
  }

  onExternalChange(cb: (change: ExternalChange) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.othersPoller) clearInterval(this.othersPoller);
    if (this.othersRescan) clearInterval(this.othersRescan);
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.othersWatch?.close();
    this.watcher.close();
    this.listeners.clear();
    await Promise.allSettled([...this.pending]);
    await this.saveCaches().catch(() => undefined);
  }
}

/** The own writer folder as this store's layout (locks in the library's data folder: local). */
function ownLayout(dataDir: string, writerId: string): StoreLayout {
  const own = writerFolder(dataDir, writerId);
  return {
    dataDir: own.dir,
    annotationsDir: own.annotationsDir,
    codebookFile: own.codebookFile,
    locksDir: storeLayout(dataDir).locksDir,
  };
}

async function statSignature(file: string): Promise<FileSignature | null> {
  const info = await stat(file).catch(() => null);
  return info ? signatureOf(info) : null;
}
