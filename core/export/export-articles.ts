/**
 * Walks the planned articles one at a time: the article's highlights (after the scope's tag filter),
 * optionally its memo, and the full article (metadata and canonical text, via `library.get`) placed
 * beside them. Only one article is held at a time, so an export's memory does not grow with the library.
 */
import type { Article } from '../model.js';
import type { ExportPlan, ExportSession, PlannedArticle } from './export-scope.js';
import { placeAnnotations, type PlacedAnnotation } from './place-annotations.js';

export interface ArticleExport {
  planned: PlannedArticle;
  /** The article as opened now; null when it is not in the library or could not be read. */
  article: Article | null;
  /** Why `article` is null for an article the library lists (e.g. its file vanished). */
  problem: string | null;
  /** '' unless memos were asked for. */
  memo: string;
  /** The exported highlights in document order. */
  items: PlacedAnnotation[];
}

export interface ExportArticlesOptions {
  /** Read memos, and (unless the scope filters by tag) yield articles with a memo but no highlight. */
  memos: boolean;
}

export async function* exportArticles(
  session: ExportSession,
  plan: ExportPlan,
  options: ExportArticlesOptions,
): AsyncGenerator<ArticleExport> {
  for (const planned of plan.articles) {
    const annotations =
      planned.count > 0 ? (await session.annotations.list(planned.id)).filter(plan.includes) : [];
    if (annotations.length === 0 && (plan.byTag || !options.memos)) continue;
    const memo = options.memos ? await session.annotations.getMemo(planned.id) : '';
    if (annotations.length === 0 && !memo) continue;
    let article: Article | null = null;
    let problem: string | null = null;
    if (planned.summary) {
      try {
        article = await session.library.get(planned.id);
      } catch (err) {
        // One unreadable file must not sink the export: its highlights go out without context.
        problem = (err as Error).message;
      }
    }
    yield {
      planned,
      article,
      problem,
      memo,
      items: placeAnnotations(article?.doc.text ?? null, annotations),
    };
  }
}
