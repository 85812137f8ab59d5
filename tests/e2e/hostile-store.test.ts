/**
 * A library whose `.gloss/` was edited by hand, served by the built `gloss serve` and read in a
 * real Chromium: tag colours that are CSS image URLs fetch nothing and show palette colours; tags,
 * article ids and front-matter keys named `__proto__`, `constructor`, `toString` and
 * `hasOwnProperty` are listed, counted and opened like any other; and images from the web load
 * only while the library's remote-images setting is on (the page's CSP follows it).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSummary, OpenedArticle } from '../../core/model.js';
import { fallbackDataDir } from '../../core/api/open-session.js';
import { OKABE_ITO } from '../../core/store/palette.js';
import {
  ARTICLE_IDS,
  ENGLISH_TITLE,
  PROTOTYPE_NAMES,
  REMOTE_IMAGE,
  writeHostileStoreLibrary,
} from '../fixtures/hostile/hostile-store.js';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { selectionInput } from '../support/selection-input.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { CodingPage, GlossPage } from './support/gloss-page.js';

/** A 1×1 PNG, served in place of the remote image when the page may load it. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

describe('a hand-edited store in the browser', () => {
  const library = mkdtempSync(path.join(tmpdir(), 'gloss-hostile-store-'));
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let page: Page;
  let gloss: GlossPage;
  let coding: CodingPage;
  let articles: ArticleSummary[] = [];
  /** Every request that left 127.0.0.1. */
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    writeHostileStoreLibrary(library);
    server = await serveGloss({ library, copy: false });
    articles = (await server.call<{ articles: ArticleSummary[] }>('listArticles', {})).articles;
    // Highlights tagged with prototype-named tags on the articles with prototype-named ids.
    for (const [i, name] of ARTICLE_IDS.entries()) {
      const article = await server.call<OpenedArticle>('getArticle', { id: name });
      await server.call(
        'createAnnotation',
        selectionInput(article, 4, 8, {
          tagIds: [PROTOTYPE_NAMES[i]!, PROTOTYPE_NAMES[(i + 1) % PROTOTYPE_NAMES.length]!],
        }),
      );
    }
    browser = await launchBrowser();
    await browser.context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' && url.port === String(server.port)) return route.continue();
      foreignRequests.push(route.request().url());
      if (route.request().url() === REMOTE_IMAGE)
        return route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL });
      return route.abort();
    });
    page = await browser.context.newPage();
    gloss = new GlossPage(page);
    coding = new CodingPage(page);
    await gloss.open(server.url);
    await gloss.waitForArticles(ARTICLE_IDS.length + 1);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(library, { recursive: true, force: true });
  });

  it('lists the articles with prototype-named ids, each with its highlight', async () => {
    expect(articles.map((a) => a.id)).toEqual(expect.arrayContaining([...ARTICLE_IDS]));
    for (const name of ARTICLE_IDS) {
      const row = gloss.articleRows().filter({ hasText: `Article ${name}` });
      await expect.poll(() => row.locator('.badge').textContent()).toBe('1');
    }
  });

  it('opens the codebook: prototype-named tags with numeric counts and palette swatches; nothing fetched', async () => {
    await coding.openCodebook();
    const rows = page.getByTestId('codebook-tag');
    await expect.poll(() => rows.count()).toBe(PROTOTYPE_NAMES.length);
    const shown = await rows.evaluateAll((items) =>
      items.map((li) => {
        const swatch = getComputedStyle(li.querySelector('.swatch')!);
        return {
          name: li.querySelector('.tag-name')!.textContent,
          count: li.querySelector('.tag-count')!.textContent,
          background: swatch.backgroundColor,
          image: swatch.backgroundImage,
        };
      }),
    );
    expect(shown.map((s) => s.name).sort()).toEqual([...PROTOTYPE_NAMES].sort());
    for (const s of shown) {
      expect(s.count, s.name!).toMatch(/^\d+$/);
      expect(s.image, s.name!).toBe('none');
      expect(OKABE_ITO.map(rgb).concat(['rgb(0, 114, 178)', 'rgb(213, 94, 0)']), s.name!).toContain(
        s.background,
      );
    }
    await page.getByTestId('codebook-tag').filter({ hasText: '__proto__' }).click();
    await page.getByTestId('tag-name-input').waitFor();
    await expect(page.getByTestId('pane-error').count()).resolves.toBe(0);
    await coding.closeDialog();
    expect(foreignRequests).toEqual([]);
  });

  it('opens each prototype-named article with its highlight painted and its tags listed', async () => {
    for (const [i, name] of ARTICLE_IDS.entries()) {
      await gloss.openArticle(`Article ${name}`);
      await coding.annotationItems().first().waitFor();
      await expect.poll(() => coding.paintedTexts()).toEqual(['body']);
      const chips = await coding.annotationItems().first().innerText();
      expect(chips).toContain(PROTOTYPE_NAMES[i]!);
      expect(chips).toContain(PROTOTYPE_NAMES[(i + 1) % PROTOTYPE_NAMES.length]!);
    }
    await expect(page.getByTestId('pane-error').count()).resolves.toBe(0);
    expect(foreignRequests).toEqual([]);
  });

  /** Puts an image from the web in the page, as a swatch's `url()` or an article image would. */
  const probeImage = (url: string) =>
    page.evaluate(async (src) => {
      const img = new Image();
      const done = new Promise((resolve) => {
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('blocked');
      });
      img.src = src;
      return done;
    }, url);

  it('blocks images from the web while remote images are off, and loads them once switched on', async () => {
    await gloss.openArticle(ENGLISH_TITLE);
    expect(await probeImage(`${REMOTE_IMAGE}?probe`)).toBe('blocked');
    const violations = gloss.takeCspViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^img-src blocked https:\/\/example\.org\/article-image\.png\?probe/);
    expect(foreignRequests).toEqual([]);

    // Switching images on reloads the page under the new policy, with the article still open.
    await Promise.all([
      page.waitForEvent('load'),
      page.getByTestId('images-notice').getByRole('button').click(),
    ]);
    await gloss.readerTitle().filter({ hasText: ENGLISH_TITLE }).waitFor();
    const loaded = page.locator('[data-testid="article-body"] .gloss-image.loaded img');
    await loaded.waitFor();
    await expect.poll(() => loaded.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    expect(foreignRequests).toEqual([REMOTE_IMAGE]);

    // And off again: the page is reloaded with the strict policy.
    await Promise.all([
      page.waitForEvent('load'),
      page.getByTestId('images-notice').getByRole('button').click(),
    ]);
    await gloss.readerTitle().filter({ hasText: ENGLISH_TITLE }).waitFor();
    await expect(page.locator('[data-testid="article-body"] .gloss-image img').count()).resolves.toBe(0);
    expect(await probeImage(`${REMOTE_IMAGE}?again`)).toBe('blocked');
    expect(gloss.takeCspViolations()).toHaveLength(1);
    expect(foreignRequests).toEqual([REMOTE_IMAGE]);
  });
  it('lays out two store notices as lines across the banner, long paths wrapped, in both languages', async () => {
    // Highlights left in the app-data folder: the offer to move them shows beside the problems.
    const fallback = path.join(fallbackDataDir(server.dataDir, library), 'annotations');
    mkdirSync(fallback, { recursive: true });
    writeFileSync(path.join(fallback, 'a-left-behind.json'), '{}');
    for (const language of ['en', 'zh-CN'] as const) {
      await gloss.setLanguage(language);
      await page.reload();
      const banner = page.getByTestId('store-status');
      await banner.getByTestId('store-to-move').waitFor();
      const box = (await banner.boundingBox())!;
      const summary = (await banner.locator('details > summary').boundingBox())!;
      const toMove = (await banner.getByTestId('store-to-move').boundingBox())!;
      // Neither notice is squeezed into a column; nothing sticks out of the banner.
      expect(summary.width).toBeGreaterThan(box.width * 0.6);
      expect(toMove.width).toBeGreaterThan(box.width * 0.6);
      expect(summary.height).toBeLessThan(40);
      expect(await banner.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    await gloss.setLanguage('en');
  });
});
