/**
 * Reports every failed fetch of host data in the error banner, as the hand-written loads did;
 * a query marked `meta: { quiet: true }` is advisory and fails silently.
 */
import { useEffect } from 'react';
import { isCancelledError, useQueryClient } from '@tanstack/react-query';

export function useQueryErrors(report: (err: unknown) => void): void {
  const queries = useQueryClient();
  useEffect(
    () =>
      queries.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const { error } = event.action;
        if (!isCancelledError(error) && !event.query.meta?.quiet) report(error);
      }),
    [queries, report],
  );
}
