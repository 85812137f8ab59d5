/**
 * Number keys are bound to tags (issue 15, item 6): a new tag takes the lowest free key and never
 * shifts the others, a key can be given to another tag in the codebook, and pressing it in the
 * reader applies that tag. In Chromium against `gloss serve` on the sample library.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tag } from '../../core/model.js';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { CodingPage, GlossPage } from './support/gloss-page.js';

describe('tag keys', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let coding: CodingPage;

  /** Tag name → key, as stored. */
  const keys = async (): Promise<Record<string, string | null>> => {
    const { tags } = await server.call<{ tags: Tag[] }>('listTags', {});
    return Object.fromEntries(tags.map((t) => [t.name, t.key ?? null]));
  };
  /** Tag name → the key the codebook list shows. */
  const shownKeys = async (): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    for (const row of await gloss.page.getByTestId('codebook-tag').all()) {
      const name = await row.locator('.tag-name').innerText();
      out[name] = (await row.locator('kbd.tag-key').allInnerTexts()).join('');
    }
    return out;
  };
  const newTag = async (name: string) => {
    await gloss.page.getByTestId('new-tag-name').fill(name);
    await gloss.page.getByTestId('new-tag-name').press('Enter');
    await gloss.page.getByTestId('codebook-tag').filter({ hasText: name }).waitFor();
  };

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

  it('gives a new tag the freed key without shifting the others', async () => {
    await coding.openCodebook();
    await newTag('Alpha');
    await newTag('Beta');
    await newTag('Gamma');
    await expect.poll(keys).toEqual({ Alpha: '1', Beta: '2', Gamma: '3' });
    await gloss.page.getByTestId('codebook-tag').filter({ hasText: 'Beta' }).click();
    await gloss.page.getByTestId('delete-tag').click();
    await gloss.page.getByTestId('confirm-yes').click();
    await expect.poll(() => gloss.page.getByTestId('codebook-tag').count()).toBe(2);
    // "Delta" sorts after "Alpha" in the list but takes the freed key 2; Gamma keeps 3.
    await newTag('Delta');
    await expect.poll(keys).toEqual({ Alpha: '1', Delta: '2', Gamma: '3' });
    await expect.poll(shownKeys).toEqual({ Alpha: '1', Delta: '2', Gamma: '3' });
  });

  it('moves a key to another tag in the codebook', async () => {
    await gloss.page.getByTestId('codebook-tag').filter({ hasText: 'Gamma' }).click();
    await gloss.page.getByTestId('tag-key-select').selectOption('1');
    await expect.poll(keys).toEqual({ Alpha: null, Delta: '2', Gamma: '1' });
    await expect.poll(shownKeys).toEqual({ Alpha: '', Delta: '2', Gamma: '1' });
    await coding.closeDialog();
  });

  it('applies the tag bound to the key pressed in the reader, shown with its key in the popover', async () => {
    await gloss.openArticle('带押过户');
    await coding.selectText('全市共办理');
    await coding.editor().waitFor();
    await gloss.page.getByTestId('tag-input').click();
    await gloss.page.getByTestId('tag-input').fill('Gamma');
    await gloss.page.getByTestId('tag-input').press('Enter');
    const chip = coding.editor().getByTestId('editor-tag-chip').filter({ hasText: 'Gamma' });
    await expect.poll(() => chip.locator('kbd').innerText()).toBe('1');
    await coding.saveHighlight();
    await expect.poll(() => coding.annotationItems().count()).toBe(1);
    const card = coding.annotationItems().first();
    await card.click();
    await card.focus();
    // Key 2 is Delta's; key 1 is now Gamma's, not Alpha's (the first in the list).
    await gloss.page.keyboard.press('2');
    await expect
      .poll(() => card.getByTestId('annotation-tag').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('Delta')]));
    await card.focus();
    await gloss.page.keyboard.press('1');
    await expect
      .poll(() => card.getByTestId('annotation-tag').allInnerTexts())
      .toEqual([expect.stringContaining('Delta')]);
  });
});
