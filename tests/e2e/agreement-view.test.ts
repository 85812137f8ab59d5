/**
 * The agreement view in a real Chromium against `gloss serve`: two coders (Alice and Bob) code an
 * article with `gloss annotate --coder` and their work arrives in the library as their writer
 * folders; the lead opens the view from the toolbar, sees a row per code with the figures the API
 * computes (low ones marked, undefined ones a dash saying why), opens a code's per-article
 * breakdown, downloads the table as CSV, reads it in Chinese, and closes it all with Escape.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { REPO, serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { GlossPage } from './support/gloss-page.js';

const ARTICLE = '金融/新浪财经/江澜省充电基础设施三年行动方案.md';
const TITLE = '江澜省印发充电基础设施三年行动方案';
const GLOSS = join(REPO, 'bin', 'gloss.js');

interface Stored {
  annotations: { creatorId?: string; creator?: string }[];
}

/**
 * Delivers the coders' work from the library they coded in (`team`) into `library`, as sync would:
 * each coder's highlights in a writer folder of their own, and the codebook they used. When the
 * store already keeps each coder in `coders/`, those folders are taken as they are.
 */
function deliverTeam(team: string, library: string): void {
  const from = join(team, '.gloss');
  const to = join(library, '.gloss');
  mkdirSync(to, { recursive: true });
  if (existsSync(join(from, 'coders'))) cpSync(join(from, 'coders'), join(to, 'coders'), { recursive: true });
  if (existsSync(join(from, 'codebook.json'))) cpSync(join(from, 'codebook.json'), join(to, 'codebook.json'));
  const shared = join(from, 'annotations');
  if (!existsSync(shared)) return;
  for (const file of readdirSync(shared).filter((f) => f.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(join(shared, file), 'utf8')) as Stored;
    const byCoder = new Map<string, Stored['annotations']>();
    for (const a of doc.annotations) byCoder.set(a.creatorId!, [...(byCoder.get(a.creatorId!) ?? []), a]);
    for (const [coderId, annotations] of byCoder) {
      const writerId = `${coderId}.e2e00001`;
      const folder = join(to, 'coders', writerId);
      mkdirSync(join(folder, 'annotations'), { recursive: true });
      const coder = { id: coderId, name: annotations[0]!.creator! };
      writeFileSync(
        join(folder, 'writer.json'),
        JSON.stringify({ schemaVersion: 1, writerId, coder, created: '2026-01-01T00:00:00.000Z' }),
      );
      writeFileSync(join(folder, 'annotations', file), JSON.stringify({ ...doc, annotations }));
    }
  }
}

interface Report {
  result: {
    codes: { tag: string; alpha_u: number | null; alpha_article: number | null; kappa: number | null }[];
  };
}

class AgreementPage {
  constructor(readonly page: Page) {}
  view() {
    return this.page.getByTestId('agreement-view');
  }
  async open(): Promise<void> {
    await this.page.getByTestId('open-agreement').click();
    await this.view().waitFor();
    await this.page.getByTestId('agreement-row').first().waitFor();
  }
  row(code: string) {
    return this.page
      .getByTestId('agreement-row')
      .filter({ has: this.page.getByRole('button', { name: code, exact: true }) });
  }
  /** The row's figure cells: alpha_u, alpha_article, agreement, kappa. */
  async figures(code: string): Promise<{ text: string; level: string | null; title: string | null }[]> {
    const cells = this.row(code).locator('td.figure');
    const out = [];
    for (let i = 0; i < 4; i++) {
      const cell = cells.nth(i);
      out.push({
        // What is on screen (a screen reader also hears the level, kept out of sight).
        text: await cell.evaluate((td) => {
          const shown = td.cloneNode(true) as HTMLElement;
          shown.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
          return (shown.textContent ?? '').trim();
        }),
        level: await cell.getAttribute('data-level'),
        title: await cell.getAttribute('title'),
      });
    }
    return out;
  }
}

describe('the agreement view', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let agreement: AgreementPage;

  beforeAll(async () => {
    server = await serveGloss({
      coder: 'Lead',
      prepare(library, work) {
        const team = join(work, 'team');
        cpSync(library, team, { recursive: true });
        const data = join(work, 'team-data');
        // Both coders in one copy of the library, so their tags are the same codebook's.
        const code = (coder: string, quote: string, tag: string) =>
          execFileSync(
            process.execPath,
            [GLOSS, 'annotate', team, '--coder', coder, '--article', ARTICLE, '--quote', quote, '--tag', tag],
            { env: { ...process.env, GLOSS_DATA_DIR: data }, encoding: 'utf8' },
          );
        code('Alice', '全省公共充电桩总量达到12万台以上', '目标');
        code('Bob', '公共充电桩总量达到12万台以上', '目标');
        code('Alice', '每千瓦200元的标准给予一次性建设补贴', '补贴');
        code('Bob', '主要集中在老旧小区', '补贴');
        deliverTeam(team, library);
      },
    });
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    gloss = new GlossPage(page);
    agreement = new AgreementPage(page);
    await gloss.open(server.url);
    await gloss.waitForArticles();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a row per code with the figures the host computes, marked against the thresholds', async () => {
    await agreement.open();
    const checked = await agreement.page
      .getByTestId('agreement-coder')
      .evaluateAll((boxes) => (boxes as HTMLInputElement[]).filter((b) => b.checked).map((b) => b.value));
    // Those with highlights are chosen; the lead has none.
    expect(checked.sort()).toEqual(['alice', 'bob']);
    await expect.poll(() => agreement.page.getByTestId('agreement-row').count()).toBe(2);
    await expect
      .poll(() => agreement.page.getByTestId('agreement-summary').innerText())
      .toMatch(/^1 article/);

    const { result } = await server.call<Report>('computeAgreement', { coders: ['alice', 'bob'] });
    const goal = result.codes.find((c) => c.tag === '目标')!;
    const subsidy = result.codes.find((c) => c.tag === '补贴')!;
    const [alphaU, alphaArticle, , kappa] = await agreement.figures('目标');
    expect(alphaU!.text).toBe(goal.alpha_u!.toFixed(3));
    expect(kappa!.text).toBe(goal.kappa!.toFixed(3));
    expect(alphaU!.level).toBe(goal.alpha_u! >= 0.8 ? 'good' : goal.alpha_u! >= 0.667 ? 'tentative' : 'low');
    // One article that both coded: nothing varies between articles, so alpha_article is undefined.
    expect(goal.alpha_article).toBeNull();
    expect(alphaArticle!.text).toBe('–');
    expect(alphaArticle!.title).toMatch(/expected disagreement is 0/);
    // The two coders' subsidy passages do not overlap at all.
    const [subsidyAlpha] = await agreement.figures('补贴');
    expect(subsidy.alpha_u!).toBeLessThan(0.667);
    expect(subsidyAlpha!.level).toBe('low');
    await expect.poll(() => agreement.page.getByTestId('agreement-legend').innerText()).toMatch(/0\.667/);
  });

  it('opens a code article by article, and opens the article from there', async () => {
    await agreement.row('目标').getByRole('button').click();
    const rows = agreement.page.getByTestId('agreement-article-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(ARTICLE);
    // Escape closes the breakdown first, then the view.
    await agreement.page.getByTestId('agreement-breakdown').getByRole('checkbox').focus();
    await agreement.page.keyboard.press('Escape');
    await expect.poll(() => agreement.page.getByTestId('agreement-breakdown').count()).toBe(0);
    expect(await agreement.view().count()).toBe(1);
    // The keyboard is back on the code's name.
    expect(await agreement.page.evaluate(() => document.activeElement?.textContent)).toBe('目标');
    await agreement.row('目标').getByRole('button').click();
    await rows.first().getByRole('button').click();
    await gloss.readerTitle().filter({ hasText: TITLE }).waitFor();
    expect(await agreement.view().count()).toBe(0);
  });

  it('downloads the table as CSV, one row per code with its figures', async () => {
    await agreement.open();
    const [download] = await Promise.all([
      agreement.page.waitForEvent('download'),
      agreement.page.getByTestId('agreement-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-agreement-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.tag).sort()).toEqual(['目标', '补贴'].sort());
    const { result } = await server.call<Report>('computeAgreement', { coders: ['alice', 'bob'] });
    const goal = rows.find((r) => r.tag === '目标')!;
    expect(Number(goal.alpha_u)).toBeCloseTo(result.codes.find((c) => c.tag === '目标')!.alpha_u!, 9);
    expect(goal.alpha_article).toBe('');
  });

  it('needs two coders, reads in Chinese, and Escape goes back to the article', async () => {
    await agreement.page
      .getByTestId('agreement-coder')
      .and(agreement.page.locator('[value="bob"]'))
      .uncheck();
    await agreement.page.getByTestId('agreement-need-coders').waitFor();
    await agreement.page.getByTestId('agreement-coder').and(agreement.page.locator('[value="bob"]')).check();
    await expect.poll(() => agreement.page.getByTestId('agreement-row').count()).toBe(2);

    // Other articles: a folder (its articles, annotated or not), or what the library list shows.
    const summary = () => agreement.page.getByTestId('agreement-summary').innerText();
    await agreement.page.getByTestId('agreement-articles-folder').check();
    await agreement.page.getByTestId('agreement-folder').selectOption('金融');
    await expect.poll(summary).toMatch(/^3 articles/);
    await agreement.page.getByTestId('agreement-articles-listed').check();
    await expect.poll(summary).toMatch(new RegExp(`^${await gloss.articleRows().count()} articles`));
    await agreement.page.getByTestId('agreement-articles-annotated').check();
    await expect.poll(summary).toMatch(/^1 article /);

    await gloss.setLanguage('zh-CN');
    await expect
      .poll(() => agreement.view().getByRole('heading', { level: 2 }).innerText())
      .toBe('编码者间一致性');
    await expect.poll(() => agreement.page.getByTestId('agreement-legend').innerText()).toContain('不可接受');
    await gloss.setLanguage('en');

    await agreement.page.getByTestId('agreement-with-children').focus();
    await agreement.page.keyboard.press('Escape');
    await expect.poll(() => agreement.view().count()).toBe(0);
    await gloss.readerTitle().waitFor();
  });
});
