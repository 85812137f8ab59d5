// @vitest-environment jsdom
// The store problems of a shared library (a sync tool's conflict copy, a codebook field two coders
// changed at once, a colleague's file still arriving) are told in the UI language, each with what
// to do, and the host's details (the file) are kept.
import { act } from 'react';
import { I18nextProvider } from 'react-i18next';
import { QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { GlossApi } from '../../../core/api/contract.js';
import type { StoreStatus } from '../../../core/api/annotation-contract.js';
import { StoreStatusBanner } from '../../../renderer/src/components/StoreStatusBanner.js';
import { createQueryClient } from '../../../renderer/src/data/query-client.js';
import { mountPoint } from './mount-point.js';
import { uiI18n } from './ui-i18n.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const problem = (kind: StoreStatus['problems'][number]['kind'], file: string, message: string) => ({
  kind,
  file,
  message,
  articleId: null,
  movedTo: null,
  at: '2026-12-03T12:00:00Z',
});

const status: StoreStatus = {
  problems: [
    problem(
      'conflict-copy',
      'coders/bob.1a2b3c4d/annotations/x.sync-conflict-20261203-101010-ABCDEF.json',
      'x.sync-conflict-20261203-101010-ABCDEF.json: a conflict copy, merged',
    ),
    problem(
      'codebook-conflict',
      'coders/alice.9f8e7d6c/codebook.json',
      'Tag “框架”: name “Frame” won over “框架”',
    ),
    problem('unreadable', 'coders/bob.1a2b3c4d/annotations/y.json', 'y.json does not parse (line 1)'),
  ],
  readOnly: null,
  readOnlyBelow: null,
  fallbackToMove: null,
};

describe('store problems of a shared library', () => {
  const at = mountPoint();

  async function show(language: string): Promise<string[]> {
    const i18n = await uiI18n();
    await i18n.changeLanguage(language);
    const api = { getStoreProblems: () => Promise.resolve(status) } as unknown as GlossApi;
    await act(async () =>
      at.root.render(
        <QueryClientProvider client={createQueryClient()}>
          <I18nextProvider i18n={i18n}>
            <StoreStatusBanner api={api} libraryRoot="/lib" dataDir="/lib/.gloss" dataDirFallback={false} />
          </I18nextProvider>
        </QueryClientProvider>,
      ),
    );
    await act(async () => new Promise((r) => setTimeout(r, 10)));
    return [...at.container.querySelectorAll('[data-testid="store-problem"]')].map(
      (li) => li.textContent ?? '',
    );
  }

  it('names each kind and says what to do, in English', async () => {
    const [copy, codebook, unreadable] = await show('en');
    expect(copy).toContain('Sync conflict copy');
    expect(copy).toContain('delete the copy once you have checked it');
    expect(copy).toContain('x.sync-conflict-20261203-101010-ABCDEF.json');
    expect(codebook).toContain('Codebook edited at the same time');
    expect(unreadable).toContain('never changed or moved');
  });

  it('names each kind and says what to do in Chinese, keeping the details', async () => {
    const [copy, codebook, unreadable] = await show('zh-CN');
    expect(copy).toContain('同步冲突副本');
    expect(copy).toContain('核对后可删除该副本');
    expect(codebook).toContain('编码表被同时修改');
    expect(codebook).toContain('Frame');
    expect(unreadable).toContain('同事的文件暂时无法读取');
  });
});
