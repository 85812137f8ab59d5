/**
 * Code frequencies: per code, its highlights, the articles it occurs in and the characters it
 * covers; first for every chosen coder together (coder null), then per coder who used it. Pure.
 */
import type { ReportData } from './report-data.js';
import type { FrequencyRow } from './report-types.js';

interface Tally {
  highlights: number;
  characters: number;
  articles: number;
  /** Highlights come grouped by article (ReportData), so a new article is one not seen last. */
  lastArticle: string | null;
}

const tally = (): Tally => ({ highlights: 0, characters: 0, articles: 0, lastArticle: null });

function count(t: Tally, h: ReportData['highlights'][number]): void {
  t.highlights++;
  t.characters += h.characters;
  if (t.lastArticle !== h.articleId) {
    t.articles++;
    t.lastArticle = h.articleId;
  }
}

export function frequencies(data: Pick<ReportData, 'highlights' | 'tags' | 'coders'>): FrequencyRow[] {
  const all = new Map<string, Tally>(data.tags.map((t) => [t.id, tally()]));
  const perCoder = new Map<string, Map<string, Tally>>(data.tags.map((t) => [t.id, new Map()]));
  for (const h of data.highlights) {
    for (const tagId of h.tagIds) {
      const byCoder = perCoder.get(tagId)!;
      let mine = byCoder.get(h.coderId);
      if (!mine) byCoder.set(h.coderId, (mine = tally()));
      count(all.get(tagId)!, h);
      count(mine, h);
    }
  }
  const rows: FrequencyRow[] = [];
  for (const tag of data.tags) {
    const total = all.get(tag.id)!;
    const row = (coderId: string | null, coderName: string | null, t: Tally): FrequencyRow => ({
      tagId: tag.id,
      tagPath: tag.path,
      coderId,
      coderName,
      highlights: t.highlights,
      articles: t.articles,
      characters: t.characters,
    });
    rows.push(row(null, null, total));
    const byCoder = perCoder.get(tag.id)!;
    for (const coder of data.coders) {
      const t = byCoder.get(coder.id);
      if (t) rows.push(row(coder.id, coder.name, t));
    }
  }
  return rows;
}
