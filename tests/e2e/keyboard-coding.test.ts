/**
 * Coding from the keyboard and the mouse stays predictable (issue 15): an English selection that
 * starts or ends inside a word takes whole words unless the "Whole words" switch is off, a Chinese
 * one stays exactly as made (item 8); with a highlight's card focused in the sidebar, number keys
 * toggle tags, Enter edits and Delete deletes it, with undo (item 7). In Chromium against
 * `gloss serve` on the sample library.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { CodingPage, GlossPage } from './support/gloss-page.js';

describe('keyboard coding', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let coding: CodingPage;

  const selected = () => gloss.page.evaluate(() => window.getSelection()?.toString() ?? '');

  beforeAll(async () => {
    server = await serveGloss();
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    gloss = new GlossPage(page);
    coding = new CodingPage(page);
    await gloss.open(server.url);
    await gloss.waitForArticles(5);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('extends an English selection cut inside words to whole words', async () => {
    await gloss.openArticle('Write It Down First');
    await coding.selectText('ent from about elev');
    await coding.editor().waitFor();
    expect(await selected()).toBe('went from about eleven');
    await gloss.page.keyboard.press('Escape');
  });

  it('leaves it as made when the switch is off', async () => {
    expect(await gloss.toggleView('whole-words-toggle')).toBe(false);
    await coding.selectText('ent from about elev');
    await coding.editor().waitFor();
    expect(await selected()).toBe('ent from about elev');
    await gloss.page.keyboard.press('Escape');
    expect(await gloss.toggleView('whole-words-toggle')).toBe(true);
  });

  it('leaves a Chinese selection exactly as made', async () => {
    await gloss.openArticle('带押过户');
    await coding.selectText('全市共办理');
    await coding.editor().waitFor();
    expect(await selected()).toBe('全市共办理');
  });

  it('acts on the highlight whose card is focused: number keys, Enter, Delete and undo', async () => {
    await coding.addTag('卡片标签');
    await coding.saveHighlight();
    await expect.poll(() => coding.annotationItems().count()).toBe(1);
    const card = coding.annotationItems().first();
    await card.click();
    await card.focus();
    // The first tag's number key puts it on (and takes it off) the highlight.
    await gloss.page.keyboard.press('1');
    await expect.poll(() => card.getByTestId('annotation-tag').count()).toBe(0);
    await card.focus();
    await gloss.page.keyboard.press('1');
    await expect.poll(() => card.getByTestId('annotation-tag').count()).toBe(1);
    // Enter opens the editor, as with the highlight selected in the text.
    await card.focus();
    await gloss.page.keyboard.press('Enter');
    await coding.editor().waitFor();
    await gloss.page.keyboard.press('Escape');
    await coding.editor().waitFor({ state: 'detached' });
    // Delete removes it; Ctrl+Z brings it back.
    await card.click();
    await card.focus();
    await gloss.page.keyboard.press('Delete');
    await expect.poll(() => coding.annotationItems().count()).toBe(0);
    await gloss.page.keyboard.press('Control+z');
    await expect.poll(() => coding.annotationItems().count()).toBe(1);
  });
});
