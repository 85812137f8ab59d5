/**
 * Type that fits the language, in a real Chromium: an English article is set in a Latin face
 * (its ’ is as narrow as in any English text, not a full-width CJK glyph), a Chinese one in a CJK
 * face, each with its `lang`; and the text selection is told apart from every palette colour in
 * both themes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { GlossPage } from './support/gloss-page.js';

const ENGLISH = 'The treasurer retires';
const CHINESE = '篮球裁判火了';

describe('typography by language', () => {
  const library = mkdtempSync(path.join(tmpdir(), 'gloss-typography-'));
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let page: Page;
  let gloss: GlossPage;

  beforeAll(async () => {
    writeFileSync(
      path.join(library, 'english.md'),
      `---\ntitle: ${ENGLISH}\ncategories: [新媒体]\n---\n\nThe company’s treasurer is now leaving the company’s board.\n`,
    );
    writeFileSync(
      path.join(library, 'chinese.md'),
      `---\ntitle: ${CHINESE}\n---\n\n为了更好地监测篮球比赛中球员是否出现走步行为，一位网名叫 Ayush 的小哥搞出了一个 AI 裁判。\n`,
    );
    server = await serveGloss({ library, copy: false });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    gloss = new GlossPage(page);
    await gloss.open(server.url);
    await gloss.waitForArticles(2);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(library, { recursive: true, force: true });
  });

  /** The reader's lang, the body's first font family, and the width of `char` as a share of 1em. */
  const measure = (char: string) =>
    page.evaluate((char) => {
      const body = document.querySelector<HTMLElement>('[data-testid="article-body"]')!;
      const text = document.createTreeWalker(body, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const at = text.data.indexOf(char);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      return {
        lang: body.closest('[data-testid="reader"]')!.getAttribute('lang'),
        firstFont: getComputedStyle(body).fontFamily.split(',')[0]!.trim(),
        em: range.getBoundingClientRect().width / Number.parseFloat(getComputedStyle(body).fontSize),
      };
    }, char);

  it('sets an English article in a Latin face: no full-width apostrophes', async () => {
    await gloss.openArticle(ENGLISH);
    const english = await measure('’');
    expect(english.lang).toBe('en');
    expect(english.firstFont).not.toMatch(/CJK|Han|Song|SimSun/);
    expect(english.em).toBeLessThan(0.45);
  });

  it('sets a Chinese article in a CJK face', async () => {
    await gloss.openArticle(CHINESE);
    const chinese = await measure('篮');
    expect(chinese.lang).toBe('zh-CN');
    expect(chinese.firstFont).toMatch(/CJK/);
    expect(chinese.em).toBeGreaterThan(0.9);
  });

  it('shows the text selection in a colour unlike every palette colour, in both themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await gloss.setTheme(theme);
      await expect.poll(() => gloss.theme()).toBe(theme);
      const selection = await page.evaluate(
        () =>
          getComputedStyle(document.querySelector('[data-testid="article-body"] p')!, '::selection')
            .backgroundColor,
      );
      const [r, g, b] = selection.match(/[\d.]+/g)!.map(Number);
      // A neutral grey: no hue to confuse with the palette's colours (its two blues above all),
      // all of which are saturated.
      expect(Math.max(r!, g!, b!) - Math.min(r!, g!, b!), `${theme}: ${selection}`).toBeLessThan(16);
    }
  });
});
