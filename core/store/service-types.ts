/**
 * The types of the annotation store's interface (`AnnotationService`) and what it takes and
 * returns, apart from `openAnnotationService`, so the implementation can name them without
 * importing the module that opens it.
 */
import type {
  Annotation,
  AnnotationChange,
  Coder,
  OwnedAnnotation,
  Tag,
  TextPositionSelector,
  TextQuoteSelector,
} from '../model.js';
import type { WriterIdentity } from '../settings/coder-identity.js';
import type { AnnotationQuery, AnnotationQueryResult } from './annotation-query.js';
import type { CodebookImportResult } from './codebook-csv.js';
import type { NewTag, TagPatch } from './codebook.js';
import type { ExternalChange } from './external-changes.js';
import type { FileKind, MigrationTable } from './migrations.js';
import type { HighlightFact } from './highlight-facts.js';
import type { CurrentArticle } from './relink-plan.js';
import type { StoreProblem } from './store-problems.js';

export type {
  AnnotationQuery,
  AnnotationQueryResult,
  CodebookImportResult,
  CurrentArticle,
  ExternalChange,
  HighlightFact,
  NewTag,
  StoreProblem,
  TagPatch,
  WriterIdentity,
};

/** A coder whose work the library holds (one or more writer folders: one per machine). */
export interface CoderSummary {
  id: string;
  name: string;
  /** `<coderId>.<installation>` folders under `.gloss/coders/`, sorted. */
  writerIds: string[];
  /** Highlights of this coder in the library. */
  highlights: number;
  /** This is the store's current coder. */
  mine: boolean;
}

/** Another coder's memo on an article. */
export interface OtherMemo {
  coderId: string;
  coderName: string;
  memo: string;
}

/**
 * Where an article's file was and what its body hashed to when it was last annotated, with what
 * it was called then: kept beside its highlights, so they keep their identity if the file goes.
 * A field left out keeps its stored value.
 */
export interface ArticleRef {
  path: string;
  fingerprint: string;
  title?: string;
  date?: string | null;
  author?: string | null;
  sourceUrl?: string | null;
}

/** What the store last knew of an article's file (null: never recorded). */
export interface LastKnownArticle {
  articleId: string;
  path: string | null;
  title: string | null;
  date: string | null;
  author: string | null;
  sourceUrl: string | null;
}

export interface NewAnnotation {
  /**
   * Made by the client (a UUID), so a request sent twice stores one highlight: a create with an id
   * the article already has returns the stored highlight and writes nothing. Made here if absent.
   */
  id?: string;
  articleId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  tagIds?: string[];
  note?: string;
  color?: string | null;
  /** Recorded in the article's file so the annotations can follow the file when it moves. */
  article?: ArticleRef;
}

/** One article's highlights, as `listEach` yields them. */
export interface ArticleAnnotations {
  articleId: string;
  /** In document order, tags mapped through merges and deletes; empty when it has none. */
  annotations: Annotation[];
  /** The article as last seen with its file; null when the store holds nothing for it. */
  lastKnown: LastKnownArticle | null;
}

export type AnnotationPatch = Partial<Pick<Annotation, 'quote' | 'position' | 'tagIds' | 'note' | 'color'>>;

export interface ReadOnlyInfo {
  /** Why nothing can be saved, for the UI to show. */
  reason: string;
}

export interface RelinkResult {
  moved: { from: string; to: string; annotations: number }[];
  /** Articles whose stored path or fingerprint was brought up to date. */
  refreshed: number;
  /** Gone articles nothing matched: their annotations are kept for when the file comes back. */
  unmatched: string[];
  ambiguous: { from: string; candidates: string[] }[];
}

/**
 * What a merge or delete of tags did, with what undo needs, taken under the same locks as the
 * change itself (so another process's edits in between are not mistaken for the "before" state).
 * Undo: `restoreTag` each of `previousTags` in order, then `restoreMany` (API: `restoreAnnotations`)
 * the `previous` highlights.
 */
export interface TagRemoval {
  /** Tags that no longer exist (a merged tag and its merged sub-tags, or a deleted subtree). */
  retiredTagIds: string[];
  /** Highlights whose tags changed. */
  annotationsChanged: number;
  /**
   * Tags removed or moved (a merged tag's sub-tags move to the target), as they were before,
   * parents before children.
   */
  previousTags: Tag[];
  /**
   * Highlights whose tags changed, as they were before (tag ids as they showed then), in the shape
   * `restore` accepts. At most MAX_RESTORE_BATCH (core/limits.ts).
   */
  previous: Annotation[];
  /** More highlights changed than `previous` holds (see annotationsChanged): undo would be partial. */
  previousTruncated: boolean;
}

export interface RestoreManyOptions {
  /** Recorded in the article's file, as with `create`. */
  article?: ArticleRef;
  /** `restoreManyAs` only: the coder's memo on the article (an imported project's note on a source). */
  memo?: string;
  /**
   * `restoreManyAs` only: the writer folder to write (default: the coder's import folder on this
   * machine); the consensus of the disagreement review writes `consensus.<installation>`.
   */
  writerId?: string;
  /** `restoreManyAs` only: highlights of that writer folder to remove (an undone decision). */
  removeIds?: readonly string[];
}

export interface AnnotationService {
  readonly dataDir: string;
  /** Null when the store can be written; otherwise why not (a read-only folder, a newer codebook). */
  readonly readOnly: ReadOnlyInfo | null;
  /** The read-only store shown below this one (a read-only library's `.gloss`), if any. */
  readonly readOnlyBelow: string | null;

  /** Who this store writes as now (see AnnotationServiceOptions.writer). */
  readonly writer: WriterIdentity;

  /** The article's highlights in document order, tags mapped through merges and deletes. */
  list(articleId: string): Promise<OwnedAnnotation[]>;
  /**
   * `list` for showing an article: from the in-memory index when it is complete and kept current
   * by watching (no read and parse of the article's file on every open), else `list`. It may lag
   * another process's write by the moment its change event takes; merges and writers use `list`.
   */
  listForDisplay(articleId: string): Promise<OwnedAnnotation[]>;
  /** Stores a new highlight; with the id of one the article has, returns that one unchanged. */
  create(input: NewAnnotation): Promise<OwnedAnnotation>;
  /**
   * Copies a highlight (another coder's) into mine with the id `newId`: same selectors, tags, note
   * and colour. With `newId` already mine, returns that one (a retry).
   */
  copyToMine(articleId: string, id: string, newId: string, article?: ArticleRef): Promise<OwnedAnnotation>;
  /** Changes a highlight; returns it as it is now and as it was (for undo). */
  update(articleId: string, id: string, patch: AnnotationPatch): Promise<AnnotationChange>;
  /** Returns the removed annotation, for undo. */
  remove(articleId: string, id: string): Promise<Annotation>;
  /** Puts an annotation back exactly as given (undo of a delete or an edit). */
  restore(annotation: Annotation): Promise<Annotation>;
  /**
   * `restore` for many highlights of one article: one lock and one durable write for all of them
   * (none when nothing changes, so repeating it is free). All must belong to `articleId`; an
   * invalid one refuses the whole batch. Returns them as stored (tags mapped through merges).
   */
  restoreMany(
    articleId: string,
    annotations: readonly Annotation[],
    opts?: RestoreManyOptions,
  ): Promise<Annotation[]>;
  /**
   * `restoreMany` into the writer folder of highlights imported from `coder`'s export on this
   * machine (`<coderId>.import-<installation>`), not mine: they stay theirs (read-only here).
   */
  restoreManyAs(
    coder: Coder,
    articleId: string,
    annotations: readonly Annotation[],
    opts?: RestoreManyOptions,
  ): Promise<void>;
  /**
   * `list` for many articles, yielded one at a time in the order given, from the in-memory index
   * that `counts` and `queryAnnotations` use (as current as the highlight list): a walk over the
   * whole store, such as an export, reads no file per article. Only the yielded article is copied.
   */
  listEach(articleIds: Iterable<string>): AsyncGenerator<ArticleAnnotations>;
  /**
   * Every highlight of the library reduced to article, coder, tags, place and quote, from the
   * in-memory index without copying (for reports over 100,000 highlights; highlight-facts.ts).
   */
  highlightFacts(): Promise<readonly HighlightFact[]>;
  /** Number of highlights per article id (articles without any are absent). */
  counts(): Promise<Record<string, number>>;
  /** Every article the store holds a file for (highlights, a memo, or what was last known of it). */
  articleIds(): Promise<string[]>;
  /** What the store last knew of these articles' files (those it holds anything for). */
  lastKnown(articleIds: Iterable<string>): Promise<Map<string, LastKnownArticle>>;
  /** Every annotation of the library, one article file at a time (constant memory). */
  allAnnotations(): AsyncIterable<Annotation>;
  /**
   * The library-wide highlight list, filtered and paged, from an in-memory index of every
   * annotation (built on first use, kept current by this process's writes and other processes'
   * change events; without a watcher every call rescans the files).
   */
  queryAnnotations(query: AnnotationQuery): Promise<AnnotationQueryResult<OwnedAnnotation>>;
  /** The articles with a highlight carrying any of the tags or their sub-tags, from the same index. */
  articleIdsWithTags(tagIds: readonly string[]): Promise<string[]>;
  /** My memo on the article. */
  getMemo(articleId: string): Promise<string>;
  /** Other coders' non-empty memos on the article, by coder name. */
  otherMemos(articleId: string): Promise<OtherMemo[]>;
  /** Every coder the library holds work of (the current one always included). */
  coders(): Promise<CoderSummary[]>;
  setMemo(articleId: string, memo: string, article?: ArticleRef): Promise<void>;
  /** Moves annotations of articles that disappeared to the article with the same fingerprint. */
  relink(articles: readonly CurrentArticle[]): Promise<RelinkResult>;

  listTags(): Promise<Tag[]>;
  /** Number of highlights using each tag directly (sub-tags not rolled up). */
  tagCounts(): Promise<Record<string, number>>;
  /** The colours set by hand on highlights anywhere in the library (lower-case #rrggbb, sorted). */
  annotationColors(): Promise<string[]>;
  createTag(input: NewTag): Promise<Tag>;
  /** Rename, recolour, describe or move (parentId) a tag. */
  updateTag(id: string, patch: TagPatch): Promise<Tag>;
  /** All highlights of `sourceId` (and its sub-tags) move to `targetId`. */
  mergeTags(sourceId: string, targetId: string): Promise<TagRemoval>;
  /** Deletes the tag and its sub-tags and takes them off every highlight. */
  deleteTag(id: string): Promise<TagRemoval>;
  /**
   * Puts a deleted or merged tag back with its id, name, parent, colour and description (or moves
   * and renames an existing one back), and un-retires it so highlights that still name it show it.
   */
  restoreTag(tag: Tag): Promise<Tag>;
  tagPath(id: string): Promise<string>;
  exportCodebookCsv(): Promise<string>;
  importCodebookCsv(csv: string): Promise<CodebookImportResult>;

  /** Files that could not be read or written, and what was done about them. */
  problems(): StoreProblem[];
  /** Called for changes other processes make; returns an unsubscribe function. */
  onExternalChange(cb: (change: ExternalChange) => void): () => void;
  /** Waits for pending writes, stops watching. */
  close(): Promise<void>;
}

export interface AnnotationServiceOptions {
  /**
   * Who writes (coder and writer folder); called at each write, so switching coders takes effect at
   * once. Default: the coder named by `creator` (else "Coder") on installation `local`.
   */
  writer?: () => WriterIdentity;
  /** Who is annotating, when no `writer` is given (tests, scripts). */
  creator?: () => string;
  /**
   * Write only this writer's folder `<dataDir>/coders/<writerId>/` (migrating a pre-coders store
   * into it on first open) and read the codebook merged from every writer's book. Libraries opened
   * by Gloss always do; a store without it is one writer's plain folder (tests, tools).
   */
  writerFolders?: boolean;
  /** Watch for other processes' changes (default true). */
  watch?: boolean;
  /**
   * A read-only store to show below this one: its files are read where this store has none, and
   * the first change to one writes the changed copy here (the lower one is never written). For a
   * library whose folder is read-only: its own `.gloss` below, the app-data fallback on top.
   */
  readOnlyBelow?: string;
  /** Replaces the migration tables; for tests of the mechanism, and nothing else. */
  migrations?: Partial<Record<FileKind, MigrationTable>>;
}
