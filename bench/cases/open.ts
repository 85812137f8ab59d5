// Measures 1 and 4: library cold open (no parse cache) and warm reopen until the full list is ready,
// beside the floor of merely reading every file, plus peak RSS/heap of the opening process.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary } from '../../core/library/library.js';
import { gc, median, MemorySampler, now, runChild } from '../measure.js';

export interface FloorResult {
  ms: number;
  files: number;
  bytes: number;
}

/** Child task: find every article file (sync walk, skipping hidden names) and read its bytes. */
export function floorTask(args: { root: string }): FloorResult {
  const t0 = now();
  let files = 0;
  let bytes = 0;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) {
        bytes += readFileSync(abs).length;
        files++;
      }
    }
  };
  walk(args.root);
  return { ms: now() - t0, files, bytes };
}

export interface OpenResult {
  /** openLibrary() + whenListed(): every article is in the list, with its metadata. */
  listReadyMs: number;
  /** …then whenScanned() and a first search answered (every body read, search string built). */
  searchReadyMs: number;
  /** The first search threw (it should not). */
  searchError: string | null;
  articles: number;
  /** Articles list() held when whenListed() resolved: all of them, or "list ready" is not true. */
  listedAtReady: number;
  errors: number;
  idleRssMB: number;
  idleHeapMB: number;
  memory: ReturnType<MemorySampler['stop']>;
}

/** Child task: open the library with `cacheDir`, wait for the list, then for the search index. */
export async function openTask(args: { root: string; cacheDir: string }): Promise<OpenResult> {
  // The library builds its search string in a setImmediate after the scan; if that throws, the
  // process would die. Record it (as the first search's error) and carry on measuring.
  let asyncError: string | null = null;
  process.on('uncaughtException', (err) => {
    asyncError ??= `uncaught after the scan: ${err.message}`;
  });
  gc();
  const idleRssMB = process.memoryUsage().rss / 1048576;
  const idleHeapMB = process.memoryUsage().heapUsed / 1048576;
  const sampler = new MemorySampler().start(20);
  const t0 = now();
  const library = await openLibrary(args.root, { cacheDir: args.cacheDir, watch: false });
  await library.whenListed();
  const listReadyMs = now() - t0;
  const listed = library.list().articles.length;
  await library.whenScanned();
  const list = library.list();
  let searchError: string | null = null;
  try {
    library.search('中国', 200);
  } catch (err) {
    searchError = (err as Error).message;
  }
  const searchReadyMs = now() - t0;
  await new Promise((resolve) => setImmediate(resolve));
  searchError ??= asyncError;
  const memory = sampler.stop();
  await library.close(); // writes the parse cache the warm reopen uses
  return {
    listReadyMs,
    searchReadyMs,
    searchError,
    articles: list.articles.length,
    listedAtReady: listed,
    errors: list.errors.length,
    idleRssMB,
    idleHeapMB,
    memory,
  };
}

export interface OpenSizeResult {
  count: number;
  reps: number;
  floor: FloorResult[];
  cold: OpenResult[];
  warm: OpenResult[];
  floorMs: number;
  coldMs: number;
  warmMs: number;
  warmSearchReadyMs: number;
  coldSearchReadyMs: number;
  peakRssMB: number;
  peakHeapMB: number;
  idleRssMB: number;
}

/** Floor, cold open and warm reopen, each in a fresh process, alternating, all with a warm page cache. */
export async function benchOpen(
  root: string,
  count: number,
  reps: number,
  workDir: string,
  log: (m: string) => void,
): Promise<OpenSizeResult> {
  // One discarded read so that every measured run starts with the files in the OS page cache.
  await runChild<FloorResult>('floor', { root });
  const floor: FloorResult[] = [];
  const cold: OpenResult[] = [];
  const warm: OpenResult[] = [];
  for (let i = 0; i < reps; i++) {
    const cacheDir = join(workDir, `parse-cache-${count}-${i}`);
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    floor.push(await runChild<FloorResult>('floor', { root }));
    cold.push(await runChild<OpenResult>('open', { root, cacheDir }));
    warm.push(await runChild<OpenResult>('open', { root, cacheDir }));
    for (const run of [cold[i]!, warm[i]!]) {
      if (run.listedAtReady !== run.articles)
        throw new Error(`open ${count}: list "ready" with ${run.listedAtReady} of ${run.articles} articles`);
    }
    log(
      `  open ${count}: floor ${floor[i]!.ms.toFixed(0)} ms, cold ${cold[i]!.listReadyMs.toFixed(0)} ms, warm ${warm[i]!.listReadyMs.toFixed(0)} ms`,
    );
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return {
    count,
    reps,
    floor,
    cold,
    warm,
    floorMs: median(floor.map((f) => f.ms)),
    coldMs: median(cold.map((c) => c.listReadyMs)),
    warmMs: median(warm.map((c) => c.listReadyMs)),
    coldSearchReadyMs: median(cold.map((c) => c.searchReadyMs)),
    warmSearchReadyMs: median(warm.map((c) => c.searchReadyMs)),
    peakRssMB: Math.max(...cold.map((c) => c.memory.maxRssMB)),
    peakHeapMB: Math.max(...cold.map((c) => c.memory.peakHeapMB)),
    idleRssMB: median(cold.map((c) => c.idleRssMB)),
  };
}
