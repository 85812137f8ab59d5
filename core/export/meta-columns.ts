/**
 * The `meta_<key>` columns of the CSV: one per front-matter key outside the known ones
 * (`ArticleMeta.extra`) found in the articles being exported, and how any YAML value becomes a cell.
 *
 * The header has to be written before the first row, so the keys are collected in a first pass over
 * the articles that will contribute rows. That pass reads metadata only (the scan-time parser, the
 * same one `library.get` uses, without cleaning the body), so it costs a few milliseconds per article
 * against the tens of milliseconds `library.get` spends cleaning; nothing but the key names is kept.
 */
import { join } from 'node:path';
import { readArticleFile } from '../library/read-article.js';
import type { ExportPlan, ExportSession } from './export-scope.js';

export const META_PREFIX = 'meta_';

/** The extra front-matter keys of the articles that have highlights in scope, sorted. */
export async function collectMetaKeys(session: ExportSession, plan: ExportPlan): Promise<string[]> {
  const keys = new Set<string>();
  for (const { id, summary, count } of plan.articles) {
    if (!summary || count === 0) continue;
    if (plan.byTag && !(await session.annotations.list(id)).some(plan.includes)) continue;
    const parsed = await readArticleFile(join(session.library.root, ...summary.path.split('/')), {
      relPath: summary.path,
      size: summary.size,
      mtimeMs: summary.mtimeMs,
    });
    for (const key of Object.keys(parsed.meta.extra)) keys.add(key);
  }
  return [...keys].sort();
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
