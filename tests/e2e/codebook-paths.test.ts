/**
 * `Parent/Child` typed in the codebook or in the highlight popover finds or creates the nested tag,
 * as the CLI does (issue 15, item 9). In Chromium against `gloss serve` on the sample library.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tag } from '../../core/model.js';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { CodingPage, GlossPage } from './support/gloss-page.js';

describe('tag paths', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let coding: CodingPage;

  /** Every tag as its path. */
  const paths = async (): Promise<string[]> => {
    const { tags } = await server.call<{ tags: Tag[] }>('listTags', {});
    const byId = new Map(tags.map((t) => [t.id, t]));
    const path = (t: Tag): string => (t.parentId ? `${path(byId.get(t.parentId)!)}/${t.name}` : t.name);
    return tags.map(path).sort();
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

  it('creates the nested tags typed in the codebook, reusing the parent when it exists', async () => {
    await coding.openCodebook();
    await gloss.page.getByTestId('new-tag-name').fill('Frames / Economic');
    await gloss.page.getByTestId('new-tag-name').press('Enter');
    await expect.poll(paths).toEqual(expect.arrayContaining(['Frames', 'Frames/Economic']));
    await gloss.page.getByTestId('new-tag-name').fill('frames/Moral');
    await gloss.page.getByTestId('new-tag-name').press('Enter');
    await expect.poll(paths).toEqual(expect.arrayContaining(['Frames/Moral']));
    expect((await paths()).filter((p) => p.toLowerCase() === 'frames')).toHaveLength(1);
    // A name that cannot be added is explained next to the field; the next success clears it.
    await gloss.page.getByTestId('new-tag-name').fill(' / ');
    await gloss.page.getByTestId('new-tag-name').press('Enter');
    await expect.poll(() => gloss.page.getByTestId('new-tag-problem').textContent()).toMatch(/name/);
    await gloss.page.getByTestId('new-tag-name').fill('FRAMES/economic');
    await gloss.page.getByTestId('new-tag-name').press('Enter');
    await expect.poll(() => gloss.page.getByTestId('new-tag-problem').textContent()).toMatch(/already/);
    // The message sits under the field, which keeps its width (it is not squeezed beside it).
    const field = await gloss.page.getByTestId('new-tag-name').boundingBox();
    const problem = await gloss.page.getByTestId('new-tag-problem').boundingBox();
    expect(problem!.y).toBeGreaterThanOrEqual(field!.y + field!.height);
    expect(field!.width).toBeGreaterThan(120);
    // A single name with a stray slash is that name, not an error from the server behind the dialog.
    await gloss.page.getByTestId('new-tag-name').fill('Actors/');
    await gloss.page.getByTestId('new-tag-name').press('Enter');
    await expect.poll(paths).toEqual(expect.arrayContaining(['Actors']));
    expect(await gloss.page.getByTestId('error-banner').count()).toBe(0);
    await gloss.page.getByTestId('new-tag-name').fill('Frames/Security');
    await gloss.page.getByTestId('new-tag-name').press('Enter');
    await expect.poll(() => gloss.page.getByTestId('new-tag-problem').count()).toBe(0);
    expect(await gloss.page.getByTestId('error-banner').count()).toBe(0);
    await coding.closeDialog();
  });

  /** Types a tag path in the popover and presses Enter; the chip shows the last name. */
  const addPath = async (path: string) => {
    await gloss.page.getByTestId('tag-input').click();
    await gloss.page.getByTestId('tag-input').fill(path);
    await gloss.page.getByTestId('tag-input').press('Enter');
    const name = path.split('/').pop()!;
    await coding.editor().getByTestId('editor-tag-chip').filter({ hasText: name }).waitFor();
  };

  it('finds or creates a nested tag typed in the popover and puts it on the highlight', async () => {
    await gloss.openArticle('带押过户');
    await coding.selectText('全市共办理');
    await coding.editor().waitFor();
    await addPath('Frames/Economic');
    await coding.saveHighlight();
    await coding.selectText('二手房交易量');
    await coding.editor().waitFor();
    await addPath('Actors/Banks');
    await coding.saveHighlight();
    expect(await paths()).toEqual(expect.arrayContaining(['Actors', 'Actors/Banks', 'Frames/Economic']));
    expect((await paths()).filter((p) => p === 'Frames/Economic')).toHaveLength(1);
  });
});
