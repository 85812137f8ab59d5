/**
 * Imports a Gloss JSON export into the open library, for merging the work of several coders or
 * moving annotations between copies of a corpus:
 * - the file is validated as a whole first (zod): a malformed file is one clear error, nothing written;
 * - tags are merged by path, missing ones created (`merge-codebook.ts`);
 * - annotations are matched by id. New ones are anchored through their selectors against the
 *   current text; those that cannot be placed (text changed, article not in this library) are still
 *   stored — they show as orphans needing review — and are listed in `notPlaced`;
 * - one id whose content differs on the two sides keeps the version with the newer `modified` and is
 *   listed in `conflicts`. Gloss keeps no edit history, so the importer cannot tell an edit made on
 *   one side from edits on both: every differing pair is reported, with the side that was kept;
 * - memos are added where the library has none; a different existing memo is kept and reported;
 * - importing the same file again writes nothing.
 * Each article's new and updated highlights, with where its file is, are one durable write
 * (`restoreMany`); only a memo added to an article is a second one.
 */
import { z } from 'zod';
import { anchorAll } from '../anchor/anchor.js';
import { CodePointIndex } from '../anchor/code-points.js';
import { describeRange } from '../anchor/describe-range.js';
import { parseJsonReportingPlace } from '../store/json-error-place.js';
import { ApiError } from '../errors.js';
import type { Annotation, Coder, TextQuoteSelector } from '../model.js';
import type { ArticleRef } from '../store/annotation-service.js';
import type { ExportSession } from './export-scope.js';
import { mergeCodebook } from './merge-codebook.js';
import { coderIdOf, isValidCoderId } from '../teams/coder.js';
import { CODER_URN } from './web-annotation-format.js';
import {
  glossCollectionSchema,
  type GlossAnnotationItem,
  type GlossCollection,
} from './web-annotation-format.js';

export interface ImportConflict {
  articleId: string;
  id: string;
  /** Which version is in the library now. */
  kept: 'local' | 'imported';
  localModified: string;
  importedModified: string;
}

export interface NotPlaced {
  articleId: string;
  id: string;
  quote: string;
  reason: 'article-not-in-library' | 'text-not-found';
}

export interface ImportSummary {
  added: number;
  /** Existing highlights replaced by a newer imported version. */
  updated: number;
  /** Identical on both sides. */
  unchanged: number;
  /** Differing, but the library's version was as new or newer, so it was kept. */
  skipped: number;
  conflicts: ImportConflict[];
  /** Stored but not placed on the current text: listed for review. */
  notPlaced: NotPlaced[];
  /** Placed on text that changed a little since (fuzzy match); stored with the text found now. */
  placedFuzzy: number;
  /** Paths of the tags created. */
  tagsCreated: string[];
  memosAdded: number;
  /** Articles whose memo differs from the imported one (the library's memo was kept). */
  memoConflicts: string[];
  warnings: string[];
}

const MAX_REPORTED_ISSUES = 8;

/** Articles imported at once (their durable writes overlap). */
const ARTICLE_CONCURRENCY = 8;

function emptySummary(): ImportSummary {
  return {
    added: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    conflicts: [],
    notPlaced: [],
    placedFuzzy: 0,
    tagsCreated: [],
    memosAdded: 0,
    memoConflicts: [],
    warnings: [],
  };
}

function mergeInto(summary: ImportSummary, part: ImportSummary): void {
  summary.added += part.added;
  summary.updated += part.updated;
  summary.unchanged += part.unchanged;
  summary.skipped += part.skipped;
  summary.placedFuzzy += part.placedFuzzy;
  summary.memosAdded += part.memosAdded;
  summary.conflicts.push(...part.conflicts);
  summary.notPlaced.push(...part.notPlaced);
  summary.tagsCreated.push(...part.tagsCreated);
  summary.memoConflicts.push(...part.memoConflicts);
  summary.warnings.push(...part.warnings);
}

/** Parses and validates the file; throws ApiError('invalid-input') with the reasons. */
export function parseGlossExport(json: string): GlossCollection {
  let raw: unknown;
  try {
    raw = parseJsonReportingPlace(json.replace(/^\uFEFF/, ''));
  } catch (err) {
    // Where, not what: the message never quotes the file.
    throw new ApiError('invalid-input', `The file is ${(err as Error).message}.`);
  }
  if (!raw || typeof raw !== 'object' || !('gloss' in raw)) {
    throw new ApiError('invalid-input', 'This is not a Gloss annotation export (it has no "gloss" block).');
  }
  const parsed = glossCollectionSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_REPORTED_ISSUES);
    const more = parsed.error.issues.length - issues.length;
    const text = z.prettifyError(new z.ZodError(issues)) + (more > 0 ? `\n(and ${more} more problems)` : '');
    throw new ApiError('invalid-input', `This Gloss annotation export cannot be imported:\n${text}`);
  }
  return parsed.data;
}

export async function importAnnotations(session: ExportSession, json: string): Promise<ImportSummary> {
  const doc = parseGlossExport(json);
  const store = session.annotations;
  if (store.readOnly) throw new ApiError('read-only', store.readOnly.reason);
  await session.library.whenScanned();

  const summary = emptySummary();
  const { tagMap, created } = await mergeCodebook(store, doc.gloss.codebook.tags);
  summary.tagsCreated = created;

  const byArticle = new Map<string, GlossAnnotationItem[]>();
  for (const item of doc.first.items) {
    const list = byArticle.get(item.gloss.articleId) ?? [];
    list.push(item);
    byArticle.set(item.gloss.articleId, list);
  }
  const memos = new Map(doc.gloss.articles.filter((a) => a.memo).map((a) => [a.id, a.memo]));
  const inLibrary = new Map(session.library.list().articles.map((a) => [a.id, a]));
  const unknownTags = new Set<string>();

  const importArticle = async (articleId: string, part: ImportSummary): Promise<void> => {
    const article = inLibrary.get(articleId) ?? null;
    const text = article ? await currentText(session, articleId, part) : null;
    const items = byArticle.get(articleId) ?? [];
    const candidates = placeImported(text, items, tagMap, unknownTags);
    const local = new Map((await store.list(articleId)).map((a) => [a.id, a]));
    const toWrite: Annotation[] = [];

    for (const { annotation, placed } of candidates) {
      const existing = local.get(annotation.id);
      let write = !existing;
      if (existing && sameContent(existing, annotation)) part.unchanged++;
      else if (existing) {
        write = isNewer(annotation.modified, existing.modified);
        part.conflicts.push({
          articleId,
          id: annotation.id,
          kept: write ? 'imported' : 'local',
          localModified: existing.modified,
          importedModified: annotation.modified,
        });
        if (write) part.updated++;
        else part.skipped++;
      } else part.added++;
      if (!write) continue;
      toWrite.push(annotation);
      if (placed === 'fuzzy') part.placedFuzzy++;
      if (placed === 'orphan' || placed === 'no-text') {
        part.notPlaced.push({
          articleId,
          id: annotation.id,
          quote: annotation.quote.exact,
          reason: placed === 'no-text' ? 'article-not-in-library' : 'text-not-found',
        });
      }
    }
    const ref = article ? { path: article.path, fingerprint: article.fingerprint } : undefined;
    // The file's place is recorded so the highlights can follow it if it is later moved or renamed.
    // A colleague's highlights stay theirs: into their import writer folder, by each item's creator;
    // mine (and those naming no coder) into my own file, as before coders.
    const me = store.writer.coder.id;
    const theirs = new Map<string, { coder: Coder; list: Annotation[] }>();
    const mine: Annotation[] = [];
    for (const a of toWrite) {
      if (!a.creatorId || a.creatorId === me) {
        mine.push(a);
        continue;
      }
      const group = theirs.get(a.creatorId) ?? {
        coder: { id: a.creatorId, name: a.creator || a.creatorId },
        list: [],
      };
      group.list.push(a);
      theirs.set(a.creatorId, group);
    }
    if (mine.length) await store.restoreMany(articleId, mine, { article: ref });
    for (const { coder, list } of theirs.values())
      await store.restoreManyAs(coder, articleId, list, { article: ref });
    await importMemo(session, articleId, memos.get(articleId) ?? '', ref, part);
  };

  // Several articles at once, so one article's fsyncs overlap the next one's reading and placing;
  // each article's findings are merged in article order, so the summary does not depend on timing.
  const articleIds = [...new Set([...byArticle.keys(), ...memos.keys()])];
  const parts = articleIds.map(() => emptySummary());
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < articleIds.length) {
      const i = next++;
      await importArticle(articleIds[i]!, parts[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(ARTICLE_CONCURRENCY, articleIds.length) }, worker));
  for (const part of parts) mergeInto(summary, part);
  if (unknownTags.size) {
    summary.warnings.push(
      `Tags missing from the file's codebook were left off: ${[...unknownTags].join(', ')}`,
    );
  }
  return summary;
}

async function currentText(
  session: ExportSession,
  articleId: string,
  summary: ImportSummary,
): Promise<string | null> {
  try {
    return (await session.library.getText(articleId)).text;
  } catch (err) {
    summary.warnings.push(`Could not open article ${articleId}: ${(err as Error).message}`);
    return null;
  }
}

/** Sets the memo where there is none, reports a different one. */
async function importMemo(
  session: ExportSession,
  articleId: string,
  memo: string,
  ref: ArticleRef | undefined,
  summary: ImportSummary,
): Promise<void> {
  if (!memo) return;
  const local = await session.annotations.getMemo(articleId);
  if (local && local !== memo) summary.memoConflicts.push(articleId);
  if (!local) {
    await session.annotations.setMemo(articleId, memo, ref);
    summary.memosAdded++;
  }
}

interface Candidate {
  annotation: Annotation;
  placed: 'exact' | 'moved' | 'fuzzy' | 'orphan' | 'no-text';
}

/** The annotations as they would be stored here: tags mapped, selectors placed on `text`. */
function placeImported(
  text: string | null,
  items: readonly GlossAnnotationItem[],
  tagMap: ReadonlyMap<string, string>,
  unknownTags: Set<string>,
): Candidate[] {
  const index = text === null ? null : new CodePointIndex(text);
  const selectors = items.map((item) => {
    const quoteSelector = item.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
    const position = item.target.selector.find((s) => s.type === 'TextPositionSelector');
    const exact = text === null ? (item.gloss.storedQuote ?? quoteSelector.exact) : quoteSelector.exact;
    const start = index && position ? index.toUtf16(position.start) : item.gloss.position16.start;
    return {
      quote: { type: 'TextQuoteSelector', exact, prefix: quoteSelector.prefix, suffix: quoteSelector.suffix },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    } as const;
  });
  const placed = text === null ? null : anchorAll(text, selectors);

  return items.map((item, i): Candidate => {
    const tagIds: string[] = [];
    for (const id of item.gloss.tagIds) {
      const mapped = tagMap.get(id);
      if (mapped === undefined) unknownTags.add(id);
      else if (!tagIds.includes(mapped)) tagIds.push(mapped);
    }
    let { quote, position } = selectors[i]!;
    const result = placed?.[i];
    if (text !== null && result?.range) {
      if (result.status === 'fuzzy') ({ quote, position } = describeRange(text, result.range));
      else position = { type: 'TextPositionSelector', ...result.range };
    }
    return {
      annotation: {
        id: item.gloss.id,
        articleId: item.gloss.articleId,
        quote: quote as TextQuoteSelector,
        position,
        tagIds,
        note: (item.body ?? [])
          .filter((b) => b.purpose === 'commenting')
          .map((b) => b.value)
          .join('\n\n'),
        color: item.gloss.color?.toUpperCase() ?? null,
        creator: item.creator?.name ?? '',
        ...(item.creator ? { creatorId: creatorIdOf(item.creator) } : {}),
        created: item.created,
        modified: item.modified,
      },
      placed: result?.status ?? 'no-text',
    };
  });
}

/** The coder id an export records (`urn:gloss:coder:<id>`), else the one derived from the name. */
export function creatorIdOf(creator: { id?: string; name: string }): string {
  const id = creator.id?.startsWith(CODER_URN) ? creator.id.slice(CODER_URN.length) : '';
  return isValidCoderId(id) ? id : coderIdOf(creator.name);
}

function sameContent(a: Annotation, b: Annotation): boolean {
  const tags = (x: Annotation) => [...x.tagIds].sort().join('\u0000');
  return (
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix &&
    a.position.start === b.position.start &&
    a.position.end === b.position.end &&
    tags(a) === tags(b) &&
    a.note === b.note &&
    (a.color ?? '').toUpperCase() === (b.color ?? '').toUpperCase() &&
    a.creator === b.creator &&
    a.created === b.created
  );
}

function isNewer(imported: string, local: string): boolean {
  const a = Date.parse(imported);
  const b = Date.parse(local);
  return Number.isNaN(a) || Number.isNaN(b) ? imported > local : a > b;
}
