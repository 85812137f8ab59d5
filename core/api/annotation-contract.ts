/** API operations on highlights, memos and the codebook of the open library. */
import { z } from 'zod';
import { op } from './define.js';
import { tagKeySchema } from '../store/tag-keys.js';
import { LIMITS, MAX_RESTORE_BATCH } from '../limits.js';
import type {
  AnchoredAnnotation,
  Annotation,
  AnnotationChange,
  HighlightOwner,
  OwnedAnnotation,
  Tag,
} from '../model.js';
import type { Placement } from '../anchor/place-selection.js';
import type {
  CodebookImportResult,
  OtherMemo,
  StoreProblem,
  TagRemoval,
} from '../store/annotation-service.js';
import type { FallbackMoveReport } from '../store/move-fallback.js';

export type { CodebookImportResult, FallbackMoveReport, OtherMemo, Placement, StoreProblem, TagRemoval };

/** A highlight as stored, and whether it is where the reader selected it or the text moved under it. */
export type PlacedAnnotation = OwnedAnnotation & { placement: Placement };

/** A highlight of the open article as the reader lists it, with whose it is. */
export type ListedAnnotation = AnchoredAnnotation & HighlightOwner;

/** An edit of a highlight; `placement` when it was moved (start and end given). */
export type PlacedChange = AnnotationChange & { placement?: Placement };

/** One row of the library-wide annotation list: the annotation and where it belongs. */
export interface AnnotationListItem extends OwnedAnnotation {
  /** For an article whose file is gone, as last seen; null when never recorded. */
  articleTitle: string | null;
  articlePath: string | null;
  /** The article's file is no longer in the library (its highlights are kept until it returns). */
  articleMissing: boolean;
}

export interface AnnotationPage {
  items: AnnotationListItem[];
  /** Matches before paging. */
  total: number;
}

export interface StoreStatus {
  problems: StoreProblem[];
  /** Why nothing can be saved, or null. */
  readOnly: string | null;
  /**
   * The library's folder is read-only: its own `.gloss` (this path) is shown read-only, and what
   * is saved goes to the app-data folder on top of it. Null otherwise.
   */
  readOnlyBelow: string | null;
  /**
   * The library can be written again and the app-data folder still holds what was saved while it
   * could not: `moveFallbackIntoLibrary` moves it in. Null when there is nothing to move.
   */
  fallbackToMove: { dataDir: string; articles: number } | null;
}

const id = z.string().min(1).max(LIMITS.id);
const offset = z.number().int().min(0).max(100_000_000);
const color = z
  .string()
  .max(7)
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #E69F00');
const tagIds = z.array(id).max(1000);
const note = z.string().max(LIMITS.note);
const tagName = z.string().min(1).max(LIMITS.name);
const description = z.string().max(LIMITS.note);

const annotation = z
  .object({
    id,
    articleId: id,
    quote: z
      .object({
        type: z.literal('TextQuoteSelector'),
        exact: z.string().min(1).max(LIMITS.quote),
        prefix: z.string().max(1000),
        suffix: z.string().max(1000),
      })
      .strict(),
    position: z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }).strict(),
    tagIds,
    note,
    color: color.nullable(),
    creator: z.string().max(LIMITS.name),
    creatorId: z.string().max(LIMITS.id).optional(),
    created: z.string().max(100),
    modified: z.string().max(100),
  })
  .strict();

const range = { start: offset, end: offset };

/**
 * What the reader saw where it placed a highlight: the selected quote with its context (as
 * `describeRange` gives it, from the text on screen) and the version of that text (`textVersion`
 * of getArticle). The host checks both against the text it has now; offsets are never trusted alone.
 */
const shownQuote = z
  .object({
    exact: z.string().min(1).max(LIMITS.quote),
    prefix: z.string().max(1000),
    suffix: z.string().max(1000),
  })
  .strict();
const textVersion = z.string().min(1).max(100);

const tagKey = tagKeySchema.nullable();
const tag = z
  .object({
    id,
    name: tagName,
    parentId: id.nullable(),
    color,
    description,
    key: tagKey.optional(),
    keyClash: z.string().max(1).optional(),
  })
  .strict();

export const annotationContract = {
  /** The article's highlights placed on its current text (orphans included, with range null). */
  listAnnotations: op<ListedAnnotation[]>()(z.object({ articleId: id }).strict()),
  /**
   * Stores a new highlight on the selected words, or refuses with `text-changed` when the text
   * changed and they cannot be found for certain (see core/anchor/place-selection.ts). The client
   * makes the id: a create with an id that exists is the same request again and returns the stored
   * highlight (exactly once, whatever is retried or pressed twice). Selectors are computed here
   * from the canonical text.
   */
  createAnnotation: op<PlacedAnnotation>()(
    z
      .object({
        id,
        articleId: id,
        ...range,
        quote: shownQuote,
        textVersion,
        tagIds: tagIds.default([]),
        note: note.default(''),
        color: color.nullable().default(null),
      })
      .strict()
      .refine((v) => v.end > v.start, 'end must be after start'),
  ),
  /**
   * start and end together move the highlight (e.g. re-attaching an orphan to a selection), with
   * the quote and text version the reader showed, checked as for createAnnotation. Returns the
   * highlight as it is now and as it was, which is what undo restores.
   */
  updateAnnotation: op<PlacedChange>()(
    z
      .object({
        articleId: id,
        id,
        tagIds: tagIds.optional(),
        note: note.optional(),
        color: color.nullable().optional(),
        start: offset.optional(),
        end: offset.optional(),
        quote: shownQuote.optional(),
        textVersion: textVersion.optional(),
      })
      .strict()
      .refine(
        (v) =>
          [v.start, v.end, v.quote, v.textVersion].every(
            (x) => (x === undefined) === (v.start === undefined),
          ),
        'start, end, quote and textVersion go together',
      )
      .refine((v) => v.start === undefined || v.end! > v.start, 'end must be after start'),
  ),
  /** Returns the deleted annotation so the UI can offer undo. */
  deleteAnnotation: op<Annotation>()(z.object({ articleId: id, id }).strict()),
  restoreAnnotation: op<Annotation>()(z.object({ annotation }).strict()),
  /**
   * Puts many highlights back exactly as given (undo of a tag delete or merge: pass its `previous`),
   * one durable write per article; an article whose highlights are already so is not written.
   */
  restoreAnnotations: op<{ restored: number; articleIds: string[] }>()(
    z.object({ annotations: z.array(annotation).max(MAX_RESTORE_BATCH) }).strict(),
  ),
  listAllAnnotations: op<AnnotationPage>()(
    z
      .object({
        /** Highlights with any of these tags or their sub-tags. */
        tagIds: tagIds.optional(),
        /** Text searched in quotes and notes (case-insensitive). */
        text: z.string().max(LIMITS.query).optional(),
        articleIds: z.array(id).max(100_000).optional(),
        /** Only these coders' highlights (coder ids); absent: every coder's. */
        coders: z.array(id).max(1000).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
  ),
  /**
   * Tags in tree order, how many highlights use each directly, and the colours set by hand on
   * highlights (the reader prepares every colour it may paint before an article is on screen).
   */
  listTags: op<{ tags: Tag[]; counts: Record<string, number>; colors: string[] }>()(z.object({}).strict()),
  createTag: op<Tag>()(
    z
      .object({
        name: tagName,
        parentId: id.nullable().default(null),
        color: color.optional(),
        description: description.default(''),
      })
      .strict(),
  ),
  /** Rename, recolour, describe or move (parentId) a tag. */
  updateTag: op<Tag>()(
    z
      .object({
        id,
        name: tagName.optional(),
        parentId: id.nullable().optional(),
        color: color.optional(),
        description: description.optional(),
        /** Gives the tag this number key (taken from any tag holding it), or none. */
        key: tagKey.optional(),
      })
      .strict(),
  ),
  /** Returns what undo needs: `previousTags`, `previous` (see TagRemoval). */
  deleteTag: op<TagRemoval>()(z.object({ id }).strict()),
  mergeTags: op<TagRemoval>()(z.object({ sourceId: id, targetId: id }).strict()),
  /**
   * Puts a deleted or merged tag back with its id (or moves/renames an existing one back): undo of
   * deleteTag/mergeTags is restoreTag for each of `previousTags` in order, then restoreAnnotations.
   */
  restoreTag: op<Tag>()(z.object({ tag }).strict()),
  /** My memo on the article, and the other coders' memos (non-empty ones, by coder name). */
  getMemo: op<{ memo: string; others: OtherMemo[] }>()(z.object({ articleId: id }).strict()),
  /**
   * Copies another coder's highlight into mine: same quote, position, tags, note and colour, the
   * id `newId` (made by the client, so a retry stores one copy), me as its coder.
   */
  copyAnnotationToMine: op<OwnedAnnotation>()(z.object({ articleId: id, id, newId: id }).strict()),
  setMemo: op<{ memo: string }>()(z.object({ articleId: id, memo: note }).strict()),
  exportCodebookCsv: op<{ csv: string }>()(z.object({}).strict()),
  importCodebookCsv: op<CodebookImportResult>()(z.object({ csv: z.string().min(1).max(5_000_000) }).strict()),
  getStoreProblems: op<StoreStatus>()(z.object({}).strict()),
  /**
   * Moves the highlights, memos and tags saved in the app-data folder while the library was
   * read-only into the library's own store (see StoreStatus.fallbackToMove); says what moved.
   */
  moveFallbackIntoLibrary: op<FallbackMoveReport>()(z.object({}).strict()),
  /** The ids of the articles with a highlight carrying any of the tags or their sub-tags. */
  listArticleIdsWithTags: op<{ articleIds: string[] }>()(z.object({ tagIds }).strict()),
};
