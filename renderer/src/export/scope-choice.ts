/**
 * Which export scope the dialog's radio buttons stand for. The choice is remembered as a kind; a
 * kind that no longer applies (the article was closed, the filter cleared) falls back to the
 * whole library rather than exporting something the user can no longer see. 'chosen' is the
 * dialog's own filter (codes, folder, dates).
 */
import { scopeOfChosen, type ChosenFilter } from './chosen-filter.js';
import { isFilterActive, scopeOfFilter, type CurrentFilter, type ExportScope } from './export-settings.js';

export type ScopeKind = 'library' | 'article' | 'filter' | 'chosen';

/** Opened from a filtered highlights view, the dialog starts at that filter. */
export function initialScopeKind(filter: CurrentFilter | null): ScopeKind {
  return filter?.source === 'highlights' && isFilterActive(filter) ? 'filter' : 'library';
}

export function effectiveScopeKind(
  kind: ScopeKind,
  article: { id: string } | null,
  filter: CurrentFilter | null,
): ScopeKind {
  if (kind === 'article' && !article) return 'library';
  if (kind === 'filter' && !isFilterActive(filter)) return 'library';
  return kind;
}

/** The scope sent to the host for an (effective) kind. */
export function scopeOf(
  kind: ScopeKind,
  article: { id: string } | null,
  filter: CurrentFilter | null,
  chosen?: { filter: ChosenFilter; knownTag(id: string): boolean },
): ExportScope {
  if (kind === 'article' && article) return { kind: 'article', articleId: article.id };
  if (kind === 'filter' && filter) return scopeOfFilter(filter);
  if (kind === 'chosen' && chosen) return scopeOfChosen(chosen.filter, chosen.knownTag);
  return { kind: 'library' };
}
