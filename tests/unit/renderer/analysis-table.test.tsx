// @vitest-environment jsdom
// The Analysis tables as a reader (or a screen reader) sees them: the matrix pivoted with an
// article per row (title, date, source) and a code per column, a button per non-zero cell that
// asks for its segments; the frequencies with every coder's total first; headings in Chinese.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportTable } from '../../../renderer/src/components/analysis/ReportTable.js';
import type { CellKey } from '../../../renderer/src/components/analysis/ChartFigure.js';
import type { Report } from '../../../core/analysis/report-types.js';
import { frequencies, matrix } from '../charts/chart-fixtures.js';
import { uiI18n } from './ui-i18n.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('the analysis tables', () => {
  let host: HTMLDivElement;
  let root: Root;
  const cells: CellKey[] = [];

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  async function show(report: Report, language = 'en') {
    const i18n = await uiI18n();
    await i18n.changeLanguage(language);
    await act(async () =>
      root.render(
        <I18nextProvider i18n={i18n}>
          <ReportTable report={report} selected={null} onCell={(c) => cells.push(c)} />
        </I18nextProvider>,
      ),
    );
  }
  const headers = () => [...host.querySelectorAll('thead th')].map((th) => th.textContent);

  it('pivots the matrix: an article per row, a code per column, a button per counted cell', async () => {
    await show(matrix, 'zh-CN');
    expect(headers().slice(0, 3)).toEqual(['文章', '日期', '来源']);
    expect(headers().slice(3)).toEqual(['经济/增长', 'Politics', expect.stringContaining('非常长'), '环境']);
    const articles = new Set(matrix.rows.map((r) => r.articleId));
    expect(host.querySelectorAll('tbody tr')).toHaveLength(articles.size);
    const buttons = host.querySelectorAll('[data-testid="matrix-cell"]');
    expect(buttons).toHaveLength(matrix.rows.length);
    const first = matrix.rows[0]!;
    act(() => (buttons[0] as HTMLButtonElement).click());
    expect(cells.at(-1)).toEqual({ row: first.articleId, column: first.tagPath });
    expect(buttons[0]!.getAttribute('aria-label')).toContain(first.tagPath);
  });

  it('lists each code’s total over every coder before its coders', async () => {
    await show(frequencies);
    const rows = [...host.querySelectorAll('tbody tr')]
      .slice(0, 3)
      .map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows[0]).toEqual(['经济/增长', 'All coders', '5', '3', '85']);
    expect(rows[1]?.[1]).toBe('Alice');
    expect(rows[2]?.[1]).toBe('鲍勃');
  });
});
