/**
 * Reports every failed fetch of host data in the error banner, as the hand-written loads did;
 * a query marked `meta: { quiet: true }` is advisory and fails silently. An article's text or
 * highlights "not found" is no error either: either it is the open article, whose file is gone,
 * which the reader says itself (and the host's refresh of its highlights on that deletion would
 * otherwise raise a banner), or it is an article no longer open, asked for once more as the window
 * refetched everything (another library was just opened, where it does not exist).
 */
import { useEffect } from 'react';
import { isCancelledError, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { isNotFound } from '../error-text.js';
import { keys } from '../data/query-keys.js';

const ARTICLE_DATA: readonly unknown[] = [keys.article('')[0], keys.annotations('')[0]];

/** Whether a failed query is an article's data gone with its file or with the library it was in. */
export function isArticleDataGone(error: unknown, queryKey: QueryKey): boolean {
  return isNotFound(error) && ARTICLE_DATA.includes(queryKey[0]);
}

export function useQueryErrors(report: (err: unknown) => void): void {
  const queries = useQueryClient();
  useEffect(
    () =>
      queries.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const { error } = event.action;
        if (isCancelledError(error) || event.query.meta?.quiet) return;
        if (!isArticleDataGone(error, event.query.queryKey)) report(error);
      }),
    [queries, report],
  );
}
