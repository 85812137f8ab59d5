/**
 * Excel and REFI-QDA in the Export/Import dialog, in a real Chromium against `gloss serve` (browser
 * mode): an Excel export downloads a workbook exceljs reads back with the highlight made in the
 * reader; choosing Excel or a REFI-QDA format shows what that format cannot hold; importing a small
 * QualCoder-style .qdpx through the Import tab shows its report (placed, not placed with its quote,
 * the new article, the coders, the codes created). The dialogs are photographed in both languages
 * and both themes into /work/wt/shots/interop-*.png.
 */
import { mkdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQdpx, type FixtureProject } from '../unit/interop/qdpx-fixtures.js';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { CodingPage, ExportPage, GlossPage } from './support/gloss-page.js';

const ARTICLE = '为什么同一款商品';
const QUOTE = '作为一个天天给商品定价的运营';
const NOTE = '=SUM(A1) 运营视角';
const SHOTS = '/work/wt/shots';

const TEXT = '课堂观察记录。\n学生在小组讨论中提出了关于公平的问题。\n老师没有直接回答，而是请大家举例。\n';
const PROJECT: FixtureProject = {
  name: '课堂研究',
  users: [
    { guid: 'A1B2C3D4-0000-4000-8000-000000000001', name: '李老师' },
    { guid: 'A1B2C3D4-0000-4000-8000-000000000002', name: 'Dana' },
  ],
  codes: [
    {
      guid: 'C0DE0000-0000-4000-8000-000000000001',
      name: '课堂互动',
      color: '#0072B2',
      children: [{ guid: 'C0DE0000-0000-4000-8000-000000000002', name: '提问', color: '#D55E00' }],
    },
  ],
  sources: [
    {
      guid: '50000000-0000-4000-8000-000000000001',
      name: '观察记录一',
      text: TEXT,
      selections: [
        {
          guid: '5E100000-0000-4000-8000-000000000001',
          quote: '提出了关于公平的问题',
          codes: ['C0DE0000-0000-4000-8000-000000000002'],
          user: 'A1B2C3D4-0000-4000-8000-000000000001',
          note: '关键时刻',
        },
        {
          guid: '5E100000-0000-4000-8000-000000000002',
          quote: '请大家举例',
          codes: ['C0DE0000-0000-4000-8000-000000000001'],
          user: 'A1B2C3D4-0000-4000-8000-000000000002',
        },
        {
          guid: '5E100000-0000-4000-8000-000000000003',
          quote: '老师没有直接回答',
          codes: ['C0DE0000-0000-4000-8000-000000000001'],
          user: 'A1B2C3D4-0000-4000-8000-000000000002',
          zeroLength: true,
        },
      ],
    },
  ],
};

describe('Excel and REFI-QDA in the export dialog', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let coding: CodingPage;
  let exporter: ExportPage;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await serveGloss();
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
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
  });

  it('downloads an Excel workbook that exceljs reads, with the note as text', async () => {
    await coding.selectText(QUOTE);
    await coding.editor().waitFor();
    await coding.addTag('成本解释');
    await coding.writeNote(NOTE);
    await coding.saveHighlight();
    await expect.poll(() => coding.annotationQuotes()).toEqual([QUOTE]);
    await exporter.open('button');
    await exporter.chooseFormat('xlsx');
    await expect.poll(() => gloss.page.getByTestId('format-loss').innerText()).toContain('32,767');
    // The BOM is CSV's alone; layout and context apply to Excel too.
    expect(await gloss.page.getByTestId('export-bom').count()).toBe(0);
    expect(await gloss.page.getByTestId('export-layout-tidy').count()).toBe(1);
    const file = await exporter.download();
    expect(file.fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Highlights', 'Codebook', 'Articles']);
    const sheet = workbook.getWorksheet('Highlights')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const row = sheet.getRow(2);
    expect(row.getCell(header.indexOf('quote') + 1).value).toBe(QUOTE);
    expect(row.getCell(header.indexOf('note') + 1).value).toBe(NOTE);
    expect(row.getCell(header.indexOf('tags') + 1).value).toBe('成本解释');
    expect(row.getCell(header.indexOf('created') + 1).value).toBeInstanceOf(Date);
    await exporter.close();
  });

  it('says what a REFI-QDA project and codebook cannot hold', async () => {
    await exporter.open('button');
    await exporter.chooseFormat('qdpx');
    expect(await gloss.page.getByTestId('format-loss').innerText()).toMatch(/plain text/);
    await exporter.chooseFormat('qdc');
    expect(await gloss.page.getByTestId('format-loss').innerText()).toMatch(/Only the codes/);
    // A codebook has no scope of highlights to choose.
    expect(await gloss.page.getByTestId('export-scope-library').count()).toBe(0);
    await exporter.chooseFormat('json');
    expect(await gloss.page.getByTestId('format-loss').count()).toBe(0);
    await exporter.close();
  });

  it('imports a QualCoder project and reports every selection', async () => {
    await exporter.open('button');
    await exporter.importFile(
      {
        name: '课堂研究.qdpx',
        mimeType: 'application/zip',
        buffer: Buffer.from(buildQdpx('qualcoder', PROJECT)),
      },
      'qdpx',
    );
    const report = gloss.page.getByTestId('interop-report');
    await report.waitFor();
    const count = async (key: string) =>
      Number(await gloss.page.getByTestId(`interop-${key}`).locator('dd').innerText());
    expect(await report.locator('.import-headline').innerText()).toContain('2 highlights written');
    expect(await count('placed')).toBeGreaterThanOrEqual(2);
    expect(await count('unplaced')).toBe(1);
    expect(await count('newArticles')).toBe(1);
    expect(await count('coders')).toBe(2);
    expect(await count('codesCreated')).toBe(2);
    const text = await report.innerText();
    expect(text).toContain('an empty selection');
    expect(text).toContain('李老师');
    expect(text).toContain('imported/');
    await exporter.close();
  });

  it('looks right in both languages and both themes', async () => {
    const page = gloss.page;
    for (const [language, theme] of [
      ['en', 'light'],
      ['en', 'dark'],
      ['zh-CN', 'light'],
      ['zh-CN', 'dark'],
    ] as const) {
      await gloss.setLanguage(language);
      await gloss.setTheme(theme);
      await exporter.open('button');
      await exporter.chooseFormat('qdpx');
      await page.getByTestId('format-loss').waitFor();
      await page.screenshot({ path: `${SHOTS}/interop-export-${language}-${theme}.png` });
      await exporter.importFile(
        {
          name: '课堂研究.qdpx',
          mimeType: 'application/zip',
          buffer: Buffer.from(buildQdpx('qualcoder', PROJECT)),
        },
        'qdpx',
      );
      await page.getByTestId('interop-report').waitFor();
      await page.screenshot({ path: `${SHOTS}/interop-import-${language}-${theme}.png` });
      await exporter.close();
    }
    await gloss.setLanguage('en');
    await gloss.setTheme('light');
  });
});
