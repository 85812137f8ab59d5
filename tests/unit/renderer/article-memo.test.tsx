// @vitest-environment jsdom
// The article memo is saved as the user pauses typing, and saved at once when the article is
// left with text not yet saved: nothing typed is lost.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GlossApi } from '../../../core/api/contract.js';
import { useArticleMemo } from '../../../renderer/src/hooks/use-article-memo.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let view: ReturnType<typeof useArticleMemo>;
function Memo({ api, articleId }: { api: GlossApi; articleId: string }) {
  view = useArticleMemo(api, articleId, onError);
  return null;
}
const onError = vi.fn();

describe('the article memo', () => {
  let root: Root;
  let saved: { articleId: string; memo: string }[];
  let api: GlossApi;
  beforeEach(() => {
    vi.useFakeTimers();
    saved = [];
    api = {
      getMemo: () => Promise.resolve({ memo: 'first thoughts' }),
      setMemo: (input: { articleId: string; memo: string }) => {
        saved.push(input);
        return Promise.resolve();
      },
    } as unknown as GlossApi;
    root = createRoot(document.createElement('div'));
  });
  afterEach(() => {
    act(() => root.unmount());
    vi.useRealTimers();
  });

  async function open(articleId: string) {
    await act(async () => root.render(<Memo api={api} articleId={articleId} />));
  }

  it('loads the memo, then saves once, 800 ms after the last keystroke', async () => {
    await open('p-1');
    expect([view.memo, view.status]).toEqual(['first thoughts', 'idle']);
    act(() => view.edit('first thoughts, then'));
    await act(async () => vi.advanceTimersByTime(500));
    act(() => view.edit('first thoughts, then more'));
    await act(async () => vi.advanceTimersByTime(799));
    expect(saved).toEqual([]);
    expect(view.status).toBe('dirty');
    await act(async () => vi.advanceTimersByTime(1));
    expect(saved).toEqual([{ articleId: 'p-1', memo: 'first thoughts, then more' }]);
    expect(view.status).toBe('saved');
  });

  it('saves unsaved text at once when another article is opened', async () => {
    await open('p-1');
    act(() => view.edit('typed just before leaving'));
    await open('p-2');
    expect(saved).toEqual([{ articleId: 'p-1', memo: 'typed just before leaving' }]);
  });
});
