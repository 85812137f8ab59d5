/**
 * How many requests the window sends for what a researcher does most: open an article, highlight
 * a passage with a tag, toggle a tag on it, filter the library by a tag. Each counts the API calls
 * (`/api/op/*`) until the window has been quiet for a while, so a refresh after the change and
 * another on the host's echo of it both show up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AnchoredAnnotation, Tag } from '../../core/model.js';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { CodingPage, GlossPage } from './support/gloss-page.js';

const ARTICLE = '为什么同一款商品';
const QUOTE = '作为一个天天给商品定价的运营';

/** The ops the page calls, in order. */
function recordOps(page: Page): { ops: string[]; last: () => number } {
  const ops: string[] = [];
  let lastAt = Date.now();
  page.on('request', (request) => {
    const match = /\/api\/op\/([A-Za-z]+)/.exec(request.url());
    if (!match) return;
    ops.push(match[1]!);
    lastAt = Date.now();
  });
  return { ops, last: () => lastAt };
}

describe('round trips', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let page: Page;
  let gloss: GlossPage;
  let coding: CodingPage;
  let recorder: ReturnType<typeof recordOps>;
  let articleId = '';

  /** Runs `act`, waits until no request went out for 800 ms, and returns the ops sent meanwhile. */
  const opsOf = async (act: () => Promise<void>): Promise<string[]> => {
    const from = recorder.ops.length;
    await act();
    const deadline = Date.now() + 10_000;
    while (Date.now() - recorder.last() < 800 && Date.now() < deadline) await page.waitForTimeout(100);
    return recorder.ops.slice(from);
  };
  const stored = () => server.call<AnchoredAnnotation[]>('listAnnotations', { articleId });

  beforeAll(async () => {
    server = await serveGloss();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    recorder = recordOps(page);
    gloss = new GlossPage(page);
    coding = new CodingPage(page);
    await server.call<Tag>('createTag', { name: '成本解释' });
    await gloss.open(server.url);
    await gloss.waitForArticles();
    const list = await server.call<{ articles: { id: string; title: string }[] }>('listArticles', {});
    articleId = list.articles.find((a) => a.title.includes(ARTICLE))!.id;
    await opsOf(async () => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens an article in at most 3 requests', async () => {
    const ops = await opsOf(() => gloss.openArticle(ARTICLE));
    expect(ops.length, ops.join(', ')).toBeLessThanOrEqual(3);
    expect(ops).toContain('getArticle');
  });

  it('highlights a selection with a tag key in at most 2 requests', async () => {
    await coding.selectText(QUOTE);
    await coding.editor().waitFor();
    const ops = await opsOf(async () => {
      await coding.pressInReader('1');
      await expect.poll(() => coding.annotationQuotes()).toEqual([QUOTE]);
    });
    expect(ops.length, ops.join(', ')).toBeLessThanOrEqual(2);
    expect(ops.filter((op) => op === 'createAnnotation')).toHaveLength(1);
    // The library's count for the article followed without asking for the whole list again.
    expect(ops).not.toContain('listArticles');
    await expect
      .poll(() => gloss.articleRows().filter({ hasText: ARTICLE }).first().innerText())
      .toMatch(/1/);
    expect((await stored()).map((a) => a.tagIds.length)).toEqual([1]);
  });

  it('toggles a tag on the active highlight in at most 2 requests', async () => {
    const ops = await opsOf(async () => {
      await coding.pressInReader('1');
      await expect.poll(async () => (await stored())[0]?.tagIds.length).toBe(0);
      await expect.poll(() => coding.annotationItems().first().getByTestId('annotation-tag').count()).toBe(0);
    });
    expect(ops.length, ops.join(', ')).toBeLessThanOrEqual(2);
    expect(ops.filter((op) => op === 'updateAnnotation')).toHaveLength(1);
    // The tag back on, for the library filter below.
    await opsOf(async () => {
      await coding.pressInReader('1');
      await expect.poll(async () => (await stored())[0]?.tagIds.length).toBe(1);
    });
  });

  it('filters the library by a tag with one request', async () => {
    const total = await gloss.articleRows().count();
    const ops = await opsOf(async () => {
      await page.getByTestId('library-tag-filter').selectOption({ label: '成本解释' });
      await expect.poll(() => gloss.articleRows().count()).toBe(1);
    });
    expect(total).toBeGreaterThan(1);
    expect(ops).toEqual(['listArticleIdsWithTags']);
    await expect(gloss.articleRows().first().innerText()).resolves.toContain(ARTICLE);
  });
});
