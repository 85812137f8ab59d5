/**
 * Who is coding, in a real Chromium against `gloss serve` started as on a first run (no
 * `--coder`): the question comes once, the name given shows in the toolbar and survives a reload.
 * A second first run keeps the default name when the question is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { GlossPage } from './support/gloss-page.js';
import { TeamPage } from './support/team-page.js';

describe('who is coding', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let team: TeamPage;

  beforeAll(async () => {
    server = await serveGloss({ coder: null });
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    gloss = new GlossPage(page);
    team = new TeamPage(page);
    await gloss.open(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks for a name on the first run, with a default, and shows it in the toolbar', async () => {
    await team.prompt().waitFor();
    expect(await gloss.page.getByTestId('coder-prompt-name').inputValue()).not.toBe('');
    await team.answerPrompt('Alice');
    await expect.poll(() => team.coderName()).toBe('Alice');

    await gloss.page.reload();
    await gloss.page.getByTestId('app').waitFor();
    await expect.poll(() => team.coderName()).toBe('Alice');
    expect(await team.prompt().count()).toBe(0);
  });
});

describe('skipping the first-run question', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    server = await serveGloss({ coder: null });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps the default name and does not ask again', async () => {
    const page = await browser.context.newPage();
    const gloss = new GlossPage(page);
    const team = new TeamPage(page);
    await gloss.open(server.url);
    await team.prompt().waitFor();
    const suggested = await page.getByTestId('coder-prompt-name').inputValue();
    await page.keyboard.press('Escape');
    await team.prompt().waitFor({ state: 'detached' });
    await expect.poll(() => team.coderName()).toBe(suggested);
    await page.reload();
    await page.getByTestId('app').waitFor();
    await expect.poll(() => team.coderName()).toBe(suggested);
    expect(await team.prompt().count()).toBe(0);
  });
});
