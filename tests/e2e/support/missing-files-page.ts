/** Page model for articles whose file is gone: the library's "file missing" list and marks. */
import type { Page } from 'playwright-core';

export class MissingFilesPage {
  constructor(readonly page: Page) {}

  /** The library pane's list of articles with highlights whose file is missing (expanded). */
  async listed(): Promise<string[]> {
    const section = this.page.getByTestId('missing-articles');
    await section.waitFor();
    if (!(await section.evaluate((d) => (d as HTMLDetailsElement).open)))
      await section.locator('summary').click();
    return section.locator('li').allInnerTexts();
  }

  async waitUntilNoneMissing(): Promise<void> {
    await this.page.getByTestId('missing-articles').waitFor({ state: 'detached' });
  }

  /** Waits until no all-highlights row is marked "file missing". */
  async waitUntilUnmarked(): Promise<void> {
    await this.page
      .getByTestId('highlights-view')
      .getByTestId('file-missing')
      .first()
      .waitFor({ state: 'detached' });
  }

  /** Titles of the all-highlights rows marked "file missing". */
  async markedInHighlights(): Promise<string[]> {
    const view = this.page.getByTestId('highlights-view');
    if (!(await view.isVisible())) await this.page.getByRole('button', { name: 'All highlights' }).click();
    await view.getByTestId('library-highlight').first().waitFor();
    const rows = view.getByTestId('library-highlight').filter({ has: this.page.getByTestId('file-missing') });
    return rows.locator('.hit-title').allInnerTexts();
  }
}
