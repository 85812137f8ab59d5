/**
 * The article × code matrix: how many highlights each article has with each code, as its non-zero
 * cells, articles in library-path order and codes in codebook order. Pure.
 */
import { sourceOf } from './article-facets.js';
import type { ReportData } from './report-data.js';
import type { MatrixRow } from './report-types.js';

export function articleMatrix(data: Pick<ReportData, 'articles' | 'highlights' | 'tags'>): MatrixRow[] {
  const cells = new Map<string, Map<string, number>>();
  for (const h of data.highlights) {
    let row = cells.get(h.articleId);
    if (!row) cells.set(h.articleId, (row = new Map()));
    for (const tagId of h.tagIds) row.set(tagId, (row.get(tagId) ?? 0) + 1);
  }
  const rows: MatrixRow[] = [];
  for (const a of data.articles) {
    const row = cells.get(a.id);
    if (!row) continue;
    for (const tag of data.tags) {
      const n = row.get(tag.id);
      if (!n) continue;
      rows.push({
        articleId: a.id,
        articlePath: a.path,
        title: a.title,
        date: a.date,
        source: sourceOf(a),
        tagId: tag.id,
        tagPath: tag.path,
        highlights: n,
      });
    }
  }
  return rows;
}
