/**
 * The team side of the UI as a user meets it: the first-run question, who is coding (toolbar),
 * whose highlights are shown (the layer menu), and others' highlights (badges, read-only popover,
 * "Copy to mine").
 */
import type { Page } from 'playwright-core';

export class TeamPage {
  constructor(readonly page: Page) {}

  prompt() {
    return this.page.getByTestId('coder-prompt');
  }

  /** Answers the first-run question with `name` (typed over the default). */
  async answerPrompt(name: string): Promise<void> {
    await this.page.getByTestId('coder-prompt-name').fill(name);
    await this.page.getByTestId('coder-prompt-name').press('Enter');
    await this.prompt().waitFor({ state: 'detached' });
  }

  /** The name shown in the toolbar as the coder. */
  coderName(): Promise<string> {
    return this.page.getByTestId('coder-name').innerText();
  }

  async openCoderMenu(): Promise<void> {
    const button = this.page.getByTestId('coder-menu');
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }

  /** Switches to a new coder name through the toolbar's menu. */
  async switchCoder(name: string): Promise<void> {
    await this.openCoderMenu();
    await this.page.getByTestId('coder-new-name').fill(name);
    await this.page.getByTestId('coder-new-name').press('Enter');
    await this.page.getByTestId('coder-name').filter({ hasText: name }).waitFor();
  }

  /** Switches to a coder the library knows, picked from the menu. */
  async pickCoder(name: string): Promise<void> {
    await this.openCoderMenu();
    await this.page.getByTestId('known-coder').filter({ hasText: name }).click();
    await this.page.getByTestId('coder-name').filter({ hasText: name }).waitFor();
  }

  async openLayerMenu(testId = 'layer-menu'): Promise<void> {
    const button = this.page.getByTestId(testId);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }

  /** "Show: mine / all coders / chosen coders". */
  async showLayer(show: 'mine' | 'all' | 'chosen'): Promise<void> {
    await this.openLayerMenu();
    await this.page.getByTestId(`layer-${show}`).check();
    await this.page.keyboard.press('Escape');
  }

  /** Ticks or unticks one coder in the layer menu's checklist. */
  async toggleLayerCoder(name: string): Promise<void> {
    await this.openLayerMenu();
    await this.page.locator('label', { hasText: name }).getByTestId('layer-coder').click();
    await this.page.keyboard.press('Escape');
  }

  /** The coder names on the cards of the highlights pane (others' highlights only carry one). */
  cardBadges(): Promise<string[]> {
    return this.page.getByTestId('annotation-item').getByTestId('coder-badge').allInnerTexts();
  }

  othersPopover() {
    return this.page.getByTestId('others-highlight');
  }

  notice() {
    return this.page.getByTestId('notice');
  }
}
