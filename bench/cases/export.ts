// Measure 6: CSV export of every highlight (core/export startExport, as the export handlers call it)
// in a child process per size, with peak memory, beside the time to merely read the store.
//
// The store is seeded directly (bench/seed-store.ts) on articles that were never opened, but in real
// use every highlighted article has been opened: highlights are made in the reader, and `gloss
// annotate` and import open the article to anchor. So a set-up step first opens (`library.get`)
// every annotated article once, in the cache folder the export then uses, and that folder stays in
// bench/.cache so later runs reuse it: the export reads metadata and text from the library's memory,
// as it would in the app. The set-up is timed and reported on its own, never inside the export figure.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { CLEANER_VERSION } from '../../core/clean/clean-article.js';
import { openLibrary } from '../../core/library/library.js';
import type { LibraryHandle } from '../../core/library/library-handle.js';
import type { ArticleSummary } from '../../core/model.js';
import { openAnnotationService } from '../../core/store/annotation-service.js';
import { gc, MemorySampler, now, runChild } from '../measure.js';

const EXPORT_MODULE = fileURLToPath(new URL('../../core/export/run-export.ts', import.meta.url));

export const exportAvailable = (): boolean => existsSync(EXPORT_MODULE);

interface ExportArgs {
  root: string;
  /** The parse and cleaned-document caches, kept between runs (see the header). */
  cacheDir: string;
  dataDir: string;
  /** The format drained (default CSV; bench/cases/xlsx.ts asks for the workbook). */
  format?: 'csv' | 'xlsx';
}

export interface OpenAnnotatedResult {
  /** Articles of the library with highlights in the store. */
  annotated: number;
  /** Of those, how many had to be opened now (0 when an earlier run's cache was still good). */
  opened: number;
  failed: number;
  ms: number;
}

export interface ExportResult {
  done: boolean;
  ms: number;
  rows: number;
  bytes: number;
  articles: number;
  /** Annotated articles the set-up had not opened: each makes the export clean it (should be 0). */
  notOpened: number;
  /** Building the store's index (the first `counts()` of a session), before the export. */
  storeIndexMs: number;
  /** Heap with the library and store open, just before the export starts. */
  heapBeforeMB: number;
  peakHeapMB: number;
  /** Heap after the export and a full GC: what the export kept (the peak also holds garbage). */
  heapAfterGcMB?: number;
  maxRssMB: number;
  timedOut?: boolean;
}

/**
 * Ids of the articles whose metadata and text getText() serves from memory (opened with the current
 * cleaner), read from the library's parse-cache entries as bench/cases/search.ts reads its texts.
 * Empty when those internals are not there: then every article counts as not opened (slower, still right).
 */
function openedIds(library: LibraryHandle): Set<string> {
  type Entry = { summary: ArticleSummary; textCleanerVersion: number | null; cleanMeta: unknown };
  const entries = (library as unknown as { entries?: Map<string, Entry> }).entries;
  if (!(entries instanceof Map)) return new Set();
  const ids = new Set<string>();
  for (const e of entries.values()) {
    if (e.textCleanerVersion === CLEANER_VERSION && e.cleanMeta) ids.add(e.summary.id);
  }
  return ids;
}

async function annotatedIds(library: LibraryHandle, dataDir: string): Promise<string[]> {
  const annotations = await openAnnotationService(dataDir, { watch: false });
  const counts = await annotations.counts();
  await annotations.close();
  const known = new Set(library.list().articles.map((a) => a.id));
  return Object.keys(counts).filter((id) => known.has(id));
}

/** Set-up: opens every annotated article not opened yet in `cacheDir`, as annotating it would have. */
async function openAnnotated(args: ExportArgs): Promise<OpenAnnotatedResult> {
  const t0 = now();
  const library = await openLibrary(args.root, { cacheDir: args.cacheDir, watch: false });
  await library.whenScanned();
  const ids = await annotatedIds(library, args.dataDir);
  const opened = openedIds(library);
  const todo = ids.filter((id) => !opened.has(id));
  let failed = 0;
  for (const id of todo) {
    try {
      await library.get(id);
    } catch {
      failed++;
    }
  }
  await library.close(); // writes the parse cache, with the opened articles' exact texts and metadata
  return { annotated: ids.length, opened: todo.length, failed, ms: now() - t0 };
}

/** Open the library (warm caches) and store, then drain a CSV (or, when asked, Excel) export. */
async function exportCsv(args: ExportArgs): Promise<ExportResult> {
  // Imported here so the bench still runs while core/export is missing or half-written.
  const { startExport } =
    (await import('../../core/export/run-export.js')) as typeof import('../../core/export/run-export.js');
  const library = await openLibrary(args.root, { cacheDir: args.cacheDir, watch: false });
  await library.whenScanned();
  const opened = openedIds(library);
  const notOpened = (await annotatedIds(library, args.dataDir)).filter((id) => !opened.has(id)).length;
  // The store as a session opens it (watching), with the index the article list's counts built:
  // that is the state an export starts from in the app, so its build is timed apart.
  const annotations = await openAnnotationService(args.dataDir);
  const tIndex = now();
  await annotations.counts();
  const storeIndexMs = now() - tIndex;
  await library.whenCleaned(); // the search index complete too, as a few seconds after opening in the app
  library.search('的', 1);
  gc();
  const heapBeforeMB = v8.getHeapStatistics().used_heap_size / 1048576;
  const sampler = new MemorySampler().start(50);
  const t0 = now();
  let bytes = 0;
  let last = t0;
  const run = await startExport({ library, annotations }, { format: args.format ?? 'csv' });
  const progress = (done: boolean): ExportResult => {
    const m = sampler.stop();
    if (!done) sampler.start(50);
    return {
      done,
      ms: now() - t0,
      rows: run.rows,
      bytes,
      articles: library.list().articles.length,
      notOpened,
      storeIndexMs,
      heapBeforeMB,
      peakHeapMB: m.peakHeapMB,
      maxRssMB: m.maxRssMB,
    };
  };
  for await (const chunk of run.chunks) {
    bytes += Buffer.byteLength(chunk);
    if (now() - last > 1000) {
      last = now();
      process.stdout.write(`PROGRESS ${JSON.stringify(progress(false))}\n`);
    }
  }
  const result = progress(true);
  gc();
  result.heapAfterGcMB = v8.getHeapStatistics().used_heap_size / 1048576;
  await annotations.close();
  await library.close();
  return result;
}

/** Child task (bench/child.ts `export`): the set-up step or the measured export. */
export function exportTask(
  args: ExportArgs & { step: 'open-annotated' | 'export' },
): Promise<OpenAnnotatedResult | ExportResult> {
  return args.step === 'open-annotated' ? openAnnotated(args) : exportCsv(args);
}

export function benchOpenAnnotated(args: ExportArgs): Promise<OpenAnnotatedResult> {
  return runChild<OpenAnnotatedResult>('export', { ...args, step: 'open-annotated' });
}

/** With BENCH_CPU_PROF=<dir> set, each export child writes a V8 CPU profile there (for finding where time goes). */
export function benchExport(args: ExportArgs, timeoutMs: number): Promise<ExportResult> {
  const profileDir = process.env.BENCH_CPU_PROF;
  const extraNodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return runChild<ExportResult>('export', { ...args, step: 'export' }, { timeoutMs, extraNodeArgs });
}
