/**
 * The file-backed `AnnotationService`: one JSON file per article under `annotations/`, the
 * codebook in `codebook.json`, each read-modify-write under a cross-process lock with a fresh read
 * inside it, each write atomic and fsynced. See `annotation-service.ts` for the contract.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../api/errors.js';
import type { Annotation, Tag } from '../model.js';
import { ArticleIndex, summarize } from './article-index.js';
import type {
  AnnotationPatch,
  AnnotationService,
  AnnotationServiceOptions,
  ArticleRef,
  NewAnnotation,
  ReadOnlyInfo,
  RelinkResult,
  TagRemoval,
} from './annotation-service.js';
import {
  createTag,
  deleteTag,
  mergeTags,
  resolveTagIds,
  tagPath,
  tagsInTreeOrder,
  updateTag,
  type NewTag,
  type TagPatch,
} from './codebook.js';
import { exportCodebookCsv, importCodebookCsv, type CodebookImportResult } from './codebook-csv.js';
import { removeStaleTempFiles, syncDirectory, unlinkDurable, writeFileDurable } from './durable-write.js';
import { ExternalChangeWatcher, type ExternalChange } from './external-changes.js';
import { FileLocks } from './file-lock.js';
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

function applyRef(doc: ArticleFile, ref: ArticleRef | undefined): void {
  if (!ref) return;
  doc.path = ref.path;
  doc.fingerprint = ref.fingerprint;
}

function isReadOnlyError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

export class AnnotationStore implements AnnotationService {
  private readonly layout: StoreLayout;
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
  private closed = false;

  private constructor(
    readonly dataDir: string,
    private readonly opts: AnnotationServiceOptions,
  ) {
    this.layout = storeLayout(dataDir);
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

  private async init(): Promise<void> {
    try {
      await mkdir(this.layout.annotationsDir, { recursive: true });
      await mkdir(this.layout.locksDir, { recursive: true });
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

  get readOnly(): ReadOnlyInfo | null {
    return this.folderReadOnly ?? this.codebookReadOnly;
  }

  // ---- files -------------------------------------------------------------------------------

  private codebookFile(): StoreFile<CodebookFile> {
    return new StoreFile<CodebookFile>(this.layout.codebookFile, this.ctx, {
      codec: { schema: codebookFileSchema, migrations: this.migrations.codebook, salvage: salvageCodebook },
      empty: emptyCodebook,
      lockName: 'codebook',
      articleId: null,
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

  /** Read-modify-write of one article's file; keeps annotations in document order and the index current. */
  private async updateArticle<R>(articleId: string, fn: (doc: ArticleFile) => R): Promise<R> {
    this.assertWritable();
    const name = articleFileName(articleId);
    let written: ArticleFile | null = null;
    const result = await this.track(
      this.articleFile(articleId).update((doc) => {
        doc.articleId = articleId;
        const r = fn(doc);
        doc.annotations.sort(byPosition);
        written = doc;
        return r;
      }),
    );
    if (written) this.index.set(name, summarize(written));
    return result;
  }

  private async updateCodebook<R>(fn: (book: CodebookFile) => R): Promise<R> {
    this.assertWritable();
    await this.readCodebook(); // a newer Gloss may have replaced it meanwhile
    this.assertWritable();
    return this.track(this.codebookFile().update(fn));
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

  async create(input: NewAnnotation): Promise<Annotation> {
    checkSelectors(input.quote, input.position);
    const book = await this.readCodebook();
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id: randomUUID(),
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
    await this.updateArticle(input.articleId, (doc) => {
      doc.annotations.push(annotation);
      applyRef(doc, input.article);
    });
    return annotation;
  }

  async update(articleId: string, id: string, patch: AnnotationPatch): Promise<Annotation> {
    if (patch.quote || patch.position) {
      if (!patch.quote || !patch.position)
        throw new ApiError('invalid-input', 'Quote and position change together.');
      checkSelectors(patch.quote, patch.position);
    }
    const book = await this.readCodebook();
    const tagIds = patch.tagIds === undefined ? undefined : this.checkTagIds(book, patch.tagIds);
    const color = patch.color === undefined ? undefined : checkColor(patch.color);
    const updated = await this.updateArticle(articleId, (doc) => {
      const a = doc.annotations.find((x) => x.id === id);
      if (!a) throw new ApiError('not-found', 'That highlight no longer exists.');
      if (patch.quote) a.quote = { ...patch.quote };
      if (patch.position) a.position = { ...patch.position };
      if (tagIds !== undefined) a.tagIds = tagIds;
      if (patch.note !== undefined) a.note = patch.note;
      if (color !== undefined) a.color = color;
      a.modified = new Date().toISOString();
      return { ...a };
    });
    return this.normalize(book, updated);
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

  async counts(): Promise<Record<string, number>> {
    await this.ensureIndex();
    const out: Record<string, number> = {};
    for (const e of this.index.values()) if (e.count > 0) out[e.articleId] = e.count;
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
    return (await this.articleFile(articleId).read()).doc.memo;
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
      });
      await this.track(this.articleFile(from).remove());
      this.index.set(articleFileName(from), null);
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
    const out: Record<string, number> = {};
    for (const e of this.index.values()) {
      for (const set of e.tagSets) for (const id of resolveTagIds(book, set)) out[id] = (out[id] ?? 0) + 1;
    }
    return out;
  }

  async createTag(input: NewTag): Promise<Tag> {
    return this.updateCodebook((book) => ({ ...createTag(book, input, randomUUID()) }));
  }

  async updateTag(id: string, patch: TagPatch): Promise<Tag> {
    return this.updateCodebook((book) => ({ ...updateTag(book, id, patch) }));
  }

  async mergeTags(sourceId: string, targetId: string): Promise<TagRemoval> {
    const retiredTagIds = await this.updateCodebook((book) => mergeTags(book, sourceId, targetId));
    return { retiredTagIds, annotationsChanged: await this.rewriteRetiredTags(retiredTagIds) };
  }

  async deleteTag(id: string): Promise<TagRemoval> {
    const retiredTagIds = await this.updateCodebook((book) => deleteTag(book, id));
    return { retiredTagIds, annotationsChanged: await this.rewriteRetiredTags(retiredTagIds) };
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
   * is housekeeping that may be interrupted; it returns how many highlights changed.
   */
  private async rewriteRetiredTags(retired: readonly string[]): Promise<number> {
    const gone = new Set(retired);
    await this.ensureIndex(true);
    const book = await this.readCodebook();
    const affected = [...this.index.values()].filter((e) =>
      e.tagSets.some((s) => s.some((id) => gone.has(id))),
    );
    let changed = 0;
    for (const entry of affected) {
      changed += await this.updateArticle(entry.articleId, (doc) => {
        let n = 0;
        for (const a of doc.annotations) {
          if (!a.tagIds.some((id) => gone.has(id))) continue;
          a.tagIds = resolveTagIds(book, a.tagIds);
          n++;
        }
        return n;
      });
    }
    return changed;
  }

  // ---- index, changes, problems ------------------------------------------------------------

  private async articleFileNames(): Promise<string[]> {
    const names = await readdir(this.layout.annotationsDir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    return names.filter(isArticleFileName);
  }

  /** Brings the index up to date: a full scan the first time (or when asked), else the changed files. */
  private async ensureIndex(full = false): Promise<void> {
    if (this.scanning) await this.scanning;
    if (full || !this.index.isComplete || !this.watcher.watching) {
      this.scanning = this.scanAll().finally(() => (this.scanning = null));
      await this.scanning;
      return;
    }
    for (const name of this.index.takeDirty()) {
      const { doc, signature } = await this.fileNamed(name, null).read();
      this.index.set(name, signature === null ? null : summarize(doc));
    }
  }

  private async scanAll(): Promise<void> {
    const names = await this.articleFileNames();
    for (let i = 0; i < names.length; i += SCAN_CONCURRENCY) {
      const slice = names.slice(i, i + SCAN_CONCURRENCY);
      const reads = await Promise.all(slice.map((n) => this.fileNamed(n, null).read()));
      reads.forEach((r, j) => this.index.set(slice[j]!, r.signature === null ? null : summarize(r.doc)));
    }
    this.index.markComplete(names);
  }

  private async articleIdOfFile(name: string): Promise<string | null> {
    const known = this.index.articleIdOf(name);
    if (known) return known;
    const { doc, signature } = await this.fileNamed(name, null).read();
    return signature === null ? null : doc.articleId;
  }

  private onWatcherChange(change: ExternalChange): void {
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
