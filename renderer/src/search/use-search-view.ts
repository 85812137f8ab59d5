/**
 * The search's state in the window: the query typed, whether the results view has the reader's
 * place (typing opens it; opening a hit or an article from the list gives the reader back, and the
 * list stays narrowed until the query is cleared), the context width (kept in this browser's
 * storage) and how many matching articles the view shows.
 */
import { useCallback, useState } from 'react';
import type { GlossApi } from '../../../core/api/contract.js';
import type { ScanProgress } from '../../../core/model.js';
import type { LibraryFilter } from '../export/export-settings.js';
import { GROUPS_SHOWN, useLibrarySearch, type LibrarySearch } from './use-library-search.js';

const WIDTH_KEY = 'gloss.searchContextWidth';
const WIDTHS = [40, 80, 160];

function storedWidth(): number {
  try {
    const w = Number(localStorage.getItem(WIDTH_KEY));
    return WIDTHS.includes(w) ? w : 80;
  } catch {
    return 80;
  }
}

export interface SearchView {
  query: string;
  setQuery(query: string): void;
  resultsOpen: boolean;
  setResultsOpen(open: boolean): void;
  width: number;
  setWidth(width: number): void;
  showMore(): void;
  search: LibrarySearch;
}

export function useSearchView(
  api: GlossApi,
  filter: LibraryFilter | null,
  progress: ScanProgress | undefined,
): SearchView {
  const [query, setRawQuery] = useState('');
  const [resultsOpen, setResultsOpen] = useState(false);
  const [width, setStateWidth] = useState(storedWidth);
  const [groupLimit, setGroupLimit] = useState(GROUPS_SHOWN);
  const search = useLibrarySearch(api, query, filter, progress, width, groupLimit);
  const setQuery = useCallback((next: string) => {
    setRawQuery(next);
    setResultsOpen(next.trim() !== '');
    setGroupLimit(GROUPS_SHOWN);
  }, []);
  const setWidth = useCallback((next: number) => {
    setStateWidth(next);
    try {
      localStorage.setItem(WIDTH_KEY, String(next));
    } catch {
      // Storage refused (private mode): the width holds for this session.
    }
  }, []);
  const showMore = useCallback(() => setGroupLimit((n) => Math.min(500, n + GROUPS_SHOWN)), []);
  return { query, setQuery, resultsOpen, setResultsOpen, width, setWidth, showMore, search };
}
