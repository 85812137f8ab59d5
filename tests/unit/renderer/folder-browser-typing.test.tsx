// @vitest-environment jsdom
// "Open folder…" in browser mode: a path typed while the first listing is still on its way is the
// researcher's, and stays; the listing arriving neither replaces it nor takes the keyboard away.
import { act } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { GlossApi } from '../../../core/api/contract.js';
import type { FolderBrowse } from '../../../core/api/folder-browser-contract.js';
import { FolderBrowser } from '../../../renderer/src/components/folder-browser/FolderBrowser.js';
import { mountPoint } from './mount-point.js';
import { uiI18n } from './ui-i18n.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const browseOf = (path: string): FolderBrowse => ({
  listing: {
    path,
    parent: '/home',
    crumbs: [{ name: path, path }],
    folders: [{ name: 'projects', path: `${path}/projects` }] as FolderBrowse['listing']['folders'],
    hidden: 0,
    more: 0,
    articleFiles: { count: 0, complete: true },
    problem: null,
  },
  home: '/home/researcher',
  recent: [],
});

describe('the folder browser’s path field', () => {
  const at = mountPoint();

  async function openWith(api: GlossApi) {
    const i18n = await uiI18n();
    act(() =>
      at.root.render(
        <I18nextProvider i18n={i18n}>
          <FolderBrowser api={api} onOpened={() => undefined} onClose={() => undefined} />
        </I18nextProvider>,
      ),
    );
    return at.container.querySelector<HTMLInputElement>('[data-testid="folder-path"]')!;
  }

  const type = (field: HTMLInputElement, text: string) =>
    act(() => {
      field.focus();
      // React listens for the native setter's value and an input event.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, text);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });

  it('keeps what was typed before the first listing came', async () => {
    let answer: (b: FolderBrowse) => void = () => undefined;
    const api = {
      browseFolders: () => new Promise<FolderBrowse>((resolve) => (answer = resolve)),
    } as unknown as GlossApi;
    const field = await openWith(api);
    type(field, '/data/corpus');
    await act(async () => answer(browseOf('/home/researcher')));
    expect(field.value).toBe('/data/corpus');
    expect(document.activeElement).toBe(field);
  });

  it('shows the folder listed when nothing was typed', async () => {
    const api = { browseFolders: () => Promise.resolve(browseOf('/home/researcher')) } as unknown as GlossApi;
    const field = await openWith(api);
    await act(async () => undefined);
    expect(field.value).toBe('/home/researcher');
  });
});
