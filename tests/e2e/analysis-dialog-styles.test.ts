/**
 * The set filter, "Sample…" and "Code hits…" live in the library and the search, so their styles
 * must be there before (or without) anyone opening the lazily loaded Analysis view: a researcher
 * who searches and codes hits first got a full-screen dialog of bulleted, unstyled lines. What
 * was just coded counts for the coder in the Analysis coder list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { GlossPage } from './support/gloss-page.js';

describe('analysis dialogs opened before the Analysis view', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  const page = () => gloss.page;

  beforeAll(async () => {
    server = await serveGloss();
    await server.call('createTag', { name: '目标' });
    browser = await launchBrowser();
    gloss = new GlossPage(await browser.context.newPage());
    await gloss.open(server.url);
    await gloss.waitForArticles();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lays out the set filter and Sample… as a row with room between them', async () => {
    const controls = page().locator('.set-controls');
    await controls.waitFor();
    expect(await controls.evaluate((el) => getComputedStyle(el).display)).toBe('flex');
    expect(await controls.evaluate((el) => getComputedStyle(el).columnGap)).not.toBe('normal');
  });

  it('shows the hits of Code hits… as a styled list in a dialog of its own width', async () => {
    await page().locator('.search-box').fill('充电桩');
    await page().getByTestId('open-code-hits').click();
    const dialog = page().getByTestId('code-hits-dialog');
    await dialog.waitFor();
    await page().getByTestId('code-hit').first().waitFor();
    const list = dialog.locator('.kwic-list');
    expect(await list.evaluate((el) => getComputedStyle(el).listStyleType)).toBe('none');
    expect((await dialog.boundingBox())!.width).toBeLessThanOrEqual(730);
    // Coded, the hits count for the coder at once (the Analysis coder list was still at 0).
    await page().getByTestId('code-hits-tag').selectOption({ label: '目标' });
    await page().getByTestId('code-hits-apply').click();
    const made = Number(/Made (\d+)/.exec((await page().getByTestId('code-hits-result').textContent())!)![1]);
    expect(made).toBeGreaterThan(0);
    await page().keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page().getByTestId('open-analysis').click();
    const coder = page().getByTestId('analysis-view').locator('.choice-hint').first();
    await expect.poll(() => coder.textContent()).toBe(`${made} highlights`);
  });
});
