/**
 * The Analysis area, samples and "Code hits…" in a real Chromium against `gloss serve`: a coder's
 * highlights (made with `gloss annotate`) show in each of the four views as a chart and a table,
 * with no CSP violation; a matrix cell lists its segments and opens the article at one; the chart
 * downloads as a standalone SVG; a sample saved as a set filters the library list; coding search
 * hits makes highlights that one undo removes; a set chosen in the library list keeps the
 * highlights view and a CSV export to its articles. Screenshots in both languages and themes go to
 * ../shots for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { REPO, serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { ExportPage, GlossPage } from './support/gloss-page.js';
import { parse } from 'csv-parse/sync';

const GLOSS = join(REPO, 'bin', 'gloss.js');
const CHARGING = '金融/新浪财经/江澜省充电基础设施三年行动方案.md';
const INDUSTRY = '金融/新浪财经/江澜省前三季度工业经济数据.md';
const SHOTS = join(REPO, '..', 'shots');
const KINDS = ['frequencies', 'matrix', 'cooccurrence', 'timeline'] as const;

interface FrequencyReport {
  rows: { coderId: string | null; highlights: number }[];
}

describe('the analysis area', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  const page = () => gloss.page;
  const highlights = async () => {
    const report = await server.call<FrequencyReport>('analysisReport', { kind: 'frequencies', scope: {} });
    return report.rows.filter((r) => r.coderId === null).reduce((sum, r) => sum + r.highlights, 0);
  };

  beforeAll(async () => {
    server = await serveGloss({
      prepare(library, work) {
        const code = (article: string, quote: string, tag: string) =>
          execFileSync(
            process.execPath,
            [
              GLOSS,
              'annotate',
              library,
              '--coder',
              'Alice',
              '--article',
              article,
              '--quote',
              quote,
              '--tag',
              tag,
            ],
            { env: { ...process.env, GLOSS_DATA_DIR: join(work, 'alice-data') }, encoding: 'utf8' },
          );
        code(CHARGING, '全省公共充电桩总量达到12万台以上', '目标');
        code(CHARGING, '公共充电桩总量达到12万台以上', '政策/补贴');
        code(CHARGING, '每千瓦200元的标准给予一次性建设补贴', '政策/补贴');
        code(INDUSTRY, '全省规模以上工业增加值同比增长6.8%', '目标');
        code(INDUSTRY, '新能源汽车产量8.4万辆', '政策/补贴');
      },
    });
    browser = await launchBrowser();
    gloss = new GlossPage(await browser.context.newPage());
    await gloss.open(server.url);
    await gloss.waitForArticles();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows each view as a chart (no inline styles, named for screen readers) and a table', async () => {
    await page().getByTestId('open-analysis').click();
    await page().getByTestId('analysis-view').waitFor();
    for (const kind of KINDS) {
      await page().getByTestId(`analysis-tab-${kind}`).click();
      const chart = page().getByTestId('analysis-chart').locator('svg');
      await chart.waitFor();
      expect(await chart.getAttribute('aria-label')).toBeTruthy();
      expect(await page().getByTestId('analysis-table').locator('tbody tr').count()).toBeGreaterThan(0);
      const inline = await page().evaluate(
        () => document.querySelectorAll('.analysis-chart style, .analysis-chart [style]').length,
      );
      expect(inline, kind).toBe(0);
      expect(await chart.textContent()).toContain('目标');
    }
  });

  it('downloads the chart as a standalone SVG', async () => {
    await page().getByTestId('analysis-tab-frequencies').click();
    await page().getByTestId('analysis-chart').locator('svg').waitFor();
    const [download] = await Promise.all([
      page().waitForEvent('download'),
      page().getByTestId('analysis-export-svg').click(),
    ]);
    // Named as the same table's CSV: the library, the view, the day.
    expect(download.suggestedFilename()).toBe(
      `${basename(server.library)}-frequencies-${new Date().toISOString().slice(0, 10)}.svg`,
    );
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('目标');
    expect(text).not.toMatch(/<style|style=|currentColor/);
  });

  it('makes a PNG of the chart without tripping the CSP', async () => {
    const [download] = await Promise.all([
      page().waitForEvent('download'),
      page().getByTestId('analysis-export-png').click(),
    ]);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Print resolution: more than three times the chart's width in pixels.
    const width = png.readUInt32BE(16);
    const shown = Number(await page().getByTestId('analysis-chart').locator('svg').getAttribute('width'));
    expect(width).toBeGreaterThanOrEqual(Math.floor(shown * 3));
  });

  it('lists the segments of a matrix cell and opens the article at one', async () => {
    await page().getByTestId('analysis-tab-matrix').click();
    await page().getByTestId('matrix-cell').first().click();
    const segment = page().getByTestId('analysis-segment').first();
    await segment.waitFor();
    expect(await segment.textContent()).toMatch(/“.+”/);
    await segment.click();
    await gloss.readerTitle().waitFor();
    expect(await page().getByTestId('analysis-view').count()).toBe(0);
  });

  it('saves a sample as a set that filters the library list, and clears it', async () => {
    const all = await gloss.articleRows().count();
    await page().getByTestId('open-sample').click();
    // A size of 0 is said to be wrong, not just refused silently.
    await page().getByTestId('sample-size').fill('0');
    await expect.poll(() => page().getByTestId('sample-invalid').textContent()).toContain('1 or more');
    expect(await page().getByTestId('sample-draw').isDisabled()).toBe(true);
    await page().getByTestId('sample-size').fill('3');
    expect(await page().getByTestId('sample-invalid').count()).toBe(0);
    await page().getByTestId('sample-draw').click();
    await page().getByTestId('sample-preview').waitFor();
    const seed = await page().getByTestId('sample-seed').inputValue();
    expect(Number(seed)).toBeGreaterThanOrEqual(0);
    await page().getByTestId('sample-name').fill('试点样本');
    await page().getByTestId('sample-save').click();
    await page().getByTestId('sample-dialog').waitFor({ state: 'detached' });
    await page().waitForFunction(() => document.querySelectorAll('[data-testid="article-row"]').length === 3);
    expect(await page().getByTestId('library-set-filter').inputValue()).toBe('试点样本');
    await page().getByTestId('library-set-clear').click();
    await page().waitForFunction(
      (n) => document.querySelectorAll('[data-testid="article-row"]').length === n,
      all,
    );
  });

  it('keeps the highlights view and the export to the set chosen in the library list', async () => {
    const { articles } = await server.call<{ articles: { id: string; path: string }[] }>('listArticles', {});
    const charging = articles.find((a) => a.path === CHARGING)!;
    await server.call('saveSet', { name: '充电', articleIds: [charging.id] });
    await page().reload();
    await gloss.waitForArticles();
    await page().getByTestId('library-set-filter').selectOption('充电');
    await page().waitForFunction(() => document.querySelectorAll('[data-testid="article-row"]').length === 1);
    const exporter = new ExportPage(page());
    const exportedPaths = async () => {
      await exporter.chooseFormat('csv');
      const text = (await exporter.download()).bytes.toString('utf8').replace(/^\uFEFF/, '');
      const rows = parse(text, { columns: true, skip_empty_lines: true }) as { article_path: string }[];
      return rows.map((r) => r.article_path);
    };

    // The highlights view lists only the set's article's three highlights (of five).
    await page().getByTestId('open-highlights').click();
    await page().getByTestId('highlights-set').waitFor();
    await expect.poll(() => page().getByTestId('library-highlight').count()).toBe(3);
    // Exporting "the current filter" from there writes only those rows.
    await exporter.open('button');
    expect(await page().getByTestId('export-scope-filter').isChecked()).toBe(true);
    expect(await page().getByTestId('export-filter-description').innerText()).toContain('充电');
    expect(await exportedPaths()).toEqual([CHARGING, CHARGING, CHARGING]);
    await exporter.close();
    await page().getByTestId('open-highlights').click();

    // From the library list too: the filter is the set alone.
    await exporter.open('button');
    await exporter.chooseScope('filter');
    expect(await exportedPaths()).toEqual([CHARGING, CHARGING, CHARGING]);
    await exporter.close();
    await page().getByTestId('library-set-clear').click();
  });

  it('codes search hits in one step that one undo removes', async () => {
    const before = await highlights();
    await page().locator('.search-box').fill('充电桩');
    await page().getByTestId('open-code-hits').click();
    await page().getByTestId('code-hits-dialog').waitFor();
    await page().getByTestId('code-hits-tag').selectOption({ label: '目标' });
    await page().getByTestId('code-hit').first().waitFor();
    const kept = await page().locator('[data-testid="code-hit"]:checked').count();
    expect(kept).toBeGreaterThan(0);
    await page().getByTestId('code-hits-apply').click();
    const result = page().getByTestId('code-hits-result');
    await result.waitFor();
    const created = Number(/Made (\d+)/.exec((await result.textContent())!)![1]);
    expect(created).toBeGreaterThan(0);
    expect(await highlights()).toBe(before + created);
    await page().keyboard.press('Escape');
    await page().getByTestId('code-hits-dialog').waitFor({ state: 'detached' });
    await page().getByRole('button', { name: 'Undo' }).first().click();
    await expect.poll(highlights).toBe(before);
  });

  it('leaves the search results one line per hit once the Analysis styles are loaded', async () => {
    // The Code hits dialog lays out its own .kwic rows as a grid; the results view must not inherit it.
    await page().locator('.search-box').fill('充电桩');
    const hit = page().getByTestId('search-hit').first().locator('.kwic');
    await hit.waitFor();
    expect(await hit.evaluate((el) => getComputedStyle(el).display)).toBe('inline');
    await page().locator('.search-box').fill('');
  });

  it('reads well in both languages and themes (screenshots for a person to look at)', async () => {
    if (!existsSync(SHOTS)) mkdirSync(SHOTS, { recursive: true });
    await page().locator('.search-box').fill('');
    for (const theme of ['light', 'dark'] as const)
      for (const language of ['en', 'zh-CN'] as const) {
        await gloss.setTheme(theme);
        await gloss.setLanguage(language);
        if ((await page().getByTestId('analysis-view').count()) === 0)
          await page().getByTestId('open-analysis').click();
        for (const kind of KINDS) {
          await page().getByTestId(`analysis-tab-${kind}`).click();
          await page().getByTestId('analysis-chart').locator('svg').waitFor();
          await page().screenshot({ path: join(SHOTS, `analysis-${kind}-${language}-${theme}.png`) });
        }
      }
    await gloss.setLanguage('en');
    await gloss.setTheme('light');
  });
});
