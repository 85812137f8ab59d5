/**
 * The reader around the highlights: the on-screen text is the canonical text for every sample
 * article, search hits jump and flash, sentence snapping, overlapping highlights cycle on click,
 * orphans are re-attached, the memo saves, the library-wide list jumps, reading positions persist,
 * remote images load on request, and nothing trips the Content-Security-Policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AnchoredAnnotation,
  Annotation,
  Article,
  ArticleSummary,
  OpenedArticle,
} from '../../core/model.js';
import { selectionInput } from '../support/selection-input.js';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { CodingPage, GlossPage } from './support/gloss-page.js';
import { quoteText } from '../../core/stored-annotation.js';

const ZHIHU = '为什么同一款商品';
const POLICY = '江澜省印发充电基础设施三年行动方案';

describe('the reader', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let coding: CodingPage;
  let articles: ArticleSummary[] = [];
  const cspErrors: string[] = [];

  const call = <T>(op: string, input: unknown) => server.call<T>(op, input);
  /** An article's highlights as listed, each with its quote's text. */
  const listed = async (articleId: string) => {
    const [list, article] = await Promise.all([
      call<AnchoredAnnotation[]>('listAnnotations', { articleId }),
      call<Article>('getArticle', { id: articleId }),
    ]);
    return list.map((a) => ({ ...a, text: quoteText(a, article.doc.text) }));
  };
  const quotesOf = async (articleId: string) => (await listed(articleId)).map((a) => a.text);
  const idOf = (title: string) => articles.find((a) => a.title.includes(title))!.id;

  beforeAll(async () => {
    server = await serveGloss();
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    gloss = new GlossPage(page);
    coding = new CodingPage(page);
    await gloss.open(server.url);
    articles = (await call<{ articles: ArticleSummary[] }>('listArticles', {})).articles;
    await gloss.waitForArticles(articles.length);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows exactly the canonical text of every sample article', async () => {
    for (const summary of articles) {
      await gloss.openArticle(summary.title);
      const article = await call<Article>('getArticle', { id: summary.id });
      const mismatch = await gloss.articleBody().getAttribute('data-text-mismatch');
      expect(mismatch, summary.path).toBeNull();
      // Spot-check the mapping: the last paragraph's text is where the offsets say.
      const tail = article.doc.text.slice(-12);
      const painted = await gloss.page.evaluate((text) => document.body.innerText.includes(text), tail);
      expect(painted, summary.path).toBe(true);
    }
  });

  it('jumps to a search hit and flashes it', async () => {
    await gloss.openArticle(ZHIHU);
    await gloss.page.getByRole('searchbox', { name: /Search/ }).fill('1362笔');
    await gloss.page.locator('.hit').first().click();
    await gloss.readerTitle().filter({ hasText: '带押过户' }).waitFor();
    await expect
      .poll(() =>
        gloss.page.evaluate(() => [...(CSS.highlights.get('gloss-flash') ?? [])].map((r) => r.toString())),
      )
      .toEqual(['1362笔']);
    // …and it is on screen, in the reader's viewport.
    await expect
      .poll(() =>
        gloss.page.evaluate(() => {
          const flash = [...(CSS.highlights.get('gloss-flash') ?? [])][0] as Range | undefined;
          const reader = document.querySelector('[data-testid="reader"]')!.getBoundingClientRect();
          const rect = flash?.getBoundingClientRect();
          return !!rect && rect.top >= reader.top && rect.bottom <= reader.bottom;
        }),
      )
      .toBe(true);
    await gloss.page.getByRole('searchbox', { name: /Search/ }).fill('');
  });

  it('snaps a selection to whole sentences when asked', async () => {
    await gloss.openArticle(ZHIHU);
    expect(await gloss.toggleView('snap-toggle')).toBe(true);
    await coding.selectText('出厂价 38 元');
    await coding.editor().waitFor();
    await coding.saveHighlight();
    expect(await gloss.toggleView('snap-toggle')).toBe(false);
    expect(await quotesOf(idOf(ZHIHU))).toContain(
      '出厂价 38 元，在 A 平台卖 89 元，在 B 平台卖 69 元，直播间里最低卖过 59 元。',
    );
  });

  it('takes a triple-clicked paragraph as exactly its text', async () => {
    await gloss.openArticle(POLICY);
    const articleId = idOf(POLICY);
    const text = (await call<Article>('getArticle', { id: articleId })).doc.text;
    const paragraph = text.split('\n\n').find((p) => p.startsWith('《方案》还要求'))!;
    const box = await coding.locateText('《方案》还要求');
    await gloss.page.mouse.click(box.startX + 20, box.startY, { clickCount: 3 });
    await coding.editor().waitFor();
    await gloss.page.keyboard.press('h');
    await expect.poll(() => quotesOf(articleId)).toContain(paragraph);
  });

  it('cycles through overlapping highlights on repeated clicks, smallest first', async () => {
    await gloss.openArticle(ZHIHU);
    const articleId = idOf(ZHIHU);
    const article = await call<OpenedArticle>('getArticle', { id: articleId });
    const at = article.doc.text.indexOf('直播间要给主播');
    const outer = await call<Annotation>('createAnnotation', selectionInput(article, at - 4, at + 16));
    const inner = await call<Annotation>('createAnnotation', selectionInput(article, at, at + 7));
    await expect.poll(async () => (await coding.paintedTexts()).length).toBeGreaterThanOrEqual(3);
    const activeQuote = () =>
      gloss.page.locator('[data-testid="annotation-item"][aria-current="true"]').innerText();
    await coding.clickText('主播');
    await expect.poll(activeQuote).toContain(inner.quote.exact.trim());
    await gloss.page.keyboard.press('Escape');
    await coding.clickText('主播');
    await expect.poll(activeQuote).toContain(outer.quote.exact.trim());
    await gloss.page.keyboard.press('Escape');
  });

  it('lists an orphan for review and re-attaches it to a new selection', async () => {
    const articleId = idOf(POLICY);
    const orphan: Annotation = {
      id: 'orphan-e2e-1',
      articleId,
      quote: { type: 'TextQuoteSelector', exact: '这段文字已经不在文章里了', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 5, end: 17 },
      tagIds: [],
      note: '旧版本中的说法',
      color: null,
      creator: '',
      created: new Date().toISOString(),
      modified: new Date().toISOString(),
    };
    await call('restoreAnnotation', { annotation: orphan });
    await gloss.openArticle(POLICY);
    const review = gloss.page.getByTestId('needs-review');
    await review.waitFor();
    await expect(review.getByTestId('orphan-item').innerText()).resolves.toContain('旧版本中的说法');

    const body = await gloss.articleBody().innerText();
    const passage = body
      .split('\n')
      .find((line) => line.length > 20)!
      .slice(0, 10);
    await coding.selectText(passage);
    await review.getByRole('button', { name: 'Re-attach here' }).click();
    await review.waitFor({ state: 'detached' });
    const reattached = (await listed(articleId)).find((a) => a.id === orphan.id)!;
    expect([reattached.status, reattached.text]).toEqual(['exact', passage]);
  });

  it('saves the memo after a pause and says so only once it is saved', async () => {
    await gloss.openArticle(POLICY);
    const memo = gloss.page.getByTestId('memo-input');
    await memo.fill('政策文本：关注补贴口径');
    await expect.poll(() => gloss.page.getByTestId('memo-status').innerText()).toBe('Saved');
    expect((await call<{ memo: string }>('getMemo', { articleId: idOf(POLICY) })).memo).toBe(
      '政策文本：关注补贴口径',
    );
  });

  it('lists every highlight of the library, filters by tag and jumps to one', async () => {
    const tag = await call<{ id: string }>('createTag', { name: '价格' });
    const articleId = idOf(ZHIHU);
    const list = await call<AnchoredAnnotation[]>('listAnnotations', { articleId });
    await call('updateAnnotation', { articleId, id: list[0]!.id, tagIds: [tag.id] });
    await gloss.openArticle(POLICY);
    await gloss.page.getByTestId('open-highlights').click();
    const view = gloss.page.getByTestId('highlights-view');
    await view.waitFor();
    await view.getByRole('combobox', { name: 'Tag' }).selectOption({ label: '价格' });
    await expect.poll(() => view.getByTestId('library-highlight').count()).toBe(1);
    // The library list filters by the same tag.
    await gloss.page.getByTestId('library-tag-filter').selectOption({ label: '价格' });
    await expect.poll(() => gloss.articleRows().count()).toBe(1);
    await gloss.page.getByTestId('library-tag-filter').selectOption('');
    await view.getByTestId('library-highlight').click();
    await gloss.readerTitle().filter({ hasText: ZHIHU }).waitFor();
    await expect
      .poll(() => gloss.page.locator('[data-testid="annotation-item"][aria-current="true"]').count())
      .toBe(1);
  });

  it('remembers the reading position of each article', async () => {
    // What is at the top of the reader: the paragraph and the character under its first line.
    // (Not scrollTop: blocks off screen have estimated heights until they come near the viewport.)
    const atTop = () =>
      gloss.page.getByTestId('reader').evaluate((el) => {
        const box = el.getBoundingClientRect();
        const caret = document.caretRangeFromPoint(box.left + 40, box.top + 16);
        return { paragraph: caret?.startContainer.textContent ?? '', offset: caret?.startOffset ?? -1 };
      });
    await gloss.openArticle(POLICY);
    await gloss.page.getByTestId('reader').evaluate((el) => (el.scrollTop = 600));
    await gloss.page.waitForTimeout(400);
    const before = await atTop();
    expect(before.offset).toBeGreaterThan(0); // mid-paragraph, so the check below means something
    await gloss.openArticle(ZHIHU);
    await expect.poll(atTop).not.toEqual(before);
    await gloss.openArticle(POLICY);
    await expect
      .poll(async () => {
        const after = await atTop();
        return after.paragraph === before.paragraph && Math.abs(after.offset - before.offset) <= 80;
      })
      .toBe(true);
  });

  it('swaps remote-image placeholders for images when the library allows it', async () => {
    await gloss.openArticle(ZHIHU);
    await expect(gloss.articleBody().locator('.gloss-image img').count()).resolves.toBe(0);
    await gloss.page.getByTestId('images-notice').getByRole('button').click();
    await expect.poll(() => gloss.articleBody().locator('.gloss-image img').count()).toBeGreaterThan(0);
    const text = await call<Article>('getArticle', { id: idOf(ZHIHU) });
    expect(await gloss.articleBody().getAttribute('data-text-mismatch')).toBeNull();
    expect(text.doc.remoteImages).toBeGreaterThan(0);
    // The page loads again to take the stricter policy, and opens the article again.
    const loaded = await gloss.page.evaluate(() => performance.timeOrigin);
    await gloss.page.getByTestId('images-notice').getByRole('button').click();
    await expect.poll(() => gloss.articleBody().locator('.gloss-image img').count()).toBe(0);
    await expect.poll(() => gloss.page.evaluate(() => performance.timeOrigin)).not.toBe(loaded);
    await gloss.readerTitle().filter({ hasText: ZHIHU }).waitFor();
    await expect(gloss.articleBody().locator('.gloss-image img').count()).resolves.toBe(0);
  });

  it('opens the shortcuts sheet with ? and closes it with Escape', async () => {
    await gloss.page.locator('body').press('?');
    await gloss.page.getByTestId('shortcuts').waitFor();
    await gloss.page.keyboard.press('Escape');
    await gloss.page.getByTestId('shortcuts').waitFor({ state: 'detached' });
  });

  it('explains that dropping a folder opens it only in the desktop app', async () => {
    await gloss.page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['x'], 'articles'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
    });
    await expect(gloss.page.getByTestId('notice').innerText()).resolves.toContain('desktop app');
  });

  it('breaks no Content-Security-Policy rule', () => {
    expect(cspErrors).toEqual([]);
  });
});
