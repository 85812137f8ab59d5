/**
 * An article's memo: mine, loaded with the other coders' memos (data/queries.ts `useMemos`),
 * saved 800 ms after the last keystroke, and saved at once when the article is left with unsaved
 * text, so nothing typed is lost. Until I type, mine follows the latest answer (another window may
 * change it); once I type, what I typed is what is shown. The others' follow the latest answer.
 */
import { useEffect, useRef, useState } from 'react';
import type { GlossApi } from '../../../core/api/contract.js';
import type { OtherMemo } from '../../../core/api/annotation-contract.js';
import { useMemos } from '../data/queries.js';

export type MemoStatus = 'loading' | 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

const SAVE_AFTER_MS = 800;
const NO_OTHERS: OtherMemo[] = [];

type DraftStatus = Exclude<MemoStatus, 'loading' | 'idle'>;

export function useArticleMemo(api: GlossApi, articleId: string, onError: (err: unknown) => void) {
  const loaded = useMemos(api, articleId);
  /** What I typed, and how its saving goes; null until I type. */
  const [draft, setDraft] = useState<{ memo: string; status: DraftStatus } | null>(null);
  /** The text as of now and as last saved (or loaded), for the save on leaving. */
  const latest = useRef<{ memo: string; saved: string } | null>(null);

  const stored = loaded.data?.memo;
  useEffect(() => {
    if (stored !== undefined && (!latest.current || latest.current.memo === latest.current.saved))
      latest.current = { memo: stored, saved: stored };
  }, [stored]);

  const memo = draft?.memo ?? stored ?? '';
  const status: MemoStatus =
    draft?.status ?? (stored !== undefined ? 'idle' : loaded.isError ? 'error' : 'loading');

  useEffect(() => {
    if (draft?.status !== 'dirty') return;
    const timer = setTimeout(() => {
      const text = draft.memo;
      setDraft({ memo: text, status: 'saving' });
      api.setMemo({ articleId, memo: text }).then(
        () => {
          if (latest.current) latest.current.saved = text;
          setDraft((d) => (d && d.memo === text ? { memo: text, status: 'saved' } : d));
        },
        (err: unknown) => {
          setDraft((d) => (d && d.memo === text ? { memo: text, status: 'error' } : d));
          onError(err);
        },
      );
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [api, articleId, draft, onError]);

  // Leaving the article with unsaved text: save it now rather than lose it.
  useEffect(
    () => () => {
      const now = latest.current;
      if (now && now.memo !== now.saved) void api.setMemo({ articleId, memo: now.memo }).catch(onError);
    },
    [api, articleId, onError],
  );

  const edit = (text: string) => {
    latest.current = { memo: text, saved: latest.current?.saved ?? stored ?? '' };
    setDraft({ memo: text, status: 'dirty' });
  };

  return { memo, status, edit, others: loaded.data?.others ?? NO_OTHERS };
}
