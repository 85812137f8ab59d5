/**
 * The disagreement review in a real Chromium against `gloss serve`: Alice and Bob code an article
 * with `gloss annotate --coder` on their own machines (one match, three places where they differ);
 * the lead opens Agreement → Review, keeps A on one place, keeps both on another, undoes that,
 * reopens the review and finds the first decided and the others not; the consensus layer on disk
 * holds exactly the kept highlight, and agreement between Alice and the consensus is computed in
 * the view. Also: marking an article coded with `d` and the pane's button, and the review's
 * screenshots in both themes and languages (into /work/wt/shots when that folder exists).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { annotateAs, serveGloss, type ServedGloss } from './support/serve-gloss.js';
import { GlossPage } from './support/gloss-page.js';

const ARTICLE = '金融/新浪财经/江澜省充电基础设施三年行动方案.md';
const TITLE = '江澜省印发充电基础设施三年行动方案';
const A_ALONE = '三年新增公共充电桩近8万台';
const B_ALONE = '主要集中在老旧小区';
const SHOTS = '/work/wt/shots';

interface Report {
  places: { decided: boolean; tagId: string }[];
  matches: { total: number; undecided: number };
}

/** The consensus writer folder's highlights, as stored. */
type StoredHighlight = { quote: { exact: string }; tagIds: string[] };
function consensusHighlights(library: string): StoredHighlight[] {
  const coders = join(library, '.gloss', 'coders');
  const out: StoredHighlight[] = [];
  for (const w of readdirSync(coders).filter((name) => name.startsWith('consensus.'))) {
    const dir = join(coders, w, 'annotations');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((name) => name.endsWith('.json')))
      out.push(
        ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as { annotations: StoredHighlight[] }).annotations,
      );
  }
  return out;
}

class ReviewPage {
  constructor(readonly page: Page) {}
  review() {
    return this.page.getByTestId('review');
  }
  async open(): Promise<void> {
    if ((await this.page.getByTestId('agreement-view').count()) === 0)
      await this.page.getByTestId('open-agreement').click();
    await this.page.getByTestId('agreement-row').first().waitFor();
    await this.page.getByTestId('agreement-review').click();
    await this.page.getByTestId('review-place').waitFor();
  }
  progress() {
    return this.page.getByTestId('review-progress').innerText();
  }
  decided() {
    return this.page
      .getByTestId('review-item')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-decided') === 'true'));
  }
  async shoot(name: string): Promise<void> {
    if (existsSync(SHOTS))
      await this.page.screenshot({ path: join(SHOTS, `review-${name}.png`), fullPage: false });
  }
}

describe('the disagreement review', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;
  let review: ReviewPage;

  beforeAll(async () => {
    server = await serveGloss({
      coder: 'Lead',
      prepare(library, work) {
        const as = (coder: string, quote: string, tag: string) =>
          annotateAs(coder, library, join(work, `${coder}-machine`), { article: ARTICLE, quote, tag: [tag] });
        as('Alice', '全省公共充电桩总量达到12万台以上', '目标');
        as('Bob', '公共充电桩总量达到12万台以上', '目标');
        as('Alice', A_ALONE, '目标');
        as('Alice', '每千瓦200元的标准给予一次性建设补贴', '补贴');
        as('Bob', B_ALONE, '补贴');
      },
    });
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    gloss = new GlossPage(page);
    review = new ReviewPage(page);
    await gloss.open(server.url);
    await gloss.waitForArticles();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps A, keeps both, undoes one, and shows what was decided when reopened', async () => {
    await review.open();
    await expect.poll(() => review.progress()).toMatch(/^0 of 3 disagreements/);
    // The first place: Alice's passage alone, shown in both versions with the difference marked.
    const place = review.page.getByTestId('review-place');
    expect(await review.page.getByTestId('review-a').locator('mark.rv-own').innerText()).toBe(A_ALONE);
    expect(await review.page.getByTestId('review-b').locator('mark.rv-other').innerText()).toBe(A_ALONE);
    await review.shoot('light-en');

    // 1: keep A (the keyboard); the next undecided place comes.
    await review.review().focus();
    await review.page.keyboard.press('1');
    await expect.poll(() => review.progress()).toMatch(/^1 of 3/);
    await expect
      .poll(() => review.page.getByTestId('review-b').locator('mark.rv-own').innerText())
      .toBe(B_ALONE);
    // 3: keep both (the button), then undo it.
    await place.getByTestId('review-keep-both').click();
    await expect.poll(() => review.progress()).toMatch(/^2 of 3/);
    await review.page.getByTestId('review-undo').click();
    await expect.poll(() => review.progress()).toMatch(/^1 of 3/);

    // Reopened: decided is read back from the consensus layer.
    await review.page.getByTestId('review-close').click();
    await review.page.getByTestId('review').waitFor({ state: 'detached' });
    await review.page.getByTestId('agreement-review').click();
    await expect.poll(() => review.decided()).toEqual([true, false, false]);
    const stored = consensusHighlights(server.library);
    expect(stored.map((h) => h.quote.exact)).toEqual([A_ALONE]);
    const report = await server.call<Report>('reviewDisagreements', { coders: ['alice', 'bob'] });
    expect(report.places.map((p) => p.decided)).toEqual([true, false, false]);
    expect(report.matches).toEqual({ total: 1, undecided: 1 });
  });

  it('accepts the matches in bulk and reads in Chinese and in the dark theme', async () => {
    await review.page.getByTestId('review-accept-matches').click();
    await expect
      .poll(() => review.page.getByTestId('review-message').innerText())
      .toMatch(/1 match accepted/);
    expect(
      consensusHighlights(server.library)
        .map((h) => h.quote.exact)
        .sort(),
    ).toEqual([A_ALONE, '全省公共充电桩总量达到12万台以上'].sort());

    // Edit: a passage selected in a version, kept with 5.
    await review.review().getByTestId('review-item').nth(2).click();
    await review.page
      .getByTestId('review-a')
      .locator('mark.rv-own')
      .evaluate((mark) => {
        const text = mark.firstChild!;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, '每千瓦200元'.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      });
    await review.page.keyboard.press('5');
    await expect.poll(() => review.decided()).toEqual([true, false, true]);
    expect(consensusHighlights(server.library).map((h) => h.quote.exact)).toContain('每千瓦200元');

    await gloss.setTheme('dark');
    await review.review().getByTestId('review-item').nth(1).click();
    await review.shoot('dark-en');
    await gloss.setLanguage('zh-CN');
    await expect.poll(() => review.review().locator('h3').innerText()).toBe('分歧审阅');
    await review.shoot('dark-zh');
    await gloss.setTheme('light');
    await review.shoot('light-zh');
    await gloss.setLanguage('en');
  });

  it('computes agreement between Alice and the consensus in the view', async () => {
    await review.review().focus();
    await review.page.keyboard.press('Escape');
    await review.page.getByTestId('review').waitFor({ state: 'detached' });
    const coder = (id: string) =>
      review.page.getByTestId('agreement-coder').and(review.page.locator(`[value="${id}"]`));
    await coder('consensus').check();
    await coder('bob').uncheck();
    const summary = () => review.page.getByTestId('agreement-summary').innerText();
    await expect.poll(summary).toMatch(/^1 article/);
    const { result } = await server.call<{
      result: { coders: string[]; codes: { tag: string; units: Record<string, number> }[] };
    }>('computeAgreement', { coders: ['alice', 'consensus'] });
    expect(result.coders).toEqual(['Alice', 'Consensus']);
    expect(result.codes.find((c) => c.tag === '目标')!.units).toEqual({ Alice: 2, Consensus: 2 });
    expect(result.codes.find((c) => c.tag === '补贴')!.units).toEqual({ Alice: 1, Consensus: 1 });
    await expect.poll(() => review.page.getByTestId('agreement-row').count()).toBe(2);
  });

  it('marks the open article coded with d and the pane’s button, shown in the library list', async () => {
    await review.page.keyboard.press('Escape');
    await gloss.openArticle(TITLE);
    const row = gloss.articleRows().filter({ hasText: TITLE });
    expect(await row.getByTestId('done-mark').count()).toBe(0);
    await gloss.page.getByTestId('reader-title').click();
    await gloss.page.keyboard.press('d');
    await row.getByTestId('done-mark').waitFor();
    const toggle = gloss.page.getByTestId('done-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // Beside the heading and the coders menu, the button still fits inside the pane (not cut off).
    const pane = (await gloss.page.getByTestId('annotations-pane').boundingBox())!;
    const button = (await toggle.boundingBox())!;
    expect(button.x + button.width).toBeLessThanOrEqual(pane.x + pane.width);
    const marks = await server.call<{ mine: string[] }>('getDoneMarks', {});
    expect(marks.mine).toHaveLength(1);
    await toggle.click();
    await row.getByTestId('done-mark').waitFor({ state: 'detached' });
    expect((await server.call<{ mine: string[] }>('getDoneMarks', {})).mine).toEqual([]);
  });

  it('names the consensus coder in the UI language in the Analysis area too', async () => {
    await gloss.setLanguage('zh-CN');
    await gloss.page.getByTestId('open-analysis').click();
    const coders = gloss.page.getByTestId('analysis-view').locator('fieldset').first();
    await expect.poll(() => coders.innerText()).toContain('共识');
    expect(await coders.innerText()).not.toContain('Consensus');
    await gloss.setLanguage('en');
    await gloss.page.getByTestId('open-analysis').click();
  });
});
