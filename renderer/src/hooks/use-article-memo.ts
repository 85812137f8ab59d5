/**
 * An article's memo: loaded once, saved 800 ms after the last keystroke, and saved at once when
 * the article is left with unsaved text, so nothing typed is lost.
 */
import { useEffect, useRef, useState } from 'react';
import type { GlossApi } from '../../../core/api/contract.js';

export type MemoStatus = 'loading' | 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

const SAVE_AFTER_MS = 800;

export function useArticleMemo(api: GlossApi, articleId: string, onError: (err: unknown) => void) {
  const [memo, setMemo] = useState('');
  const [status, setStatus] = useState<MemoStatus>('loading');
  const latest = useRef({ memo: '', saved: '' });

  useEffect(() => {
    let cancelled = false;
    api.getMemo({ articleId }).then(
      (r) => {
        if (cancelled) return;
        latest.current = { memo: r.memo, saved: r.memo };
        setMemo(r.memo);
        setStatus('idle');
      },
      (err: unknown) => {
        if (!cancelled) setStatus('error');
        onError(err);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, articleId, onError]);

  useEffect(() => {
    if (status !== 'dirty') return;
    const timer = setTimeout(() => {
      const text = latest.current.memo;
      setStatus('saving');
      api.setMemo({ articleId, memo: text }).then(
        () => {
          latest.current.saved = text;
          setStatus(latest.current.memo === text ? 'saved' : 'dirty');
        },
        (err: unknown) => {
          setStatus('error');
          onError(err);
        },
      );
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [api, articleId, memo, status, onError]);

  // Leaving the article with unsaved text: save it now rather than lose it.
  useEffect(
    () => () => {
      const { memo: text, saved } = latest.current;
      if (text !== saved) void api.setMemo({ articleId, memo: text }).catch(onError);
    },
    [api, articleId, onError],
  );

  const edit = (text: string) => {
    latest.current.memo = text;
    setMemo(text);
    setStatus('dirty');
  };

  return { memo, status, edit };
}
