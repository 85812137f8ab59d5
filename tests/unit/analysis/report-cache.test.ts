// Reports keep what they gathered between views (report-data-cache.ts) and the store keeps its
// highlight facts while unchanged: a view asked again over the same scope reads the same data,
// and any change the report depends on (a new or removed highlight, a set's articles, the coders,
// folding) is counted at once, in an app that watches its library as the desktop and serve do.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportDataCache } from '../../../core/analysis/report-data-cache.js';
import type { ReportHighlight } from '../../../core/analysis/report-data.js';
import type { FrequencyRow, ReportOf } from '../../../core/analysis/report-types.js';
import { createClient } from '../../../core/api/client.js';
import type { GlossApi } from '../../../core/api/contract.js';
import { createService, type GlossService } from '../../../core/api/service.js';
import type { ArticleSummary } from '../../../core/model.js';
import type { HighlightFact } from '../../../core/store/highlight-facts.js';
import { inProcessHost } from '../../support/in-process-client.js';

const article = (id: string) => ({ id }) as ArticleSummary;
const fact = (articleId: string): HighlightFact => ({
  articleId,
  id: `h-${articleId}`,
  coderId: 'alice',
  tagIds: ['t1'],
  start: 0,
  end: 2,
  exact: '疫情',
  characters: 2,
});

describe('the gathered report data kept between views', () => {
  const facts = [fact('a'), fact('b')];
  const coders = new Set(['alice']);
  const of = new Map([['t1', 't1']]);
  const gathered: ReportHighlight[] = [...facts];

  it('is used again only for the same facts, articles (in order), coders and codes', () => {
    const cache = new ReportDataCache();
    cache.set(facts, [article('a'), article('b')], coders, of, gathered);
    expect(cache.get(facts, [article('a'), article('b')], new Set(['alice']), new Map(of))).toBe(gathered);
    expect(cache.get([...facts], [article('a'), article('b')], coders, of)).toBeUndefined();
    expect(cache.get(facts, [article('b'), article('a')], coders, of)).toBeUndefined();
    expect(cache.get(facts, [article('a')], coders, of)).toBeUndefined();
    expect(cache.get(facts, [article('a'), article('b')], new Set(['bob']), of)).toBeUndefined();
    expect(cache.get(facts, [article('a'), article('b')], coders, new Map([['t1', 'p']]))).toBeUndefined();
  });

  it('forgets the data of an older store version once a newer one is kept', () => {
    const cache = new ReportDataCache();
    cache.set(facts, [article('a')], coders, of, gathered);
    const newer = [fact('a')];
    cache.set(newer, [article('a')], coders, of, [newer[0]!]);
    expect(cache.get(facts, [article('a')], coders, of)).toBeUndefined();
    expect(cache.get(newer, [article('a')], coders, of)).toEqual([newer[0]]);
  });
});

describe('reports asked again in a watching app', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'gloss-report-cache-'));
  const library = path.join(work, 'library');
  let service: GlossService;
  let api: GlossApi;
  let tagId = '';
  let ids: string[] = [];

  const total = async (scope: Record<string, unknown> = {}) => {
    const r = (await api.analysisReport({ kind: 'frequencies', scope })) as ReportOf<'frequencies'>;
    return r.rows
      .filter((row: FrequencyRow) => row.coderId === null)
      .reduce((n: number, row: FrequencyRow) => n + row.highlights, 0);
  };

  beforeAll(async () => {
    mkdirSync(library, { recursive: true });
    for (let i = 0; i < 4; i++)
      writeFileSync(
        path.join(library, `a${i}.md`),
        `---\ntitle: '文章 ${i}'\ndate: 2024-01-0${i + 1}\n---\n\n<p>疫情防控。上海第${i}篇。</p>\n`,
      );
    service = await createService({
      host: 'browser',
      version: 'test',
      appDataDir: path.join(work, 'app-data'),
      watch: true,
      coder: { name: 'Alice' },
    });
    await service.open(library);
    await service.ctx.session!.library.whenScanned();
    api = createClient(inProcessHost(service).call);
    tagId = (await api.createTag({ name: '疫情' })).id;
    await api.autocodeApply({ query: '疫情', tagId, unit: 'match' });
    ids = (await api.listArticles({})).articles.map((a) => a.id).sort();
  }, 60_000);

  afterAll(async () => {
    await service.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('keeps the store’s facts while nothing changed, and builds them again after a change', async () => {
    const store = service.ctx.session!.annotations;
    const first = await store.highlightFacts();
    expect(await store.highlightFacts()).toBe(first);
    const done = await api.autocodeApply({ query: '上海', tagId, unit: 'match' });
    const after = await store.highlightFacts();
    expect(after).not.toBe(first);
    expect(after.length).toBe(first.length + done.created);
    await api.autocodeUndo({ createdByArticle: done.createdByArticle });
    expect((await store.highlightFacts()).length).toBe(first.length);
  });

  it('counts a new highlight, and its undo, in the view asked again', async () => {
    expect(await total()).toBe(4);
    expect(await total()).toBe(4);
    const done = await api.autocodeApply({ query: '防控', tagId, unit: 'match' });
    expect(await total()).toBe(8);
    await api.autocodeUndo({ createdByArticle: done.createdByArticle });
    expect(await total()).toBe(4);
  });

  it('follows a set saved again with other articles, and a coder left out', async () => {
    await api.saveSet({ name: '样本', articleIds: ids.slice(0, 1) });
    expect(await total({ set: '样本' })).toBe(1);
    await api.saveSet({ name: '样本', articleIds: ids.slice(0, 3) });
    expect(await total({ set: '样本' })).toBe(3);
    const { coders } = await api.getCoder({});
    expect(await total({ set: '样本', coders: [coders[0]!.id] })).toBe(3);
  });
});
