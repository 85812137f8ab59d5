/**
 * An article whose file is deleted while Gloss runs: the library lists it as "file missing" under
 * its last title, the all-highlights view marks its highlight, and putting the file back brings
 * everything back. In a real Chromium against `gloss serve`, which watches the folder.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleList } from '../../core/api/library-contract.js';
import type { OpenedArticle } from '../../core/model.js';
import { selectionInput } from '../support/selection-input.js';
import { GlossPage } from './support/gloss-page.js';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { MissingFilesPage } from './support/missing-files-page.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';

const FILE = '新媒体/IT之家/澜芯L9处理器发布.md';

describe('an article whose file is deleted', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let missing: MissingFilesPage;
  let title: string;
  const aside = join(mkdtempSync(join(tmpdir(), 'gloss-missing-e2e-')), 'kept.md');

  beforeAll(async () => {
    server = await serveGloss();
    const list = await server.call<ArticleList>('listArticles', {});
    const article = list.articles.find((a) => a.path === FILE)!;
    title = article.title;
    const shown = await server.call<OpenedArticle>('getArticle', { id: article.id });
    await server.call('createAnnotation', selectionInput(shown, 0, Math.min(8, shown.doc.text.length)));
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    gloss = new GlossPage(page);
    missing = new MissingFilesPage(page);
    await gloss.open(server.url);
    await gloss.waitForArticles();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(join(aside, '..'), { recursive: true, force: true });
  });

  it('is listed as file missing with its last title, and comes back with its file', async () => {
    const before = await gloss.waitForArticles();
    copyFileSync(join(server.library, FILE), aside);
    rmSync(join(server.library, FILE));

    const listed = await missing.listed();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain(title);
    expect(listed[0]).toContain(FILE);
    expect(await gloss.articleRows().count()).toBe(before - 1);
    expect(await missing.markedInHighlights()).toEqual([expect.stringContaining(title)]);

    copyFileSync(aside, join(server.library, FILE));
    await missing.waitUntilNoneMissing();
    await missing.waitUntilUnmarked();
    expect(await missing.markedInHighlights()).toEqual([]);
    await gloss.page.getByRole('button', { name: 'Back to the article' }).click();
    await gloss.openArticle(title);
  }, 60_000);
});
