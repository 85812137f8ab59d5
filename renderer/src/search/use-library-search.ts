/**
 * The library search as the window asks for it: the query (debounced while typed) over the
 * articles the library list's filters leave, grouped by article (core/api/library-contract.ts
 * `search`). The reply narrows the library list (every matching article with its hit count) and
 * fills the results view (a page of articles with their first hits in context).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { GlossApi } from '../../../core/api/contract.js';
import type { SearchFilter } from '../../../core/api/library-contract.js';
import type { ScanProgress, SearchReply } from '../../../core/model.js';
import { keys } from '../data/query-keys.js';
import type { LibraryFilter } from '../export/export-settings.js';
import { useDebounced } from '../hooks/use-debounced.js';

/** Articles whose first hits the results view shows at once (more on request). */
export const GROUPS_SHOWN = 50;
/** Hits in context shown per article; the rest are counted ("and 12 more"). */
export const HITS_PER_ARTICLE = 3;

/** The library list's filters as the search takes them (the same meaning, core/query/article-query.ts). */
export function searchFilterOf(filter: LibraryFilter | null): SearchFilter | undefined {
  if (!filter) return undefined;
  const out: SearchFilter = {};
  if (filter.folder) out.folder = filter.folder;
  if (filter.folder && filter.subfolders === false) out.subfolders = false;
  if (filter.categoryPath?.length) out.categoryPath = [...filter.categoryPath];
  if (filter.from) out.from = filter.from;
  if (filter.to) out.to = filter.to;
  if (filter.hasAnnotations !== undefined) out.hasAnnotations = filter.hasAnnotations;
  if (filter.tagId) out.tagIds = [filter.tagId];
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Hit count of each matching article, for the library list. */
export type SearchCounts = ReadonlyMap<string, { hits: number; capped: boolean }>;

export interface LibrarySearch {
  /** The query searched ('' when none). */
  query: string;
  reply: SearchReply | null;
  counts: SearchCounts | null;
  failed: boolean;
  /** Search texts are not all final yet (reading bodies, or cleaning them in the background). */
  preparing: boolean;
}

export function useLibrarySearch(
  api: GlossApi,
  rawQuery: string,
  filter: LibraryFilter | null,
  progress: ScanProgress | undefined,
  width: number,
  groupLimit = GROUPS_SHOWN,
): LibrarySearch {
  const query = useDebounced(rawQuery.trim(), 150);
  const searchFilter = useMemo(() => searchFilterOf(filter), [filter]);
  const preparing = progress !== undefined && (progress.scanning || progress.phase === 'cleaning');
  // Asked again when the texts change phase (bodies read, cleaning done), not at each step.
  const phase = progress?.scanning ? (progress.phase ?? 'scanning') : (progress?.phase ?? 'done');
  const found = useQuery({
    queryKey: keys.search({ query, filter: searchFilter ?? null, width, groupLimit, phase }),
    queryFn: () =>
      api.search({
        query,
        ...(searchFilter ? { filter: searchFilter } : {}),
        context: width,
        groupLimit,
        hitsPerArticle: HITS_PER_ARTICLE,
        limit: 1,
      }),
    enabled: query !== '',
    placeholderData: keepPreviousData,
    meta: { quiet: true },
  });
  const reply = query !== '' && !found.isError ? (found.data ?? null) : null;
  const counts = useMemo(() => {
    if (!reply) return null;
    const { ids, hits, capped } = reply.articles;
    const map = new Map<string, { hits: number; capped: boolean }>();
    ids.forEach((id, i) => map.set(id, { hits: hits[i] ?? 0, capped: capped[i] ?? false }));
    return map;
  }, [reply]);
  const failed = found.isError;
  // One object while nothing changes: the library list is memoized on it.
  return useMemo(
    () => ({ query, reply, counts, failed, preparing }),
    [query, reply, counts, failed, preparing],
  );
}
