/**
 * The export dialog's one-line description of the filter on screen ("Tag: Policy · Folder: 2024 ·
 * 12 articles"), so the user sees what "current filter" will export before running it.
 */
import type { TFunction } from 'i18next';
import type { Tag } from '../../../core/model.js';
import type { CurrentFilter } from './export-settings.js';
import { categoryLabel } from '../../../core/query/category-tree.js';

export function describeFilter(
  filter: CurrentFilter,
  tagsById: ReadonlyMap<string, Tag>,
  t: TFunction,
): string {
  const parts: string[] = [];
  if (filter.set) parts.push(t('exporter.filterSet', { name: filter.set.name }));
  if (filter.tagId) {
    const tag = tagsById.get(filter.tagId);
    parts.push(t('exporter.filterTag', { name: tag?.name ?? '?' }));
  }
  if (filter.source === 'library') {
    if (filter.folder)
      parts.push(
        filter.subfolders === false
          ? t('libraryFilters.folderOnly', { folder: filter.folder })
          : t('exporter.filterFolder', { folder: filter.folder }),
      );
    if (filter.categoryPath?.length)
      parts.push(t('exporter.filterCategory', { category: categoryLabel(filter.categoryPath) }));
    if (filter.from || filter.to)
      parts.push(t('exporter.filterDates', { from: filter.from ?? '…', to: filter.to ?? '…' }));
    if (filter.hasAnnotations !== undefined)
      parts.push(t(filter.hasAnnotations ? 'exporter.filterHighlighted' : 'exporter.filterNotHighlighted'));
    parts.push(t('exporter.filterArticles', { count: filter.visibleIds.length }));
  }
  return parts.join(' · ');
}
