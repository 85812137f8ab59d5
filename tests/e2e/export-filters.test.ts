/**
 * The Export dialog's own filter in a real Chromium against `gloss serve`: codes ticked in the
 * tree (a parent brings its sub-codes), a folder and a date range give a CSV of exactly the
 * matching highlights, named by its layout; a filter that matches nothing says so and exports
 * nothing; the dates come out as the sources wrote them. Screenshots of the dialog in both
 * languages and themes go to /tmp/exportx-*.png for a person to look at.
 */
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { annotateAs, REPO, serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { ExportPage, GlossPage } from './support/gloss-page.js';

const LIBRARY = resolve(REPO, 'tests', 'fixtures', 'export', 'dated-library');

/** One highlight per article: 政策/货币 on two, its parent 政策 on one, 市场 on one. */
const HIGHLIGHTS = [
  { article: 'cn-zoned', quote: '此举将释放长期资金约一万亿元。', tag: ['政策/货币'] },
  { article: 'cn-naive', quote: '其中税收收入增长较快？', tag: ['政策'] },
  { article: 'cn-chinese-date', quote: '农资供应总体充足。', tag: ['市场'] },
  { article: 'en-gmt', quote: 'Investors bet that rates would fall soon.', tag: ['市场'] },
  { article: 'en-day', quote: 'Shipping costs eased.', tag: ['政策/货币'] },
];

type CsvRow = Record<string, string>;

describe('the Export dialog’s filters', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let exporter: ExportPage;

  beforeAll(async () => {
    server = await serveGloss({
      library: LIBRARY,
      prepare: (library, work) => {
        for (const h of HIGHLIGHTS) annotateAs('Ming', library, join(work, 'ming-machine'), h);
      },
    });
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    gloss = new GlossPage(page);
    exporter = new ExportPage(page);
    await gloss.open(server.url);
    await gloss.waitForArticles(5);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const page = () => gloss.page;
  const dialog = () => exporter.dialog();

  it('exports the highlights of a code with its sub-codes, in a folder, between two dates', async () => {
    await exporter.open();
    await exporter.chooseFormat('csv');
    await exporter.chooseLayout('tidy');
    await page().getByTestId('export-scope-chosen').check();
    await page().getByTestId('export-filter-tag-政策').check();
    // The sub-code comes along: ticked, and not to be unticked on its own.
    await expect.poll(() => page().getByTestId('export-filter-tag-政策/货币').isChecked()).toBe(true);
    await expect
      .poll(() => page().getByTestId('export-count').innerText())
      .toBe('3 highlights in 3 articles will be exported.');
    await page().getByTestId('export-filter-folder').selectOption('政策');
    await page().getByTestId('export-filter-from').fill('2024-03-01');
    await page().getByTestId('export-filter-to').fill('2024-03-31');
    await expect
      .poll(() => page().getByTestId('export-count').innerText())
      .toBe('2 highlights in 2 articles will be exported.');

    const file = await exporter.download();
    expect(file.fileName).toMatch(/-annotations-\d{4}-\d{2}-\d{2}-tidy\.csv$/);
    const rows = parse(file.bytes.toString('utf8'), { bom: true, columns: true }) as CsvRow[];
    expect(rows.map((r) => [r.article_id, r.tag_paths, r.date]).sort()).toEqual([
      ['cn-naive', '政策', '2024-03-01T09:30:00'],
      ['cn-zoned', '政策/货币', '2024-03-01T09:30:00+08:00'],
    ]);
  });

  it('says when the filter matches nothing, and exports nothing', async () => {
    await page().getByTestId('export-filter-tag-政策').uncheck();
    await page().getByTestId('export-filter-tag-市场').check();
    await page().getByTestId('export-filter-folder').selectOption('政策/地方');
    await page().getByTestId('export-filter-from').fill('2024-06-01');
    await page().getByTestId('export-filter-to').fill('');
    await page().getByTestId('export-nothing').waitFor();
    expect(await page().getByTestId('export-nothing').innerText()).toBe(
      'No highlights match these filters: change them to export something.',
    );
    expect(await page().getByTestId('export-run').isDisabled()).toBe(true);
  });

  it('names a wide table so, and the whole library with every date as written', async () => {
    await exporter.chooseLayout('wide');
    await exporter.chooseScope('library');
    const file = await exporter.download();
    expect(file.fileName).toMatch(/-annotations-\d{4}-\d{2}-\d{2}-wide\.csv$/);
    const rows = parse(file.bytes.toString('utf8'), { bom: true, columns: true }) as CsvRow[];
    expect(Object.fromEntries(rows.map((r) => [r.article_id, r.date]))).toEqual({
      'cn-zoned': '2024-03-01T09:30:00+08:00',
      'cn-naive': '2024-03-01T09:30:00',
      'cn-chinese-date': '2024-05-06T08:15:00',
      'en-gmt': '2024-03-15T14:00:00Z',
      'en-day': '2024-04-02',
    });
  });

  it('shows one scrollbar and lined-up fields in both languages and themes', async () => {
    await page().setViewportSize({ width: 1280, height: 720 });
    await page().keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    for (const theme of ['light', 'dark'] as const)
      for (const language of ['en', 'zh-CN'] as const) {
        await gloss.setTheme(theme);
        await gloss.setLanguage(language);
        await exporter.open();
        await page().getByTestId('export-scope-chosen').check();
        await page().getByTestId('export-filter-tag-政策').check();
        await page().getByTestId('export-count').waitFor({ state: 'attached' });
        // The dialog itself never scrolls: only its body does.
        const scrolls = await dialog().evaluate((el) => {
          const body = el.querySelector('.export-body')!;
          return {
            dialog: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
            bodySideways: body.scrollWidth > body.clientWidth + 1,
            body: getComputedStyle(body).overflowY,
          };
        });
        expect(scrolls).toEqual({ dialog: false, bodySideways: false, body: 'auto' });
        // The filter's fields start at one left edge.
        const lefts = await page()
          .locator('.export-filter-control')
          .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
        expect(new Set(lefts).size).toBe(1);
        await page().getByTestId('export-filter-fields').scrollIntoViewIfNeeded();
        await page().screenshot({ path: `/tmp/exportx-${language}-${theme}.png` });
        await page().getByTestId('export-run').scrollIntoViewIfNeeded();
        await page()
          .locator('.export-body')
          .evaluate((el) => el.scrollTo(0, el.scrollHeight));
        await page().screenshot({ path: `/tmp/exportx-${language}-${theme}-end.png` });
        await page().keyboard.press('Escape');
        await dialog().waitFor({ state: 'detached' });
      }
    await gloss.setLanguage('en');
    await gloss.setTheme('light');
  });
});
