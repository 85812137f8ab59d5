/**
 * How much an export scope holds, before anything is written: the export dialog shows it as the
 * filters change, and an export whose filter matches nothing stops with a message instead of
 * writing a file with no rows.
 */
import { ApiError } from '../errors.js';
import type { ExportPlan, ExportSession } from './export-scope.js';

export interface ExportCount {
  /** Highlights the export would hold. */
  highlights: number;
  /** Articles with at least one of them. */
  articles: number;
}

export async function countPlanned(session: ExportSession, plan: ExportPlan): Promise<ExportCount> {
  const ids = plan.articles.filter((p) => p.count > 0).map((p) => p.id);
  const count: ExportCount = { highlights: 0, articles: 0 };
  for await (const { annotations } of session.annotations.listEach(ids)) {
    const n = annotations.filter(plan.includes).length;
    count.highlights += n;
    if (n > 0) count.articles++;
  }
  return count;
}

/** Thrown by an export whose filter (tags, folder, dates, coders) leaves no highlight. */
export const NOTHING_MATCHES = 'No highlights match this filter (tags, folder, dates): nothing was exported.';

export async function requireSomethingToExport(session: ExportSession, plan: ExportPlan): Promise<void> {
  if ((await countPlanned(session, plan)).highlights === 0) throw new ApiError('not-found', NOTHING_MATCHES);
}
