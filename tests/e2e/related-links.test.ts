/**
 * What the reader shows of a 9To5 article from the corpus (tests/fixtures/articles): its own
 * paragraphs, without the "Read also:" list of related links, in the English and Chinese UI.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { REPO, serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { GlossPage } from './support/gloss-page.js';

describe('a 9To5 article in the reader', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;

  beforeAll(async () => {
    server = await serveGloss({ library: join(REPO, 'tests', 'fixtures', 'articles') });
    browser = await launchBrowser();
    gloss = new GlossPage(await browser.context.newPage());
    await gloss.open(server.url);
    await gloss.waitForArticles(2);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the article without its "Read also" list, in either language', async () => {
    await gloss.openArticle('Apple Treasurer Gary Wipfler');
    for (const language of ['zh-CN', 'en'] as const) {
      await gloss.setLanguage(language);
      const body = await gloss.articleBody().innerText();
      expect(body).toMatch(/^Apple Corporate Treasurer Gary Wipfler is now leaving/);
      expect(body).toMatch(/Beats acquisition for \$3 billion in 2014\.$/);
      expect(body).not.toMatch(/Read also|earnings release/i);
    }
    expect(gloss.takeCspViolations()).toEqual([]);
  });
});
