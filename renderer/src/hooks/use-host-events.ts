/**
 * What the host announces, turned into cache invalidations: the window asks again only for what
 * changed and is on screen (TanStack Query refetches active queries only). The echo of the
 * window's own highlight changes is skipped: their replies are in the caches already. Coders
 * changing (a colleague's writer folder arriving) reloads whose highlights and memos are whose.
 */
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { HostBridge } from '../api/api-client.js';
import { keys } from '../data/query-keys.js';
import { CODEBOOK, type OwnChanges } from '../data/own-changes.js';

export function useHostEvents(bridge: HostBridge, own: OwnChanges, onLibraryOpened: () => void): void {
  const queries = useQueryClient();
  useEffect(
    () =>
      bridge.onEvent((event) => {
        const invalidate = (queryKey: readonly unknown[]) => void queries.invalidateQueries({ queryKey });
        switch (event.type) {
          case 'library-changed':
            if (event.reason === 'opened') {
              onLibraryOpened();
              void queries.invalidateQueries(); // another library: nothing cached holds
            } else {
              invalidate(keys.articles);
              invalidate(['search']); // files changed: their hits too
            }
            break;
          case 'scan-progress':
            // Many in a row: a list on its way is not asked for again, so each answer shows.
            void queries.invalidateQueries({ queryKey: keys.articles }, { cancelRefetch: false });
            break;
          case 'annotations-changed':
            if (own.isEcho(event.articleId)) break;
            invalidate(
              event.articleId === null ? keys.allArticleAnnotations : keys.annotations(event.articleId),
            );
            invalidate(keys.tags); // the counts per tag
            invalidate(keys.articles); // the counts per article
            invalidate(keys.highlightQueries);
            invalidate(keys.storeProblems);
            // Another coder's memo may have come with it (mine is kept while typed, see use-article-memo.ts).
            invalidate(event.articleId === null ? keys.allMemos : keys.memos(event.articleId));
            break;
          case 'coders-changed':
            // A writer folder appeared or changed (a colleague's work synced in), or who codes
            // changed in another window: the coders, whose highlights are whose, and their memos.
            invalidate(keys.coder);
            invalidate(keys.allArticleAnnotations);
            invalidate(keys.highlightQueries);
            invalidate(keys.allMemos);
            invalidate(keys.tags);
            invalidate(keys.articles);
            invalidate(keys.storeProblems);
            break;
          case 'tags-changed':
            if (own.isEcho(CODEBOOK)) break;
            invalidate(keys.tags);
            invalidate(keys.highlightQueries);
            break;
        }
      }),
    [bridge, own, queries, onLibraryOpened],
  );
}
