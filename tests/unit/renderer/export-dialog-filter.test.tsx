// @vitest-environment jsdom
// The Export dialog's own filter: codes ticked in the codebook's tree (a parent covers its
// sub-codes), a folder and dates become the CLI's filter scope; the dialog counts what it holds and
// a filter that matches nothing says so in the UI language, with the export button held back.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GlossApi } from '../../../core/api/contract.js';
import type { Tag } from '../../../core/model.js';
import { ExportDialog } from '../../../renderer/src/components/ExportDialog.js';
import { mountPoint } from './mount-point.js';
import { uiI18n } from './ui-i18n.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const tag = (id: string, name: string, parentId: string | null = null): Tag => ({
  id,
  name,
  parentId,
  color: '#0072B2',
  description: '',
});
const TAGS = new Map([
  ['p', tag('p', '政策')],
  ['m', tag('m', '货币', 'p')],
  ['k', tag('k', '市场')],
]);

describe('the export dialog’s own filter', () => {
  const at = mountPoint();
  let counted: unknown[];
  let matches: number;
  const api = {
    countExport: vi.fn(async (input: unknown) => {
      counted.push(input);
      return { highlights: matches, articles: matches ? 1 : 0 };
    }),
    exportAnnotations: vi.fn(),
  } as unknown as GlossApi;

  beforeEach(() => {
    localStorage.clear();
    counted = [];
    matches = 3;
  });

  const q = <T extends HTMLElement = HTMLElement>(id: string) =>
    at.container.querySelector<T>(`[data-testid="${id}"]`);
  const settle = () => act(async () => new Promise((r) => setTimeout(r, 10)));

  async function open(language: string) {
    const i18n = await uiI18n();
    await i18n.changeLanguage(language);
    act(() =>
      at.root.render(
        <QueryClientProvider client={new QueryClient()}>
          <I18nextProvider i18n={i18n}>
            <ExportDialog
              api={api}
              nativeDialogs={false}
              article={null}
              filter={null}
              tagsById={TAGS}
              folders={['政策', '政策/地方', 'world']}
              coders={[]}
              initialCoders={null}
              articleTitle={() => null}
              onImported={() => {}}
              onClose={() => {}}
            />
          </I18nextProvider>
        </QueryClientProvider>,
      ),
    );
    await settle();
  }

  /** React listens to the native events a user's input fires. */
  function setValue(el: HTMLInputElement | HTMLSelectElement, value: string) {
    const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  }

  it('sends the ticked codes, folder and dates as one filter scope and shows the count', async () => {
    await open('en');
    expect(q('export-filter-fields')).toBeNull();
    await act(async () => q('export-scope-chosen')!.click());
    await act(async () => q('export-filter-tag-政策')!.click());
    // The parent covers its sub-code: shown ticked, not separately choosable.
    const child = q<HTMLInputElement>('export-filter-tag-政策/货币')!;
    expect([child.checked, child.disabled]).toEqual([true, true]);
    await act(async () => setValue(q<HTMLSelectElement>('export-filter-folder')!, '政策/地方'));
    await act(async () => setValue(q<HTMLInputElement>('export-filter-from')!, '2024-03-01'));
    await act(async () => setValue(q<HTMLInputElement>('export-filter-to')!, '2024-03-31'));
    await settle();
    expect(counted.at(-1)).toEqual({
      scope: { kind: 'filter', tagIds: ['p'], folder: '政策/地方', from: '2024-03-01', to: '2024-03-31' },
    });
    expect(q('export-count')!.textContent).toBe('3 highlights in 1 article will be exported.');
    expect(q<HTMLButtonElement>('export-run')!.disabled).toBe(false);
  });

  it('counts in Chinese too', async () => {
    await open('zh-CN');
    await act(async () => q('export-scope-chosen')!.click());
    await settle();
    expect(q('export-count')!.textContent).toBe('将导出 1 篇文章中的 3 条标注。');
  });

  it('says in Chinese that nothing matches and holds the export back', async () => {
    matches = 0;
    await open('zh-CN');
    await act(async () => q('export-scope-chosen')!.click());
    await act(async () => q('export-filter-tag-市场')!.click());
    await settle();
    expect(q('export-nothing')!.textContent).toBe('没有符合这些筛选条件的标注：请调整条件后再导出。');
    expect(q<HTMLButtonElement>('export-run')!.disabled).toBe(true);
  });

  it('catches dates given the wrong way round before asking the host', async () => {
    await open('en');
    await act(async () => q('export-scope-chosen')!.click());
    await act(async () => setValue(q<HTMLInputElement>('export-filter-from')!, '2024-05-01'));
    await act(async () => setValue(q<HTMLInputElement>('export-filter-to')!, '2024-04-01'));
    await settle();
    expect(at.container.textContent).toContain('The “From” date is after the “To” date.');
    expect(q<HTMLButtonElement>('export-run')!.disabled).toBe(true);
  });
});
