/**
 * The search operation as the UI calls it: a query with the library list's filters, answered with
 * the matching articles and their counts, grouped hits in context, and the totals.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../core/api/client.js';
import type { GlossApi } from '../../../core/api/contract.js';
import { createService, type GlossService } from '../../../core/api/service.js';
import { inProcessHost } from '../../support/in-process-client.js';
import { selectionInput } from '../../support/selection-input.js';

const work = mkdtempSync(path.join(tmpdir(), 'gloss-search-api-'));
const root = path.join(work, 'library');
let service: GlossService;
let api: GlossApi;

function article(rel: string, title: string, date: string, category: string, body: string): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `---\ntitle: '${title}'\ncategories:\n - ${category}\ndate: ${date}\n---\n\n<div>${body}</div>\n`,
  );
}

beforeAll(async () => {
  article(
    'health/sh.html',
    '上海疫情通报',
    '2022-04-01 08:00:00',
    '健康',
    '<p>上海疫情防控进入新阶段。</p><p>疫情期间。</p>',
  );
  article('health/bj.html', '北京通报', '2021-01-05 08:00:00', '健康', '<p>北京疫情平稳。</p>');
  article('finance/market.html', '市场', '2022-05-01 08:00:00', '金融', '<p>疫情影响市场。</p>');
  article(
    'finance/apple.html',
    'Apple earnings',
    '2022-05-02 08:00:00',
    '金融',
    '<p>Apple reported revenue.</p>',
  );
  service = await createService({
    host: 'browser',
    version: 'test',
    appDataDir: path.join(work, 'app'),
    watch: false,
  });
  api = createClient(inProcessHost(service).call);
  await api.openLibrary({ path: root });
  await service.ctx.session!.library.whenScanned();
});
afterAll(async () => {
  await service?.close();
  rmSync(work, { recursive: true, force: true });
});

const idOf = async (rel: string): Promise<string> =>
  (await api.listArticles({})).articles.find((a) => a.path === rel)!.id;

describe('search through the API', () => {
  it('answers "N matches in M articles" with each article and its count', async () => {
    const r = await api.search({ query: '疫情' });
    expect([r.total, r.articleCount, r.totalCapped]).toEqual([5, 3, false]);
    expect(r.articles.ids).toEqual([
      await idOf('finance/market.html'),
      await idOf('health/bj.html'),
      await idOf('health/sh.html'),
    ]);
    expect(r.articles.hits).toEqual([1, 1, 3]);
    expect(r.groups.map((g) => [g.path, g.hits, g.first.length])).toEqual([
      ['finance/market.html', 1, 1],
      ['health/bj.html', 1, 1],
      ['health/sh.html', 3, 3],
    ]);
    expect(r.hits).toHaveLength(5); // the first panel's flat list still works
  });

  it('combines with the folder, category and date filters', async () => {
    expect((await api.search({ query: '疫情', filter: { folder: 'health' } })).articleCount).toBe(2);
    expect((await api.search({ query: '疫情', filter: { category: '金融' } })).articles.ids).toEqual([
      await idOf('finance/market.html'),
    ]);
    const dated = await api.search({ query: '疫情', filter: { from: '2022-01-01', to: '2022-04-30' } });
    expect(dated.articles.ids).toEqual([await idOf('health/sh.html')]);
    expect(dated.total).toBe(3);
    expect((await api.search({ query: '疫情', filter: { folder: 'nowhere' } })).articleCount).toBe(0);
  });

  it('combines with the tag filter and "has highlights"', async () => {
    const bj = await idOf('health/bj.html');
    const tag = await api.createTag({ name: '地方' });
    const shown = await api.getArticle({ id: bj });
    await api.createAnnotation(selectionInput(shown, 0, 2, { tagIds: [tag.id] }) as never);
    expect((await api.search({ query: '疫情', filter: { tagIds: [tag.id] } })).articles.ids).toEqual([bj]);
    expect((await api.search({ query: '疫情', filter: { hasAnnotations: true } })).articles.ids).toEqual([
      bj,
    ]);
    expect((await api.search({ query: '疫情', filter: { hasAnnotations: false } })).articleCount).toBe(2);
  });

  it('reads the query language and sets the context width', async () => {
    expect((await api.search({ query: '疫情 -上海' })).articleCount).toBe(2);
    expect((await api.search({ query: '北京 OR 市场' })).articleCount).toBe(2);
    const narrow = await api.search({ query: 'revenue', context: 10 });
    const wide = await api.search({ query: 'revenue', context: 160 });
    expect(narrow.hits[0]?.before).toBe('');
    expect(wide.hits[0]?.before).toBe('Apple reported ');
  });

  it('says what it could not read in the query', async () => {
    const r = await api.search({ query: '疫情 OR' });
    expect(r.problems.map((p) => p.code)).toEqual(['dangling-or']);
    expect(r.articleCount).toBe(3);
  });
});
