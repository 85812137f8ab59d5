/**
 * Who is coding, in a real Chromium against `gloss serve` started as on a first run (no
 * `--coder`): the question comes once, the name given shows in the toolbar and survives a reload;
 * switching coder from the toolbar makes later highlights the new coder's.
 * A second first run keeps the default name when the question is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListedAnnotation } from '../../core/api/annotation-contract.js';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { CodingPage, GlossPage } from './support/gloss-page.js';
import { TeamPage } from './support/team-page.js';

const ARTICLE = '为什么同一款商品';
const FIRST = '作为一个天天给商品定价的运营';
const SECOND = '这个问题我可太有发言权了';

describe('who is coding', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let team: TeamPage;
  let coding: CodingPage;

  beforeAll(async () => {
    server = await serveGloss({ coder: null });
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    gloss = new GlossPage(page);
    team = new TeamPage(page);
    coding = new CodingPage(page);
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

  it('switches coder from the toolbar: later highlights are the new coder’s', async () => {
    await gloss.waitForArticles();
    await gloss.openArticle(ARTICLE);
    const highlight = async (quote: string) => {
      await coding.selectText(quote);
      await coding.editor().waitFor();
      await coding.saveHighlight();
    };
    await highlight(FIRST);
    await team.switchCoder('Bob');
    await expect.poll(() => team.notice().innerText()).toContain('Bob');
    await highlight(SECOND);

    const list = await server.call<{ articles: { id: string; title: string }[] }>('listArticles', {});
    const articleId = list.articles.find((a) => a.title.includes(ARTICLE))!.id;
    const listed = await server.call<ListedAnnotation[]>('listAnnotations', { articleId });
    const byCoder = listed.map((a) => a.coderName).sort();
    expect(byCoder).toEqual(['Alice', 'Bob']);

    await team.switchCoder('Alice');
    expect(await team.coderName()).toBe('Alice');
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
