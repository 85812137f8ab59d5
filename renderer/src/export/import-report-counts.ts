/**
 * The numbers of an import's report, in the order they are shown, and which of them ask the user
 * to look (conflicts, highlights not placed or placed by fuzzy matching) when they are not zero.
 */
import type { ImportSummary } from '../../../core/api/export-contract.js';

export type ReportCountKey =
  | 'added'
  | 'updated'
  | 'unchanged'
  | 'skipped'
  | 'conflicts'
  | 'notPlaced'
  | 'placedFuzzy'
  | 'tagsCreated'
  | 'memosAdded';

const ATTENTION: ReadonlySet<ReportCountKey> = new Set(['conflicts', 'notPlaced', 'placedFuzzy']);

export function reportCounts(s: ImportSummary): [key: ReportCountKey, value: number][] {
  return [
    ['added', s.added],
    ['updated', s.updated],
    ['unchanged', s.unchanged],
    ['skipped', s.skipped],
    ['conflicts', s.conflicts.length],
    ['notPlaced', s.notPlaced.length],
    ['placedFuzzy', s.placedFuzzy],
    ['tagsCreated', s.tagsCreated.length],
    ['memosAdded', s.memosAdded],
  ];
}

/** The class a count's row gets: zero fades, a count that needs a look stands out. */
export function countClass(key: ReportCountKey, value: number): 'zero' | 'attention' | undefined {
  if (value === 0) return 'zero';
  return ATTENTION.has(key) ? 'attention' : undefined;
}

/** Highlights added or updated, for the headline. */
export function changedCount(s: ImportSummary): number {
  return s.added + s.updated;
}

/** Whether the import brought anything in (highlights, tags or memos). */
export function broughtAnything(s: ImportSummary): boolean {
  return changedCount(s) > 0 || s.tagsCreated.length > 0 || s.memosAdded > 0;
}

/** An ISO time as "2024-03-05 14:30" for the conflict list. */
export function shortStamp(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}
