/** The library's saved sets (issue 19), cached; saving one refreshes every list of them. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { GlossApi } from '../../../../core/api/contract.js';

export const setsKey = ['analysis-sets'] as const;

export function useSets(api: GlossApi, enabled = true) {
  return useQuery({ queryKey: setsKey, queryFn: () => api.listSets({}), enabled, retry: false });
}

export function useRefreshSets() {
  const queries = useQueryClient();
  return () => void queries.invalidateQueries({ queryKey: setsKey });
}
