/**
 * The window's cache of host data. Nothing goes stale by time: the host says what changed (events)
 * and the window knows its own changes, so data is asked for again only then. Failures are not
 * retried: they are reported (use-query-errors.ts) and the user acts again. Answers are taken as
 * they come (no structural sharing): comparing a 100,000-article list with the last one, deeply,
 * on every change would cost more than the re-render it could save.
 */
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        structuralSharing: false,
      },
    },
  });
}
