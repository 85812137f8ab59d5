// The in-memory index behind the library-wide highlight list: it always agrees with a full re-read
// of the files (after this process's writes at once, after other processes' writes once their
// change events arrived), and answers a page of 100,000 highlights quickly.
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { annotationContract } from '../../../core/api/annotation-contract.js';
import { annotationHandlers } from '../../../core/api/annotation-handlers.js';
import type { ServiceContext } from '../../../core/api/service-context.js';
import type { LibraryHandle } from '../../../core/library/library-handle.js';
import type { Annotation, ArticleSummary, Tag } from '../../../core/model.js';
import type { AnnotationQuery } from '../../../core/store/annotation-query.js';
import { openAnnotationService, type AnnotationService } from '../../../core/store/annotation-service.js';
import { writeFileDurable } from '../../../core/files/durable-write.js';
import { articleFileName } from '../../../core/store/store-layout.js';
import { highlightOf, tempDataDir } from './helpers.js';
import { prng, seededAnnotation, seedStore } from './seed-store.js';

/** What the index should answer, worked out from a full re-read of the files. */
async function bruteForce(s: AnnotationService, q: AnnotationQuery) {
  const tags = await s.listTags();
  const wanted = new Set(q.tagIds ?? []);
  const isUnder = (t: Tag): boolean =>
    t.parentId !== null && (wanted.has(t.parentId) || isUnder(tags.find((p) => p.id === t.parentId)!));
  for (const t of tags) if (isUnder(t)) wanted.add(t.id);
  const needle = q.text?.trim().toLowerCase() || null;
  const all: Annotation[] = [];
  for await (const a of s.allAnnotations()) all.push(a);
  const hits = all.filter(
    (a) =>
      (!q.tagIds?.length || a.tagIds.some((id) => wanted.has(id))) &&
      (!q.articleIds || q.articleIds.includes(a.articleId)) &&
      (!needle || a.quote.exact.toLowerCase().includes(needle) || a.note.toLowerCase().includes(needle)),
  );
  // Files are read in name order, each in document order: a stable sort by article id is the answer.
  hits.sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
  const offset = q.offset ?? 0;
  return { items: hits.slice(offset, offset + (q.limit ?? 500)), total: hits.length };
}

function queries(tags: readonly Tag[], articleIds: readonly string[]): AnnotationQuery[] {
  const root = tags.find((t) => t.parentId === null)?.id ?? 'none';
  const sub = tags.find((t) => t.parentId !== null)?.id ?? 'none';
  return [
    { limit: 100_000 },
    { tagIds: [root], limit: 100_000 },
    { tagIds: [sub, 'unknown-tag'], limit: 100_000 },
    { text: ' 经济 ', limit: 100_000 },
    { text: 'NOTE', limit: 100_000 },
    { articleIds: articleIds.slice(0, 5), tagIds: [root], limit: 100_000 },
    { offset: 7, limit: 5 },
    { offset: 100_000, limit: 5 },
  ];
}

/** The query's answer in stored fields only (whose each highlight is, is checked elsewhere). */
async function stored(s: AnnotationService, q: AnnotationQuery) {
  const { items, total } = await s.queryAnnotations(q);
  return { items: items.map(({ coderId: _c, coderName: _n, mine: _m, ...a }) => a), total };
}

async function agrees(s: AnnotationService, qs: readonly AnnotationQuery[]): Promise<boolean> {
  for (const q of qs) {
    if (!isDeepStrictEqual(await stored(s, q), await bruteForce(s, q))) return false;
  }
  return true;
}

async function expectAgreement(s: AnnotationService, qs: readonly AnnotationQuery[], label: string) {
  for (const q of qs)
    expect(await stored(s, q), `${label}: ${JSON.stringify(q)}`).toEqual(await bruteForce(s, q));
}

/** Other processes' writes show once their change events arrived: poll, then compare. */
async function expectEventualAgreement(s: AnnotationService, qs: readonly AnnotationQuery[], label: string) {
  const until = Date.now() + 5000;
  while (Date.now() < until && !(await agrees(s, qs))) await new Promise((r) => setTimeout(r, 50));
  await expectAgreement(s, qs, label);
}

describe('annotation index', () => {
  it('agrees with a full re-read after creates, edits, deletes, restores, merges and other processes’ writes', async () => {
    const dir = await tempDataDir();
    const seeded = await seedStore(dir, { articles: 20, perArticle: 6 });
    const app = await openAnnotationService(dir, {});
    // Another process (a `gloss annotate` script): its writes reach `app` only through change events.
    const other = await openAnnotationService(dir, { watch: false });
    const articles = [...seeded.articleIds, 'new-1', 'https://example.com/新闻?id=2'];
    const r = prng(3);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const quotes = ['新华社', '国务院总理', '国内生产总值', '🚀', '增长5%'];
    let tags = await app.listTags();
    const qs = () => queries(tags, articles);

    await expectAgreement(app, qs(), 'seeded');
    for (let round = 0; round < 4; round++) {
      // This process's own writes: visible at once.
      for (let step = 0; step < 12; step++) {
        const articleId = pick(articles);
        const existing = await app.list(articleId);
        const op = r();
        if (op < 0.4 || existing.length === 0) {
          await app.create(
            highlightOf(articleId, pick(quotes), { tagIds: [pick(tags).id], note: `note ${step}` }),
          );
        } else if (op < 0.7) {
          await app.update(articleId, pick(existing).id, { note: `经济 ${round}`, tagIds: [pick(tags).id] });
        } else if (op < 0.9) {
          const removed = await app.remove(articleId, pick(existing).id);
          if (r() < 0.5) await app.restore(removed);
        } else {
          await app.restoreMany(articleId, [seededAnnotation(articleId, 100 + step, tags, r)]);
        }
      }
      if (round === 1) {
        const top = tags.filter((t) => t.parentId === null);
        await app.mergeTags(top[1]!.id, top[0]!.id);
      }
      if (round === 2) await app.deleteTag(tags.find((t) => t.parentId !== null)!.id);
      tags = await app.listTags();
      await expectAgreement(app, qs(), `round ${round}, own writes`);

      // Another process's writes (including one whole file replaced by hand and one new article).
      for (let step = 0; step < 8; step++) {
        const articleId = pick(articles);
        const existing = await other.list(articleId);
        const op = r();
        if (existing.length === 0 || op < 0.5) {
          await other.create(highlightOf(articleId, pick(quotes), { note: `NOTE from script ${step}` }));
        } else if (op < 0.75) {
          await other.update(articleId, pick(existing).id, { tagIds: [pick(tags).id] });
        } else await other.remove(articleId, pick(existing).id);
      }
      if (round === 3) await other.createTag({ name: '脚本的', parentId: tags[0]!.id });
      const victim = seeded.articleIds[round]!;
      const replaced = [seededAnnotation(victim, 500 + round, tags, r)];
      await writeFileDurable(
        path.join(dir, 'annotations', articleFileName(victim)),
        JSON.stringify({
          schemaVersion: 1,
          articleId: victim,
          path: null,
          fingerprint: null,
          memo: '',
          annotations: replaced,
        }),
      );
      tags = await app.listTags();
      await expectEventualAgreement(app, qs(), `round ${round}, other process`);
    }
    // Counts come from the same index.
    const counts: Record<string, number> = {};
    for await (const a of app.allAnnotations()) counts[a.articleId] = (counts[a.articleId] ?? 0) + 1;
    expect(await app.counts()).toEqual(counts);
    await other.close();
    await app.close();
  }, 60_000);

  it("serves an article's memo from the index: this process's writes at once, another's once seen", async () => {
    const dir = await tempDataDir();
    const seeded = await seedStore(dir, { articles: 3, perArticle: 4 });
    const app = await openAnnotationService(dir, {});
    const other = await openAnnotationService(dir, { watch: false });
    const [a, b] = seeded.articleIds as [string, string];
    await app.counts(); // builds the index, as the library list does
    await app.setMemo(a, '本进程写的备忘');
    expect(await app.getMemo(a)).toBe('本进程写的备忘');
    await other.setMemo(b, '脚本写的备忘\n第二行');
    const until = Date.now() + 5000;
    while (Date.now() < until && (await app.getMemo(b)) !== '脚本写的备忘\n第二行')
      await new Promise((r) => setTimeout(r, 50));
    expect(await app.getMemo(b)).toBe('脚本写的备忘\n第二行');
    // What the index answers is what the file says.
    expect(await app.getMemo(b)).toBe(await other.getMemo(b));
    expect(await app.getMemo('no-such-article')).toBe('');
    await other.close();
    await app.close();
  });

  it('lists the articles carrying a tag or a sub-tag, through merges, without duplicates', async () => {
    const dir = await tempDataDir();
    const app = await openAnnotationService(dir, {});
    const parent = await app.createTag({ name: 'P' });
    const child = await app.createTag({ name: 'C', parentId: parent.id });
    const other = await app.createTag({ name: 'O' });
    const gone = await app.createTag({ name: 'G' });
    await app.create(highlightOf('a1', '新华社', { tagIds: [parent.id] }));
    await app.create(highlightOf('a1', '北京', { tagIds: [child.id] }));
    await app.create(highlightOf('a2', '北京', { tagIds: [child.id] }));
    await app.create(highlightOf('a3', '北京', { tagIds: [other.id] }));
    await app.create(highlightOf('a4', '北京', { tagIds: [gone.id] }));
    await app.mergeTags(gone.id, child.id);
    expect((await app.articleIdsWithTags([parent.id])).sort()).toEqual(['a1', 'a2', 'a4']);
    expect((await app.articleIdsWithTags([child.id])).sort()).toEqual(['a1', 'a2', 'a4']);
    expect(await app.articleIdsWithTags([other.id, 'unknown'])).toEqual(['a3']);
    expect(await app.articleIdsWithTags(['unknown'])).toEqual([]);
    await app.close();
  });

  it('maps tags through merges made by another process without rereading the highlights', async () => {
    const dir = await tempDataDir();
    const app = await openAnnotationService(dir, {});
    const a = await app.createTag({ name: 'A' });
    const b = await app.createTag({ name: 'B' });
    await app.create(highlightOf('x', '新华社', { tagIds: [a.id] }));
    expect((await app.queryAnnotations({ tagIds: [a.id] })).total).toBe(1);
    const other = await openAnnotationService(dir, { watch: false });
    await other.mergeTags(a.id, b.id);
    await expectEventualAgreement(app, [{ tagIds: [b.id] }, { tagIds: [a.id] }], 'after merge');
    const { items } = await app.queryAnnotations({ tagIds: [b.id] });
    expect(items.map((i) => i.tagIds)).toEqual([[b.id]]);
    await other.close();
    await app.close();
  });
});

const ARTICLES = Number(process.env.GLOSS_INDEX_ARTICLES ?? 10_000);
const PER_ARTICLE = Number(process.env.GLOSS_INDEX_PER_ARTICLE ?? 10);

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

/** Just enough of a library for listAllAnnotations: the article list. */
function listOnlyLibrary(articleIds: readonly string[]): LibraryHandle {
  const articles: ArticleSummary[] = articleIds.map((id, i) => ({
    id,
    path: `folder-${i % 50}/${id}.md`,
    folder: `folder-${i % 50}`,
    title: `文章 ${i}`,
    date: null,
    author: null,
    categories: [],
    size: 0,
    mtimeMs: 0,
    format: 'markdown',
    encoding: 'utf-8',
    warnings: [],
    fingerprint: `fp-${id}`,
    annotationCount: 0,
  }));
  return {
    root: '/lib',
    list: () => ({ articles: [...articles], progress: { done: 1, total: 1, scanning: false }, errors: [] }),
    get: () => Promise.reject(new Error('not needed')),
    getText: () => Promise.reject(new Error('not needed')),
    idForPath: (p) => p,
    search: () => ({ hits: [], total: 0, totalCapped: false }),
    find: () => {
      throw new Error('not used');
    },
    whenListed: async () => undefined,
    whenScanned: async () => undefined,
    whenWatching: async () => undefined,
    whenCleaned: async () => undefined,
    close: async () => undefined,
  };
}

describe('library-wide highlight list at scale', () => {
  it(`answers pages of ${(ARTICLES * PER_ARTICLE).toLocaleString('en')} highlights in ${ARTICLES.toLocaleString('en')} articles, and sees another process's change`, async () => {
    const dir = await tempDataDir();
    let t = performance.now();
    const seeded = await seedStore(dir, { articles: ARTICLES, perArticle: PER_ARTICLE });
    const seedMs = performance.now() - t;
    const annotations = await openAnnotationService(dir, {});
    const ctx = {
      session: { library: listOnlyLibrary(seeded.articleIds), annotations },
    } as unknown as ServiceContext;
    const handlers = annotationHandlers(ctx);
    const call = (input: unknown) =>
      handlers.listAllAnnotations(annotationContract.listAllAnnotations.input.parse(input));
    const root = seeded.tags[0]!;

    t = performance.now();
    const first = await call({ limit: 300 });
    const buildMs = performance.now() - t;
    expect(first.total).toBe(ARTICLES * PER_ARTICLE);
    expect(first.items[0]!.articlePath).toBe('folder-0/art-0.md');

    const variants: Record<string, unknown>[] = [
      { limit: 300 },
      { tagIds: [root.id], limit: 300 },
      { text: '经济', limit: 300 },
      { text: '笔记 risk', limit: 300 },
      { tagIds: [root.id], offset: 0, limit: 5000 },
      { tagIds: [root.id], offset: 20_000, limit: 5000 },
      { articleIds: seeded.articleIds.slice(0, 200), limit: 500 },
    ];
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let rep = 0; rep < 10; rep++) {
      for (const v of variants) {
        const cpu = process.cpuUsage();
        const s = performance.now();
        await call(v);
        times.push(performance.now() - s);
        const used = process.cpuUsage(cpu);
        cpuTimes.push((used.user + used.system) / 1000);
      }
    }
    // After another process changed one article: only that file is read again.
    const other = await openAnnotationService(dir, { watch: false });
    await other.create({ ...highlightOf(seeded.articleIds[5]!, '新华社'), note: 'zzz-marker' });
    const until = Date.now() + 5000;
    let afterChange = 0;
    while (Date.now() < until) {
      const s = performance.now();
      const page = await call({ text: 'zzz-marker' });
      afterChange = performance.now() - s;
      if (page.total === 1) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    expect((await call({ text: 'zzz-marker' })).total).toBe(1);
    await other.close();

    const figure = p95(times);
    const load = loadavg()[0]!;
    console.log(
      `listAllAnnotations, ${(ARTICLES * PER_ARTICLE).toLocaleString('en')} highlights / ${ARTICLES.toLocaleString('en')} articles: ` +
        `p95 ${figure.toFixed(1)} ms wall, ${p95(cpuTimes).toFixed(1)} ms CPU over ${times.length} calls ` +
        `(max ${Math.max(...times).toFixed(1)} ms); first call (index build) ${buildMs.toFixed(0)} ms; ` +
        `after an external change ${afterChange.toFixed(1)} ms; seeding ${seedMs.toFixed(0)} ms; ` +
        `heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB; load average ${load.toFixed(1)} on ${cpus().length} cores`,
    );
    // The 100 ms target is checked by the benchmark (bench/cases/store.ts), not here: a timed
    // unit test fails on a busy machine. The figures above are for reading, not asserting.
    await annotations.close();
  }, 180_000);
});
