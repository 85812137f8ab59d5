/**
 * Autocode: every hit of a search in the scope's articles, with the unit it would code, and the
 * coding of the kept hits in one batch as the current coder (one write per article). A place the
 * current coder already coded with the tag (a highlight of theirs with it overlapping the unit) is
 * skipped, and so is a hit whose unit overlaps one coded earlier in the same batch (two matches in
 * one sentence make one highlight).
 *
 * Hits are found in each article's canonical text (library.getText), so the highlights anchor
 * exactly where the preview showed them; offsets shown are code points, as exports count.
 */
import { analysisNote } from './analysis-notes.js';
import { randomUUID } from 'node:crypto';
import { CodePointIndex } from '../anchor/code-points.js';
import { describeRange } from '../anchor/describe-range.js';
import type { TextRange } from '../anchor/text-range.js';
import { ApiError } from '../errors.js';
import type { Annotation, ArticleSummary } from '../model.js';
import type { AnnotationService, ArticleRef } from '../store/annotation-service.js';
import type { AutocodeHit, AutocodePreview, AutocodeResult, AutocodeUnit } from './autocode-types.js';
import { unitOf } from './autocode-units.js';
import type { ArticleScope } from './report-types.js';
import { articlesInScope, type ScopeSources } from './resolve-scope.js';
import { compileTextQuery } from './text-query.js';

export interface AutocodeSources extends ScopeSources {
  annotations: AnnotationService;
  /** What the store records about an article beside its highlights. */
  articleRef(summary: ArticleSummary): ArticleRef;
}

export interface AutocodeRequest {
  query: string;
  scope: ArticleScope;
  tagId: string;
  unit: AutocodeUnit;
}

/** One hit with what applying it needs (UTF-16 ranges in the canonical text). */
interface FoundHit {
  hit: AutocodeHit;
  summary: ArticleSummary;
  text: string;
  unit: TextRange;
}

const overlaps = (a: TextRange, b: TextRange): boolean => a.start < b.end && b.start < a.end;

/** The hits, article by article in path order; `visit` may stop the walk by returning false. */
async function findHits(
  src: AutocodeSources,
  req: AutocodeRequest,
  context: number,
  visit: (found: FoundHit) => boolean,
): Promise<{ notes: string[]; titleOnly: number }> {
  const query = compileTextQuery(req.query);
  if (!query) throw new ApiError('invalid-input', `The search "${req.query}" has nothing to look for.`);
  const tags = await src.annotations.listTags();
  if (!tags.some((t) => t.id === req.tagId)) throw new ApiError('not-found', `No tag with id ${req.tagId}.`);
  const { articles, notes } = await articlesInScope(src, req.scope);
  const me = src.annotations.writer.coder.id;
  const byId = new Map(articles.map((a) => [a.id, a]));
  let titleOnly = 0;
  for await (const { articleId, annotations } of src.annotations.listEach(articles.map((a) => a.id))) {
    const summary = byId.get(articleId)!;
    let text: string;
    try {
      text = (await src.library.getText(articleId)).text;
    } catch (err) {
      notes.push(analysisNote('article-unreadable', { path: summary.path, reason: (err as Error).message }));
      continue;
    }
    // The whole query, as the search box reads it: "a b" needs both, "a -b" none of b.
    if (!query.matchesArticle(summary.title, text)) continue;
    const matches = query.occurrences(text);
    if (matches.length === 0) {
      titleOnly++; // found by its title, which is not text a highlight can hold
      continue;
    }
    const coded = annotations
      .filter((a) => (a.creatorId ?? '') === me && a.tagIds.includes(req.tagId))
      .map((a) => ({ start: a.position.start, end: a.position.end }));
    const cp = new CodePointIndex(text);
    for (const m of matches) {
      const unit = unitOf(text, m, req.unit);
      const [start, end] = [cp.toCodePoints(m.start), cp.toCodePoints(m.end)];
      const hit: AutocodeHit = {
        id: `${articleId}#${start}-${end}`,
        articleId,
        path: summary.path,
        title: summary.title,
        start,
        end,
        unitStart: cp.toCodePoints(unit.start),
        unitEnd: cp.toCodePoints(unit.end),
        quote: text.slice(unit.start, unit.end),
        before: text.slice(Math.max(0, m.start - context), m.start),
        match: text.slice(m.start, m.end),
        after: text.slice(m.end, m.end + context),
        alreadyCoded: coded.some((c) => overlaps(c, unit)),
      };
      if (!visit({ hit, summary, text, unit })) return { notes, titleOnly };
    }
  }
  return { notes, titleOnly };
}

export async function previewAutocode(
  src: AutocodeSources,
  req: AutocodeRequest & { context: number; limit: number },
): Promise<AutocodePreview> {
  const hits: AutocodeHit[] = [];
  const articles = new Set<string>();
  let total = 0;
  const { notes, titleOnly } = await findHits(src, req, req.context, ({ hit }) => {
    total++;
    articles.add(hit.articleId);
    if (hits.length < req.limit) hits.push(hit);
    return true;
  });
  return { hits, total, articles: articles.size, truncated: total > hits.length, titleOnly, notes };
}

export async function applyAutocode(
  src: AutocodeSources,
  req: AutocodeRequest & { hitIds?: readonly string[] },
): Promise<AutocodeResult> {
  if (src.annotations.readOnly) throw new ApiError('read-only', src.annotations.readOnly.reason);
  const kept = req.hitIds ? new Set(req.hitIds) : null;
  const byArticle = new Map<string, FoundHit[]>();
  const seen = new Set<string>();
  await findHits(src, req, 0, (found) => {
    seen.add(found.hit.id);
    if (kept && !kept.has(found.hit.id)) return true;
    const list = byArticle.get(found.hit.articleId) ?? [];
    list.push(found);
    byArticle.set(found.hit.articleId, list);
    return true;
  });
  // Kept hits the text no longer has (it changed since the preview) are skipped too.
  let skipped = kept ? [...kept].filter((id) => !seen.has(id)).length : 0;
  const { coder } = src.annotations.writer;
  const createdByArticle: AutocodeResult['createdByArticle'] = [];
  for (const [articleId, hits] of byArticle) {
    const units: TextRange[] = [];
    const made: Annotation[] = [];
    const now = new Date().toISOString();
    for (const { hit, text, unit } of hits) {
      if (hit.alreadyCoded || units.some((u) => overlaps(u, unit)) || unit.end <= unit.start) {
        skipped++;
        continue;
      }
      units.push(unit);
      made.push({
        id: randomUUID(),
        articleId,
        ...describeRange(text, unit),
        tagIds: [req.tagId],
        note: '',
        color: null,
        creator: coder.name,
        creatorId: coder.id,
        created: now,
        modified: now,
      });
    }
    if (made.length === 0) continue;
    await src.annotations.restoreMany(articleId, made, { article: src.articleRef(hits[0]!.summary) });
    createdByArticle.push({ articleId, annotationIds: made.map((a) => a.id) });
  }
  const annotationIds = createdByArticle.flatMap((a) => a.annotationIds);
  return { created: annotationIds.length, skipped, createdByArticle, annotationIds };
}
