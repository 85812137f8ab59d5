/**
 * Who is coding, for the shell: the coder state (data/queries.ts `useCoder`), the first-run answer
 * or skip, and switching coders. Another coder changes what is mine (and so what can be changed),
 * whose memo is edited and where the next change is written: every list that shows it reloads.
 */
import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CoderState } from '../coders/coder-types.js';
import type { HostBridge } from '../api/api-client.js';
import { useCoder } from '../data/queries.js';
import { keys } from '../data/query-keys.js';

export function useCoderState(
  api: HostBridge['api'],
  report: (err: unknown) => void,
  notify: (text: string) => void,
) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const state = useCoder(api).data ?? null;

  /** Takes the new state in; another coder than before reloads what is whose (and says so, unless quiet). */
  const take = useCallback(
    (next: CoderState, before: string | undefined, quiet: boolean) => {
      queries.setQueryData(keys.coder, next);
      if (next.coder.id === before) return;
      for (const queryKey of [keys.allArticleAnnotations, keys.highlightQueries, keys.allMemos, keys.tags])
        void queries.invalidateQueries({ queryKey });
      if (!quiet) notify(t('coders.switched', { name: next.coder.name }));
    },
    [queries, notify, t],
  );

  const setCoder = useCallback(
    (name: string, quiet: boolean) => {
      const before = state?.coder.id;
      api.setCoder({ name }).then((next) => take(next, before, quiet), report);
    },
    [api, state, take, report],
  );
  const switchTo = useCallback((name: string) => setCoder(name, false), [setCoder]);
  const skipPrompt = useCallback(() => {
    api.skipCoderPrompt({}).then((next) => take(next, next.coder.id, true), report);
  }, [api, take, report]);
  /** The first-run answer: a name (the default kept is a skip, said as such). */
  const answerPrompt = useCallback(
    (name: string) => {
      if (state && name === state.coder.name) skipPrompt();
      else setCoder(name, true);
    },
    [state, setCoder, skipPrompt],
  );

  return { state, switchTo, skipPrompt, answerPrompt };
}
