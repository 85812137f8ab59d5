/**
 * What the library says next to its list is in the UI language: `gloss serve` on an empty folder
 * shows the empty-folder banner in English, and in Chinese once the UI is switched to Chinese.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { GlossPage } from './support/gloss-page.js';

describe('the empty-folder banner', () => {
  let folder: string;
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;

  beforeAll(async () => {
    // A folder with no article in it: only a note of another kind, and an empty subfolder.
    folder = mkdtempSync(join(tmpdir(), 'gloss-empty-'));
    writeFileSync(join(folder, 'notes.pdf'), 'not an article');
    mkdirSync(join(folder, '2021'));
    server = await serveGloss({ library: folder });
    browser = await launchBrowser();
    gloss = new GlossPage(await browser.context.newPage());
    await gloss.open(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const banner = () => gloss.page.locator('.library-pane [role="alert"]').first();

  it('says in English that the folder holds no articles', async () => {
    await gloss.setLanguage('en');
    await expect
      .poll(() => banner().innerText())
      .toBe('No articles found (.txt, .md, .markdown, .html, .htm)');
  });

  it('says it in Chinese in the Chinese UI, with no English left', async () => {
    await gloss.setLanguage('zh-CN');
    await expect
      .poll(() => banner().innerText())
      .toBe('此文件夹中没有文章（Gloss 读取 .txt、.md、.markdown、.html、.htm 文件）');
    const pane = await gloss.page.locator('.library-pane').innerText();
    expect(pane).not.toMatch(/No articles|found/);
    // Said once: the list's own empty text does not repeat the banner.
    expect(pane.match(/没有文章/g)).toHaveLength(1);
    await gloss.setLanguage('en');
  });
});
