/**
 * Codes over time (or over sources, categories, folders): per period and code, the highlights and
 * the articles they are in. An article counts in the period of its date (one per category when by
 * category); articles without a date (or source, category) count in period null, listed last. Pure.
 */
import { periodsOf } from './article-facets.js';
import type { ReportData } from './report-data.js';
import type { TimelineBy, TimelineRow } from './report-types.js';

export function comparePeriods(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function timeline(
  data: Pick<ReportData, 'articles' | 'highlights' | 'tags'>,
  by: TimelineBy,
): TimelineRow[] {
  const periods = new Map(data.articles.map((a) => [a.id, periodsOf(a, by)]));
  // period → tag → tally; a Map keeps null as a key of its own.
  type Row = Map<string, { highlights: number; articles: number; last: string | null }>;
  const cells = new Map<string | null, Row>();
  // Highlights come grouped by article: its periods' rows are looked up once per article.
  let rowsOfArticle: Row[] = [];
  let current: string | null = null;
  for (const h of data.highlights) {
    if (h.articleId !== current) {
      current = h.articleId;
      rowsOfArticle = (periods.get(h.articleId) ?? [null]).map((period) => {
        let row = cells.get(period);
        if (!row) cells.set(period, (row = new Map()));
        return row;
      });
    }
    for (const row of rowsOfArticle) {
      for (const tagId of h.tagIds) {
        let cell = row.get(tagId);
        if (!cell) row.set(tagId, (cell = { highlights: 0, articles: 0, last: null }));
        cell.highlights++;
        // Highlights come grouped by article (ReportData): a new article is one not seen last.
        if (cell.last !== h.articleId) {
          cell.articles++;
          cell.last = h.articleId;
        }
      }
    }
  }
  const rows: TimelineRow[] = [];
  for (const period of [...cells.keys()].sort(comparePeriods)) {
    const row = cells.get(period)!;
    for (const tag of data.tags) {
      const cell = row.get(tag.id);
      if (cell)
        rows.push({
          period,
          tagId: tag.id,
          tagPath: tag.path,
          highlights: cell.highlights,
          articles: cell.articles,
        });
    }
  }
  return rows;
}
