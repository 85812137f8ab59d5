/**
 * The annotation store of one library, as the rest of Gloss sees it: highlights, memos and the
 * codebook, kept in `<library>/.gloss/` (or wherever the caller's dataDir points). Safe with
 * several processes on one library, durable once a promise resolves, and never destructive with
 * files it does not understand. The implementation is `annotation-store.ts`.
 */
import type { Annotation, Tag, TextPositionSelector, TextQuoteSelector } from '../model.js';
import { AnnotationStore } from './annotation-store.js';
import type { CodebookImportResult } from './codebook-csv.js';
import type { NewTag, TagPatch } from './codebook.js';
import type { ExternalChange } from './external-changes.js';
import type { FileKind, MigrationTable } from './migrations.js';
import type { CurrentArticle } from './relink-plan.js';
import type { StoreProblem } from './store-problems.js';

export type { CodebookImportResult, CurrentArticle, ExternalChange, NewTag, StoreProblem, TagPatch };

/** Where an article's file was and what its body hashed to when it was last annotated. */
export interface ArticleRef {
  path: string;
  fingerprint: string;
}

export interface NewAnnotation {
  articleId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  tagIds?: string[];
  note?: string;
  color?: string | null;
  /** Recorded in the article's file so the annotations can follow the file when it moves. */
  article?: ArticleRef;
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

export interface TagRemoval {
  /** Tags that no longer exist (a merged tag and its merged sub-tags, or a deleted subtree). */
  retiredTagIds: string[];
  /** Highlights whose tags changed. */
  annotationsChanged: number;
}

export interface AnnotationService {
  readonly dataDir: string;
  /** Null when the store can be written; otherwise why not (a read-only folder, a newer codebook). */
  readonly readOnly: ReadOnlyInfo | null;

  /** The article's highlights in document order, tags mapped through merges and deletes. */
  list(articleId: string): Promise<Annotation[]>;
  create(input: NewAnnotation): Promise<Annotation>;
  update(articleId: string, id: string, patch: AnnotationPatch): Promise<Annotation>;
  /** Returns the removed annotation, for undo. */
  remove(articleId: string, id: string): Promise<Annotation>;
  /** Puts an annotation back exactly as given (undo of a delete or an edit). */
  restore(annotation: Annotation): Promise<Annotation>;
  /** Number of highlights per article id (articles without any are absent). */
  counts(): Promise<Record<string, number>>;
  /** Every annotation of the library, one article file at a time (constant memory). */
  allAnnotations(): AsyncIterable<Annotation>;
  getMemo(articleId: string): Promise<string>;
  setMemo(articleId: string, memo: string, article?: ArticleRef): Promise<void>;
  /** Moves annotations of articles that disappeared to the article with the same fingerprint. */
  relink(articles: readonly CurrentArticle[]): Promise<RelinkResult>;

  listTags(): Promise<Tag[]>;
  /** Number of highlights using each tag directly (sub-tags not rolled up). */
  tagCounts(): Promise<Record<string, number>>;
  createTag(input: NewTag): Promise<Tag>;
  /** Rename, recolour, describe or move (parentId) a tag. */
  updateTag(id: string, patch: TagPatch): Promise<Tag>;
  /** All highlights of `sourceId` (and its sub-tags) move to `targetId`. */
  mergeTags(sourceId: string, targetId: string): Promise<TagRemoval>;
  /** Deletes the tag and its sub-tags and takes them off every highlight. */
  deleteTag(id: string): Promise<TagRemoval>;
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
  /** Who is annotating (from the preferences); called at each creation. */
  creator?: () => string;
  /** Watch for other processes' changes (default true). */
  watch?: boolean;
  /** Replaces the migration tables; for tests of the mechanism, and nothing else. */
  migrations?: Partial<Record<FileKind, MigrationTable>>;
}

export async function openAnnotationService(
  dataDir: string,
  opts: AnnotationServiceOptions = {},
): Promise<AnnotationService> {
  return AnnotationStore.open(dataDir, opts);
}
