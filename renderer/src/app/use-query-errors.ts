/**
 * Reports every failed fetch of host data in the error banner, as the hand-written loads did;
 * a query marked `meta: { quiet: true }` is advisory and fails silently. The open article's text
 * or highlights "not found" is no error either: its file is gone, which the reader says itself
 * (and the host's refresh of its highlights on that deletion would otherwise raise a banner).
 */
import { useEffect } from 'react';
import { isCancelledError, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { isNotFound } from '../error-text.js';
import { keys } from '../data/query-keys.js';

/** Whether a failed query is the open article's data gone with its file. */
export function isOpenArticleGone(error: unknown, queryKey: QueryKey, openId: string | null): boolean {
  if (openId === null || !isNotFound(error)) return false;
  const [kind, id] = queryKey;
  return id === openId && (kind === keys.article(openId)[0] || kind === keys.annotations(openId)[0]);
}

export function useQueryErrors(report: (err: unknown) => void, openId: string | null): void {
  const queries = useQueryClient();
  useEffect(
    () =>
      queries.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const { error } = event.action;
        if (isCancelledError(error) || event.query.meta?.quiet) return;
        if (!isOpenArticleGone(error, event.query.queryKey, openId)) report(error);
      }),
    [queries, report, openId],
  );
}
