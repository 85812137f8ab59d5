/**
 * One long task at a time in a dialog (an export, an import): what runs, and the error it ended
 * with, in the UI language (through error-text, like every other error the app shows). Nothing is
 * set once the dialog has closed: `alive()` lets a task check before it reports a result.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../error-text.js';

export interface DialogTask<Kind extends string> {
  busy: Kind | null;
  error: string | null;
  /** Runs `work` as `kind`: clears the last error, shows the failure if it throws. */
  run(kind: Kind, work: (alive: () => boolean) => Promise<void>): Promise<void>;
  /** Shows an error from work outside `run` (e.g. a follow-up action). */
  fail(err: unknown): void;
  clearError(): void;
}

export function useDialogTask<Kind extends string>(): DialogTask<Kind> {
  const { t, i18n } = useTranslation();
  const alive = useRef(true);
  const [busy, setBusy] = useState<Kind | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const fail = useCallback(
    (err: unknown) => {
      if (alive.current) setError(errorText(t, i18n.language, err));
    },
    [t, i18n],
  );

  const run = useCallback(
    async (kind: Kind, work: (alive: () => boolean) => Promise<void>) => {
      setBusy(kind);
      setError(null);
      try {
        await work(() => alive.current);
      } catch (err) {
        fail(err);
      } finally {
        if (alive.current) setBusy(null);
      }
    },
    [fail],
  );

  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, fail, clearError };
}
