/**
 * The app as a user gets it in browser mode: `gloss serve` on the sample library, driven in a
 * real Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, type LaunchedBrowser } from './support/launch-browser.js';
import { serveGloss, type ServedGloss, SAMPLE_LIBRARY } from './support/serve-gloss.js';
import { GlossPage } from './support/gloss-page.js';

function countArticles(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter(
    (e) => e.isFile() && /\.(md|txt|html?)$/.test(e.name),
  ).length;
}

describe('the Gloss UI in browser mode', () => {
  let server: ServedGloss;
  let browser: LaunchedBrowser;
  let gloss: GlossPage;

  beforeAll(async () => {
    server = await serveGloss();
    browser = await launchBrowser();
    gloss = new GlossPage(await browser.context.newPage());
    await gloss.open(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists every article of the sample library', async () => {
    const expected = countArticles(SAMPLE_LIBRARY);
    expect(expected).toBeGreaterThanOrEqual(8);
    await gloss.waitForArticles(expected);
    await expect.poll(() => gloss.articleRows().count()).toBe(expected);
  });

  it('opens an article cleaned of its boilerplate', async () => {
    await gloss.openArticle('江澜省印发充电基础设施三年行动方案');
    const body = await gloss.articleBody().innerText();
    expect(body).toContain('充电');
    expect(body).not.toContain('新浪财经APP');
    expect(body).not.toContain('appendQr');
    expect(body).not.toContain('责任编辑');
    await gloss.page.screenshot({ path: join(server.dataDir, '..', 'reader.png') });
  });

  it('moves to the next and previous article with j and k', async () => {
    const before = await gloss.readerTitle().innerText();
    await gloss.page.locator('body').press('j');
    await expect.poll(() => gloss.readerTitle().innerText()).not.toBe(before);
    await gloss.page.locator('body').press('k');
    await expect.poll(() => gloss.readerTitle().innerText()).toBe(before);
  });

  it('switches the UI to Simplified Chinese and back', async () => {
    await gloss.setLanguage('zh-CN');
    await expect.poll(() => gloss.page.locator('.library-header h2').innerText()).toBe('文库');
    await gloss.setLanguage('en');
    await expect.poll(() => gloss.page.locator('.library-header h2').innerText()).toBe('LIBRARY');
  });

  it('switches between the light and dark themes', async () => {
    await gloss.setTheme('dark');
    await expect.poll(() => gloss.theme()).toBe('dark');
    const background = await gloss.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(23, 25, 28)');
    await gloss.setTheme('light');
    await expect.poll(() => gloss.theme()).toBe('light');
  });

  it('keeps the preferences after a reload', async () => {
    await gloss.setLanguage('zh-CN');
    await gloss.page.reload();
    await gloss.page.getByTestId('app').waitFor();
    await expect.poll(() => gloss.page.locator('.library-header h2').innerText()).toBe('文库');
    await gloss.setLanguage('en');
  });

  it('refuses API requests without the token', async () => {
    const response = await fetch(`${server.origin}/api/op/listArticles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    const withToken = await fetch(`${server.origin}/api/op/listArticles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': server.token },
      body: '{}',
    });
    expect(withToken.status).toBe(200);
  });

  it('refuses a foreign Host header and a foreign Origin', async () => {
    const { request } = await import('node:http');
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/api/op/listArticles',
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': server.token, ...headers },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
    expect(await status({ Host: 'evil.example:80' })).toBe(421);
    expect(await status({ Host: `attacker.test:${server.port}` })).toBe(421);
    expect(await status({ Origin: 'http://evil.example' })).toBe(403);
    expect(await status({})).toBe(200);
  });
});
