/**
 * An English selection that starts or ends inside a word takes whole words (issue 15, item 8),
 * unless the "Whole words" switch is off; a Chinese selection stays exactly as made. In Chromium
 * against `gloss serve` on the sample library.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { CodingPage, GlossPage } from './support/gloss-page.js';

describe('selecting words', () => {
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
    await gloss.page.getByTestId('whole-words-toggle').click();
    expect(await gloss.page.getByTestId('whole-words-toggle').getAttribute('aria-pressed')).toBe('false');
    await coding.selectText('ent from about elev');
    await coding.editor().waitFor();
    expect(await selected()).toBe('ent from about elev');
    await gloss.page.keyboard.press('Escape');
    await gloss.page.getByTestId('whole-words-toggle').click();
  });

  it('leaves a Chinese selection exactly as made', async () => {
    await gloss.openArticle('带押过户');
    await coding.selectText('全市共办理');
    await coding.editor().waitFor();
    expect(await selected()).toBe('全市共办理');
  });
});
