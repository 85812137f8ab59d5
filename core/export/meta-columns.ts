/**
 * The `meta_<key>` columns of the CSV: one per front-matter key outside the known ones
 * (`ArticleMeta.extra`) found in the articles being exported, and how any YAML value becomes a cell.
 *
 * The header has to be written before the first row, so the keys are collected in a first pass over
 * the articles that will contribute rows, from the same source as the rows (`library.getText`, from
 * memory for articles opened before); nothing but the key names is kept.
 */
import type { ExportPlan, ExportSession } from './export-scope.js';

export const META_PREFIX = 'meta_';

/** The extra front-matter keys of the articles that have highlights in scope, sorted. */
export async function collectMetaKeys(session: ExportSession, plan: ExportPlan): Promise<string[]> {
  const keys = new Set<string>();
  for (const id of await articlesWithRows(session, plan)) {
    try {
      for (const key of Object.keys((await session.library.getText(id)).meta.extra)) keys.add(key);
    } catch {
      // An unreadable article adds no column; its rows say why (see export-articles.ts).
    }
  }
  return [...keys].sort();
}

/** Library articles with highlights, and with the scope's tags when it filters by tag. */
async function articlesWithRows(session: ExportSession, plan: ExportPlan): Promise<string[]> {
  const ids = plan.articles.filter((p) => p.summary && p.count > 0).map((p) => p.id);
  if (!plan.byTag) return ids;
  const tagged: string[] = [];
  for await (const { articleId, annotations } of session.annotations.listEach(ids)) {
    if (annotations.some(plan.includes)) tagged.push(articleId);
  }
  return tagged;
}

/** A front-matter value as one cell: lists joined with "; ", nested data as JSON. */
export function metaCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    return value.map(metaCell).join('; ');
  }
  return JSON.stringify(value) ?? '';
}
