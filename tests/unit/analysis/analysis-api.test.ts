// The analysis API over a real library coded by two coders (autocode for the bulk, a few highlights
// by hand): every report figure recomputed from the CSV export alone; autocode's hits against a
// plain search of the texts, its skips, and its undo; samples and sets, shared between writers.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../core/api/client.js';
import type { GlossApi, OpInput } from '../../../core/api/contract.js';
import type { ReportKind, ReportOf } from '../../../core/analysis/report-types.js';
import { createService, type GlossService } from '../../../core/api/service.js';
import { ApiError } from '../../../core/errors.js';
import { inProcessHost } from '../../support/in-process-client.js';

const work = mkdtempSync(path.join(tmpdir(), 'gloss-analysis-'));
const library = path.join(work, 'library');
const SOURCES = ['新华社', 'Reuters', '财新'];
const PARAGRAPHS = [
  '疫情防控进入新阶段。上海宣布调整措施，市民反应不一。',
  'The outbreak slowed in March. Officials in Shanghai eased rules; markets rose.',
  '专家认为疫情仍有反复的可能。经济恢复需要时间，消费😀回暖较慢。',
];

/** 18 articles in two folders, over three months and sources; one undated. */
function writeLibrary(): void {
  for (let i = 0; i < 18; i++) {
    const folder = i % 2 ? '国内' : 'world';
    mkdirSync(path.join(library, folder), { recursive: true });
    const date = i === 17 ? '' : `date: 2024-0${1 + (i % 3)}-${String(1 + i).padStart(2, '0')}\n`;
    const body = [PARAGRAPHS[i % 3], PARAGRAPHS[(i + 1) % 3]].map((p) => `<p>${p} 第${i}篇。</p>`).join('\n');
    writeFileSync(
      path.join(library, folder, `a${String(i).padStart(2, '0')}.md`),
      `---\ntitle: '文章 ${i}'\n${date}author: ${SOURCES[i % 3]}\ncategories: [${i % 4 ? '时政' : '经济'}]\n---\n\n${body}\n`,
    );
  }
}

let appData: string;
const services: GlossService[] = [];

/** The API as a page sees it, opened on the library as `coder`. */
async function apiAs(coder: string): Promise<GlossApi> {
  const service = await createService({
    host: 'browser',
    version: 'test',
    appDataDir: appData,
    watch: false,
    coder: { name: coder },
  });
  services.push(service);
  await service.open(library);
  await service.ctx.session!.library.whenScanned();
  return createClient(inProcessHost(service).call);
}

let alice: GlossApi;
let bob: GlossApi;
const tags = { epidemic: '', economy: '', place: '' };

beforeAll(async () => {
  writeLibrary();
  appData = path.join(work, 'app-data');
  alice = await apiAs('Alice');
  const theme = await alice.createTag({ name: '主题' });
  tags.epidemic = (await alice.createTag({ name: '疫情', parentId: theme.id })).id;
  tags.economy = (await alice.createTag({ name: '经济', parentId: theme.id })).id;
  tags.place = (await alice.createTag({ name: '地点' })).id;
  await alice.autocodeApply({ query: '疫情', tagId: tags.epidemic, unit: 'sentence' });
  await alice.autocodeApply({ query: 'shanghai', tagId: tags.place, unit: 'match' });
  await alice.autocodeApply({ query: '上海', tagId: tags.place, unit: 'match' });
  bob = await apiAs('Bob');
  await bob.autocodeApply({ query: '经济', tagId: tags.economy, unit: 'paragraph' });
  await bob.autocodeApply({ query: '疫情', tagId: tags.epidemic, unit: 'match', scope: { folder: '国内' } });
  await bob.autocodeApply({ query: '消费', tagId: tags.place, unit: 'sentence' });
}, 120_000);

afterAll(async () => {
  for (const s of services) await s.close();
  rmSync(work, { recursive: true, force: true });
});

type CsvRow = Record<string, string>;

/** The report, typed by its kind. */
async function reportOf<K extends ReportKind>(
  api: GlossApi,
  kind: K,
  rest: Omit<OpInput<'analysisReport'>, 'kind'> = {},
): Promise<ReportOf<K>> {
  return (await api.analysisReport({ kind, ...rest })) as ReportOf<K>;
}

async function tidyCsv(api: GlossApi): Promise<CsvRow[]> {
  const { content } = await api.exportAnnotations({ format: 'csv', layout: 'tidy', bom: false });
  return parse(content, { columns: true }) as CsvRow[];
}

const count = <T>(list: T[], key: (x: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const x of list) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return out;
};

describe('reports, recomputed from the CSV export', () => {
  it('frequencies: highlights, articles and characters per code, for all coders and each', async () => {
    const rows = await tidyCsv(bob);
    const report = await reportOf(bob, 'frequencies');
    expect(report.coders.map((c) => c.name).sort()).toEqual(['Alice', 'Bob']);
    for (const [key, list] of count(rows, (r) => r.tag_paths!)) {
      for (const coder of [null, 'Alice', 'Bob']) {
        const mine = list.filter((r) => !coder || r.creator === coder);
        const row = report.rows.find((r) => r.tagPath === key && r.coderName === coder);
        if (mine.length === 0) continue;
        expect(row, `${key} ${coder}`).toMatchObject({
          highlights: mine.length,
          articles: new Set(mine.map((r) => r.article_id)).size,
          characters: mine.reduce((s, r) => s + Number(r.end) - Number(r.start), 0),
        });
      }
    }
    const total = report.rows.filter((r) => r.coderId === null).reduce((s, r) => s + r.highlights, 0);
    expect(total).toBe(rows.length);
    expect(total).toBeGreaterThan(40);
  });

  it('matrix: every non-zero article × code cell, with the article path', async () => {
    const rows = await tidyCsv(bob);
    const report = await reportOf(bob, 'matrix');
    const cells = count(rows, (r) => `${r.article_path}|${r.tag_paths}`);
    expect(report.rows).toHaveLength(cells.size);
    for (const r of report.rows)
      expect(cells.get(`${r.articlePath}|${r.tagPath}`)?.length).toBe(r.highlights);
  });

  it('co-occurrence: articles with both codes and overlapping segment pairs', async () => {
    const rows = await tidyCsv(bob);
    const report = await reportOf(bob, 'cooccurrence');
    const paths = [...new Set(rows.map((r) => r.tag_paths!))];
    let checked = 0;
    for (const a of paths)
      for (const b of paths) {
        if (a >= b) continue;
        const articlesOf = (t: string) =>
          new Set(rows.filter((r) => r.tag_paths === t).map((r) => r.article_id));
        const both = [...articlesOf(a)].filter((id) => articlesOf(b).has(id)).length;
        let overlaps = 0;
        for (const x of rows.filter((r) => r.tag_paths === a))
          for (const y of rows.filter((r) => r.tag_paths === b))
            if (
              x.article_id === y.article_id &&
              Number(x.start) < Number(y.end) &&
              Number(y.start) < Number(x.end)
            )
              overlaps++;
        const row = report.rows.find((r) => [r.tagAPath, r.tagBPath].sort().join() === [a, b].join());
        if (both === 0) expect(row).toBeUndefined();
        else {
          expect({ articles: row?.articles, overlaps: row?.overlaps }).toEqual({ articles: both, overlaps });
          checked += overlaps;
        }
      }
    expect(checked).toBeGreaterThan(0);
  });

  it('timeline by month and by source, the undated article apart', async () => {
    const rows = await tidyCsv(bob);
    for (const by of ['month', 'source'] as const) {
      const report = await reportOf(bob, 'timeline', { by });
      const periodOf = (r: CsvRow) => (by === 'month' ? r.date!.slice(0, 7) || null : r.author || null);
      const cells = count(rows, (r) => `${periodOf(r)}|${r.tag_paths}`);
      expect(report.rows).toHaveLength(cells.size);
      for (const r of report.rows) {
        const list = cells.get(`${r.period}|${r.tagPath}`)!;
        expect([r.highlights, r.articles]).toEqual([
          list.length,
          new Set(list.map((x) => x.article_id)).size,
        ]);
      }
      if (by === 'month') expect(report.rows.at(-1)?.period).toBeNull();
    }
  });

  it('folds sub-codes into their parent, and counts only the chosen coders and codes', async () => {
    const rows = await tidyCsv(bob);
    const folded = await reportOf(bob, 'frequencies', {
      scope: { foldToParents: true, coders: ['Bob'] },
    });
    expect(folded.tags.map((t) => t.path)).toEqual(['地点', '主题']);
    const bobs = rows.filter((r) => r.creator === 'Bob' && r.tag_paths!.startsWith('主题/'));
    // A highlight with both sub-codes counts once under the parent: ids, not rows.
    const theme = folded.rows.find((r) => r.tagPath === '主题' && r.coderId === null)!;
    expect(theme.highlights).toBe(new Set(bobs.map((r) => r.annotation_id)).size);
    const only = await reportOf(bob, 'frequencies', { scope: { tags: ['主题/经济'] } });
    expect(only.rows.map((r) => r.tagPath)).toEqual(['主题/经济', '主题/经济']);
  });

  it('gives the table as CSV with the snake_case columns of gloss report', async () => {
    const csv = await bob.analysisCsv({ kind: 'cooccurrence', bom: false });
    expect(csv.fileName).toMatch(/-cooccurrence-\d{4}-\d{2}-\d{2}\.csv$/);
    const parsed = parse(csv.content, { columns: true }) as CsvRow[];
    const report = await reportOf(bob, 'cooccurrence');
    expect(parsed.map((r) => [r.tag_a, r.tag_b, Number(r.articles), Number(r.overlaps)])).toEqual(
      report.rows.map((r) => [r.tagAPath, r.tagBPath, r.articles, r.overlaps]),
    );
  });
});

describe('autocode', () => {
  it('finds every occurrence a plain search of the texts finds, in context, with code-point offsets', async () => {
    const preview = await bob.autocodePreview({ query: '疫情', tagId: tags.epidemic, unit: 'sentence' });
    let expected = 0;
    for (const hit of preview.hits) expect(hit.match).toBe('疫情');
    const { articles } = await bob.listArticles({});
    for (const a of articles) {
      const { doc } = await bob.getArticle({ id: a.id });
      expected += doc.text.split('疫情').length - 1;
      for (const hit of preview.hits.filter((h) => h.articleId === a.id))
        expect([...doc.text].slice(hit.start, hit.end).join('')).toBe('疫情');
    }
    expect(preview.total).toBe(expected);
    expect(preview.truncated).toBe(false);
    // Bob coded the 国内 matches; the preview marks those places as his already.
    expect(preview.hits.filter((h) => h.alreadyCoded).every((h) => h.path.startsWith('国内/'))).toBe(true);
    expect(preview.hits.some((h) => h.alreadyCoded)).toBe(true);
  });

  it('codes only in articles the whole query matches, and counts matches in titles apart', async () => {
    const preview = await bob.autocodePreview({
      query: '疫情 -shanghai',
      tagId: tags.epidemic,
      unit: 'match',
    });
    let expected = 0;
    const matching = new Set<string>();
    const { articles } = await bob.listArticles({});
    for (const a of articles) {
      const { doc } = await bob.getArticle({ id: a.id });
      if (doc.text.toLowerCase().includes('shanghai')) continue;
      expected += doc.text.split('疫情').length - 1;
      if (doc.text.includes('疫情')) matching.add(a.id);
    }
    expect(expected).toBeGreaterThan(0);
    expect(preview.total).toBe(expected);
    expect(new Set(preview.hits.map((h) => h.articleId))).toEqual(matching);
    expect(preview.titleOnly).toBe(0);
    // Every title is 文章 N: the search finds every article, but there is nothing in a text to code.
    const titles = await bob.autocodePreview({ query: '文章', tagId: tags.epidemic, unit: 'match' });
    expect(titles.total).toBe(0);
    expect(titles.titleOnly).toBe(articles.length);
  });

  it('skips places already coded with the tag, and is undone in one call', async () => {
    const again = await alice.autocodeApply({ query: '疫情', tagId: tags.epidemic, unit: 'sentence' });
    expect(again.created).toBe(0);
    expect(again.skipped).toBeGreaterThan(0);
    const preview = await alice.autocodePreview({ query: '市场', tagId: tags.economy, unit: 'match' });
    expect(preview.total).toBe(0);
    const markets = await alice.autocodePreview({ query: 'markets', tagId: tags.economy, unit: 'sentence' });
    const kept = markets.hits.slice(0, 2).map((h) => h.id);
    const before = (await reportOf(alice, 'frequencies', { scope: { coders: ['Alice'] } })).rows;
    const done = await alice.autocodeApply({
      query: 'markets',
      tagId: tags.economy,
      unit: 'sentence',
      hitIds: kept,
    });
    expect(done.created).toBe(2);
    const quotes = await alice.listAnnotations({ articleId: done.createdByArticle[0]!.articleId });
    expect(
      quotes.some((a) => a.quote?.exact === 'Officials in Shanghai eased rules; markets rose.' || a.range),
    ).toBe(true);
    const undone = await alice.autocodeUndo({ createdByArticle: done.createdByArticle });
    expect(undone).toEqual({ removed: 2, missing: 0 });
    const after = (await reportOf(alice, 'frequencies', { scope: { coders: ['Alice'] } })).rows;
    expect(after).toEqual(before);
  });
});

describe('samples and sets', () => {
  it('draws the same sample for the same seed, stratified by source in proportion', async () => {
    const first = await alice.drawSample({ size: 9, seed: 42, stratify: 'source' });
    const second = await bob.drawSample({ size: 9, seed: 42, stratify: 'source' });
    expect(second.articleIds).toEqual(first.articleIds);
    expect(first.strata).toEqual([
      { key: 'Reuters', available: 6, chosen: 3 },
      { key: '新华社', available: 6, chosen: 3 },
      { key: '财新', available: 6, chosen: 3 },
    ]);
    const other = await alice.drawSample({ size: 9, seed: 43, stratify: 'source' });
    expect(other.articleIds).not.toEqual(first.articleIds);
    const pct = await alice.drawSample({ percent: 50, scope: { folder: '国内' } });
    expect(pct.available).toBe(9);
    expect(pct.articleIds).toHaveLength(5);
  });

  it('saves a set in the writer folder, which every coder sees and which filters the reports', async () => {
    const drawn = await alice.drawSample({ size: 4, seed: 7, scope: { from: '2024-02-01' } });
    const saved = await alice.saveSet({
      name: '抽样 A',
      articleIds: drawn.articleIds,
      sample: { seed: 7, size: 4, filter: { from: '2024-02-01' } },
    });
    expect(saved).toMatchObject({ name: '抽样 A', creatorName: 'Alice', mine: true });
    const file = path.join(library, '.gloss', 'coders', saved.writerId, 'sets.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).sets[0].articleIds).toEqual(drawn.articleIds);
    const { sets } = await bob.listSets({});
    expect(sets).toEqual([
      expect.objectContaining({ name: '抽样 A', mine: false, sample: expect.objectContaining({ seed: 7 }) }),
    ]);
    const matrix = await reportOf(bob, 'matrix', { scope: { set: '抽样 A' } });
    expect(matrix.articleCount).toBe(4);
    expect(new Set(matrix.rows.map((r) => r.articleId))).toEqual(
      new Set(drawn.articleIds.filter((id) => matrix.rows.some((r) => r.articleId === id))),
    );
    expect(matrix.rows.every((r) => drawn.articleIds.includes(r.articleId))).toBe(true);
  });

  it('a later save by another writer wins, is reported, and a deletion hides the set for all', async () => {
    await bob.saveSet({ name: '抽样 A', articleIds: [] });
    const seen = await alice.listSets({});
    expect(seen.sets[0]).toMatchObject({ creatorName: 'Bob', articleIds: [] });
    expect(seen.problems.join()).toContain('抽样 A');
    expect(await alice.deleteSet({ name: '抽样 A' })).toEqual({ deleted: true });
    expect((await bob.listSets({})).sets).toEqual([]);
    await expect(bob.analysisReport({ kind: 'matrix', scope: { set: '抽样 A' } })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it("reports another writer's unreadable sets file and leaves it as it was", async () => {
    const dir = path.join(library, '.gloss', 'coders', 'mallory.0badc0de');
    mkdirSync(dir, { recursive: true });
    const hostile = '{"schemaVersion":1,"sets":[{"name":"x","articleIds":"__proto__"}]}';
    writeFileSync(path.join(dir, 'sets.json'), hostile);
    const { problems } = await alice.listSets({});
    expect(problems.some((p) => p.includes('mallory.0badc0de/sets.json'))).toBe(true);
    expect(readFileSync(path.join(dir, 'sets.json'), 'utf8')).toBe(hostile);
    await expect(alice.saveSet({ name: 'ok', articleIds: [] })).resolves.toMatchObject({ name: 'ok' });
  });

  it('refuses a sample asked both by size and percentage', async () => {
    await expect(alice.drawSample({ size: 3, percent: 10 })).rejects.toBeInstanceOf(ApiError);
  });
});
