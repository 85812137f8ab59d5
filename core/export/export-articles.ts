/**
 * Walks the planned articles one at a time: the article's highlights (after the scope's tag filter),
 * optionally its memo, and the article's metadata and canonical text placed beside them. The text
 * comes from `library.getText`, which answers from memory for every article opened before (every
 * highlighted one, in real use) instead of reading and cleaning it again; exports never need the HTML.
 * Only one article is held at a time, so an export's memory does not grow with the library.
 *
 * With the texts and the highlights in memory, nothing in the walk waits for I/O, so it hands the
 * event loop back every few milliseconds: an export of 100,000 highlights must not freeze the app.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ArticleText } from '../library/library-handle.js';
import type { LastKnownArticle } from '../store/annotation-service.js';
import type { ExportPlan, ExportSession, PlannedArticle } from './export-scope.js';
import { placeAnnotations, type PlacedAnnotation } from './place-annotations.js';

export interface ArticleExport {
  planned: PlannedArticle;
  /** The article's metadata and text now; null when it is not in the library or could not be read. */
  article: ArticleText | null;
  /** Why `article` is null for an article the library lists (e.g. its file vanished). */
  problem: string | null;
  /** The article as the store last saw it with its file: names it when the file is gone. */
  lastKnown: LastKnownArticle | null;
  /** '' unless memos were asked for. */
  memo: string;
  /** The exported highlights in document order. */
  items: PlacedAnnotation[];
}

export interface ExportArticlesOptions {
  /** Read memos, and (unless the scope filters by tag) yield articles with a memo but no highlight. */
  memos: boolean;
}

/** Longest stretch of work between two turns of the event loop. */
const SLICE_MS = 15;

export async function* exportArticles(
  session: ExportSession,
  plan: ExportPlan,
  options: ExportArticlesOptions,
): AsyncGenerator<ArticleExport> {
  let next = 0;
  let sliceStart = performance.now();
  for await (const listed of session.annotations.listEach(plan.articles.map((p) => p.id))) {
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
    const planned = plan.articles[next++]!;
    const annotations = listed.annotations.filter(plan.includes);
    if (annotations.length === 0 && (plan.byTag || !options.memos)) continue;
    const memo = options.memos ? await session.annotations.getMemo(planned.id) : '';
    if (annotations.length === 0 && !memo) continue;
    let article: ArticleText | null = null;
    let problem: string | null = null;
    if (planned.summary) {
      try {
        article = await session.library.getText(planned.id);
      } catch (err) {
        // One unreadable file must not sink the export: its highlights go out without context.
        problem = (err as Error).message;
      }
    }
    yield {
      planned,
      article,
      problem,
      lastKnown: listed.lastKnown,
      memo,
      items: placeAnnotations(article?.text ?? null, annotations),
    };
  }
}
