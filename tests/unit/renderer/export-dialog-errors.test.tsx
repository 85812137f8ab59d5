// @vitest-environment jsdom
// A failed export or import is told in the UI language like every other error in the app: the
// Chinese UI leads with a Chinese sentence for the error's code and keeps the English detail.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GlossApi } from '../../../core/api/contract.js';
import { ExportDialog } from '../../../renderer/src/components/ExportDialog.js';
import { mountPoint } from './mount-point.js';
import { uiI18n } from './ui-i18n.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// What the preload and the HTTP client throw: an Error carrying core's error code.
const hostError = (code: string, message: string) => Object.assign(new Error(message), { code });

const failingApi = {
  countExport: () => Promise.resolve({ highlights: 1, articles: 1 }),
  exportAnnotations: () => Promise.reject(hostError('io', 'The disk is full, so this was not saved')),
  importAnnotations: () => Promise.reject(hostError('invalid-input', 'This file is not a Gloss export')),
} as unknown as GlossApi;

describe('the export dialog’s errors', () => {
  const at = mountPoint();
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const q = (id: string) => at.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  async function open(language: string, initialTab: 'export' | 'import') {
    const i18n = await uiI18n();
    await i18n.changeLanguage(language);
    act(() =>
      at.root.render(
        <QueryClientProvider client={new QueryClient()}>
          <I18nextProvider i18n={i18n}>
            <ExportDialog
              api={failingApi}
              nativeDialogs={false}
              article={null}
              filter={null}
              tagsById={new Map()}
              folders={[]}
              coders={[]}
              initialCoders={null}
              articleTitle={() => null}
              initialTab={initialTab}
              onImported={() => {}}
              onClose={() => {}}
            />
          </I18nextProvider>
        </QueryClientProvider>,
      ),
    );
  }

  async function exportNow() {
    await act(async () => q('export-run')!.click());
  }

  async function importFile(json: string) {
    const input = q('import-file') as HTMLInputElement;
    const file = new File([json], 'x.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
  }

  it('are the host’s English message in the English UI', async () => {
    await open('en', 'export');
    await exportNow();
    expect(q('export-error')!.textContent).toBe('The export failed: The disk is full, so this was not saved');
  });

  it('lead with Chinese for the code in the Chinese UI, keeping the detail', async () => {
    await open('zh-CN', 'export');
    await exportNow();
    expect(q('export-error')!.textContent).toBe(
      '导出失败：读写文件时出错（The disk is full, so this was not saved）',
    );
  });

  it('do the same for a file that is not a Gloss export', async () => {
    await open('zh-CN', 'import');
    await importFile('{"hello": "world"}');
    expect(q('import-error')!.textContent).toBe('导入失败：请求无效（This file is not a Gloss export）');
  });

  it('say an empty file is empty, in the UI language', async () => {
    await open('zh-CN', 'import');
    await importFile('  ');
    expect(q('import-error')!.textContent).toBe('导入失败：文件是空的。');
  });
});
