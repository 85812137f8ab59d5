/**
 * The file-backed `AnnotationService`: one JSON file per article under `annotations/`, the
 * codebook in `codebook.json`, each read-modify-write under a cross-process lock with a fresh read
 * inside it, each write atomic and fsynced. The files, their index and the read-only layer are
 * `store-files.ts`; tag merges and deletes `tag-removal.ts`; relinking moved articles `relink.ts`.
 * See `annotation-service.ts` for the contract.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { ApiError } from '../errors.js';
import type { Annotation, AnnotationChange, Coder, OwnedAnnotation, Tag } from '../model.js';
import { storedAnnotation } from '../stored-annotation.js';
import {
  findMatches,
  matchKey,
  pageOf,
  type FinishItem,
  type AnnotationMatches,
  type AnnotationQuery,
  type AnnotationQueryResult,
} from './annotation-query.js';
import { applyRef, byPosition, checkColor, checkSelectors, lastKnownOf, refChanges } from './article-doc.js';
import { othersOwned, otherWritersOf, type OtherWriterArticle } from './other-writers.js';
import type { FolderProblem } from './writer-folders.js';
import type { ArticleSummaryEntry } from './article-index.js';
import type {
  CoderSummary,
  OtherMemo,
  AnnotationPatch,
  AnnotationService,
  AnnotationServiceOptions,
  ArticleAnnotations,
  ArticleRef,
  LastKnownArticle,
  NewAnnotation,
  RelinkResult,
  RestoreManyOptions,
  TagRemoval,
} from './service-types.js';
import {
  deleteTag,
  mergeTags,
  resolveTagIds,
  tagPath,
  tagsInTreeOrder,
  type NewTag,
  type TagPatch,
} from './codebook.js';
import { exportCodebookCsv, importCodebookCsv, type CodebookImportResult } from './codebook-csv.js';
import { COLOR_PATTERN } from './palette.js';
import { relinkArticles } from './relink.js';
import type { CurrentArticle } from './relink-plan.js';
import { StoreFiles } from './store-files.js';
import { articleFileName } from './store-layout.js';
import { annotationSchema, type ArticleFile, type CodebookFile } from './store-schema.js';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseWriterId } from '../teams/coder.js';
import { importWriterId } from '../settings/coder-identity.js';
import { writerFolder, writeWriterFile } from './writer-folders.js';
import { unionHighlights } from '../teams/annotation-union.js';
import { removeTags } from './tag-removal.js';
import { createKeyedTag, keyBindings, restoreKeyedTag, updateKeyedTag } from './tag-keys.js';
import { highlightFacts, type HighlightFact } from './highlight-facts.js';
import { MergedEntries } from './merged-entries.js';

/** Puts the highlights into the article's file (new ones added, changed ones replaced); true if anything changed. */
function putRestored(
  doc: ArticleFile,
  restored: readonly Annotation[],
  ref: ArticleRef | undefined,
): boolean {
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
  if (ref && refChanges(doc, ref)) {
    applyRef(doc, ref);
    changed = true;
  }
  return changed;
}

export class AnnotationStore extends StoreFiles implements AnnotationService {
  /** The last query's matches, reused for its next pages while the index and codebook are the same. */
  private lastMatches: {
    key: string;
    version: number;
    othersVersion: number;
    book: CodebookFile;
    rank: ReadonlyMap<string, number> | undefined;
    matches: AnnotationMatches;
  } | null = null;
  private readonly united = new MergedEntries();
  /** The last highlight facts, reused while the index, other writers and codebook are the same. */
  private lastFacts: { version: string; book: CodebookFile; facts: readonly HighlightFact[] } | null = null;

  static async open(dataDir: string, opts: AnnotationServiceOptions): Promise<AnnotationStore> {
    const store = new AnnotationStore(dataDir, opts);
    await store.init();
    return store;
  }

  // ---- annotations ---------------------------------------------------------------------------

  async list(articleId: string): Promise<OwnedAnnotation[]> {
    const [{ doc }, book, others] = await Promise.all([
      this.articleFile(articleId).read(),
      this.readCodebook(),
      this.othersOf(articleId),
    ]);
    const mine = doc.annotations.map((a) => this.owned(this.normalize(book, a)));
    return this.withOthers(mine, others, book);
  }

  async listForDisplay(articleId: string): Promise<OwnedAnnotation[]> {
    if (!this.index.isComplete || !this.watcher.watching) return this.list(articleId);
    const [others, book] = await Promise.all([this.othersOf(articleId), this.queryCodebook()]);
    for await (const { annotations } of this.listEntries([articleId], false))
      return this.withOthers(
        annotations.map((a) => this.owned(a)),
        others,
        book,
      );
    return this.withOthers([], others, book);
  }

  /** Other writers' highlights of the article, from their writer folders (see other-writers.ts). */
  private async othersOf(articleId: string): Promise<OtherWriterArticle[]> {
    const problems: FolderProblem[] = [];
    const others = await otherWritersOf(this.writerDataDirs(), this.writer.writerId, articleId, problems);
    for (const p of problems) this.log.add(p);
    return others;
  }

  /** Mine and others' highlights in document order; an id I hold too is mine. */
  private withOthers(
    mine: OwnedAnnotation[],
    others: readonly OtherWriterArticle[],
    book: CodebookFile,
  ): OwnedAnnotation[] {
    if (others.length === 0) return mine;
    const ids = new Set(mine.map((a) => a.id));
    const theirs = othersOwned(others)
      .filter((a) => !ids.has(a.id))
      .map((a) => ({ ...a, tagIds: resolveTagIds(book, a.tagIds) }));
    return [...mine, ...theirs].sort(byPosition);
  }

  /** Refuses a change of a highlight that is not mine: says whose it is (or that it is gone). */
  private async notMine(articleId: string, id: string): Promise<never> {
    const owner = othersOwned(await this.othersOf(articleId)).find((a) => a.id === id);
    if (owner)
      throw new ApiError(
        'read-only',
        `This highlight is ${owner.coderName}'s: only they can change or delete it. Copy it to yours to change it.`,
      );
    throw new ApiError('not-found', 'That highlight no longer exists.');
  }

  async copyToMine(
    articleId: string,
    id: string,
    newId: string,
    article?: ArticleRef,
  ): Promise<OwnedAnnotation> {
    const all = await this.list(articleId);
    const copy = all.find((a) => a.id === newId && a.mine);
    if (copy) return copy; // a retry
    const source = all.find((a) => a.id === id);
    if (!source) throw new ApiError('not-found', 'That highlight no longer exists.');
    return this.create({
      id: newId,
      articleId,
      quote: source.quote,
      position: source.position,
      tagIds: source.tagIds,
      note: source.note,
      color: source.color,
      ...(article ? { article } : {}),
    });
  }

  async create(input: NewAnnotation): Promise<OwnedAnnotation> {
    checkSelectors(input.quote, input.position);
    const book = await this.codebookForWrite(input.tagIds);
    const now = new Date().toISOString();
    const { coder } = this.writer;
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
      creator: coder.name,
      creatorId: coder.id,
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
    return this.owned(existing ? this.normalize(book, existing) : annotation);
  }

  /** Changes a highlight; returns it as it is now and as it was (for undo). */
  async update(articleId: string, id: string, patch: AnnotationPatch): Promise<AnnotationChange> {
    if (patch.quote || patch.position) {
      if (!patch.quote || !patch.position)
        throw new ApiError('invalid-input', 'Quote and position change together.');
      checkSelectors(patch.quote, patch.position);
    }
    const book = await this.codebookForWrite(patch.tagIds);
    const tagIds = patch.tagIds === undefined ? undefined : this.checkTagIds(book, patch.tagIds);
    const color = patch.color === undefined ? undefined : checkColor(patch.color);
    const { updated, previous } = await this.updateArticle(
      articleId,
      (doc) => {
        const a = doc.annotations.find((x) => x.id === id);
        if (!a) return { updated: null, previous: null };
        const previous = storedAnnotation(a);
        if (patch.quote) a.quote = { ...patch.quote };
        if (patch.position) a.position = { ...patch.position };
        if (tagIds !== undefined) a.tagIds = tagIds;
        if (patch.note !== undefined) a.note = patch.note;
        if (color !== undefined) a.color = color;
        a.modified = new Date().toISOString();
        return { updated: { ...a }, previous };
      },
      (r) => r.updated !== null,
    );
    if (!updated || !previous) return this.notMine(articleId, id);
    return { annotation: this.normalize(book, updated), previous: this.normalize(book, previous) };
  }

  async remove(articleId: string, id: string): Promise<Annotation> {
    const book = await this.codebookForWrite();
    const removed = await this.updateArticle(
      articleId,
      (doc) => {
        const at = doc.annotations.findIndex((x) => x.id === id);
        return at < 0 ? null : doc.annotations.splice(at, 1)[0]!;
      },
      (r) => r !== null,
    );
    if (!removed) return this.notMine(articleId, id);
    return this.normalize(book, removed);
  }

  async restore(annotation: Annotation): Promise<Annotation> {
    const parsed = annotationSchema.safeParse(annotation);
    if (!parsed.success)
      throw new ApiError('invalid-input', 'That highlight cannot be restored: it is incomplete.');
    // Stored fields only: a listed highlight given back keeps no "whose it is" in the file.
    const a = storedAnnotation(parsed.data as Annotation);
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
      const a = storedAnnotation(parsed.data as Annotation);
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
      (doc) => putRestored(doc, restored, opts.article),
      (changed) => changed,
    );
    return restored;
  }

  async restoreManyAs(
    coder: Coder,
    articleId: string,
    annotations: readonly Annotation[],
    opts: RestoreManyOptions = {},
  ): Promise<void> {
    this.assertWritable();
    const installation = parseWriterId(this.writer.writerId)?.installationId ?? 'local';
    const writerId = opts.writerId ?? importWriterId(coder.id, installation.replace(/^import-/, ''));
    if (parseWriterId(writerId)?.coderId !== coder.id || writerId === this.writer.writerId)
      throw new ApiError('invalid-input', `Writer folder "${writerId}" is not one of ${coder.name}'s.`);
    const remove = new Set(opts.removeIds ?? []);
    const folder = writerFolder(this.dataDir, writerId);
    await mkdir(folder.annotationsDir, { recursive: true });
    await writeWriterFile(this.dataDir, writerId, coder);
    const book = await this.readCodebook();
    const given = annotations.map((a) => ({
      ...storedAnnotation(a),
      creator: coder.name,
      creatorId: coder.id,
      tagIds: resolveTagIds(book, a.tagIds),
    }));
    const file = this.articleFileAt(path.join(folder.annotationsDir, articleFileName(articleId)), articleId);
    await this.track(
      file.update(
        (doc) => {
          doc.articleId = articleId;
          const kept = doc.annotations.filter((a) => !remove.has(a.id));
          const removed = kept.length !== doc.annotations.length;
          doc.annotations = kept;
          let changed = putRestored(doc, given, opts.article) || removed;
          if (opts.memo !== undefined && doc.memo !== opts.memo) {
            doc.memo = opts.memo;
            changed = true;
          }
          doc.annotations.sort(byPosition);
          return changed;
        },
        (changed) => changed,
      ),
    );
    await this.others.refresh(true);
  }

  async queryAnnotations(query: AnnotationQuery): Promise<AnnotationQueryResult<OwnedAnnotation>> {
    const { coder } = this.writer;
    const finish: FinishItem<OwnedAnnotation> = (a, tagIds, owner) => {
      const copy = { quote: { ...a.quote }, position: { ...a.position }, tagIds };
      if (!owner)
        return {
          ...a,
          ...copy,
          coderId: a.creatorId ?? coder.id,
          coderName: a.creator || coder.name,
          mine: true,
        };
      const { id, name } = owner.coder;
      return { ...a, ...copy, creator: name, creatorId: id, coderId: id, coderName: name, mine: false };
    };
    return this.queryStored({ ...query, ownCoderId: coder.id }, finish);
  }

  private async queryStored<T extends Annotation>(
    query: AnnotationQuery,
    finish: FinishItem<T>,
  ): Promise<AnnotationQueryResult<T>> {
    const [book] = await Promise.all([this.queryCodebook(), this.ensureIndex()]);
    const key = matchKey(query);
    const last = this.lastMatches;
    if (
      last &&
      last.key === key &&
      last.version === this.index.version &&
      last.othersVersion === this.others.version &&
      last.book === book &&
      last.rank === query.articleRank
    ) {
      return pageOf(last.matches, book, query, finish);
    }
    const matches = findMatches(this.unitedEntries(), book, query);
    this.lastMatches = {
      key,
      version: this.index.version,
      othersVersion: this.others.version,
      book,
      rank: query.articleRank,
      matches,
    };
    return pageOf(matches, book, query, finish);
  }

  async articleIdsWithTags(tagIds: readonly string[]): Promise<string[]> {
    const [book] = await Promise.all([this.queryCodebook(), this.ensureIndex()]);
    return findMatches(this.unitedEntries(), book, { tagIds }).groups.map((g) => g.articleId);
  }

  /** One entry per article of the merged view, several writers' united (kept between queries). */
  private unitedEntries(): readonly ArticleSummaryEntry[] {
    return this.united.of(`${this.index.version}/${this.others.version}`, () => this.mergedEntries());
  }

  async *listEach(articleIds: Iterable<string>): AsyncGenerator<ArticleAnnotations> {
    yield* this.listEntries(articleIds, true);
  }

  /**
   * `listEach`, with other writers' highlights (`withOthers`: the merged view, each with its coder
   * as creator) or this store's own only.
   */
  private async *listEntries(
    articleIds: Iterable<string>,
    withOthers: boolean,
  ): AsyncGenerator<ArticleAnnotations> {
    const [book] = await Promise.all([this.queryCodebook(), this.ensureIndex()]);
    // A snapshot: writes during the walk replace entries in the index, never the ones taken here.
    const byArticle = new Map<string, ArticleSummaryEntry[]>();
    for (const e of withOthers ? this.mergedEntries() : this.index.values()) {
      const list = byArticle.get(e.articleId);
      if (list) list.push(e);
      else byArticle.set(e.articleId, [e]);
    }
    for (const articleId of articleIds) {
      const entries = byArticle.get(articleId) ?? [];
      const sources = entries.map((entry) => ({
        writerId: entry.annotations[0]?.owner?.writerId ?? this.writer.writerId,
        annotations: entry.annotations.map(({ annotation, owner }) => {
          const copy = storedAnnotation(annotation);
          copy.tagIds = resolveTagIds(book, annotation.tagIds);
          if (owner) Object.assign(copy, { creator: owner.coder.name, creatorId: owner.coder.id });
          return copy;
        }),
      }));
      // One id in two writers' files (a copy): the union keeps the later edit, as every reader does.
      const annotations =
        sources.length > 1
          ? unionHighlights(sources).map(({ writerId: _w, ...a }) => a)
          : (sources[0]?.annotations ?? []);
      yield { articleId, lastKnown: entries[0] ? lastKnownOf(entries[0]) : null, annotations };
    }
  }

  async highlightFacts(): Promise<readonly HighlightFact[]> {
    const [book] = await Promise.all([this.queryCodebook(), this.ensureIndex()]);
    const version = `${this.index.version}/${this.others.version}`;
    const last = this.lastFacts;
    if (last && last.version === version && last.book === book) return last.facts;
    const facts = highlightFacts(this.mergedEntries(), book);
    this.lastFacts = { version, book, facts };
    return facts;
  }

  async counts(): Promise<Record<string, number>> {
    await this.ensureIndex();
    // No prototype: an article may have any id (`constructor`, `__proto__`).
    const out = Object.create(null) as Record<string, number>;
    for (const e of this.mergedEntries())
      if (e.count > 0) out[e.articleId] = (out[e.articleId] ?? 0) + e.count;
    return out;
  }

  async lastKnown(articleIds: Iterable<string>): Promise<Map<string, LastKnownArticle>> {
    await this.ensureIndex();
    const out = new Map<string, LastKnownArticle>();
    for (const id of articleIds) {
      const entry =
        this.index.get(articleFileName(id)) ?? this.others.values().find((e) => e.articleId === id);
      if (entry) out.set(id, lastKnownOf(entry));
    }
    return out;
  }

  async *allAnnotations(): AsyncGenerator<Annotation> {
    // The merged view (every writer, each id once), by article id, from a fresh look at the files.
    await this.ensureIndex(true);
    const ids = (await this.articleIds()).sort();
    for await (const { annotations } of this.listEntries(ids, true)) yield* annotations;
  }

  async getMemo(articleId: string): Promise<string> {
    // From the index when it is current, as listForDisplay: reading and validating the article's
    // file (all its highlights) took 20-40 ms with 1,000 of them, on every open of the article.
    if (!this.index.isComplete || !this.watcher.watching)
      return (await this.articleFile(articleId).read()).doc.memo;
    await this.ensureIndex();
    return this.index.get(articleFileName(articleId))?.memo ?? '';
  }

  async otherMemos(articleId: string): Promise<OtherMemo[]> {
    return (await this.othersOf(articleId))
      .filter((o) => o.memo.trim())
      .map((o) => ({ coderId: o.coder.id, coderName: o.coder.name, memo: o.memo }))
      .sort((a, b) => a.coderName.localeCompare(b.coderName));
  }

  async coders(): Promise<CoderSummary[]> {
    await this.ensureIndex();
    let highlights = 0;
    for (const e of this.index.values()) highlights += e.count;
    const { coder, writerId } = this.writer;
    const byCoder = new Map<string, CoderSummary>([
      [coder.id, { id: coder.id, name: coder.name, writerIds: [writerId], highlights, mine: true }],
    ]);
    // From the index of other writers' folders: getCoder asks on every load of the UI, and reading
    // 5 coders' 100,000 highlights again took seconds.
    for (const other of this.others.writers()) {
      const known = byCoder.get(other.coder.id);
      if (known) {
        known.writerIds.push(other.writerId);
        known.highlights += other.highlights;
      } else
        byCoder.set(other.coder.id, {
          id: other.coder.id,
          name: other.coder.name,
          writerIds: [other.writerId],
          highlights: other.highlights,
          mine: false,
        });
    }
    for (const c of byCoder.values()) c.writerIds.sort();
    return [...byCoder.values()].sort(
      (a, b) => Number(b.mine) - Number(a.mine) || a.name.localeCompare(b.name),
    );
  }

  async setMemo(articleId: string, memo: string, article?: ArticleRef): Promise<void> {
    await this.updateArticle(articleId, (doc) => {
      doc.memo = memo;
      applyRef(doc, article);
    });
  }

  async relink(articles: readonly CurrentArticle[]): Promise<RelinkResult> {
    return relinkArticles(this, articles);
  }

  // ---- tags --------------------------------------------------------------------------------

  /** Tags in tree order, each with the key that acts on it (and any key it loses in a clash). */
  async listTags(): Promise<Tag[]> {
    const book = await this.readCodebook();
    const { byTag, clashes } = keyBindings(book);
    return tagsInTreeOrder(book).map((t) => {
      const clash = clashes.get(t.id);
      return { ...t, key: byTag.get(t.id) ?? null, ...(clash ? { keyClash: clash } : {}) };
    });
  }

  async tagCounts(): Promise<Record<string, number>> {
    const book = await this.readCodebook();
    await this.ensureIndex();
    const out = Object.create(null) as Record<string, number>;
    for (const e of this.mergedEntries()) {
      for (const set of e.tagSets) for (const id of resolveTagIds(book, set)) out[id] = (out[id] ?? 0) + 1;
    }
    return out;
  }

  async annotationColors(): Promise<string[]> {
    await this.ensureIndex();
    const out = new Set<string>();
    for (const e of this.mergedEntries()) {
      for (const { annotation } of e.annotations)
        if (annotation.color && COLOR_PATTERN.test(annotation.color)) out.add(annotation.color.toLowerCase());
    }
    return [...out].sort();
  }

  async createTag(input: NewTag): Promise<Tag> {
    return this.updateCodebook((book) => ({ ...createKeyedTag(book, input, randomUUID()) }));
  }

  async updateTag(id: string, patch: TagPatch): Promise<Tag> {
    return this.updateCodebook((book) => ({ ...updateKeyedTag(book, id, patch) }));
  }

  async mergeTags(sourceId: string, targetId: string): Promise<TagRemoval> {
    return removeTags(this, sourceId, (book) => mergeTags(book, sourceId, targetId));
  }

  async deleteTag(id: string): Promise<TagRemoval> {
    return removeTags(this, id, (book) => deleteTag(book, id));
  }

  async restoreTag(tag: Tag): Promise<Tag> {
    return this.updateCodebook((book) => ({ ...restoreKeyedTag(book, tag) }));
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

  async articleIds(): Promise<string[]> {
    await this.ensureIndex();
    return [...new Set([...this.mergedEntries()].map((e) => e.articleId))].filter((id) => id !== '');
  }
}
