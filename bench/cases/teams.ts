// Teams (issue 17, items 3 and 10): a library coded by 5 coders × 20,000 highlights, each coder's
// work in their own writer folder (`coders/<writerId>/`), opened as one of them as Gloss opens it
// (writerFolders: true). Measured: open until the index is ready, the merged library-wide list as
// the highlights view asks it, coders() (getCoder, on every UI load) and the durable save; each
// beside the same 100,000 highlights kept in a single writer folder (the save beside lowdb).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { annotationHandlers } from '../../core/api/annotation-handlers.js';
import { dispatch } from '../../core/api/dispatch.js';
import type { GlossHandlers } from '../../core/api/contract.js';
import type { ServiceContext } from '../../core/api/service-context.js';
import { jsonText } from '../../core/files/durable-json-adapter.js';
import type { LibraryHandle } from '../../core/library/library-handle.js';
import type { Annotation, Tag } from '../../core/model.js';
import { writerIdentity, type WriterIdentity } from '../../core/settings/coder-identity.js';
import { openAnnotationService, type AnnotationService } from '../../core/store/annotation-service.js';
import { STORE_CACHE_DIR } from '../../core/store/article-file-cache.js';
import { CURRENT_SCHEMA_VERSION, type ArticleFile } from '../../core/store/store-schema.js';
import { writerFolder } from '../../core/store/writer-folders.js';
import { HlcClock } from '../../core/teams/hlc.js';
import {
  emptyWriterCodebook,
  fromLegacyCodebook,
  mergeCodebooks,
  recordChanges,
  type WriterCodebook,
} from '../../core/teams/writer-codebook.js';
import { now, summarize } from '../measure.js';
import { Prng } from '../prng.js';
import { makeHighlight, makeTags, writeArticleFiles, type SeedArticle } from '../seed-store.js';
import { benchListAll, benchLowdb, benchSaves } from './store.js';

export const CODERS = 5;
export const PER_CODER = 20_000;
/** Bump when the generated store changes shape, so the cached one is rebuilt. */
const TEAM_STORE_VERSION = 1;

export interface TeamStore {
  /** Data folder with one writer folder per coder. */
  teamDir: string;
  /** Data folder with the same highlights in one writer folder (the baseline). */
  singleDir: string;
  writers: WriterIdentity[];
  single: WriterIdentity;
  tags: Tag[];
  highlights: number;
  files: number;
}

/** One stamped book per writer: the first made the codebook, each other renamed one tag since. */
function writerBooks(writers: readonly WriterIdentity[], tags: readonly Tag[]): WriterCodebook[] {
  const wall = Date.parse('2024-05-01T09:00:00.000Z');
  const first = fromLegacyCodebook(
    { schemaVersion: CURRENT_SCHEMA_VERSION, tags: [...tags], retired: {} },
    writers[0]!.writerId,
    new HlcClock(writers[0]!.writerId, () => wall),
  );
  const books = [first];
  for (const [i, w] of writers.slice(1).entries()) {
    const merged = mergeCodebooks(books);
    const after = structuredClone(merged.view);
    const tag = after.tags[(i * 7) % after.tags.length]!;
    tag.description = `${w.coder.name}: when the passage names it`;
    books.push(
      recordChanges(
        emptyWriterCodebook(w.writerId),
        merged,
        after,
        new HlcClock(w.writerId, () => wall + 60_000 * (i + 1)),
      ),
    );
  }
  return books;
}

function writeFolder(
  dataDir: string,
  writer: WriterIdentity,
  book: WriterCodebook,
  byArticle: ReadonlyMap<SeedArticle, Annotation[]>,
): number {
  const folder = writerFolder(dataDir, writer.writerId);
  mkdirSync(folder.annotationsDir, { recursive: true });
  writeFileSync(
    folder.writerFile,
    jsonText({
      schemaVersion: 1,
      writerId: writer.writerId,
      coder: writer.coder,
      created: '2024-05-01T09:00:00.000Z',
    }),
  );
  writeFileSync(folder.codebookFile, jsonText({ ...book, writerId: writer.writerId }));
  writeArticleFiles(folder.annotationsDir, byArticle);
  return byArticle.size;
}

/**
 * The team store and its single-folder twin under bench/.cache, written directly as files (as
 * seed-store.ts does: through the API it would take many minutes), reused while the spec holds.
 */
export function ensureTeamStore(
  cacheRoot: string,
  articles: readonly SeedArticle[],
  seed: number,
  log: (m: string) => void,
): TeamStore {
  const name = `teams-c${CODERS}x${PER_CODER}-a${articles.length}-s${seed}-v${TEAM_STORE_VERSION}`;
  const root = join(cacheRoot, name);
  const marker = join(root, '.bench-teams.json');
  // The folders are where the cache is now (a cache copied from another checkout keeps working).
  if (existsSync(marker))
    return {
      ...(JSON.parse(readFileSync(marker, 'utf8')) as TeamStore),
      teamDir: join(root, 'team'),
      singleDir: join(root, 'single'),
    };
  const tmp = `${root}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
  log(`generating ${CODERS} coders × ${PER_CODER.toLocaleString('en')} highlights into ${name} …`);
  const t0 = Date.now();
  const r = new Prng(`teams:${seed}`);
  const tags = makeTags(r);
  const writers = Array.from({ length: CODERS }, (_, i) =>
    writerIdentity(`Coder ${i + 1}`, r.uuid().replace(/-/g, '').slice(0, 8)),
  );
  const books = writerBooks(writers, tags);
  const usable = articles.filter((a) => a.text.length >= 20);
  const everyone = new Map<SeedArticle, Annotation[]>();
  let files = 0;
  for (const [i, writer] of writers.entries()) {
    const mine = new Map<SeedArticle, Annotation[]>();
    const created = new Date(Date.parse('2024-05-01T10:00:00.000Z') + i * 3_600_000).toISOString();
    let n = 0;
    while (n < PER_CODER) {
      // As seed-store.ts: half over every article, half on the first tenth (coded by everyone).
      const a = r.chance(0.5)
        ? r.pick(usable)
        : usable[r.int(0, Math.max(0, Math.floor(usable.length / 10) - 1))]!;
      const h = makeHighlight(r, a, tags, created);
      if (!h) continue;
      const owned = { ...h, creator: writer.coder.name, creatorId: writer.coder.id };
      for (const map of [mine, everyone]) {
        const list = map.get(a);
        if (list) list.push(owned);
        else map.set(a, [owned]);
      }
      n++;
    }
    files += writeFolder(join(tmp, 'team'), writer, books[i]!, mine);
  }
  // The baseline: the first coder's writer folder holding all of it, with the codebook of all five.
  const single = writers[0]!;
  const merged: WriterCodebook = { ...books[0]!, tags: {} };
  for (const b of books) Object.assign(merged.tags, b.tags);
  writeFolder(join(tmp, 'single'), single, merged, everyone);
  renameSync(tmp, root);
  const info: TeamStore = {
    teamDir: join(root, 'team'),
    singleDir: join(root, 'single'),
    writers,
    single,
    tags,
    highlights: CODERS * PER_CODER,
    files,
  };
  writeFileSync(marker, JSON.stringify(info, null, 2));
  log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s (${files.toLocaleString('en')} article files)`);
  return info;
}

/** Every highlight of the single folder (for the lowdb baseline). */
function allHighlights(store: TeamStore): Annotation[] {
  const dir = writerFolder(store.singleDir, store.single.writerId).annotationsDir;
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .flatMap((n) => (JSON.parse(readFileSync(join(dir, n), 'utf8')) as ArticleFile).annotations);
}

const open = (dataDir: string, writer: WriterIdentity): Promise<AnnotationService> =>
  openAnnotationService(dataDir, { writerFolders: true, writer: () => writer });

interface OpenTimes {
  /** open() until counts() answered. */
  countsMs: number;
  /** …and the first page of the highlights view answered. */
  firstPageMs: number;
  /** CPU time of the process meanwhile (all threads): less moved by other work on the machine. */
  cpuMs: number;
}

/** Opens the store as the app does and waits for what the first screen asks of its index. */
async function timeOpen(
  library: LibraryHandle,
  dataDir: string,
  writer: WriterIdentity,
): Promise<{ times: OpenTimes; service: AnnotationService }> {
  const t = now();
  const cpu = process.cpuUsage();
  const service = await open(dataDir, writer);
  await service.counts();
  const countsMs = now() - t;
  const ctx = { session: { library, annotations: service } } as unknown as ServiceContext;
  await dispatch(annotationHandlers(ctx) as unknown as GlossHandlers, 'listAllAnnotations', { limit: 300 });
  const used = process.cpuUsage(cpu);
  return { times: { countsMs, firstPageMs: now() - t, cpuMs: (used.user + used.system) / 1000 }, service };
}

async function timeCoders(service: AnnotationService, reps: number) {
  const times: number[] = [];
  let coders = 0;
  for (let i = 0; i < reps; i++) {
    const t = now();
    coders = (await service.coders()).length;
    times.push(now() - t);
  }
  return { ...summarize(times), coders };
}

export interface TeamsResult {
  highlights: number;
  files: number;
  /** The first open on this machine: no store cache yet (it is written at close). */
  coldOpen: { team: OpenTimes; single: OpenTimes };
  /** Later opens (the store cache of the first one there). */
  open: { team: OpenTimes[]; single: OpenTimes[] };
  listAll: {
    team: Awaited<ReturnType<typeof benchListAll>>;
    single: Awaited<ReturnType<typeof benchListAll>>;
  };
  coders: { team: Awaited<ReturnType<typeof timeCoders>>; single: Awaited<ReturnType<typeof timeCoders>> };
  save: { n: number; p50: number; p95: number; max: number };
  lowdb: { n: number; p50: number; p95: number; fileMB: number };
}

export async function benchTeams(
  library: LibraryHandle,
  store: TeamStore,
  articles: readonly SeedArticle[],
  opts: {
    openReps: number;
    listReps: number;
    coderReps: number;
    saves: number;
    workDir: string;
    seed: number;
    lowdbBudgetMs: number;
  },
): Promise<TeamsResult> {
  const me = store.writers[0]!;
  const sides = { team: [store.teamDir, me], single: [store.singleDir, store.single] } as const;
  const openTimes: TeamsResult['open'] = { team: [], single: [] };
  const kept: Partial<Record<keyof typeof sides, AnnotationService>> = {};
  const coldOpen: Partial<TeamsResult['coldOpen']> = {};
  try {
    // The first open on this machine reads every file and writes the store cache at close; the
    // app's later opens start from it (as the library's parse cache in run.ts's openWarm).
    for (const side of ['team', 'single'] as const) {
      const [dir, writer] = sides[side];
      rmSync(join(dir, STORE_CACHE_DIR), { recursive: true, force: true });
      const { times, service } = await timeOpen(library, dir, writer);
      coldOpen[side] = times;
      await service.close();
    }
    // Alternating, so both sides meet the same machine; the last open of each is kept for the rest.
    for (let i = 0; i < opts.openReps; i++) {
      for (const side of ['team', 'single'] as const) {
        const [dir, writer] = sides[side];
        const { times, service } = await timeOpen(library, dir, writer);
        openTimes[side].push(times);
        if (i === opts.openReps - 1) kept[side] = service;
        else await service.close();
      }
    }
    const team = kept.team!;
    const single = kept.single!;
    // What the store does in the background soon after open (each cached file checked against
    // its file) is over before the steady-state list is measured.
    await sleep(5_000);
    const listAll = {
      team: await benchListAll(library, team, store.tags, opts.listReps),
      single: await benchListAll(library, single, store.tags, opts.listReps),
    };
    const coders = {
      team: await timeCoders(team, opts.coderReps),
      single: await timeCoders(single, opts.coderReps),
    };
    await single.close();
    delete kept.single;
    // Saves go into my writer folder of the cached store: taken out again afterwards.
    const r = new Prng(`teams-bench:${opts.seed}`);
    const saved = await benchSaves(team, store.tags, articles, opts.saves, r);
    for (const { articleId, id } of saved.created) await team.remove(articleId, id);
    const lowdb = await benchLowdb(
      join(opts.workDir, 'lowdb-teams.json'),
      { tags: store.tags, all: allHighlights(store) },
      articles,
      r,
      opts.lowdbBudgetMs,
    );
    return {
      highlights: store.highlights,
      files: store.files,
      coldOpen: coldOpen as TeamsResult['coldOpen'],
      open: openTimes,
      listAll,
      coders,
      save: { n: saved.n, p50: saved.p50, p95: saved.p95, max: saved.max },
      lowdb,
    };
  } finally {
    await Promise.allSettled(Object.values(kept).map((s) => s.close()));
  }
}
