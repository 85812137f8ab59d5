/** Full-text search results with the matching passage in context; a click opens the article. */
import type { ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GlossApi } from '../../../core/api/contract.js';
import type { SearchHit } from '../../../core/model.js';
import { withPaneBoundary } from './PaneErrorBoundary.js';
import { useDebounced } from '../hooks/use-debounced.js';
import { keys } from '../data/query-keys.js';

interface SearchResultsProps {
  api: GlossApi;
  query: string;
  /** The library is still reading article bodies: results may be incomplete (searched again after). */
  indexing: boolean;
  onOpen(articleId: string, hit: SearchHit): void;
  onClose(): void;
  /** More actions on the hits ("Code hits…"), beside the count. */
  actions?: ReactNode;
}

function SearchResultsContent({ api, query, indexing, onOpen, onClose, actions }: SearchResultsProps) {
  const { t } = useTranslation();
  const asked = useDebounced(query, 150);
  // Searched again when the library finishes reading article bodies; a failed search shows none.
  const found = useQuery({
    queryKey: keys.search(asked, indexing),
    queryFn: () => api.search({ query: asked, limit: 200 }),
    placeholderData: keepPreviousData,
    meta: { quiet: true },
  });
  const result = found.isError ? { hits: [], total: 0, totalCapped: false } : (found.data ?? null);

  return (
    <section className="search-results" aria-label={t('toolbar.search')}>
      <div className="search-header">
        <strong>
          {result
            ? result.totalCapped
              ? t('search.resultsCapped', { count: result.total })
              : t('search.results', { count: result.total })
            : '…'}
        </strong>
        {result && result.total > 0 && actions}
        <button type="button" onClick={onClose}>
          {t('search.close')}
        </button>
      </div>
      {indexing && (
        <p className="muted" role="status">
          {t('search.indexing')}
        </p>
      )}
      {result && result.total === 0 && <p className="muted">{t('search.none', { query })}</p>}
      <ol>
        {result?.hits.map((hit, i) => (
          <li key={`${hit.articleId}:${hit.offset}:${i}`}>
            <button type="button" className="hit" onClick={() => onOpen(hit.articleId, hit)}>
              <span className="hit-title">{hit.title}</span>
              <span className="kwic">
                {hit.before}
                <mark>{hit.match}</mark>
                {hit.after}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

export const SearchResults = withPaneBoundary(SearchResultsContent, {
  pane: 'search',
  resetKey: (props) => props.query,
  onClose: (props) => props.onClose,
});
