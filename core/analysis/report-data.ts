/**
 * Gathers what the reports count, from an open library: the articles in scope, the chosen coders'
 * highlights on them with their codes (folded to parents or to the chosen codes when asked), and
 * the codes and coders as the reports name them. The reports themselves are pure functions of this
 * (frequencies.ts, article-matrix.ts, cooccurrence.ts, timeline.ts).
 *
 * Positions are the stored ones (what the reader shows once a highlight is placed); characters are
 * the code points of the highlighted text, as the CSV export counts `end - start`. Re-anchoring
 * every highlight against every text would take seconds at 100,000 highlights.
 */
import { ApiError } from '../errors.js';
import type { ArticleSummary, Tag } from '../model.js';
import type { AnnotationService } from '../store/annotation-service.js';
import { findByPath, tagPath, tagsInTreeOrder } from '../store/codebook.js';
import type { HighlightFact } from '../store/highlight-facts.js';
import type { CodebookFile } from '../store/store-schema.js';
import { coderIdOf } from '../teams/coder.js';
import type { ReportHighlight } from './report-highlight.js';
import type { ReportCoder, ReportScope, ReportTag } from './report-types.js';
import type { ReportDataCache } from './report-data-cache.js';
import { articlesInScope, type ScopeSources } from './resolve-scope.js';

export type { ReportHighlight } from './report-highlight.js';

export interface ReportData {
  /** In library-path order. */
  articles: ArticleSummary[];
  /** Grouped by article, in article order (within an article, in no particular order). Shared: never change it. */
  highlights: readonly ReportHighlight[];
  /** The report's codes in codebook order. */
  tags: ReportTag[];
  coders: ReportCoder[];
  notes: string[];
}

export interface ReportSources extends ScopeSources {
  annotations: AnnotationService;
  /** Keeps the gathered highlights between views over the same scope (report-data-cache.ts). */
  cache?: ReportDataCache;
}

export { codePointCount } from '../store/highlight-facts.js';

/** A coder given by id or name, among the library's coders. */
export function findCoder(known: readonly ReportCoder[], given: string): ReportCoder {
  const w = given.trim();
  const coder =
    known.find((c) => c.id === w) ??
    known.find((c) => c.name === w) ??
    known.find((c) => c.id === coderIdOf(w));
  if (coder) return coder;
  const names = known.map((c) => c.name).join(', ') || 'none yet';
  throw new ApiError('invalid-input', `No coder "${w}" in this library (its coders: ${names}).`);
}

/** A code given by id, path (`Parent/Child`) or unique name. */
export function findCode(book: CodebookFile, given: string): Tag {
  const w = given.trim();
  const byId = book.tags.find((t) => t.id === w) ?? findByPath(book, w);
  if (byId) return byId;
  const named = book.tags.filter((t) => t.name === w);
  if (named.length > 1)
    throw new ApiError('invalid-input', `Several codes are called "${w}": give its path (Parent/Child).`);
  if (named[0]) return named[0];
  throw new ApiError('invalid-input', `No code "${w}" in the codebook.`);
}

/**
 * Maps each stored tag id to the report code it counts as (or to nothing). Folding: to the nearest
 * chosen code above or at it (with chosen codes), else to its top-level code.
 */
function codeMapping(
  book: CodebookFile,
  chosen: Tag[],
  fold: boolean,
): { targets: Tag[]; of: Map<string, string> } {
  const byId = new Map(book.tags.map((t) => [t.id, t]));
  const ordered = tagsInTreeOrder(book);
  const targets =
    chosen.length > 0
      ? chosen
      : fold
        ? ordered.filter((t) => t.parentId === null || !byId.has(t.parentId))
        : ordered;
  const isTarget = new Set(targets.map((t) => t.id));
  const of = new Map<string, string>();
  for (const tag of book.tags) {
    if (!fold) {
      if (isTarget.has(tag.id)) of.set(tag.id, tag.id);
      continue;
    }
    const seen = new Set<string>();
    for (
      let t: Tag | undefined = tag;
      t && !seen.has(t.id);
      t = t.parentId ? byId.get(t.parentId) : undefined
    ) {
      seen.add(t.id);
      if (isTarget.has(t.id)) {
        of.set(tag.id, t.id);
        break;
      }
    }
  }
  const order = new Map(ordered.map((t, i) => [t.id, i]));
  const sorted = [...targets].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { targets: sorted, of };
}

export async function reportData(src: ReportSources, scope: ReportScope): Promise<ReportData> {
  const { articles, notes } = await articlesInScope(src, scope);
  const book: CodebookFile = { schemaVersion: 1, tags: await src.annotations.listTags(), retired: {} };
  const library = await src.annotations.coders();
  const known = library.map((c) => ({ id: c.id, name: c.name }));
  // Every coder who has highlights, unless coders were chosen (the current coder may have none yet).
  const coders = scope.coders?.length
    ? scope.coders.map((c) => findCoder(known, c))
    : library.filter((c) => c.highlights > 0).map((c) => ({ id: c.id, name: c.name }));
  const wantedCoders = new Set(coders.map((c) => c.id));
  const chosen = [
    ...new Map((scope.tags ?? []).map((t) => findCode(book, t)).map((t) => [t.id, t])).values(),
  ];
  const { targets, of } = codeMapping(book, chosen, scope.foldToParents ?? false);
  const tags = targets.map((t) => ({ id: t.id, path: tagPath(book, t.id), color: t.color }));

  const facts = await src.annotations.highlightFacts();
  let highlights = src.cache?.get(facts, articles, wantedCoders, of);
  if (!highlights) {
    highlights = gather(facts, articles, wantedCoders, of);
    src.cache?.set(facts, articles, wantedCoders, of, highlights);
  }
  return { articles, highlights, tags, coders, notes };
}

/** Whether each tag is its own report code, each once (the fact's list can then be used as it is). */
function countsAsItself(tagIds: readonly string[], of: ReadonlyMap<string, string>): boolean {
  for (let i = 0; i < tagIds.length; i++) {
    const id = tagIds[i]!;
    if (of.get(id) !== id) return false;
    for (let j = 0; j < i; j++) if (tagIds[j] === id) return false;
  }
  return true;
}

/**
 * The chosen coders' highlights on the articles, grouped by article in article order, each with
 * its report codes. Straight from the store's facts: a fact whose codes are its own report codes
 * (no folding, no code left out) is used as it is, so most of 100,000 highlights cost no copy.
 * Two passes over the facts, counting then placing, so the grouping needs no list per article
 * (10,000 small arrays were most of a report's time and garbage).
 */
function gather(
  facts: readonly HighlightFact[],
  articles: readonly ArticleSummary[],
  wantedCoders: ReadonlySet<string>,
  of: ReadonlyMap<string, string>,
): ReportHighlight[] {
  const slotOf = new Map<string, number>();
  articles.forEach((a, i) => slotOf.set(a.id, i));
  // Per fact: its article's slot, or -1 when it is left out; the highlights whose codes changed.
  const slots = new Int32Array(facts.length);
  const recoded = new Map<number, ReportHighlight>();
  const starts = new Int32Array(articles.length + 1);
  for (let k = 0; k < facts.length; k++) {
    const h = facts[k]!;
    const slot = slotOf.get(h.articleId);
    slots[k] = -1;
    if (slot === undefined || !wantedCoders.has(h.coderId)) continue;
    if (!countsAsItself(h.tagIds, of)) {
      const codes: string[] = [];
      for (const id of h.tagIds) {
        const code = of.get(id);
        if (code !== undefined && !codes.includes(code)) codes.push(code);
      }
      if (codes.length === 0) continue;
      recoded.set(k, { ...h, tagIds: codes });
    } else if (h.tagIds.length === 0) continue;
    slots[k] = slot;
    starts[slot + 1]!++;
  }
  for (let i = 0; i < articles.length; i++) starts[i + 1]! += starts[i]!;
  const highlights = new Array<ReportHighlight>(starts[articles.length]!);
  for (let k = 0; k < facts.length; k++) {
    const slot = slots[k]!;
    if (slot < 0) continue;
    // Grouped by article, in article order (what the reports rely on); cooccurrence.ts sorts by place itself.
    highlights[starts[slot]!++] = (recoded.size > 0 && recoded.get(k)) || facts[k]!;
  }
  return highlights;
}
