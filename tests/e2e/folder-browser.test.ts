/**
 * Browser mode opens folders like a desktop app (issue 15): "Open folder…" shows a folder browser
 * served by `gloss serve`, starting at the home folder with the recent libraries, driven by the
 * keyboard; a bad choice is worded in the UI language. At 1280 px the toolbar is one row, in
 * English and Chinese, light and dark (screenshots in /tmp/browse-*.png).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { GlossPage } from './support/gloss-page.js';

const home = mkdtempSync(join(tmpdir(), 'gloss-e2e-home-'));
const second = join(home, 'projects', 'second-library');

describe('the folder browser of the browser mode', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;

  beforeAll(async () => {
    mkdirSync(join(second, 'news'), { recursive: true });
    mkdirSync(join(home, '.secret-stuff'));
    mkdirSync(join(home, 'Documents'));
    mkdirSync(join(home, 'papers'));
    writeFileSync(join(home, 'notes.txt'), 'a file, not a folder');
    for (const n of [1, 2, 3])
      writeFileSync(
        join(second, 'news', `article-${n}.md`),
        `---\ntitle: Second library article ${n}\ndate: 2024-05-0${n}\n---\n\nBody of article ${n}.\n`,
      );
    server = await serveGloss({ env: { HOME: home, USERPROFILE: home } });
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    gloss = new GlossPage(page);
    await gloss.open(server.url);
    await gloss.waitForArticles();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  const dialog = () => gloss.page.getByTestId('folder-browser');
  const rows = () => dialog().getByTestId('folder-row');
  const activeRow = () => dialog().locator('[data-testid="folder-row"][aria-selected="true"]');

  /** Every item of the toolbar sits on one line, and nothing is cut off at its right end. */
  async function toolbarRows(): Promise<{ rows: number; overflow: boolean }> {
    return gloss.page.evaluate(() => {
      const bar = document.querySelector<HTMLElement>('[data-testid="toolbar"]')!;
      const tops = new Set(
        [...bar.children]
          .map((child) => child.getBoundingClientRect())
          .filter((box) => box.width > 0)
          .map((box) => Math.round(box.top + box.height / 2)),
      );
      const spread = Math.max(...tops) - Math.min(...tops);
      return { rows: spread > 8 ? 2 : 1, overflow: bar.scrollWidth > bar.clientWidth };
    });
  }

  it.each([
    ['en', 'light'],
    ['en', 'dark'],
    ['zh-CN', 'light'],
    ['zh-CN', 'dark'],
  ] as const)('keeps the toolbar on one row at 1280 px (%s, %s)', async (language, theme) => {
    await gloss.setLanguage(language);
    await gloss.setTheme(theme);
    await expect.poll(() => gloss.theme()).toBe(theme);
    expect(await toolbarRows()).toEqual({ rows: 1, overflow: false });
    await gloss.page.screenshot({ path: `/tmp/browse-toolbar-${language}-${theme}.png` });
    // Its name says what it shows ("View"), so a voice user can say what they see.
    const view = language === 'en' ? /^View\b/ : /^视图/;
    await gloss.page.getByRole('button', { name: view }).click();
    await gloss.page.screenshot({ path: `/tmp/browse-view-menu-${language}-${theme}.png` });
    await gloss.closeViewMenu();
  });

  it('sees a wrapped toolbar as two rows (so the checks above can fail)', async () => {
    await gloss.page.setViewportSize({ width: 760, height: 800 });
    try {
      expect((await toolbarRows()).rows).toBe(2);
    } finally {
      await gloss.page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('starts at the home folder, lists the recent libraries and no hidden folders', async () => {
    await gloss.setLanguage('en');
    await gloss.setTheme('light');
    await gloss.page.getByTestId('open-folder').click();
    await dialog().waitFor();
    await expect.poll(() => dialog().getByTestId('folder-path').inputValue()).toBe(home);
    expect(await rows().allInnerTexts()).toEqual([
      expect.stringContaining('Documents'),
      expect.stringContaining('papers'),
      expect.stringContaining('projects'),
    ]);
    // The first run opened the sample library: it is the recent list's first entry.
    expect(await dialog().getByTestId('recent-library').first().getAttribute('title')).toBe(server.library);
    await expect.poll(() => dialog().innerText()).toContain('1 hidden folder');
    await gloss.page.screenshot({ path: '/tmp/browse-dialog-en-light.png' });
  });

  it('goes into folders and back up with the keyboard, and opens the one chosen', async () => {
    await expect.poll(() => activeRow().innerText()).toContain('Documents');
    await gloss.page.keyboard.press('ArrowDown');
    await expect.poll(() => activeRow().innerText()).toContain('papers');
    await gloss.page.keyboard.press('ArrowUp');
    await expect.poll(() => activeRow().innerText()).toContain('Documents');
    // Letters typed in a row choose by their prefix ("pr"), not by the last letter alone.
    await gloss.page.keyboard.type('pr');
    await expect.poll(() => activeRow().innerText()).toContain('projects');
    await gloss.page.keyboard.press('Enter');
    await expect.poll(() => dialog().getByTestId('folder-path').inputValue()).toBe(join(home, 'projects'));
    await gloss.page.keyboard.press('Enter');
    await expect.poll(() => dialog().getByTestId('folder-path').inputValue()).toBe(second);
    await expect
      .poll(() => dialog().getByTestId('folder-article-count').innerText())
      .toBe('3 article files in this folder and below');
    await gloss.page.keyboard.press('Backspace');
    await expect.poll(() => dialog().getByTestId('folder-path').inputValue()).toBe(join(home, 'projects'));
    // Up once more: the folder just left stays chosen, so Enter goes straight back into it.
    await gloss.page.keyboard.press('Backspace');
    await expect.poll(() => dialog().getByTestId('folder-path').inputValue()).toBe(home);
    await expect.poll(() => activeRow().innerText()).toContain('projects');
    await gloss.page.keyboard.press('Enter');
    await expect.poll(() => dialog().getByTestId('folder-path').inputValue()).toBe(join(home, 'projects'));
    await gloss.page.keyboard.press('Enter');
    await expect.poll(() => dialog().getByTestId('folder-path').inputValue()).toBe(second);
    await dialog().getByTestId('open-this-folder').click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => gloss.page.locator('.library-name').innerText()).toBe('second-library');
    await expect.poll(() => gloss.articleRows().count()).toBe(3);
  });

  it('words a bad choice in the UI language, and opens nothing', async () => {
    await gloss.setLanguage('zh-CN');
    await gloss.setTheme('dark');
    await gloss.page.getByTestId('open-folder').click();
    await dialog().waitFor();
    // The library just opened now leads the recent list.
    expect(await dialog().getByTestId('recent-library').first().getAttribute('title')).toBe(second);
    const path = dialog().getByTestId('folder-path');
    await path.fill(join(home, 'notes.txt'));
    await path.press('Enter');
    await expect
      .poll(() => dialog().getByTestId('folder-problem').innerText())
      .toBe(`这是一个文件，不是文件夹：${join(home, 'notes.txt')}`);
    expect(await dialog().getByTestId('open-this-folder').isDisabled()).toBe(true);
    await path.fill(join(home, 'gone-away'));
    await path.press('Enter');
    await expect.poll(() => dialog().getByTestId('folder-problem').innerText()).toContain('此文件夹不存在');
    await gloss.page.screenshot({ path: '/tmp/browse-dialog-zh-dark-problem.png' });
    // A folder that vanishes between being listed and being opened.
    await path.fill(join(home, 'Documents'));
    await path.press('Enter');
    await expect.poll(() => dialog().getByTestId('folder-list').innerText()).toBe('这里没有文件夹。');
    rmSync(join(home, 'Documents'), { recursive: true });
    await dialog().getByTestId('open-this-folder').click();
    await expect
      .poll(() => dialog().getByTestId('folder-message').innerText())
      .toBe(`此文件夹不存在（或已被移走）：${join(home, 'Documents')}`);
    await gloss.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(await gloss.page.locator('.library-name').innerText()).toBe('second-library');
  });

  it('opens another library over an open article without an error about that article', async () => {
    await gloss.articleRows().first().click();
    await gloss.readerTitle().waitFor();
    await gloss.page.getByTestId('open-folder').click();
    await dialog().waitFor();
    await dialog().locator(`[data-testid="recent-library"][title="${server.library}"]`).click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => gloss.page.locator('.library-name').innerText()).toBe(basename(server.library));
    await gloss.waitForArticles();
    // The old article is asked for once more as everything refetches: no banner may say it is missing.
    await gloss.page.waitForTimeout(1_000);
    expect(await gloss.page.getByTestId('error-banner').count()).toBe(0);
  });
});
