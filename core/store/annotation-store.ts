/**
 * The file-backed `AnnotationService`: one JSON file per article under `annotations/`, the
 * codebook in `codebook.json`, each read-modify-write under a cross-process lock with a fresh read
 * inside it, each write atomic and fsynced. See `annotation-service.ts` for the contract.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ApiError } from '../errors.js';
import { MAX_RESTORE_BATCH } from '../limits.js';
import type { Annotation, AnnotationChange, Tag } from '../model.js';
import { storedAnnotation } from '../stored-annotation.js';
import {
  findMatches,
  matchKey,
  pageOf,
  type AnnotationMatches,
  type AnnotationQuery,
  type AnnotationQueryResult,
} from './annotation-query.js';
import { ArticleIndex, summarize, type ArticleSummaryEntry } from './article-index.js';
import type {
  AnnotationPatch,
  AnnotationService,
  AnnotationServiceOptions,
  ArticleAnnotations,
  ArticleRef,
  LastKnownArticle,
  NewAnnotation,
  ReadOnlyInfo,
  RelinkResult,
  RestoreManyOptions,
  TagRemoval,
} from './service-types.js';
import {
  createTag,
  deleteTag,
  mergeTags,
  resolveTagIds,
  restoreTag,
  subtreeIds,
  tagPath,
  tagsInTreeOrder,
  updateTag,
  type NewTag,
  type TagPatch,
} from './codebook.js';
import { exportCodebookCsv, importCodebookCsv, type CodebookImportResult } from './codebook-csv.js';
import {
  removeStaleTempFiles,
  syncDirectory,
  unlinkDurable,
  writeFileDurable,
} from '../files/durable-write.js';
import { ExternalChangeWatcher, type ExternalChange } from './external-changes.js';
import { FileLocks, isReadOnlyError } from './file-lock.js';
import { refuseSymlinks } from './refuse-symlinks.js';
import { repairHighlightColors, repairTagColors } from './store-colors.js';
import { MIGRATIONS, type FileKind, type MigrationTable } from './migrations.js';
import { COLOR_PATTERN } from './palette.js';
import { planRelink, type CurrentArticle } from './relink-plan.js';
import { StoreFile, type StoreFileContext } from './store-file.js';
import { articleFileName, isArticleFileName, storeLayout, type StoreLayout } from './store-layout.js';
import { ProblemLog, type StoreProblem } from './store-problems.js';
import {
  annotationSchema,
  articleFileSchema,
  codebookFileSchema,
  emptyArticleFile,
  emptyCodebook,
  tagSchema,
  type ArticleFile,
  type CodebookFile,
} from './store-schema.js';

/** Files read at once when scanning the whole store. */
const SCAN_CONCURRENCY = 16;

/** Passes over files changed by other processes before a query answers. */
const DIRTY_PASSES = 3;

/** Tries of a tag merge or delete whose codebook changed between its checks and its write. */
const REMOVE_TAG_ATTEMPTS = 3;

/** Thrown inside the codebook's lock to drop a merge or delete whose checks are outdated. */
class PlanChanged extends Error {}

function salvageArticle(raw: Record<string, unknown>, articleId: string | null): ArticleFile | null {
  const id = articleId ?? (typeof raw.articleId === 'string' ? raw.articleId : null);
  if (!id || !Array.isArray(raw.annotations)) return null;
  const annotations = raw.annotations.flatMap((a) => {
    const parsed = annotationSchema.safeParse(a);
    return parsed.success ? [{ ...(parsed.data as Annotation), articleId: id }] : [];
  });
  const memo = typeof raw.memo === 'string' ? raw.memo : '';
  if (annotations.length === 0 && !memo) return null;
  return {
    ...emptyArticleFile(id),
    path: typeof raw.path === 'string' ? raw.path : null,
    fingerprint: typeof raw.fingerprint === 'string' ? raw.fingerprint : null,
    memo,
    annotations,
  };
}

function salvageCodebook(raw: Record<string, unknown>): CodebookFile | null {
  if (!Array.isArray(raw.tags)) return null;
  const tags = raw.tags.flatMap((t) => {
    const parsed = tagSchema.safeParse(t);
    return parsed.success ? [parsed.data as Tag] : [];
  });
  const retired = codebookFileSchema.shape.retired.safeParse(raw.retired);
  return { ...emptyCodebook(), tags, retired: retired.success ? retired.data : {} };
}

function checkSelectors(quote: Annotation['quote'], position: Annotation['position']): void {
  if (!quote.exact) throw new ApiError('invalid-input', 'A highlight needs some text.');
  if (position.start < 0 || position.end - position.start !== quote.exact.length) {
    throw new ApiError('invalid-input', 'The highlight position does not match its quote.');
  }
}

function checkColor(color: string | null | undefined): string | null {
  if (color === null || color === undefined) return null;
  if (!COLOR_PATTERN.test(color))
    throw new ApiError('invalid-input', `"${color}" is not a colour like #E69F00.`);
  return color.toUpperCase();
}

function byPosition(a: Annotation, b: Annotation): number {
  return (
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    a.created.localeCompare(b.created)
  );
}

/** Records where the article's file is and what it is called (fields not given keep their value). */
function applyRef(doc: ArticleFile, ref: ArticleRef | CurrentArticle | undefined): void {
  if (!ref) return;
  doc.path = ref.path;
  doc.fingerprint = ref.fingerprint;
  if (ref.title !== undefined) doc.title = ref.title;
  if (ref.date !== undefined) doc.date = ref.date;
  if (ref.author !== undefined) doc.author = ref.author;
  if ('sourceUrl' in ref && ref.sourceUrl !== undefined) doc.sourceUrl = ref.sourceUrl;
}

/** Whether recording `ref` would change the file. */
function refChanges(doc: ArticleFile, ref: ArticleRef): boolean {
  const after = { ...doc };
  applyRef(after, ref);
  return (['path', 'fingerprint', 'title', 'date', 'author', 'sourceUrl'] as const).some(
    (k) => after[k] !== doc[k],
  );
}

function lastKnownOf(e: ArticleSummaryEntry): LastKnownArticle {
  const { articleId, path, title, date, author, sourceUrl } = e;
  return { articleId, path, title, date, author, sourceUrl };
}

export class AnnotationStore implements AnnotationService {
  private readonly layout: StoreLayout;
  /** A read-only store shown below this one (see AnnotationServiceOptions.readOnlyBelow). */
  private readonly lower: StoreLayout | null;
  private readonly log = new ProblemLog();
  private readonly index = new ArticleIndex();
  private readonly listeners = new Set<(change: ExternalChange) => void>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly migrations: Record<FileKind, MigrationTable>;
  private readonly watcher: ExternalChangeWatcher;
  private readonly ctx: StoreFileContext;
  private folderReadOnly: ReadOnlyInfo | null = null;
  private codebookReadOnly: ReadOnlyInfo | null = null;
  private scanning: Promise<void> | null = null;
  /** The codebook as last read, for queries; only while the watcher reports other processes' changes. */
  private cachedBook: CodebookFile | null = null;
  /** Bumped whenever the codebook may have changed, so a read that raced a change is not cached. */
  private bookGeneration = 0;
  /** The last query's matches, reused for its next pages while the index and codebook are the same. */
  private lastMatches: {
    key: string;
    version: number;
    book: CodebookFile;
    rank: ReadonlyMap<string, number> | undefined;
    matches: AnnotationMatches;
  } | null = null;
  private closed = false;

  private constructor(
    readonly dataDir: string,
    private readonly opts: AnnotationServiceOptions,
  ) {
    this.layout = storeLayout(dataDir);
    this.lower = opts.readOnlyBelow ? storeLayout(opts.readOnlyBelow) : null;
    this.migrations = { ...MIGRATIONS, ...opts.migrations };
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
      recordWrite: (file, signature) => this.watcher.recordWrite(file, signature),
    };
  }

  static async open(dataDir: string, opts: AnnotationServiceOptions): Promise<AnnotationStore> {
    const store = new AnnotationStore(dataDir, opts);
    await store.init();
    return store;
  }

  /** The data folder and what Gloss makes in it: none may be a symbolic link (see refuse-symlinks). */
  private async refuseLinks(): Promise<void> {
    for (const layout of this.lower ? [this.layout, this.lower] : [this.layout]) {
      const { dataDir, annotationsDir, locksDir, codebookFile } = layout;
      await refuseSymlinks([dataDir, annotationsDir, locksDir, codebookFile]);
    }
  }

  private async init(): Promise<void> {
    await this.refuseLinks();
    try {
      await mkdir(this.layout.annotationsDir, { recursive: true });
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
    if (this.opts.watch !== false) this.watcher.start();
  }

  get readOnlyBelow(): string | null {
    return this.lower?.dataDir ?? null;
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

  private articleFile(articleId: string): StoreFile<ArticleFile> {
    return this.fileNamed(articleFileName(articleId), articleId);
  }

  /** `articleId` null: scanning, the file says whose it is. */
  private fileNamed(name: string, articleId: string | null): StoreFile<ArticleFile> {
    return new StoreFile<ArticleFile>(path.join(this.layout.annotationsDir, name), this.ctx, {
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
      ...(this.lower ? { lower: path.join(this.lower.annotationsDir, name) } : {}),
    });
  }

  private async readCodebook(): Promise<CodebookFile> {
    const { doc, readOnly } = await this.codebookFile().read();
    this.codebookReadOnly = readOnly
      ? { reason: 'The codebook was written by a newer version of Gloss; update Gloss to make changes.' }
      : null;
    return doc;
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise)).catch(() => undefined);
    return promise;
  }

  private assertWritable(): void {
    if (this.closed) throw new ApiError('internal', 'The annotation store is closed.');
    if (this.readOnly) throw new ApiError('read-only', this.readOnly.reason);
  }

  /**
   * Read-modify-write of one article's file; keeps annotations in document order and the index
   * current. With `shouldWrite`, a result it rejects leaves the file as it was (nothing written).
   */
  private async updateArticle<R>(
    articleId: string,
    fn: (doc: ArticleFile) => R,
    shouldWrite?: (result: R) => boolean,
  ): Promise<R> {
    this.assertWritable();
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
    if (written) this.index.setFromWrite(name, summarize(written));
    return result;
  }

  private async updateCodebook<R>(fn: (book: CodebookFile) => R): Promise<R> {
    this.assertWritable();
    await this.readCodebook(); // a newer Gloss may have replaced it meanwhile
    this.assertWritable();
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
  private async queryCodebook(): Promise<CodebookFile> {
    if (this.cachedBook && this.watcher.watching) return this.cachedBook;
    const generation = this.bookGeneration;
    const book = await this.readCodebook();
    if (generation === this.bookGeneration && this.watcher.watching) this.cachedBook = book;
    return book;
  }

  private normalize(book: CodebookFile, a: Annotation): Annotation {
    return { ...a, tagIds: resolveTagIds(book, a.tagIds) };
  }

  private checkTagIds(book: CodebookFile, tagIds: readonly string[]): string[] {
    const resolved = resolveTagIds(book, tagIds);
    for (const id of resolved) {
      if (!book.tags.some((t) => t.id === id)) throw new ApiError('invalid-input', `Unknown tag ${id}.`);
    }
    return resolved;
  }

  // ---- annotations ---------------------------------------------------------------------------

  async list(articleId: string): Promise<Annotation[]> {
    const [{ doc }, book] = await Promise.all([this.articleFile(articleId).read(), this.readCodebook()]);
    return doc.annotations.map((a) => this.normalize(book, a));
  }

  async listForDisplay(articleId: string): Promise<Annotation[]> {
    if (!this.index.isComplete || !this.watcher.watching) return this.list(articleId);
    for await (const { annotations } of this.listEach([articleId])) return annotations;
    return [];
  }

  async create(input: NewAnnotation): Promise<Annotation> {
    checkSelectors(input.quote, input.position);
    const book = await this.readCodebook();
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id: input.id ?? randomUUID(),
      articleId: input.articleId,
      quote: {
        type: 'TextQuoteSelector',
        exact: input.quote.exact,
        prefix: input.quote.prefix,
        suffix: input.quote.suffix,
      },
      position: { type: 'TextPositionSelector', start: input.position.start, end: input.position.end },
      tagIds: this.checkTagIds(book, input.tagIds ?? []),
      note: input.note ?? '',
      color: checkColor(input.color),
      creator: this.opts.creator?.() ?? '',
      created: now,
      modified: now,
    };
    // Exactly once: the same id again (a retry, a key pressed twice) is the same request. Looked
    // up under the article's lock, so two such requests at once store one highlight.
    const existing = await this.updateArticle(
      input.articleId,
      (doc) => {
        const stored = doc.annotations.find((x) => x.id === annotation.id);
        if (stored) return { ...stored };
        doc.annotations.push(annotation);
        applyRef(doc, input.article);
        return null;
      },
      (stored) => stored === null,
    );
    return existing ? this.normalize(book, existing) : annotation;
  }

  /** Changes a highlight; returns it as it is now and as it was (for undo). */
  async update(articleId: string, id: string, patch: AnnotationPatch): Promise<AnnotationChange> {
    if (patch.quote || patch.position) {
      if (!patch.quote || !patch.position)
        throw new ApiError('invalid-input', 'Quote and position change together.');
      checkSelectors(patch.quote, patch.position);
    }
    const book = await this.readCodebook();
    const tagIds = patch.tagIds === undefined ? undefined : this.checkTagIds(book, patch.tagIds);
    const color = patch.color === undefined ? undefined : checkColor(patch.color);
    const { updated, previous } = await this.updateArticle(articleId, (doc) => {
      const a = doc.annotations.find((x) => x.id === id);
      if (!a) throw new ApiError('not-found', 'That highlight no longer exists.');
      const previous = storedAnnotation(a);
      if (patch.quote) a.quote = { ...patch.quote };
      if (patch.position) a.position = { ...patch.position };
      if (tagIds !== undefined) a.tagIds = tagIds;
      if (patch.note !== undefined) a.note = patch.note;
      if (color !== undefined) a.color = color;
      a.modified = new Date().toISOString();
      return { updated: { ...a }, previous };
    });
    return { annotation: this.normalize(book, updated), previous: this.normalize(book, previous) };
  }

  async remove(articleId: string, id: string): Promise<Annotation> {
    const book = await this.readCodebook();
    const removed = await this.updateArticle(articleId, (doc) => {
      const at = doc.annotations.findIndex((x) => x.id === id);
      if (at < 0) throw new ApiError('not-found', 'That highlight no longer exists.');
      return doc.annotations.splice(at, 1)[0]!;
    });
    return this.normalize(book, removed);
  }

  async restore(annotation: Annotation): Promise<Annotation> {
    const parsed = annotationSchema.safeParse(annotation);
    if (!parsed.success)
      throw new ApiError('invalid-input', 'That highlight cannot be restored: it is incomplete.');
    const a = parsed.data as Annotation;
    checkSelectors(a.quote, a.position);
    const book = await this.readCodebook();
    // Tags deleted since are dropped; tags merged since map to the survivor.
    const restored = { ...a, tagIds: resolveTagIds(book, a.tagIds) };
    await this.updateArticle(a.articleId, (doc) => {
      const at = doc.annotations.findIndex((x) => x.id === a.id);
      if (at >= 0) doc.annotations[at] = restored;
      else doc.annotations.push(restored);
    });
    return restored;
  }

  async restoreMany(
    articleId: string,
    annotations: readonly Annotation[],
    opts: RestoreManyOptions = {},
  ): Promise<Annotation[]> {
    const given = annotations.map((annotation) => {
      const parsed = annotationSchema.safeParse(annotation);
      if (!parsed.success)
        throw new ApiError('invalid-input', 'That highlight cannot be restored: it is incomplete.');
      const a = parsed.data as Annotation;
      if (a.articleId !== articleId)
        throw new ApiError('invalid-input', `Highlight ${a.id} belongs to another article (${a.articleId}).`);
      checkSelectors(a.quote, a.position);
      return a;
    });
    const book = await this.readCodebook();
    // Tags deleted since are dropped; tags merged since map to the survivor.
    const restored = given.map((a) => ({ ...a, tagIds: resolveTagIds(book, a.tagIds) }));
    await this.updateArticle(
      articleId,
      (doc) => {
        let changed = false;
        const at = new Map(doc.annotations.map((a, i) => [a.id, i]));
        for (const a of restored) {
          const i = at.get(a.id);
          if (i === undefined) {
            at.set(a.id, doc.annotations.push(a) - 1);
            changed = true;
          } else if (!isDeepStrictEqual(doc.annotations[i], a)) {
            doc.annotations[i] = a;
            changed = true;
          }
        }
        const ref = opts.article;
        if (ref && refChanges(doc, ref)) {
          applyRef(doc, ref);
          changed = true;
        }
        return changed;
      },
      (changed) => changed,
    );
    return restored;
  }

  async queryAnnotations(query: AnnotationQuery): Promise<AnnotationQueryResult> {
    const [book] = await Promise.all([this.queryCodebook(), this.ensureIndex()]);
    const key = matchKey(query);
    const last = this.lastMatches;
    if (
      last &&
      last.key === key &&
      last.version === this.index.version &&
      last.book === book &&
      last.rank === query.articleRank
    ) {
      return pageOf(last.matches, book, query);
    }
    const matches = findMatches(this.index.values(), book, query);
    this.lastMatches = { key, version: this.index.version, book, rank: query.articleRank, matches };
    return pageOf(matches, book, query);
  }

  async *listEach(articleIds: Iterable<string>): AsyncGenerator<ArticleAnnotations> {
    const [book] = await Promise.all([this.queryCodebook(), this.ensureIndex()]);
    // A snapshot: writes during the walk replace entries in the index, never the ones taken here.
    const byArticle = new Map<string, ArticleSummaryEntry>();
    for (const e of this.index.values()) byArticle.set(e.articleId, e);
    for (const articleId of articleIds) {
      const entry = byArticle.get(articleId);
      const stored = entry?.annotations ?? [];
      yield {
        articleId,
        lastKnown: entry ? lastKnownOf(entry) : null,
        annotations: stored.map(({ annotation }) => {
          const copy = storedAnnotation(annotation);
          copy.tagIds = resolveTagIds(book, annotation.tagIds);
          return copy;
        }),
      };
    }
  }

  async counts(): Promise<Record<string, number>> {
    await this.ensureIndex();
    // No prototype: an article may have any id (`constructor`, `__proto__`).
    const out = Object.create(null) as Record<string, number>;
    for (const e of this.index.values()) if (e.count > 0) out[e.articleId] = e.count;
    return out;
  }

  async lastKnown(articleIds: Iterable<string>): Promise<Map<string, LastKnownArticle>> {
    await this.ensureIndex();
    const out = new Map<string, LastKnownArticle>();
    for (const id of articleIds) {
      const entry = this.index.get(articleFileName(id));
      if (entry) out.set(id, lastKnownOf(entry));
    }
    return out;
  }

  async *allAnnotations(): AsyncGenerator<Annotation> {
    const book = await this.readCodebook();
    const names = (await this.articleFileNames()).sort();
    for (let i = 0; i < names.length; i += SCAN_CONCURRENCY) {
      const batch = await Promise.all(
        names.slice(i, i + SCAN_CONCURRENCY).map((n) => this.fileNamed(n, null).read()),
      );
      for (const { doc } of batch) for (const a of doc.annotations) yield this.normalize(book, a);
    }
  }

  async getMemo(articleId: string): Promise<string> {
    // From the index when it is current, as listForDisplay: reading and validating the article's
    // file (all its highlights) took 20-40 ms with 1,000 of them, on every open of the article.
    if (!this.index.isComplete || !this.watcher.watching)
      return (await this.articleFile(articleId).read()).doc.memo;
    await this.ensureIndex();
    return this.index.get(articleFileName(articleId))?.memo ?? '';
  }

  async setMemo(articleId: string, memo: string, article?: ArticleRef): Promise<void> {
    await this.updateArticle(articleId, (doc) => {
      doc.memo = memo;
      applyRef(doc, article);
    });
  }

  async relink(articles: readonly CurrentArticle[]): Promise<RelinkResult> {
    this.assertWritable();
    await this.ensureIndex(true);
    const plan = planRelink([...this.index.values()], articles);
    const current = new Map(articles.map((a) => [a.id, a]));
    const result: RelinkResult = {
      moved: [],
      refreshed: 0,
      unmatched: plan.unmatched,
      ambiguous: plan.ambiguous,
    };

    for (const { from, to } of plan.moves) {
      const source = await this.articleFile(from).read();
      if (source.readOnly) continue; // a newer Gloss's file: leave it where it is
      const target = current.get(to)!;
      // Write the target first: a crash between the steps leaves a duplicate, which the next
      // relink merges again (by annotation id), never a loss.
      await this.updateArticle(to, (doc) => {
        const have = new Set(doc.annotations.map((a) => a.id));
        for (const a of source.doc.annotations)
          if (!have.has(a.id)) doc.annotations.push({ ...a, articleId: to });
        if (source.doc.memo && source.doc.memo !== doc.memo) {
          doc.memo = doc.memo ? `${doc.memo}\n\n${source.doc.memo}` : source.doc.memo;
        }
        applyRef(doc, target);
        // The file's list entry has no source URL: the moved article's is still its own.
        doc.sourceUrl ??= source.doc.sourceUrl ?? null;
      });
      await this.track(this.articleFile(from).remove());
      this.index.setFromWrite(articleFileName(from), null);
      result.moved.push({ from, to, annotations: source.doc.annotations.length });
    }
    for (const a of plan.ambiguous) {
      this.log.add({
        kind: 'relink-ambiguous',
        file: path.join(this.layout.annotationsDir, articleFileName(a.from)),
        articleId: a.from,
        message: `Annotations of a moved article could belong to several articles (${a.candidates.join(', ')}); they were left unattached.`,
      });
    }
    for (const article of plan.refresh) {
      await this.updateArticle(article.id, (doc) => applyRef(doc, article));
      result.refreshed++;
    }
    return result;
  }

  // ---- tags --------------------------------------------------------------------------------

  async listTags(): Promise<Tag[]> {
    return tagsInTreeOrder(await this.readCodebook());
  }

  async tagCounts(): Promise<Record<string, number>> {
    const book = await this.readCodebook();
    await this.ensureIndex();
    const out = Object.create(null) as Record<string, number>;
    for (const e of this.index.values()) {
      for (const set of e.tagSets) for (const id of resolveTagIds(book, set)) out[id] = (out[id] ?? 0) + 1;
    }
    return out;
  }

  async annotationColors(): Promise<string[]> {
    await this.ensureIndex();
    const out = new Set<string>();
    for (const e of this.index.values()) {
      for (const { annotation } of e.annotations)
        if (annotation.color && COLOR_PATTERN.test(annotation.color)) out.add(annotation.color.toLowerCase());
    }
    return [...out].sort();
  }

  async createTag(input: NewTag): Promise<Tag> {
    return this.updateCodebook((book) => ({ ...createTag(book, input, randomUUID()) }));
  }

  async updateTag(id: string, patch: TagPatch): Promise<Tag> {
    return this.updateCodebook((book) => ({ ...updateTag(book, id, patch) }));
  }

  async mergeTags(sourceId: string, targetId: string): Promise<TagRemoval> {
    return this.removeTags(sourceId, (book) => mergeTags(book, sourceId, targetId));
  }

  async deleteTag(id: string): Promise<TagRemoval> {
    return this.removeTags(id, (book) => deleteTag(book, id));
  }

  async restoreTag(tag: Tag): Promise<Tag> {
    return this.updateCodebook((book) => ({ ...restoreTag(book, tag) }));
  }

  /**
   * A merge or delete of `id`'s subtree: the codebook change, then the highlights' rewrite, each
   * recording the state before under the same lock as the change. All or nothing up front: bad
   * requests, and article files that would need rewriting but come from a newer Gloss, are refused
   * before anything is written.
   */
  private async removeTags(id: string, change: (book: CodebookFile) => string[]): Promise<TagRemoval> {
    for (let attempt = 1; ; attempt++) {
      this.assertWritable();
      const current = await this.readCodebook();
      this.assertWritable();
      // A dry run: throws for an unknown tag or a bad merge, and says which ids would go.
      const planned = new Set(change(structuredClone(current)));
      await this.assertTagFilesWritable(planned);
      let before: CodebookFile | null = null;
      let previousTags: Tag[] = [];
      let retiredTagIds: string[];
      try {
        retiredTagIds = await this.updateCodebook((book) => {
          const snapshot = structuredClone(book);
          const retired = change(book);
          // Changed meanwhile by another process: the files checked may not be all that are affected.
          if (retired.some((r) => !planned.has(r))) throw new PlanChanged();
          before = snapshot;
          // Parents first (subtreeIds is breadth-first): the order undo restores them in.
          previousTags = subtreeIds(snapshot, id)
            .flatMap((tagId) => snapshot.tags.filter((t) => t.id === tagId))
            .filter((t) => {
              const now = book.tags.find((x) => x.id === t.id);
              return !now || now.parentId !== t.parentId;
            })
            .map((t) => ({
              id: t.id,
              name: t.name,
              parentId: t.parentId,
              color: t.color,
              description: t.description,
            }));
          return retired;
        });
      } catch (err) {
        if (!(err instanceof PlanChanged)) throw err;
        if (attempt >= REMOVE_TAG_ATTEMPTS) {
          throw new ApiError('conflict', 'The codebook kept changing in another window; try again.');
        }
        continue;
      }
      const rewrite = await this.rewriteRetiredTags(retiredTagIds, before!);
      return { retiredTagIds, previousTags, ...rewrite };
    }
  }

  /**
   * Refuses (read-only) a merge or delete of `tagIds` when a file naming one of them cannot be
   * rewritten because a newer Gloss wrote it: the codebook would change but that file could not.
   */
  private async assertTagFilesWritable(tagIds: ReadonlySet<string>): Promise<void> {
    await this.ensureIndex();
    for (const entry of this.index.values()) {
      if (!entry.readOnly || !entry.tagSets.some((set) => set.some((t) => tagIds.has(t)))) continue;
      throw new ApiError(
        'read-only',
        `Highlights of article ${entry.articleId} use this tag, but its annotation file was written by ` +
          'a newer version of Gloss and cannot be changed here. Nothing was changed; update Gloss to ' +
          'delete or merge this tag.',
      );
    }
  }

  async tagPath(id: string): Promise<string> {
    return tagPath(await this.readCodebook(), id);
  }

  async exportCodebookCsv(): Promise<string> {
    return exportCodebookCsv(await this.readCodebook());
  }

  async importCodebookCsv(csv: string): Promise<CodebookImportResult> {
    return this.updateCodebook((book) => importCodebookCsv(book, csv));
  }

  /**
   * Rewrites the files that still name retired tags. Readers map through `retired` anyway, so this
   * is housekeeping that may be interrupted; it returns how many highlights changed and (up to
   * MAX_RESTORE_BATCH) how they were, tags as `before` showed them.
   */
  private async rewriteRetiredTags(
    retired: readonly string[],
    before: CodebookFile,
  ): Promise<Pick<TagRemoval, 'annotationsChanged' | 'previous' | 'previousTruncated'>> {
    const gone = new Set(retired);
    await this.ensureIndex(true);
    const book = await this.readCodebook();
    const affected = [...this.index.values()].filter((e) =>
      e.tagSets.some((s) => s.some((id) => gone.has(id))),
    );
    const previous: Annotation[] = [];
    let changed = 0;
    for (const entry of affected) {
      try {
        changed += await this.updateArticle(
          entry.articleId,
          (doc) => {
            let n = 0;
            for (const a of doc.annotations) {
              if (!a.tagIds.some((id) => gone.has(id))) continue;
              if (previous.length < MAX_RESTORE_BATCH)
                previous.push({ ...storedAnnotation(a), tagIds: resolveTagIds(before, a.tagIds) });
              a.tagIds = resolveTagIds(book, a.tagIds);
              n++;
            }
            return n;
          },
          (n) => n > 0,
        );
      } catch (err) {
        // A newer Gloss wrote this file after removeTags checked: leave it (readers map its old ids
        // through `retired`) rather than stop half-way with the codebook changed and no undo data.
        if (!(err instanceof ApiError && err.code === 'read-only') || this.readOnly) throw err;
      }
    }
    return { annotationsChanged: changed, previous, previousTruncated: changed > previous.length };
  }

  // ---- index, changes, problems ------------------------------------------------------------

  /** The article files of this store and of the read-only layer below it. */
  private async articleFileNames(): Promise<string[]> {
    const list = (dir: string) =>
      readdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [] as string[];
        throw err;
      });
    const names = new Set(await list(this.layout.annotationsDir));
    if (this.lower) for (const name of await list(this.lower.annotationsDir)) names.add(name);
    return [...names].filter(isArticleFileName);
  }

  async articleIds(): Promise<string[]> {
    await this.ensureIndex();
    return [...this.index.values()].map((e) => e.articleId).filter((id) => id !== '');
  }

  /**
   * Brings the index up to date: a full scan the first time (or when asked, or when no watcher
   * tells about other processes' changes), else a read of just the files they changed.
   */
  private async ensureIndex(full = false): Promise<void> {
    if (this.scanning) await this.scanning;
    if (full || !this.index.isComplete || !this.watcher.watching) {
      this.scanning ??= this.scanAll().finally(() => (this.scanning = null));
      await this.scanning;
      return;
    }
    for (let pass = 0; pass < DIRTY_PASSES; pass++) {
      const names = this.index.dirtyNames();
      if (names.length === 0) break;
      await this.readIntoIndex(names);
    }
  }

  private async scanAll(): Promise<void> {
    const listedAt = this.index.now();
    const names = await this.articleFileNames();
    await this.readIntoIndex(names);
    this.index.markComplete(names, listedAt);
  }

  /** Reads the files into the index; a file written or changed meanwhile keeps the newer news. */
  private async readIntoIndex(names: readonly string[]): Promise<void> {
    for (let i = 0; i < names.length; i += SCAN_CONCURRENCY) {
      const slice = names.slice(i, i + SCAN_CONCURRENCY);
      const stamps = slice.map((n) => this.index.stamp(n));
      const reads = await Promise.all(slice.map((n) => this.fileNamed(n, null).read()));
      reads.forEach((r, j) =>
        this.index.setFromRead(
          slice[j]!,
          stamps[j]!,
          r.signature === null ? null : summarize(r.doc, true, r.readOnly),
        ),
      );
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
      if (change.fileName) this.index.markDirty(change.fileName);
      else this.index.invalidate();
    }
    for (const cb of this.listeners) {
      try {
        cb(change);
      } catch {
        // A listener's bug must not stop the others from hearing about the change.
      }
    }
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
    this.watcher.close();
    this.listeners.clear();
    await Promise.allSettled([...this.pending]);
  }
}
