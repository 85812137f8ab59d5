/**
 * Exporting and importing highlights from the UI, in a real Chromium against `gloss serve`
 * (browser mode: the export is a download): highlights made with the mouse come out of the CSV
 * with their quote, tags and note (a note with a comma, a quote, a line break and a leading `=`,
 * neutralised with `'`), Chinese intact behind a BOM; the scope follows the all-highlights filter;
 * a JSON export imported into a fresh library through the dialog brings the highlights back.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { CodingPage, ExportPage, GlossPage } from './support/gloss-page.js';

const ARTICLE = '为什么同一款商品';
const QUOTE_1 = '作为一个天天给商品定价的运营';
const QUOTE_2 = '先说结论';
/** A comma, a double quote, a line break, and a leading `=` that a spreadsheet would run. */
const NOTE_1 = '=HYPERLINK("http://example.com","点我"), 成本解释\n第二行：运营视角';
const NOTE_2 = '结论先行';

type CsvRow = Record<string, string>;

function parseCsv(bytes: Buffer): CsvRow[] {
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text.slice(1), { columns: true, skip_empty_lines: true }) as CsvRow[];
}

describe('exporting and importing highlights', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let coding: CodingPage;
  let exporter: ExportPage;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gloss-export-e2e-'));
    server = await serveGloss();
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    gloss = new GlossPage(page);
    coding = new CodingPage(page);
    exporter = new ExportPage(page);
    await gloss.open(server.url);
    await gloss.waitForArticles();
    await gloss.openArticle(ARTICLE);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('highlights two passages with the mouse, one with a hostile note', async () => {
    await coding.selectText(QUOTE_1);
    await coding.editor().waitFor();
    await coding.addTag('成本解释');
    await coding.writeNote(NOTE_1);
    await coding.saveHighlight();

    await coding.selectText(QUOTE_2);
    await coding.editor().waitFor();
    await coding.addTag('结论');
    await coding.addTag('平台');
    await coding.writeNote(NOTE_2);
    await coding.saveHighlight();
    await expect
      .poll(() => coding.annotationQuotes().then((q) => [...q].sort()))
      .toEqual([QUOTE_1, QUOTE_2].sort());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('exports the library as CSV with a BOM, the notes neutralised and the Chinese intact', async () => {
    await exporter.open('button');
    await exporter.chooseFormat('csv');
    await exporter.chooseScope('library');
    await exporter.chooseLayout('wide');
    await gloss.page.getByTestId('export-bom').check();
    const file = await exporter.download();

    expect(file.fileName).toMatch(/-annotations-\d{4}-\d{2}-\d{2}-wide\.csv$/);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(file.bytes);
    expect(rows).toHaveLength(2);
    const first = rows.find((r) => r.quote === QUOTE_1)!;
    const second = rows.find((r) => r.quote === QUOTE_2)!;
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(first.tags).toBe('成本解释');
    expect(first.note).toBe(`'${NOTE_1}`);
    expect(second.tags).toBe('结论; 平台');
    expect(second.note).toBe(NOTE_2);
    for (const row of rows) {
      expect(row.title).toContain(ARTICLE);
      expect(row.article_path).toContain('知乎');
    }
    expect(Number(first.end) - Number(first.start)).toBe([...QUOTE_1].length);
    await exporter.close();
  });

  it('exports one row per highlight and tag in the tidy layout', async () => {
    await exporter.open('shortcut');
    await exporter.chooseFormat('csv');
    await exporter.chooseLayout('tidy');
    const rows = parseCsv((await exporter.download()).bytes);
    expect(rows.map((r) => `${r.quote}|${r.tags}`).sort()).toEqual(
      [`${QUOTE_1}|成本解释`, `${QUOTE_2}|结论`, `${QUOTE_2}|平台`].sort(),
    );
    await exporter.chooseLayout('wide');
    await exporter.close();
  });

  it('exports only what the all-highlights filter shows', async () => {
    const page = gloss.page;
    await page.getByTestId('open-highlights').click();
    const view = page.getByTestId('highlights-view');
    await view.waitFor();
    await view.getByRole('combobox', { name: 'Tag' }).selectOption({ label: '结论' });
    await expect.poll(() => page.getByTestId('library-highlight').count()).toBe(1);

    await exporter.open('button');
    // The filter on screen is the default scope, and the dialog says what it is.
    await expect(page.getByTestId('export-scope-filter').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('export-filter-description').innerText()).resolves.toContain('结论');
    await exporter.chooseFormat('csv');
    const rows = parseCsv((await exporter.download()).bytes);
    expect(rows.map((r) => r.quote)).toEqual([QUOTE_2]);
    await exporter.close();
    await page.getByTestId('open-highlights').click();
  });

  it('exports what the library list shows: its folder filter, and the articles a filter lists', async () => {
    const page = gloss.page;
    const folder = page.getByRole('combobox', { name: 'Folder' });
    const highlighted = page.getByTestId('library-annotated-filter');
    await folder.selectOption('社交媒体');
    await exporter.open('button');
    await exporter.chooseScope('filter');
    await expect(page.getByTestId('export-filter-description').innerText()).resolves.toContain('社交媒体');
    const rows = parseCsv((await exporter.download()).bytes);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.article_path!.startsWith('社交媒体/'))).toBe(true);
    await exporter.close();

    // "Not highlighted" is not part of an export scope: the listed articles are named instead.
    // They have no highlights, which the dialog says instead of writing an empty file.
    await highlighted.selectOption('no');
    await exporter.open('button');
    await exporter.chooseScope('filter');
    await page.getByTestId('export-nothing').waitFor();
    await expect(page.getByTestId('export-run').isDisabled()).resolves.toBe(true);
    await exporter.close();

    await highlighted.selectOption('');
    await folder.selectOption('');
    await exporter.open('button');
    // Without a filter the choice is not offered, and the whole library is exported.
    await expect(page.getByTestId('export-scope-filter').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('export-scope-library').isChecked()).resolves.toBe(true);
    await exporter.close();
  });

  it('shows a progress bar and disables the button while the export runs', async () => {
    const page = gloss.page;
    const slow = '**/api/op/exportAnnotations';
    await page.route(slow, async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    try {
      await exporter.open('button');
      const download = page.waitForEvent('download');
      await page.getByTestId('export-run').click();
      await page.getByTestId('export-progress').waitFor();
      await expect(page.getByTestId('export-run').isDisabled()).resolves.toBe(true);
      await download;
      await page.getByTestId('export-progress').waitFor({ state: 'detached' });
      await expect(page.getByTestId('export-run').isEnabled()).resolves.toBe(true);
      await exporter.close();
    } finally {
      await page.unroute(slow);
    }
  });

  it('keeps the keyboard in the dialog and closes on Escape', async () => {
    const page = gloss.page;
    await exporter.open('shortcut');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(i < 20 ? 'Tab' : 'Shift+Tab');
      const inside = await page.evaluate(
        () => !!document.activeElement?.closest('[data-testid="export-dialog"]'),
      );
      expect(inside).toBe(true);
    }
    await exporter.close();
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0);
  });

  it('says clearly when a file is not a Gloss export', async () => {
    await exporter.open('button');
    await exporter.importFile({
      name: 'not-gloss.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await expect(gloss.page.getByTestId('import-error').innerText()).resolves.toContain('not a Gloss');
    await exporter.close();
  });

  it('exports JSON and imports it into another library, where the highlights appear', async () => {
    await exporter.open('button');
    await exporter.chooseFormat('json');
    await exporter.chooseScope('library');
    const file = await exporter.download();
    expect(file.fileName).toMatch(/\.json$/);
    const json = file.bytes.toString('utf8');
    expect(json).toContain(QUOTE_1);
    const path = join(work, file.fileName);
    writeFileSync(path, file.bytes);
    await exporter.close();

    const other = await serveGloss();
    const page = await browser.context.newPage();
    try {
      const otherGloss = new GlossPage(page);
      const otherCoding = new CodingPage(page);
      const otherExporter = new ExportPage(page);
      await otherGloss.open(other.url);
      await otherGloss.waitForArticles();

      await otherExporter.open('button');
      await otherExporter.importFile(path);
      await expect(otherExporter.importCount('added')).resolves.toBe(2);
      await expect(otherExporter.importCount('tagsCreated')).resolves.toBe(3);
      await expect(otherExporter.importCount('notPlaced')).resolves.toBe(0);
      await expect(page.getByTestId('import-summary').innerText()).resolves.toContain(file.fileName);

      // The same file again changes nothing.
      await otherExporter.importFile(path);
      await expect(otherExporter.importCount('added')).resolves.toBe(0);
      await expect(otherExporter.importCount('unchanged')).resolves.toBe(2);
      await otherExporter.close();

      await otherGloss.openArticle(ARTICLE);
      await expect
        .poll(() => otherCoding.annotationQuotes().then((q) => [...q].sort()))
        .toEqual([QUOTE_1, QUOTE_2].sort());
      await expect
        .poll(() => otherCoding.paintedTexts().then((q) => [...q].sort()))
        .toEqual([QUOTE_1, QUOTE_2].sort());
      const item = otherCoding.annotationItems().filter({ hasText: QUOTE_1 });
      await expect(item.getByTestId('annotation-note').innerText()).resolves.toContain('第二行');
      await expect
        .poll(() =>
          page.getByTestId('article-row').filter({ hasText: ARTICLE }).locator('.badge').innerText(),
        )
        .toBe('2');
    } finally {
      await page.close();
      await other.stop();
    }
  });
});
