// Measure 5: the annotation store with 100,000 highlights over 10,000 articles: durable save p95
// (beside a single-file lowdb 7 store with the same data), the library-wide highlight list as the UI
// calls it (beside merely reading the store's files), and re-anchoring 1,000 highlights after an edit.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { anchorAll } from '../../core/anchor/anchor.js';
import { describeRange } from '../../core/anchor/describe-range.js';
import { annotationHandlers } from '../../core/api/annotation-handlers.js';
import { dispatch } from '../../core/api/dispatch.js';
import type { GlossHandlers } from '../../core/api/contract.js';
import type { ServiceContext } from '../../core/api/service-context.js';
import type { LibraryHandle } from '../../core/library/library-handle.js';
import type { Annotation, Tag } from '../../core/model.js';
import { openAnnotationService, type AnnotationService } from '../../core/store/annotation-service.js';
import { storeLayout } from '../../core/store/store-layout.js';
import { now, summarize } from '../measure.js';
import { Prng } from '../prng.js';
import { makeHighlight, type SeedArticle, type SeededStore } from '../seed-store.js';

/** What the library-wide view's baseline does: read every store file and JSON.parse it. */
export async function readWholeStore(dataDir: string): Promise<{ ms: number; highlights: number }> {
  const t = now();
  const dir = storeLayout(dataDir).annotationsDir;
  let highlights = 0;
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  for (let i = 0; i < names.length; i += 16) {
    const docs = await Promise.all(names.slice(i, i + 16).map((n) => readFile(join(dir, n), 'utf8')));
    for (const d of docs) highlights += (JSON.parse(d) as { annotations: unknown[] }).annotations.length;
  }
  return { ms: now() - t, highlights };
}

export interface StoreResult {
  highlights: number;
  articlesWithHighlights: number;
  save: { n: number; p50: number; p95: number; max: number };
  lowdb: { n: number; p50: number; p95: number; fileMB: number };
  listAll: { variant: string; p50: number; max: number; total: number }[];
  listAllP95: number;
  readStoreMs: number;
  anchor: {
    ms: number;
    naiveMs: number;
    unchangedMs: number;
    textChars: number;
    status: Record<string, number>;
  };
}

/**
 * `saves` durable creates through the service (after 10 warm-ups), on articles picked as the seeding
 * does; the created highlights are returned so a caller may take them out again.
 */
export async function benchSaves(
  service: AnnotationService,
  tags: readonly Tag[],
  articles: readonly SeedArticle[],
  saves: number,
  r: Prng,
) {
  const times: number[] = [];
  const created: { articleId: string; id: string }[] = [];
  const withText = articles.filter((a) => a.text.length >= 20);
  for (let i = 0; i < saves + 10; i++) {
    const a = r.chance(0.5) ? r.pick(withText) : withText[r.int(0, Math.floor(withText.length / 10) - 1)]!;
    const h = makeHighlight(r, a, tags, new Date().toISOString())!;
    const t = now();
    const saved = await service.create({
      articleId: a.id,
      quote: h.quote,
      position: h.position,
      tagIds: h.tagIds,
      note: h.note,
      article: { path: a.path, fingerprint: a.fingerprint },
    });
    if (i >= 10) times.push(now() - t); // the first few warm up the codebook read and JIT
    created.push({ articleId: a.id, id: saved.id });
  }
  return { ...summarize(times), created };
}

export async function benchLowdb(
  file: string,
  store: Pick<SeededStore, 'tags' | 'all'>,
  articles: readonly SeedArticle[],
  r: Prng,
  budgetMs: number,
) {
  rmSync(file, { force: true });
  const db = new Low<{ tags: Tag[]; annotations: Annotation[] }>(new JSONFile(file), {
    tags: [],
    annotations: [],
  });
  await db.read();
  db.data = { tags: store.tags, annotations: [...store.all] };
  await db.write();
  const times: number[] = [];
  const start = now();
  while (times.length < 40 && (times.length < 3 || now() - start < budgetMs)) {
    const h = makeHighlight(
      r,
      r.pick(articles.filter((a) => a.text.length >= 20)),
      store.tags,
      new Date().toISOString(),
    )!;
    const t = now();
    await db.update((data) => {
      data.annotations.push(h);
    });
    times.push(now() - t);
  }
  const fileMB = readFileSync(file).length / 1048576;
  rmSync(file, { force: true });
  return { ...summarize(times), fileMB };
}

/** The library-wide list as the UI asks it, through dispatch(), on an open store. */
export async function benchListAll(
  library: LibraryHandle,
  annotations: AnnotationService,
  tags: readonly Tag[],
  reps: number,
) {
  const ctx = { session: { library, annotations } } as unknown as ServiceContext;
  const handlers = annotationHandlers(ctx) as unknown as GlossHandlers;
  const root = tags.find((t) => t.parentId === null)!;
  // The calls HighlightsView makes (page of 300) and the tag drill-down (LibraryPane, 5000).
  const variants: [string, Record<string, unknown>][] = [
    ['all, first page (300)', { limit: 300 }],
    [`tag "${root.name}" + sub-tags (300)`, { tagIds: [root.id], limit: 300 }],
    ['text "的" (300)', { text: '的', limit: 300 }],
    [`tag "${root.name}", LibraryPane page (5000)`, { tagIds: [root.id], offset: 0, limit: 5000 }],
  ];
  const out: StoreResult['listAll'] = [];
  const all: number[] = [];
  // The first call of a session builds the in-memory index; reported on its own, not in p95.
  const warm = now();
  await dispatch(handlers, 'listAllAnnotations', { limit: 1 });
  out.push({
    variant: 'first call of the session (builds the index)',
    p50: now() - warm,
    max: now() - warm,
    total: 0,
  });
  for (const [variant, input] of variants) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < reps; i++) {
      const t = now();
      const page = (await dispatch(handlers, 'listAllAnnotations', input)) as { total: number };
      times.push(now() - t);
      total = page.total;
      if (times[0]! > 1000) break; // seconds per call: one is enough to know it misses
    }
    all.push(...times);
    const s = summarize(times);
    out.push({ variant, p50: s.p50, max: s.max, total });
  }
  return { listAll: out, p95: summarize(all).p95 };
}

/** A long article (~100k characters), 1,000 highlights on it, then edits before, inside and between them. */
function benchAnchor(articles: readonly SeedArticle[], r: Prng, reps: number) {
  const parts: string[] = [];
  let len = 0;
  for (const a of articles) {
    if (len > 100_000) break;
    if (a.text.length < 200) continue;
    parts.push(a.text);
    len += a.text.length + 2;
  }
  const text = parts.join('\n\n');
  const highlights: Annotation[] = [];
  const step = Math.floor(text.length / 1000);
  for (let i = 0; i < 1000; i++) {
    const start = i * step + r.int(0, Math.max(0, step - 45));
    const sel = describeRange(text, { start, end: start + r.int(6, 40) });
    highlights.push({
      id: String(i),
      articleId: 'a',
      ...sel,
      tagIds: [],
      note: '',
      color: null,
      creator: '',
      created: '',
      modified: '',
    });
  }
  // Edits: a paragraph inserted near the top, a passage deleted in the middle, a few characters
  // changed inside 3% of the quotes (fuzzy), 1% of the quoted passages deleted (orphans).
  let edited = text;
  const bySpot = [...highlights].sort((a, b) => b.position.start - a.position.start); // edit from the end
  for (const h of bySpot) {
    const { start, end } = h.position;
    const roll = r.float();
    if (roll < 0.01) edited = edited.slice(0, start) + edited.slice(end);
    else if (roll < 0.04) {
      const at = start + Math.floor((end - start) / 2);
      edited = `${edited.slice(0, at)}改${edited.slice(at + 1)}`;
    }
  }
  const mid = Math.floor(edited.length / 2);
  edited = edited.slice(0, mid) + edited.slice(mid + 500);
  const top = Math.floor(edited.length / 20);
  edited = `${edited.slice(0, top)}\n\n编者按：本文已于发布后更新，补充了有关部门的回应和最新数据。\n\n${edited.slice(top)}`;

  const times: number[] = [];
  let status: Record<string, number> = {};
  for (let i = 0; i < reps; i++) {
    const t = now();
    const res = anchorAll(edited, highlights);
    times.push(now() - t);
    status = {};
    for (const x of res) status[x.status] = (status[x.status] ?? 0) + 1;
  }
  const unchanged: number[] = [];
  const naive: number[] = [];
  for (let i = 0; i < reps; i++) {
    let t = now();
    anchorAll(text, highlights);
    unchanged.push(now() - t);
    t = now();
    let found = 0;
    for (const h of highlights) if (edited.indexOf(h.quote.exact) >= 0) found++;
    naive.push(now() - t);
    if (found < 0) throw new Error('unreachable');
  }
  return {
    ms: summarize(times).p50,
    naiveMs: summarize(naive).p50,
    unchangedMs: summarize(unchanged).p50,
    textChars: text.length,
    status,
  };
}

export async function benchStore(
  library: LibraryHandle,
  store: SeededStore,
  articles: readonly SeedArticle[],
  opts: { saves: number; listReps: number; workDir: string; seed: number; lowdbBudgetMs: number },
): Promise<StoreResult> {
  const r = new Prng(`store-bench:${opts.seed}`);
  // The list first: the saves below add highlights to the seeded store.
  const readStore = await readWholeStore(store.dataDir);
  const listed = await openAnnotationService(store.dataDir, { creator: () => 'bench' });
  const { listAll, p95 } = await benchListAll(library, listed, store.tags, opts.listReps).finally(() =>
    listed.close(),
  );
  const service = await openAnnotationService(store.dataDir, { creator: () => 'bench' });
  const save = await benchSaves(service, store.tags, articles, opts.saves, r).finally(() => service.close());
  const lowdb = await benchLowdb(join(opts.workDir, 'lowdb.json'), store, articles, r, opts.lowdbBudgetMs);
  const anchor = benchAnchor(articles, r, 5);
  return {
    highlights: store.highlights,
    articlesWithHighlights: store.articlesWithHighlights,
    save: { n: save.n, p50: save.p50, p95: save.p95, max: save.max },
    lowdb: { n: lowdb.n, p50: lowdb.p50, p95: lowdb.p95, fileMB: lowdb.fileMB },
    listAll,
    listAllP95: p95,
    readStoreMs: readStore.ms,
    anchor,
  };
}

/** Number of files in the store (for the report). */
export const storeFileCount = (dataDir: string): number =>
  readdirSync(storeLayout(dataDir).annotationsDir).length;
