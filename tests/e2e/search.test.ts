/**
 * Search as a researcher uses it, in Chromium against `gloss serve` on the sample library: a query
 * narrows the library list (with the other filters) and shows each article's hit count; the
 * results view takes the reader's place, grouped by article; opening a hit marks exactly its
 * characters; clearing the query restores the list. Screenshots of the results view in both
 * languages and themes go to /work/wt/shots when that folder exists.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../core/model.js';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { GlossPage } from './support/gloss-page.js';

const SHOTS = '/work/wt/shots';

describe('search', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let articles: ArticleSummary[] = [];
  const cspErrors: string[] = [];

  const box = () => gloss.page.getByTestId('search-box');
  const summary = () => gloss.page.getByTestId('search-summary');
  const rowCount = () => gloss.articleRows().count();

  beforeAll(async () => {
    server = await serveGloss();
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    gloss = new GlossPage(page);
    await gloss.open(server.url);
    articles = (await server.call<{ articles: ArticleSummary[] }>('listArticles', {})).articles;
    await gloss.waitForArticles(articles.length);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('narrows the library list to the matching articles, each with its hit count', async () => {
    await box().fill('的');
    await expect.poll(() => summary().textContent()).toMatch(/^\d+ matches in 7 articles$/);
    await expect.poll(rowCount).toBe(7);
    // Every listed row shows its count, and the counts add up to the total.
    const counts = (await gloss.page.getByTestId('row-hits').allTextContents()).map(Number);
    expect(counts).toHaveLength(7);
    const total = Number((await summary().textContent())!.split(' ')[0]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    // The results view has the reader's place, grouped by article.
    await expect.poll(() => gloss.page.getByTestId('reader').count()).toBe(0);
    expect(await gloss.page.getByTestId('search-group').count()).toBe(7);
  });

  it('combines with the folder filter', async () => {
    await gloss.page.getByRole('combobox', { name: 'Folder' }).selectOption('金融');
    await expect.poll(rowCount).toBe(3);
    await expect.poll(() => summary().textContent()).toMatch(/ in 3 articles$/);
    expect(await gloss.page.getByTestId('search-group').count()).toBe(3);
    const shown = await gloss.page.locator('.search-group-path').allTextContents();
    expect(shown.every((p) => p.startsWith('金融/'))).toBe(true);
    await gloss.page.getByRole('combobox', { name: 'Folder' }).selectOption('');
    await expect.poll(rowCount).toBe(7);
  });

  it('reads the query language and says "1 match in 1 article"', async () => {
    await box().fill('"four-day week" -zyzzyva');
    await expect.poll(() => summary().textContent()).toMatch(/^\d+ match(es)? in 1 article$/);
    await expect.poll(rowCount).toBe(1);
    await box().fill('"试点100天内"');
    await expect.poll(() => summary().textContent()).toBe('1 match in 1 article');
    // Each hit is marked as found (case-insensitive) in its context.
    await box().fill('WEEK');
    await expect.poll(() => summary().textContent()).toMatch(/ in 2 articles$/);
    const marks = await gloss.page.locator('[data-testid="search-hit"] mark').allTextContents();
    expect(marks.every((m) => m.toLowerCase() === 'week')).toBe(true);
  });

  it('opens a hit at exactly its characters, and the results come back from the list', async () => {
    await box().fill('1362笔');
    await expect.poll(() => summary().textContent()).toMatch(/^2 matches in 1 article$/);
    await gloss.page.getByTestId('search-hit').first().click();
    await gloss.readerTitle().filter({ hasText: '带押过户' }).waitFor();
    await expect
      .poll(() =>
        gloss.page.evaluate(() =>
          [...(CSS.highlights.get('gloss-search-hit') ?? [])].map((r) => r.toString()),
        ),
      )
      .toEqual(['1362笔']);
    // The list stays narrowed; its button brings the results back in the reader's place.
    expect(await rowCount()).toBe(1);
    await gloss.page.getByTestId('show-results').click();
    await gloss.page.getByTestId('search-results').waitFor();
  });

  it('shows the results in the reader’s place when a query is typed over the Analysis area', async () => {
    await box().fill('');
    await gloss.page.getByTestId('open-analysis').click();
    await gloss.page.getByTestId('analysis-view').waitFor();
    await box().fill('1362笔');
    await gloss.page.getByTestId('search-results').waitFor();
    expect(await gloss.page.getByTestId('analysis-view').count()).toBe(0);
    await expect.poll(() => summary().textContent()).toMatch(/^2 matches in 1 article$/);
  });

  it('labels each sort option with what it sorts by and which way', async () => {
    const labels = await gloss.page
      .locator('.library-pane .filters label select')
      .last()
      .locator('option')
      .allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Date, newest first', 'Highlights, most first']));
  });

  it('restores the whole list when the query is cleared', async () => {
    await box().fill('');
    await expect.poll(rowCount).toBe(articles.length);
    expect(await gloss.page.getByTestId('search-results').count()).toBe(0);
    expect(await gloss.page.getByTestId('library-search').count()).toBe(0);
  });

  it('explains the syntax in the search box tooltip, in both languages', async () => {
    expect(await box().getAttribute('title')).toMatch(/"exact phrase".*OR.*-word/);
    await gloss.setLanguage('zh-CN');
    await expect.poll(() => box().getAttribute('title')).toMatch(/精确短语/);
    await box().fill('的');
    await expect.poll(() => summary().textContent()).toMatch(/^7 篇文章，共 \d+ 处匹配$/);
    await box().fill('');
    await gloss.setLanguage('en');
  });

  it.runIf(existsSync(SHOTS))(
    'looks right in both languages and themes (screenshots)',
    async () => {
      await gloss.inEachLook(async (language, theme) => {
        await box().fill('');
        await box().fill('的 OR week');
        await expect.poll(() => summary().textContent()).toMatch(/(in 9 articles|^9 篇文章)/);
        await gloss.page.screenshot({ path: `${SHOTS}/search-results-${language}-${theme}.png` });
        await gloss.page.getByTestId('search-hit').first().click();
        await gloss.readerTitle().waitFor();
        await gloss.page.waitForTimeout(300);
        await gloss.page.screenshot({ path: `${SHOTS}/search-hit-${language}-${theme}.png` });
      });
      await box().fill('');
    },
    240_000,
  );

  it('trips no Content-Security-Policy rule', () => {
    expect([...cspErrors, ...gloss.takeCspViolations()]).toEqual([]);
  });
});
