/**
 * The library list: every article with its metadata, filterable by folder, category, date, tag
 * (sub-tags included) and whether it has highlights, and narrowed by the search (each row then
 * shows its hit count); sortable, virtualized so that 100,000 rows scroll smoothly.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useQuery } from '@tanstack/react-query';
import { keys } from '../data/query-keys.js';
import type { ArticleList } from '../../../core/api/library-contract.js';
import type { Tag } from '../../../core/model.js';
import type { GlossApi } from '../../../core/api/contract.js';
import { tagRows } from '../coding/tag-tree.js';
import { categoryTree } from '../../../core/query/category-tree.js';
import {
  filterArticles,
  folderTree,
  sortArticles,
  type ArticleFilter,
  type ArticleSort,
  type SortKey,
} from '../../../core/query/article-query.js';
import { warningText } from '../article-warning-text.js';
import { libraryProblemText, saysNoArticles } from '../library-problem-text.js';
import { formatDate } from '../format-date.js';
import type { LibraryFilter } from '../export/export-settings.js';
import { withPaneBoundary } from './PaneErrorBoundary.js';
import { useDoneMarks } from '../coding/use-done-marks.js';
import { SetControls } from './analysis/SetControls.js';
import { useSets } from './analysis/use-sets.js';
import type { LibrarySearch } from '../search/use-library-search.js';
import { useSearchSummary } from './SearchResults.js';
import { CategoryFilter } from './library/CategoryFilter.js';

interface LibraryPaneProps {
  api: GlossApi;
  list: ArticleList | null;
  tags: Tag[];
  selectedId: string | null;
  onSelect(id: string): void;
  onVisibleChange(ids: string[]): void;
  /** The filters in force and the articles they list, for exporting "the current filter". */
  onFilterChange?(filter: LibraryFilter): void;
  /** The search in force: the list shows only its matching articles, with their hit counts. */
  search?: LibrarySearch;
  /** The results view has the reader's place; else a button brings it back. */
  resultsOpen?: boolean;
  onShowResults?(): void;
}

const ROW_HEIGHT = 64;
/** The sort choices, each labelled with what it sorts by and which way (`library.sortOptions`). */
const SORT_OPTIONS = [
  'date:desc',
  'date:asc',
  'title:asc',
  'title:desc',
  'author:asc',
  'author:desc',
  'folder:asc',
  'folder:desc',
  'annotationCount:desc',
  'annotationCount:asc',
] as const;

/**
 * Memoized: its props change with the library, the codebook and the selection, not with an
 * article's text or highlights arriving, and re-rendering its rows then would delay their paint.
 */
const LibraryPaneContent = memo(function LibraryPane({
  api,
  list,
  tags,
  selectedId,
  onSelect,
  onVisibleChange,
  onFilterChange,
  search,
  resultsOpen,
  onShowResults,
}: LibraryPaneProps) {
  const { t, i18n } = useTranslation();
  const done = useDoneMarks(api, list !== null).mine;
  const [baseFilter, setFilter] = useState<ArticleFilter>({});
  const [tagId, setTagId] = useState('');
  const tagOptions = useMemo(() => tagRows(tags), [tags]);

  // Articles with a highlight carrying the tag (or one of its sub-tags), in one request.
  const tagged = useQuery({
    queryKey: [...keys.highlightQueries, 'articles-with-tag', tagId],
    queryFn: async () => new Set((await api.listArticleIdsWithTags({ tagIds: [tagId] })).articleIds),
    enabled: tagId !== '',
  });
  const taggedIds: ReadonlySet<string> | null = tagged.data ?? null;
  // A saved set (issue 19): only its articles, with the other filters on top.
  const [setName, setSetName] = useState('');
  const sets = useSets(api, setName !== '').data?.sets;
  const chosenSet = useMemo(
    () => (setName ? sets?.find((s) => s.name === setName) : undefined),
    [setName, sets],
  );
  const filter = useMemo<ArticleFilter>(() => {
    const chosen = chosenSet;
    const inSet = chosen ? new Set(chosen.articleIds) : null;
    const withTag = tagId && taggedIds ? taggedIds : null;
    const ids = inSet && withTag ? new Set([...inSet].filter((id) => withTag.has(id))) : (inSet ?? withTag);
    return ids ? { ...baseFilter, ids } : baseFilter;
  }, [baseFilter, tagId, taggedIds, chosenSet]);
  const [sort, setSort] = useState<ArticleSort>({ key: 'date', descending: true });
  const articles = useMemo(() => list?.articles ?? [], [list]);
  const folders = useMemo(() => folderTree(articles), [articles]);
  const categories = useMemo(() => categoryTree(articles), [articles]);
  // The search counts only articles the other filters leave, so narrowing by it combines them.
  const counts = search?.counts ?? null;
  const rows = useMemo(() => {
    const filtered = filterArticles(articles, filter);
    return sortArticles(counts ? filtered.filter((a) => counts.has(a.id)) : filtered, sort);
  }, [articles, filter, sort, counts]);
  const summary = useSearchSummary();

  const visibleIds = useMemo(() => rows.map((r) => r.id), [rows]);
  useEffect(() => onVisibleChange(visibleIds), [visibleIds, onVisibleChange]);
  useEffect(() => {
    onFilterChange?.({
      source: 'library',
      // The set reaches the highlights view, exports and agreement through this (see App).
      set: chosenSet ? { name: chosenSet.name, articleIds: chosenSet.articleIds } : undefined,
      folder: baseFilter.folder,
      subfolders: baseFilter.subfolders,
      categoryPath: baseFilter.categoryPath,
      from: baseFilter.from,
      to: baseFilter.to,
      hasAnnotations: baseFilter.hasAnnotations,
      tagId: tagId || undefined,
      visibleIds: rows.map((r) => r.id),
    });
  }, [baseFilter, tagId, rows, chosenSet, onFilterChange]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // A new filter, set or search starts the list at its top (the selected row is then scrolled to,
  // below, when it is still listed). Another library mounts a new pane (App keys it by the root),
  // with no filters and at the top; the first path covers a library whose list is replaced.
  const listKey = JSON.stringify([baseFilter, tagId, setName, search?.query ?? '', articles[0]?.path ?? '']);
  useEffect(() => {
    scroller.current?.scrollTo?.({ top: 0 });
  }, [listKey]);

  useEffect(() => {
    const index = rows.findIndex((r) => r.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, rows, virtualizer]);

  const progress = list?.progress;
  return (
    <nav className="library-pane" aria-label={t('library.title')}>
      <div className="library-header">
        <h2>{t('library.title')}</h2>
        <span className="muted" data-testid="article-count">
          {t('library.count', { count: rows.length })}
        </span>
      </div>
      {search?.reply && (
        <div className="library-search" data-testid="library-search">
          <span>{summary(search.reply)}</span>
          {!resultsOpen && (
            <button type="button" className="link-button" onClick={onShowResults} data-testid="show-results">
              {t('searchView.backToResults')}
            </button>
          )}
        </div>
      )}
      {progress && !progress.scanning && progress.phase === 'cleaning' && (
        <div className="scan-progress muted" role="status" data-testid="cleaning-progress">
          <progress max={progress.total || 1} value={progress.done} />
          <span>{t('library.cleaning', { done: progress.done, total: progress.total })}</span>
        </div>
      )}
      {progress?.scanning && (
        <div className="scan-progress" role="status">
          <progress max={progress.total || 1} value={progress.done} />
          <span>
            {t(progress.phase === 'indexing' ? 'library.indexing' : 'library.scanning', {
              done: progress.done,
              total: progress.total,
            })}
          </span>
        </div>
      )}
      {list?.errors.map((message) => (
        <div key={message} className="warning" role="alert">
          {libraryProblemText(t, message)}
        </div>
      ))}
      <div className="filters">
        <SetControls
          api={api}
          value={setName}
          onChange={setSetName}
          listedIds={visibleIds}
          libraryCount={articles.length}
        />
        <span className="folder-filter">
          <select
            aria-label={t('library.folder')}
            value={filter.folder ?? ''}
            data-testid="library-folder-filter"
            onChange={(e) => setFilter({ ...baseFilter, folder: e.target.value || undefined })}
          >
            <option value="">{t('library.allFolders')}</option>
            {folders.map((f) => (
              <option key={f} value={f}>
                {'\u00a0\u00a0'.repeat(f.split('/').length - 1) + f.split('/').pop()}
              </option>
            ))}
          </select>
          <label
            className="subfolders-toggle"
            title={
              filter.folder ? t('libraryFilters.subfoldersHint') : t('libraryFilters.subfoldersNoFolder')
            }
          >
            <input
              type="checkbox"
              data-testid="library-subfolders"
              checked={baseFilter.subfolders !== false}
              disabled={!filter.folder}
              onChange={(e) => setFilter({ ...baseFilter, subfolders: e.target.checked ? undefined : false })}
            />
            {t('libraryFilters.subfolders')}
          </label>
        </span>
        <CategoryFilter
          rows={categories}
          value={baseFilter.categoryPath}
          total={articles.length}
          onChange={(categoryPath) => setFilter({ ...baseFilter, categoryPath })}
        />
        <select
          aria-label={t('library.tag')}
          data-testid="library-tag-filter"
          value={tagId}
          onChange={(e) => setTagId(e.target.value)}
        >
          <option value="">{t('library.allTags')}</option>
          {tagOptions.map((r) => (
            <option key={r.tag.id} value={r.tag.id}>
              {'\u00a0\u00a0'.repeat(r.depth) + r.tag.name}
            </option>
          ))}
        </select>
        <select
          aria-label={t('library.annotated')}
          data-testid="library-annotated-filter"
          value={baseFilter.hasAnnotations === undefined ? '' : baseFilter.hasAnnotations ? 'yes' : 'no'}
          onChange={(e) =>
            setFilter({
              ...baseFilter,
              hasAnnotations: e.target.value === '' ? undefined : e.target.value === 'yes',
            })
          }
        >
          <option value="">{t('library.annotatedAny')}</option>
          <option value="yes">{t('library.annotatedYes')}</option>
          <option value="no">{t('library.annotatedNo')}</option>
        </select>
        <label>
          {t('library.from')}
          <input
            type="date"
            value={filter.from ?? ''}
            onChange={(e) => setFilter({ ...baseFilter, from: e.target.value || undefined })}
          />
        </label>
        <label>
          {t('library.to')}
          <input
            type="date"
            value={filter.to ?? ''}
            onChange={(e) => setFilter({ ...baseFilter, to: e.target.value || undefined })}
          />
        </label>
        <label>
          {t('library.sortBy')}
          <select
            value={`${sort.key}:${sort.descending ? 'desc' : 'asc'}`}
            onChange={(e) => {
              const [key, direction] = e.target.value.split(':');
              setSort({ key: key as SortKey, descending: direction === 'desc' });
            }}
          >
            {SORT_OPTIONS.map((value) => (
              <option key={value} value={value}>
                {t(`library.sortOptions.${value.replace(':', '-')}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list?.missing && list.missing.length > 0 && (
        <details className="missing-articles warning" data-testid="missing-articles">
          <summary>{t('library.missing', { count: list.missing.length })}</summary>
          <p className="muted">{t('library.missingHelp')}</p>
          <ul>
            {list.missing.map((m) => (
              <li key={m.id}>
                <span className="file-missing">{t('highlights.fileMissing')}</span>
                {t('library.missingRow', { title: m.title ?? m.id, path: m.path ?? m.id })}
                <span className="badge" title={t('library.highlightCount', { count: m.annotationCount })}>
                  {m.annotationCount}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {list && articles.length === 0 && !progress?.scanning && !saysNoArticles(list.errors) && (
        <p className="empty">{t('library.empty')}</p>
      )}
      {articles.length > 0 && rows.length === 0 && <p className="empty">{t('library.noMatch')}</p>}
      <div
        className="article-list"
        ref={scroller}
        role="listbox"
        aria-label={t('library.title')}
        tabIndex={0}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const a = rows[item.index]!;
            return (
              <div
                key={a.id}
                role="option"
                aria-selected={a.id === selectedId}
                className={`article-row${a.id === selectedId ? ' selected' : ''}`}
                data-testid="article-row"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => onSelect(a.id)}
              >
                <div className="row-title" title={a.title}>
                  {done.has(a.id) && (
                    <span className="done-mark" title={t('marks.doneMark')} data-testid="done-mark">
                      ✓
                    </span>
                  )}
                  {a.title}
                </div>
                <div className="row-meta muted">
                  <span>{a.date ? formatDate(a.date, i18n.language) : t('library.noDate')}</span>
                  {a.author && <span>{a.author}</span>}
                  <span className="row-folder">{a.folder}</span>
                  {counts?.has(a.id) && (
                    <span
                      className="badge search-badge"
                      title={t('library.searchHits')}
                      data-testid="row-hits"
                    >
                      {counts.get(a.id)!.hits}
                      {counts.get(a.id)!.capped ? '+' : ''}
                    </span>
                  )}
                  {a.annotationCount > 0 && (
                    <span className="badge" title={t('library.highlightCount', { count: a.annotationCount })}>
                      {a.annotationCount}
                    </span>
                  )}
                  {a.warnings.length > 0 && (
                    <span className="warn-dot" title={a.warnings.map((w) => warningText(t, w, a)).join('\n')}>
                      ⚠
                    </span>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </nav>
  );
});

export const LibraryPane = memo(
  withPaneBoundary(LibraryPaneContent, { pane: 'library', className: 'library-pane' }),
);
