/**
 * Articles marked "coded" (issue 18): the current coder's marks, shared by the library list (a small
 * mark per row) and the annotations pane (the button, and the `d` key through App).
 */
import { useCallback, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { GlossApi } from '../../../core/api/contract.js';
import { keys } from '../data/query-keys.js';

const NONE: ReadonlySet<string> = new Set();

export interface DoneMarks {
  /** My done articles. */
  mine: ReadonlySet<string>;
  /** Marks the article coded, or unmarks it; resolves with whether it is marked now. */
  toggle(articleId: string): Promise<boolean>;
}

export function useDoneMarks(api: GlossApi, enabled = true): DoneMarks {
  const queries = useQueryClient();
  const data = useQuery({
    queryKey: keys.doneMarks,
    queryFn: () => api.getDoneMarks({}),
    enabled,
  }).data;
  const mine = useMemo(() => (data ? new Set(data.mine) : NONE), [data]);
  const toggle = useCallback(
    async (articleId: string) => {
      const done = !mine.has(articleId);
      const next = await api.setArticleDone({ articleId, done });
      queries.setQueryData(keys.doneMarks, next);
      // The agreement view's default articles follow the marks.
      void queries.invalidateQueries({ queryKey: keys.highlightQueries });
      return done;
    },
    [api, mine, queries],
  );
  return { mine, toggle };
}
