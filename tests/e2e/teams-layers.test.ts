/**
 * Two coders on one article, in a real Chromium against `gloss serve --coder Alice`: Bob's
 * highlight was made on another machine (the CLI's `annotate --coder Bob` with a data folder of
 * its own, so a writer folder of its own). Layers show mine, all or chosen coders in the reader,
 * the pane and the highlights view, and are kept per library; Bob's highlight carries his name,
 * cannot be deleted or retagged here, and can be copied to mine (and the copy undone); the export
 * can leave a coder out. A third coder's writer folder arriving on disk (as a sync tool delivers
 * it) shows in the open window within seconds, memo included.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListedAnnotation } from '../../core/api/annotation-contract.js';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { annotateAs, serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { CodingPage, ExportPage, GlossPage } from './support/gloss-page.js';
import { TeamPage } from './support/team-page.js';

const ARTICLE = '为什么同一款商品';
const ARTICLE_FILE = join('社交媒体', '知乎', '同一商品不同平台价差.md');
const MINE = '作为一个天天给商品定价的运营';
const BOBS = '这个问题我可太有发言权了';
const BOBS_NOTE = 'Bob：自我定位为内行';

describe('two coders’ highlights on one article', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let coding: CodingPage;
  let team: TeamPage;
  let articleId = '';

  const listed = () => server.call<ListedAnnotation[]>('listAnnotations', { articleId });
  const sorted = async (texts: Promise<string[]>) => [...(await texts)].sort();

  beforeAll(async () => {
    server = await serveGloss({
      coder: 'Alice',
      prepare: (library, work) => {
        annotateAs('Bob', library, join(work, 'bob-machine'), {
          article: join(library, ARTICLE_FILE),
          quote: BOBS,
          tag: ['自我定位'],
          note: BOBS_NOTE,
        });
      },
    });
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    gloss = new GlossPage(page);
    coding = new CodingPage(page);
    team = new TeamPage(page);
    await gloss.open(server.url);
    await gloss.waitForArticles();
    await gloss.openArticle(ARTICLE);
    const list = await server.call<{ articles: { id: string; title: string }[] }>('listArticles', {});
    articleId = list.articles.find((a) => a.title.includes(ARTICLE))!.id;

    await coding.selectText(MINE);
    await coding.editor().waitFor();
    await coding.addTag('成本解释');
    await coding.saveHighlight();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows both coders’ highlights, Bob’s with his name on its card', async () => {
    expect(await team.coderName()).toBe('Alice');
    await expect.poll(() => sorted(coding.paintedTexts())).toEqual([BOBS, MINE].sort());
    await expect.poll(() => sorted(coding.annotationQuotes())).toEqual([BOBS, MINE].sort());
    expect(await team.cardBadges()).toEqual(['Bob']);
  });

  it('shows only mine, only the chosen coder, or everyone, and keeps the choice for the library', async () => {
    await team.showLayer('mine');
    await expect.poll(() => coding.paintedTexts()).toEqual([MINE]);
    await expect.poll(() => coding.annotationQuotes()).toEqual([MINE]);

    await team.showLayer('all');
    await team.toggleLayerCoder('Alice'); // every coder but me: Bob alone
    await expect.poll(() => coding.paintedTexts()).toEqual([BOBS]);
    await expect.poll(() => coding.annotationQuotes()).toEqual([BOBS]);

    await gloss.page.reload();
    await gloss.page.getByTestId('app').waitFor();
    await gloss.waitForArticles();
    await gloss.openArticle(ARTICLE);
    await expect.poll(() => coding.annotationQuotes()).toEqual([BOBS]);
    expect(await gloss.page.getByTestId('layer-summary').innerText()).toContain('Bob');

    await team.showLayer('all');
    await expect.poll(() => sorted(coding.paintedTexts())).toEqual([BOBS, MINE].sort());
  });

  it('will not delete or retag Bob’s highlight, and says whose it is', async () => {
    await coding.clickText(BOBS);
    await team.othersPopover().waitFor();
    expect(await team.othersPopover().innerText()).toContain('Bob');
    expect(await team.othersPopover().innerText()).toContain(BOBS_NOTE);
    expect(await gloss.page.getByTestId('delete-highlight').count()).toBe(0);
    await gloss.page.keyboard.press('Escape');
    await team.othersPopover().waitFor({ state: 'detached' });

    await gloss.page.keyboard.press('Delete');
    await expect.poll(() => team.notice().innerText()).toContain('Bob');
    await gloss.page.keyboard.press('1');
    // Refused here, not sent: no error comes back from the host.
    expect(await gloss.page.getByTestId('error-banner').count()).toBe(0);
    const bobs = (await listed()).find((a) => a.coderName === 'Bob')!;
    expect([bobs.tagIds.length, bobs.note]).toEqual([1, BOBS_NOTE]);
    expect(await listed()).toHaveLength(2);
  });

  it('copies Bob’s highlight to mine, with its tag and note, and undo takes only the copy away', async () => {
    await coding.clickText(BOBS);
    await gloss.page.getByTestId('copy-to-mine').click();
    await expect.poll(async () => (await listed()).length).toBe(3);
    const copy = (await listed()).find((a) => a.mine && a.note === BOBS_NOTE)!;
    const bobs = (await listed()).find((a) => !a.mine)!;
    expect([copy.coderName, copy.tagIds, copy.range]).toEqual(['Alice', bobs.tagIds, bobs.range]);
    // The copy is mine: its popover is the editor, with Delete.
    await coding.editor().waitFor();
    await gloss.page.getByTestId('delete-highlight').waitFor();
    await gloss.page.keyboard.press('Escape');
    await coding.editor().waitFor({ state: 'detached' });

    await gloss.page.keyboard.press('Control+z');
    await expect.poll(async () => (await listed()).length).toBe(2);
    expect((await listed()).find((a) => a.coderName === 'Bob')?.note).toBe(BOBS_NOTE);
  });

  it('lists whose each highlight is in the highlights view and filters it by coder', async () => {
    await gloss.page.getByTestId('open-highlights').click();
    const view = gloss.page.getByTestId('highlights-view');
    await view.waitFor();
    await expect.poll(() => view.getByTestId('library-highlight').count()).toBe(2);
    expect((await view.getByTestId('highlight-coder').allInnerTexts()).sort()).toEqual([
      'Alice (you)',
      'Bob',
    ]);

    await team.openLayerMenu('highlights-coder-filter');
    await gloss.page.getByTestId('layer-mine').check();
    await gloss.page.keyboard.press('Escape');
    await expect.poll(() => view.getByTestId('library-highlight').count()).toBe(1);
    expect(await view.getByTestId('highlight-coder').allInnerTexts()).toEqual(['Alice (you)']);
    // One layer for the window: the reader shows mine only too.
    await team.showLayer('all');
    await expect.poll(() => view.getByTestId('library-highlight').count()).toBe(2);
    await gloss.page.getByTestId('open-highlights').click();
  });

  it('exports the chosen coders’ highlights only', async () => {
    const exporter = new ExportPage(gloss.page);
    await exporter.open('button');
    await exporter.chooseFormat('csv');
    await exporter.chooseScope('library');
    const coders = gloss.page.getByTestId('export-coders');
    await coders.locator('label', { hasText: 'Bob' }).getByTestId('export-coder').uncheck();
    const file = await exporter.download();
    const rows = parse(file.bytes.toString('utf8').replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    expect(rows.map((r) => [r.quote, r.creator])).toEqual([[MINE, 'Alice']]);
    await exporter.close();
  });

  it('shows a colleague’s work within seconds of its arrival on disk, with their memo', async () => {
    // Carol's writer folder, made from Bob's file, is written beside the library and renamed in,
    // as a sync tool delivers a folder.
    const coders = join(server.library, '.gloss', 'coders');
    const bobs = readdirSync(coders).find((name) => name.startsWith('bob.'))!;
    const [file] = readdirSync(join(coders, bobs, 'annotations'));
    const doc = JSON.parse(readFileSync(join(coders, bobs, 'annotations', file!), 'utf8')) as {
      memo: string;
      annotations: { id: string; creator: string; creatorId?: string; note: string }[];
    };
    doc.memo = 'Carol：另一种读法';
    doc.annotations = doc.annotations.map((a) => ({
      ...a,
      id: `carol-${a.id}`,
      creator: 'Carol',
      creatorId: 'carol',
      note: 'Carol 的批注',
    }));
    const staging = join(server.library, '..', 'carol-staging');
    mkdirSync(join(staging, 'annotations'), { recursive: true });
    writeFileSync(join(staging, 'annotations', file!), JSON.stringify(doc));
    const writer = {
      schemaVersion: 1,
      writerId: 'carol.c0c0c0c0',
      coder: { id: 'carol', name: 'Carol' },
      created: new Date().toISOString(),
    };
    writeFileSync(join(staging, 'writer.json'), JSON.stringify(writer));
    renameSync(staging, join(coders, 'carol.c0c0c0c0'));

    await expect.poll(() => team.cardBadges(), { timeout: 10_000 }).toEqual(['Bob', 'Carol']);
    await expect
      .poll(() => gloss.page.getByTestId('other-memo').allInnerTexts())
      .toEqual([expect.stringContaining('Carol：另一种读法')]);
  });
});
