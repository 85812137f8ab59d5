/**
 * A page model of the Gloss UI, so tests read like what a user does.
 * Every page a suite opens through `GlossPage.open` is watched for Content-Security-Policy
 * violations (`securitypolicyviolation` events, reported even when the blocked thing was harmless),
 * and the test during which one happened fails: the UI must never trip its own policy.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';

/** Pages opened by this test file, checked after each test. */
const watchedPages = new Set<GlossPage>();

function failOnCspViolations(): void {
  const found = [...watchedPages].flatMap((gloss) => gloss.takeCspViolations());
  if (found.length > 0)
    throw new Error(`Content-Security-Policy violations in the page:\n${found.join('\n')}`);
}
// Imported by each e2e file (each runs in its own module graph), so each file gets these hooks.
afterEach(failOnCspViolations);
afterAll(failOnCspViolations);

export class GlossPage {
  private violations: string[] = [];
  private watching = false;

  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.watchCsp();
    await this.page.goto(url);
    await this.page.getByTestId('app').waitFor();
  }

  /** Records every CSP violation of this page (and of every later load of it, reloads included). */
  private async watchCsp(): Promise<void> {
    if (this.watching) return;
    this.watching = true;
    watchedPages.add(this);
    await this.page.exposeBinding('__glossCspViolation', (_source, text: string) => {
      this.violations.push(text);
    });
    await this.page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __glossCspViolation(text: string): void }).__glossCspViolation;
        void report(
          `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
  }

  /** The violations seen since the last call (a test that provokes one on purpose takes it here). */
  takeCspViolations(): string[] {
    return this.violations.splice(0);
  }

  articleRows() {
    return this.page.getByTestId('article-row');
  }

  async waitForArticles(min = 1): Promise<number> {
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="article-row"]').length >= n,
      min,
    );
    return this.articleRows().count();
  }

  async openArticle(title: string): Promise<void> {
    await this.articleRows().filter({ hasText: title }).first().click();
    await this.page.getByTestId('reader-title').filter({ hasText: title }).waitFor();
  }

  readerTitle() {
    return this.page.getByTestId('reader-title');
  }

  articleBody() {
    return this.page.getByTestId('article-body');
  }

  /** A control of the toolbar's View menu (snapping, text size, theme, language), the menu opened. */
  async viewControl(testId: string) {
    const control = this.page.getByTestId(testId);
    if (!(await control.isVisible())) await this.page.getByTestId('view-menu').click();
    return control;
  }

  /** Closes the View menu if it is open (Escape gives the focus back to its button). */
  async closeViewMenu(): Promise<void> {
    if ((await this.page.getByTestId('view-menu').getAttribute('aria-expanded')) === 'true')
      await this.page.keyboard.press('Escape');
  }

  /** Clicks a switch of the View menu (snap-toggle, whole-words-toggle); returns whether it is on. */
  async toggleView(testId: string): Promise<boolean> {
    const control = await this.viewControl(testId);
    await control.click();
    const on = (await control.getAttribute('aria-pressed')) === 'true';
    await this.closeViewMenu();
    return on;
  }

  async setLanguage(value: 'en' | 'zh-CN' | 'system'): Promise<void> {
    await (await this.viewControl('language-select')).selectOption(value);
    await this.closeViewMenu();
  }

  async setTheme(value: 'light' | 'dark' | 'system'): Promise<void> {
    await (await this.viewControl('theme-select')).selectOption(value);
    await this.closeViewMenu();
  }

  /**
   * Runs `look` in each language and theme (for screenshots), then goes back to English and the
   * light theme.
   */
  async inEachLook(
    look: (language: 'en' | 'zh-CN', theme: 'light' | 'dark') => Promise<void>,
  ): Promise<void> {
    for (const language of ['en', 'zh-CN'] as const)
      for (const theme of ['light', 'dark'] as const) {
        await this.setLanguage(language);
        await this.setTheme(theme);
        await look(language, theme);
      }
    await this.setLanguage('en');
    await this.setTheme('light');
  }

  theme(): Promise<string | undefined> {
    return this.page.evaluate(() => document.documentElement.dataset.theme);
  }
}

/** Where a passage of the article body is on screen, for selecting it with the mouse. */
export interface TextBox {
  startX: number;
  startY: number;
  endX: number;
  endY: number;
}

/** The coding side of the UI: selecting, highlighting, tagging, the panes and the codebook. */
export class CodingPage {
  constructor(readonly page: Page) {}

  /** Screen points at the start and end of `text` (inside one text node of the article body). */
  async locateText(text: string, occurrence = 0): Promise<TextBox> {
    const box = await this.page.evaluate(
      ({ text, occurrence }) => {
        const body = document.querySelector('[data-testid="article-body"]')!;
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          let at = node.data.indexOf(text);
          while (at >= 0) {
            if (seen++ === occurrence) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + text.length);
              range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
              const rects = [...range.getClientRects()].filter((r) => r.width > 0);
              const first = rects[0]!;
              const last = rects[rects.length - 1]!;
              return {
                startX: first.left + 1,
                startY: first.top + first.height / 2,
                endX: last.right - 1,
                endY: last.top + last.height / 2,
              };
            }
            at = node.data.indexOf(text, at + 1);
          }
        }
        return null;
      },
      { text, occurrence },
    );
    if (!box) throw new Error(`"${text}" is not in the article body`);
    return box;
  }

  /** Drags the mouse over `text`, as a reader selects it; `alt` holds Alt (sentence snapping). */
  async selectText(text: string, options: { occurrence?: number; alt?: boolean } = {}): Promise<void> {
    const box = await this.locateText(text, options.occurrence ?? 0);
    if (options.alt) await this.page.keyboard.down('Alt');
    await this.page.mouse.move(box.startX, box.startY);
    await this.page.mouse.down();
    await this.page.mouse.move((box.startX + box.endX) / 2, (box.startY + box.endY) / 2, { steps: 3 });
    await this.page.mouse.move(box.endX, box.endY, { steps: 3 });
    await this.page.mouse.up();
    if (options.alt) await this.page.keyboard.up('Alt');
  }

  /** Clicks in the middle of `text` (e.g. on a highlight). */
  async clickText(text: string): Promise<void> {
    const box = await this.locateText(text);
    const x = box.startY === box.endY ? (box.startX + box.endX) / 2 : box.startX + 4;
    await this.page.mouse.click(x, box.startY);
  }

  editor() {
    return this.page.getByTestId('annotation-editor');
  }

  /** Types a tag name in the popover and presses Enter (creating the tag when it is new). */
  async addTag(name: string): Promise<void> {
    await this.page.getByTestId('tag-input').click();
    await this.page.getByTestId('tag-input').fill(name);
    await this.page.getByTestId('tag-input').press('Enter');
    await this.editor().getByTestId('editor-tag-chip').filter({ hasText: name }).waitFor();
  }

  async writeNote(note: string): Promise<void> {
    await this.page.getByTestId('note-input').fill(note);
  }

  async saveHighlight(): Promise<void> {
    await this.page.getByTestId('save-highlight').click();
    await this.editor().waitFor({ state: 'detached' });
  }

  /** The text of every painted highlight range (CSS Custom Highlight API), colour groups only. */
  paintedTexts(): Promise<string[]> {
    return this.page.evaluate(() => {
      const out: string[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('gloss-c')) continue;
        for (const range of highlight) out.push(range.toString());
      }
      return out;
    });
  }

  annotationItems() {
    return this.page.getByTestId('annotation-item');
  }

  annotationQuotes(): Promise<string[]> {
    return this.page.getByTestId('annotation-quote').allInnerTexts();
  }

  async openCodebook(): Promise<void> {
    await this.page.getByTestId('open-codebook').click();
    await this.page.getByTestId('codebook').waitFor();
  }

  async renameTag(from: string, to: string): Promise<void> {
    await this.page.getByTestId('codebook-tag').filter({ hasText: from }).click();
    const input = this.page.getByTestId('tag-name-input');
    await input.fill(to);
    await input.press('Enter');
    await this.page.getByTestId('codebook-tag').filter({ hasText: to }).waitFor();
  }

  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator('dialog[open]').waitFor({ state: 'detached' });
  }

  /** Presses a key with the focus on the article (not in a text field). */
  async pressInReader(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }
}

/** A file the export dialog handed to the browser. */
export interface DownloadedExport {
  fileName: string;
  bytes: Buffer;
}

/** The export and import dialog (File ▸ Export…, the toolbar button, Ctrl/Cmd+E). */
export class ExportPage {
  constructor(readonly page: Page) {}

  dialog() {
    return this.page.getByTestId('export-dialog');
  }

  async open(how: 'button' | 'shortcut' = 'button'): Promise<void> {
    if (how === 'button') await this.page.getByTestId('open-export').click();
    else await this.page.keyboard.press('Control+e');
    await this.dialog().waitFor();
  }

  async chooseFormat(format: 'csv' | 'json' | 'md' | 'xlsx' | 'qdpx' | 'qdc'): Promise<void> {
    await this.page.getByTestId(`export-format-${format}`).check();
  }

  async chooseScope(scope: 'library' | 'article' | 'filter'): Promise<void> {
    await this.page.getByTestId(`export-scope-${scope}`).check();
  }

  async chooseLayout(layout: 'wide' | 'tidy'): Promise<void> {
    await this.page.getByTestId(`export-layout-${layout}`).check();
  }

  /** Runs the export in the browser mode and returns the downloaded file. */
  async download(): Promise<DownloadedExport> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-run').click(),
    ]);
    const path = await download.path();
    const bytes = await readFile(path);
    await this.page.getByTestId('export-result').waitFor();
    return { fileName: download.suggestedFilename(), bytes };
  }

  /**
   * Imports a file through the Import tab's file picker (the button of its kind) and waits for the
   * report or an error.
   */
  async importFile(
    file: string | { name: string; mimeType: string; buffer: Buffer },
    kind: 'json' | 'qdpx' | 'qdc' = 'json',
  ): Promise<void> {
    await this.page.getByTestId('export-tab-import').click();
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByTestId(`import-choose-${kind}`).click(),
    ]);
    await chooser.setFiles(file);
    await this.page
      .locator('[data-testid="import-summary"], [data-testid="interop-report"], [data-testid="import-error"]')
      .first()
      .waitFor();
  }

  /** The number shown for one line of the import summary ('added', 'tagsCreated'…). */
  async importCount(key: string): Promise<number> {
    return Number(await this.page.getByTestId(`import-${key}`).locator('dd').innerText());
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog().waitFor({ state: 'detached' });
  }
}
