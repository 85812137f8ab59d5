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

  const take = useCallback(
    (next: CoderState, switched: boolean) => {
      queries.setQueryData(keys.coder, next);
      if (!switched) return;
      for (const queryKey of [keys.allArticleAnnotations, keys.highlightQueries, keys.allMemos, keys.tags])
        void queries.invalidateQueries({ queryKey });
      notify(t('coders.switched', { name: next.coder.name }));
    },
    [queries, notify, t],
  );

  const switchTo = useCallback(
    (name: string) => {
      const before = state?.coder.id;
      api.setCoder({ name }).then((next) => take(next, next.coder.id !== before), report);
    },
    [api, state, take, report],
  );
  const skipPrompt = useCallback(() => {
    api.skipCoderPrompt({}).then((next) => take(next, false), report);
  }, [api, take, report]);
  /** The first-run answer: a name (the default kept is a skip, said as such). */
  const answerPrompt = useCallback(
    (name: string) => {
      if (state && name === state.coder.name) skipPrompt();
      else switchTo(name);
    },
    [state, switchTo, skipPrompt],
  );

  return { state, switchTo, skipPrompt, answerPrompt };
}
