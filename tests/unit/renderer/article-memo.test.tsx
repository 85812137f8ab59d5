// @vitest-environment jsdom
// The article memo is saved as the user pauses typing, and saved at once when the article is
// left with text not yet saved: nothing typed is lost. The other coders' memos come with mine,
// read-only, and follow what the host says.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GlossApi } from '../../../core/api/contract.js';
import { useArticleMemo } from '../../../renderer/src/hooks/use-article-memo.js';
import { createQueryClient } from '../../../renderer/src/data/query-client.js';
import { keys } from '../../../renderer/src/data/query-keys.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let view: ReturnType<typeof useArticleMemo>;
function Memo({ api, articleId }: { api: GlossApi; articleId: string }) {
  view = useArticleMemo(api, articleId, onError);
  return null;
}
const onError = vi.fn();

describe('the article memo', () => {
  let root: Root;
  let queries: QueryClient;
  let saved: { articleId: string; memo: string }[];
  let stored: { memo: string; others: { coderId: string; coderName: string; memo: string }[] };
  let api: GlossApi;
  beforeEach(() => {
    vi.useFakeTimers();
    saved = [];
    stored = { memo: 'first thoughts', others: [] };
    api = {
      getMemo: () => Promise.resolve(structuredClone(stored)),
      setMemo: (input: { articleId: string; memo: string }) => {
        saved.push(input);
        stored.memo = input.memo;
        return Promise.resolve(input);
      },
    } as unknown as GlossApi;
    queries = createQueryClient();
    root = createRoot(document.createElement('div'));
  });
  afterEach(() => {
    act(() => root.unmount());
    vi.useRealTimers();
  });

  async function open(articleId: string) {
    await act(async () =>
      root.render(
        <QueryClientProvider client={queries}>
          <Memo api={api} articleId={articleId} />
        </QueryClientProvider>,
      ),
    );
    await settle();
  }

  /** Lets the host's answers in (TanStack Query tells its observers on a timer). */
  async function settle() {
    await act(async () => vi.advanceTimersByTimeAsync(1));
  }

  async function readAgain(articleId: string) {
    await act(async () => queries.invalidateQueries({ queryKey: keys.memos(articleId) }));
    await settle();
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

  it('shows the other coders’ memos, and a colleague’s new memo once the host says so', async () => {
    stored.others = [{ coderId: 'bob', coderName: 'Bob', memo: 'Bob reads it as framing' }];
    await open('p-1');
    expect(view.others.map((o) => [o.coderName, o.memo])).toEqual([['Bob', 'Bob reads it as framing']]);
    stored.others.push({ coderId: 'chen', coderName: '陈', memo: '另一种读法' });
    await readAgain('p-1');
    expect(view.others.map((o) => o.coderName)).toEqual(['Bob', '陈']);
    expect(saved).toEqual([]);
  });

  it('keeps what I typed when the memos are read again, and follows a change made elsewhere before I type', async () => {
    await open('p-1');
    stored.memo = 'changed in another window';
    await readAgain('p-1');
    expect(view.memo).toBe('changed in another window');
    act(() => view.edit('mine, typed here'));
    stored.memo = 'changed elsewhere again';
    await readAgain('p-1');
    expect([view.memo, view.status]).toEqual(['mine, typed here', 'dirty']);
  });
});
