/**
 * Coding an article as a researcher does, in a real Chromium against `gloss serve`: select with
 * the mouse, tag (creating the tag on the spot), note, reload and find it again; rename a tag;
 * delete and undo; keyboard coding; exact offsets around an emoji.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnchoredAnnotation, Article, Tag } from '../../core/model.js';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { CodingPage, GlossPage } from './support/gloss-page.js';
import { quoteText } from '../../core/stored-annotation.js';

const ARTICLE = '为什么同一款商品';
const QUOTE = '作为一个天天给商品定价的运营';

describe('annotating an article', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let coding: CodingPage;
  let articleId = '';

  const call = <T>(op: string, input: unknown) => server.call<T>(op, input);
  /** The article's highlights as listed, each with its quote's text. */
  const stored = async () => {
    const [list, article] = await Promise.all([
      call<AnchoredAnnotation[]>('listAnnotations', { articleId }),
      call<Article>('getArticle', { id: articleId }),
    ]);
    return list.map((a) => ({ ...a, quote: { exact: quoteText(a, article.doc.text) } }));
  };

  beforeAll(async () => {
    server = await serveGloss();
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    gloss = new GlossPage(page);
    coding = new CodingPage(page);
    await gloss.open(server.url);
    await gloss.waitForArticles();
    await gloss.openArticle(ARTICLE);
    const list = await call<{ articles: { id: string; title: string }[] }>('listArticles', {});
    articleId = list.articles.find((a) => a.title.includes(ARTICLE))!.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('highlights a mouse selection, with a tag created in the popover and a note', async () => {
    await coding.selectText(QUOTE);
    await coding.editor().waitFor();
    await coding.addTag('成本解释');
    await coding.writeNote('用成本结构解释价差');
    await coding.saveHighlight();

    await expect.poll(() => coding.annotationQuotes()).toEqual([QUOTE]);
    await expect(coding.annotationItems().first().getByTestId('annotation-tag').innerText()).resolves.toBe(
      '成本解释',
    );
    await expect(coding.annotationItems().first().getByTestId('annotation-note').innerText()).resolves.toBe(
      '用成本结构解释价差',
    );
    expect(await coding.paintedTexts()).toEqual([QUOTE]);
    const [saved] = await stored();
    expect(saved!.quote.exact).toBe(QUOTE);
  });

  it('finds the highlight painted at the same text after a reload', async () => {
    await gloss.page.reload();
    await gloss.page.getByTestId('app').waitFor();
    await gloss.waitForArticles();
    await gloss.openArticle(ARTICLE);
    await expect.poll(() => coding.paintedTexts()).toEqual([QUOTE]);
    await expect.poll(() => coding.annotationQuotes()).toEqual([QUOTE]);
  });

  it('renames a tag in the codebook and shows the new name in the pane', async () => {
    await coding.openCodebook();
    await coding.renameTag('成本解释', '成本结构');
    await coding.closeDialog();
    await expect
      .poll(() => coding.annotationItems().first().getByTestId('annotation-tag').innerText())
      .toBe('成本结构');
  });

  it('deletes a highlight from its popover and brings it back with Ctrl+Z', async () => {
    await coding.clickText(QUOTE);
    await coding.editor().waitFor();
    await gloss.page.getByTestId('delete-highlight').click();
    await expect.poll(() => coding.annotationItems().count()).toBe(0);
    expect(await coding.paintedTexts()).toEqual([]);

    await gloss.page.keyboard.press('Control+z');
    await expect.poll(() => coding.annotationQuotes()).toEqual([QUOTE]);
    await expect.poll(() => coding.paintedTexts()).toEqual([QUOTE]);
    const [back] = await stored();
    expect(back!.note).toBe('用成本结构解释价差');
    expect(back!.tagIds).toHaveLength(1);
  });

  it('codes from the keyboard: h highlights with the last tags, 1 toggles the first tag', async () => {
    const passage = '先说结论';
    await coding.selectText(passage);
    await gloss.page.keyboard.press('Escape'); // closes the popover, keeps the keyboard in the reader
    await coding.selectText(passage);
    await gloss.page.keyboard.press('h');
    await expect.poll(() => coding.annotationQuotes()).toEqual([QUOTE, passage]);
    const tags = await call<{ tags: Tag[] }>('listTags', {});
    const made = (await stored()).find((a) => a.quote.exact === passage)!;
    expect(made.tagIds).toEqual([tags.tags[0]!.id]);

    // The new highlight is the selected one: 1 takes the first tag off, and 1 again puts it back.
    await gloss.page.keyboard.press('1');
    await expect.poll(async () => (await stored()).find((a) => a.id === made.id)!.tagIds).toEqual([]);
    await gloss.page.keyboard.press('1');
    await expect
      .poll(async () => (await stored()).find((a) => a.id === made.id)!.tagIds)
      .toEqual([tags.tags[0]!.id]);
    // And Ctrl+Z walks back through those changes.
    await gloss.page.keyboard.press('Control+z');
    await expect.poll(async () => (await stored()).find((a) => a.id === made.id)!.tagIds).toEqual([]);
  });

  it('deletes a tag only after asking, and Ctrl+Z puts it back on its highlights', async () => {
    const page = gloss.page;
    await coding.openCodebook();
    await page.getByTestId('codebook-tag').filter({ hasText: '成本结构' }).click();
    await page.getByTestId('delete-tag').click();
    await expect(page.getByTestId('confirm').innerText()).resolves.toContain('成本结构');
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => page.getByTestId('codebook-tag').count()).toBe(0);
    await expect.poll(() => coding.annotationItems().first().getByTestId('annotation-tag').count()).toBe(0);

    await page.keyboard.press('Control+z');
    await expect
      .poll(() => page.getByTestId('codebook-tag').allInnerTexts())
      .toEqual([expect.stringContaining('成本结构')]);
    await coding.closeDialog();
    await expect
      .poll(() => coding.annotationItems().first().getByTestId('annotation-tag').allInnerTexts())
      .toEqual(['成本结构']);
  });

  it('keeps exact UTF-16 offsets for a selection around an emoji', async () => {
    const passage = '谢邀 🙋 作为';
    await coding.selectText(passage);
    await coding.editor().waitFor();
    await coding.saveHighlight();
    const article = await call<Article>('getArticle', { id: articleId });
    const made = (await stored()).find((a) => a.quote.exact.includes('🙋'))!;
    expect(made.quote.exact).toBe(passage);
    expect(made.range!.end - made.range!.start).toBe(passage.length); // the emoji counts 2
    expect(article.doc.text.slice(made.range!.start, made.range!.end)).toBe(passage);
    await expect.poll(async () => (await coding.paintedTexts()).includes(passage)).toBe(true);
  });

  it('selects with Shift+arrows from a caret, and n writes the note', async () => {
    const passage = '拿我们店去年';
    const box = await coding.locateText(passage);
    await gloss.page.mouse.click(box.startX, box.startY);
    for (let i = 0; i < passage.length; i++) await gloss.page.keyboard.press('Shift+ArrowRight');
    await coding.editor().waitFor();
    await gloss.page.keyboard.press('n');
    await expect
      .poll(() => gloss.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('note-input');
    await gloss.page.keyboard.type('键盘选择');
    await gloss.page.keyboard.press('Control+Enter');
    await coding.editor().waitFor({ state: 'detached' });
    const made = (await stored()).find((a) => a.quote.exact === passage);
    expect(made?.note).toBe('键盘选择');
  });
});
