// @vitest-environment jsdom
// The agreement table as a reader sees it, from a real report of the measures: a figure per code
// marked against the thresholds, an undefined one a dash whose tooltip says why in the UI language,
// each coder's units and characters, the overall alpha, and a code's name opening its breakdown.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../core/agreement/index.js';
import { AgreementTable } from '../../../renderer/src/components/agreement/AgreementTable.js';
import { uiI18n } from './ui-i18n.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const result = computeAgreement({
  coders: [
    { id: 'alice', name: 'Alice' },
    { id: 'bob', name: 'Bob' },
  ],
  articles: [
    { id: 'a1', path: 'a1.md', length: 100 },
    { id: 'a2', path: 'a2.md', length: 100 },
  ],
  codes: [
    { id: 'goal', name: '目标', path: '目标', descendantIds: [] },
    { id: 'unused', name: '风险', path: '风险', descendantIds: [] },
  ],
  highlights: [
    { coderId: 'alice', articleId: 'a1', start: 10, end: 30, tagIds: ['goal'] },
    { coderId: 'bob', articleId: 'a1', start: 10, end: 30, tagIds: ['goal'] },
    { coderId: 'alice', articleId: 'a2', start: 50, end: 60, tagIds: ['goal'] },
    { coderId: 'bob', articleId: 'a2', start: 52, end: 60, tagIds: ['goal'] },
  ],
});

describe('the agreement table', () => {
  let host: HTMLDivElement;
  let root: Root;
  const selected: string[] = [];

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  async function show(language: string) {
    const i18n = await uiI18n();
    await i18n.changeLanguage(language);
    await act(async () =>
      root.render(
        <I18nextProvider i18n={i18n}>
          <AgreementTable result={result} selectedTagId={null} onSelect={(id) => selected.push(id)} />
        </I18nextProvider>,
      ),
    );
  }
  const rowOf = (code: string) =>
    [...host.querySelectorAll('[data-testid="agreement-row"]')].find(
      (r) => r.querySelector('th')?.textContent === code,
    )!;

  it('marks each figure, says why one is undefined, and opens a code', async () => {
    await show('zh-CN');
    const goal = result.codes[0]!;
    const goalCells = rowOf('目标').querySelectorAll('td.figure');
    expect(goal.alpha_u).toBeGreaterThan(0.8);
    expect(goalCells[0]!.getAttribute('data-level')).toBe('good');
    expect(goalCells[0]!.textContent).toContain(goal.alpha_u!.toFixed(3));
    expect(goalCells[0]!.getAttribute('title')).toContain('可靠');
    // Units and characters per coder.
    const counts = [...rowOf('目标').querySelectorAll('td.count')].map((c) => c.textContent);
    expect(counts).toEqual(['2 · 30', '2 · 28']);

    const unused = rowOf('风险').querySelectorAll('td.figure');
    expect(result.codes[1]!.alpha_u).toBeNull();
    expect(unused[0]!.textContent).toContain('–');
    expect(unused[0]!.getAttribute('title')).toBe('没有编码者使用这个编码。');

    const overall = host.querySelector('[data-testid="agreement-overall"] td.figure')!;
    expect(overall.textContent).toContain(result.overall.alpha_u!.toFixed(3));

    act(() => (rowOf('风险').querySelector('button') as HTMLButtonElement).click());
    expect(selected).toEqual(['unused']);
  });

  it('says the same in English', async () => {
    await show('en');
    const unused = rowOf('风险').querySelectorAll('td.figure');
    expect(unused[0]!.getAttribute('title')).toBe('No coder applied the code.');
    expect(host.querySelector('thead')!.textContent).toContain('units · chars');
  });
});
