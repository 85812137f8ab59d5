/**
 * The library list's filters as a researcher uses them, in Chromium against `gloss serve`: the
 * category filter is a tree (a parent lists its sub-categories' articles), usable from the
 * keyboard; the folder filter can leave out sub-folders; a new filter, query or library starts
 * the list at its top; each sort option says what it sorts by. The sample library gets 24 more
 * 新浪财经 articles in a sub-folder, so the list scrolls. Screenshots of the open tree in both
 * languages and themes go to /work/wt/shots when that folder exists.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { GlossPage } from './support/gloss-page.js';

const SHOTS = '/work/wt/shots';
const ROLLING = 24;
const SAMPLE = 10;

/** 24 articles of 金融 › 新浪财经 › 新浪财经－滚动 in the sub-folder 金融/新浪财经/滚动. */
function addRollingNews(library: string): void {
  const folder = join(library, '金融', '新浪财经', '滚动');
  mkdirSync(folder, { recursive: true });
  for (let i = 1; i <= ROLLING; i++)
    writeFileSync(
      join(folder, `滚动快讯${i}.md`),
      [
        '---',
        `title: '滚动快讯第${i}期：央行公开市场操作'`,
        'author: 新浪财经',
        `date: 2023-03-${String(i).padStart(2, '0')} 09:00:00`,
        'categories:',
        ' - 金融',
        ' - 新浪财经',
        ' - 新浪财经－滚动',
        '---',
        '',
        `<p>央行今日开展逆回购操作，快讯编号${i}。</p>`,
      ].join('\n'),
    );
}

describe('library filters', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let second = '';

  const page = () => gloss.page;
  const rowCount = () => gloss.articleRows().count();
  const listed = () => page().getByTestId('article-count').textContent();
  const categoryButton = () => page().getByTestId('library-category-filter');
  const treeItem = (name: string) => page().getByRole('treeitem', { name, exact: false });
  const subfolders = () => page().getByTestId('library-subfolders');
  const sortBy = (value: string) =>
    page()
      .getByRole('combobox', { name: /^Sort by/ })
      .selectOption(value);
  const scrollTop = () =>
    page()
      .locator('.article-list')
      .evaluate((el) => el.scrollTop);
  const scrollDown = async () => {
    await page()
      .locator('.article-list')
      .evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(scrollTop).toBeGreaterThan(200);
  };

  beforeAll(async () => {
    server = await serveGloss({
      prepare: (library, work) => {
        addRollingNews(library);
        // A second library to switch to: its own rolling news and nothing else.
        second = join(work, 'second');
        addRollingNews(second);
      },
    });
    browser = await launchBrowser();
    const p = await browser.context.newPage();
    await p.setViewportSize({ width: 1400, height: 900 });
    gloss = new GlossPage(p);
    await gloss.open(server.url);
    await p
      .getByTestId('article-count')
      .filter({ hasText: `${SAMPLE + ROLLING} articles` })
      .waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the categories as a tree, and a parent lists its sub-categories’ articles', async () => {
    await categoryButton().click();
    const tree = page().getByRole('tree');
    await tree.waitFor();
    // Each level once, in its place: 金融 › 新浪财经 is one node, not a flat list of every level.
    const labels = await tree
      .getByRole('treeitem')
      .evaluateAll((items) =>
        items.map(
          (li) => `${li.getAttribute('aria-level')}:${li.querySelector('.category-name')!.textContent}`,
        ),
      );
    expect(labels).toContain('1:金融');
    expect(labels).toContain('2:新浪财经');
    expect(labels.filter((l) => l.endsWith(':新浪财经'))).toHaveLength(1);
    expect(await treeItem('新浪财经').first().getAttribute('aria-expanded')).toBe('false');
    expect(await treeItem('新浪财经').first().locator('.category-count').textContent()).toBe(
      String(2 + ROLLING),
    );

    await treeItem('新浪财经').first().click();
    await expect.poll(listed).toBe(`${2 + ROLLING} articles`);
    // The search counts within the category too (a word of the sample's 财联社 article finds none).
    await page().getByTestId('search-box').fill('带押过户');
    await expect
      .poll(() => page().getByTestId('library-search').textContent())
      .toBe('0 matches in 0 articles');
    await page().getByTestId('search-box').fill('');
    await expect.poll(() => categoryButton().textContent()).toContain('金融 › 新浪财经');
    // Both children's articles: 滚动 (the added ones, newest) and 国內 (the sample's two, oldest).
    const titles = () => page().locator('.article-list .row-title').allTextContents();
    await expect.poll(async () => (await titles())[0]).toMatch(/^滚动快讯/);
    await sortBy('date:asc');
    await expect
      .poll(async () => (await titles()).slice(0, 2).every((t) => t.startsWith('江澜省')))
      .toBe(true);
    expect((await titles()).some((t) => t.includes('带押过户'))).toBe(false);
    await sortBy('date:desc');
  });

  it('is usable from the keyboard: find, arrows, Enter, Escape', async () => {
    await categoryButton().focus();
    await page().keyboard.press('Enter');
    const find = page().getByTestId('category-find');
    await expect.poll(() => find.evaluate((el) => el === document.activeElement)).toBe(true);
    // All categories, 博客 (open: ← closes it), 金融 (open: → goes in) › 财联社, 新浪财经 (closed:
    // → opens it, → goes in), its first child.
    const focused = page().locator('[role="treeitem"]:focus .category-name');
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowLeft', 'ArrowDown', 'ArrowRight', 'ArrowDown'])
      await page().keyboard.press(key);
    expect(await focused.textContent()).toBe('新浪财经');
    await page().keyboard.press('ArrowRight');
    await page().keyboard.press('ArrowRight');
    const child = await focused.textContent();
    expect(child).toMatch(/^新浪财经－(国內|滚动)$/);
    await page().keyboard.press('Enter');
    await expect.poll(listed).toBe(`${child === '新浪财经－滚动' ? ROLLING : 2} articles`);
    await expect.poll(() => categoryButton().evaluate((el) => el === document.activeElement)).toBe(true);

    // Typing finds, with the branch above each match; Enter takes the first match.
    await page().keyboard.press('Enter');
    await find.fill('滚动');
    const shown = await page().getByRole('treeitem').locator('.category-name').allTextContents();
    expect(shown).toEqual(['All categories', '金融', '新浪财经', '新浪财经－滚动']);
    await page().keyboard.press('Enter');
    await expect.poll(listed).toBe(`${ROLLING} articles`);

    // Escape closes without a change; "All categories" clears the filter.
    await categoryButton().click();
    await page().keyboard.press('Escape');
    await expect.poll(() => page().getByRole('tree').count()).toBe(0);
    await expect.poll(listed).toBe(`${ROLLING} articles`);
    await categoryButton().click();
    await treeItem('All categories').click();
    await expect.poll(listed).toBe(`${SAMPLE + ROLLING} articles`);
  });

  it('includes or leaves out a folder’s sub-folders', async () => {
    expect(await subfolders().isChecked()).toBe(true);
    expect(await subfolders().isDisabled()).toBe(true);
    await page().getByTestId('library-folder-filter').selectOption('金融/新浪财经');
    await expect.poll(listed).toBe(`${2 + ROLLING} articles`);
    await subfolders().uncheck();
    await expect.poll(listed).toBe('2 articles');
    const titles = await page().locator('.article-list .row-title').allTextContents();
    expect(titles.every((t) => t.startsWith('江澜省'))).toBe(true);
    // The search combines with it: the added articles' words find nothing in the folder itself,
    // and the search's own count (made by the server) agrees.
    const summary = () => page().getByTestId('library-search').textContent();
    await page().getByTestId('search-box').fill('逆回购');
    await expect.poll(summary).toBe('0 matches in 0 articles');
    expect(await rowCount()).toBe(0);
    await subfolders().check();
    await expect.poll(summary).toBe(`${ROLLING} matches in ${ROLLING} articles`);
    await subfolders().uncheck();
    await expect.poll(summary).toBe('0 matches in 0 articles');
    await page().getByTestId('search-box').fill('');
    await subfolders().check();
    await expect.poll(listed).toBe(`${2 + ROLLING} articles`);
    await page().getByTestId('library-folder-filter').selectOption('');
    await expect.poll(listed).toBe(`${SAMPLE + ROLLING} articles`);
  });

  it('starts the list at its top when a filter or the query changes', async () => {
    await scrollDown();
    await categoryButton().click();
    await treeItem('金融').first().click();
    await expect.poll(listed).toBe(`${3 + ROLLING} articles`);
    await expect.poll(scrollTop).toBe(0);

    await scrollDown();
    await page().getByTestId('search-box').fill('央行');
    await expect.poll(() => page().getByTestId('library-search').count()).toBe(1);
    await expect.poll(scrollTop).toBe(0);
    await page().getByTestId('search-box').fill('');
    await expect.poll(() => page().getByTestId('library-search').count()).toBe(0);

    await scrollDown();
    await page().getByTestId('library-folder-filter').selectOption('金融');
    await expect.poll(scrollTop).toBe(0);
    await page().getByTestId('library-folder-filter').selectOption('');
    await categoryButton().click();
    await treeItem('All categories').click();
    await expect.poll(listed).toBe(`${SAMPLE + ROLLING} articles`);
  });

  it('names what each sort option sorts by, in both languages', async () => {
    const sort = page().getByRole('combobox', { name: /^Sort by/ });
    const english = await sort.locator('option').allTextContents();
    expect(english).toContain('Date, newest first');
    expect(english).toContain('Title, A to Z');
    expect(english).toContain('Highlights, most first');
    await gloss.setLanguage('zh-CN');
    const chinese = () => page().getByRole('combobox', { name: /^排序/ }).locator('option').allTextContents();
    await expect.poll(chinese).toContain('日期（最新在前）');
    expect(await chinese()).toContain('高亮数（最多在前）');
    expect(await categoryButton().textContent()).toContain('全部分类');
    expect(await page().getByText('包括子文件夹').count()).toBe(1);
    await gloss.setLanguage('en');
  });

  it.runIf(existsSync(SHOTS))(
    'looks right in both languages and themes (screenshots)',
    async () => {
      await gloss.inEachLook(async (language, theme) => {
        await page().getByTestId('library-folder-filter').selectOption('金融');
        await categoryButton().click();
        await treeItem('新浪财经').first().locator('.category-twisty').click();
        await page().getByRole('tree').waitFor();
        await page().screenshot({ path: `${SHOTS}/filters-tree-${language}-${theme}.png` });
        await page().keyboard.press('Escape');
        await page().getByTestId('library-folder-filter').selectOption('');
      });
    },
    60_000,
  );

  it('starts another library at the top of its list, with no filter left from the last one', async () => {
    await page().getByTestId('library-folder-filter').selectOption('金融');
    await scrollDown();
    await server.call('openLibrary', { path: second });
    await page()
      .getByTestId('article-count')
      .filter({ hasText: `${ROLLING} articles` })
      .waitFor();
    await expect.poll(scrollTop).toBe(0);
    expect(await page().getByTestId('library-folder-filter').inputValue()).toBe('');
    expect(await categoryButton().textContent()).toContain('All categories');
  });
});
