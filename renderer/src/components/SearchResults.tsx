/**
 * The search results view, in the reader's place while a query is open: "N matches in M articles",
 * then each matching article (in the library list's order of the reply) with its hit count and its
 * first hits in keyword-in-context. A hit opens the article at it; the title opens the article.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchGroup, SearchHit, SearchReply } from '../../../core/model.js';
import type { LibrarySearch } from '../search/use-library-search.js';
import { withPaneBoundary } from './PaneErrorBoundary.js';

/** The context widths offered (characters around each hit). */
export const CONTEXT_WIDTHS = [40, 80, 160] as const;

interface SearchResultsProps {
  search: LibrarySearch;
  width: number;
  onWidth(width: number): void;
  /** Matching articles shown with their hits; `onMore` shows more. */
  onMore(): void;
  onOpen(articleId: string, hit: SearchHit | null): void;
  onClose(): void;
  /** Cleaning progress while search texts are not final. */
  progress: { done: number; total: number } | null;
  /** More actions on the hits ("Code hits…"), beside the count. */
  actions?: ReactNode;
}

export function useSearchSummary(): (reply: SearchReply) => string {
  const { t } = useTranslation();
  return (reply) =>
    t('searchView.summary', {
      matches: reply.totalCapped
        ? t('searchView.matchesCapped', { count: reply.total })
        : t('searchView.matches', { count: reply.total }),
      articles: t('searchView.articles', { count: reply.articleCount }),
    });
}

function GroupHits({ group, onOpen }: { group: SearchGroup; onOpen: SearchResultsProps['onOpen'] }) {
  const { t } = useTranslation();
  const more = group.hits - group.first.length;
  return (
    <li className="search-group" data-testid="search-group">
      <div className="search-group-head">
        <button type="button" className="link-button hit-title" onClick={() => onOpen(group.articleId, null)}>
          {group.title}
        </button>
        <span className="badge" data-testid="search-group-count">
          {group.capped
            ? t('searchView.hitsCapped', { count: group.hits })
            : t('searchView.hitsInArticle', { count: group.hits })}
        </span>
      </div>
      <div className="muted search-group-path">{group.path}</div>
      <ol className="search-hits">
        {group.first.map((hit) => (
          <li key={hit.offset}>
            <button
              type="button"
              className="hit"
              data-testid="search-hit"
              onClick={() => onOpen(group.articleId, hit)}
            >
              {hit.offset < 0 && <span className="muted">{t('searchView.inTitle')} · </span>}
              <span className="kwic">
                {hit.before}
                <mark>{hit.match}</mark>
                {hit.after}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {more > 0 && (
        <p className="muted search-more">
          {group.capped ? t('searchView.moreCapped') : t('searchView.more', { count: more })}
        </p>
      )}
    </li>
  );
}

function SearchResultsContent(props: SearchResultsProps) {
  const { search, width, onWidth, onMore, onOpen, onClose, progress, actions } = props;
  const { t } = useTranslation();
  const summary = useSearchSummary();
  const { reply } = search;
  return (
    <section className="search-results" aria-label={t('paneError.search')} data-testid="search-results">
      <div className="search-header">
        <strong data-testid="search-summary" aria-live="polite">
          {reply ? summary(reply) : search.failed ? t('searchView.failed') : t('searchView.searching')}
        </strong>
        {reply && reply.total > 0 && actions}
        <label className="search-width">
          {t('searchView.width')}
          <select value={width} onChange={(e) => onWidth(Number(e.target.value))}>
            {CONTEXT_WIDTHS.map((w) => (
              <option key={w} value={w}>
                {t('searchView.widthOption', { count: w })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={onClose}>
          {t('searchView.close')}
        </button>
      </div>
      {reply?.problems.map((p) => (
        <p key={p.code} className="warning" role="status">
          {t(`searchView.problem.${p.code}`, { term: p.term ?? '' })}
        </p>
      ))}
      {search.preparing && progress && (
        <p className="muted" role="status" data-testid="search-preparing">
          {t('searchView.preparing', progress)}
        </p>
      )}
      {reply && reply.articleCount === 0 && (
        <p className="muted">{t('searchView.none', { query: search.query })}</p>
      )}
      <ol className="search-groups">
        {reply?.groups.map((g) => (
          <GroupHits key={g.articleId} group={g} onOpen={onOpen} />
        ))}
      </ol>
      {reply && reply.groups.length < reply.articleCount && (
        <button type="button" className="search-more-articles" onClick={onMore}>
          {t('searchView.moreArticles', { shown: reply.groups.length, total: reply.articleCount })}
        </button>
      )}
    </section>
  );
}

export const SearchResults = withPaneBoundary(SearchResultsContent, {
  pane: 'search',
  resetKey: (props) => props.search.query,
  onClose: (props) => props.onClose,
});
