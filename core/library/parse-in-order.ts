/**
 * The scan's parsing schedule. The files it has to read are cut into batches of consecutive files,
 * shared between the parse workers (parse-pool.ts) and the main thread, which parses too, in short
 * slices, whenever it has nothing ready to hand on. Results reach `onFile` in file order, so which
 * file keeps a contested id never depends on timing, and the list fills from the top. A batch whose
 * worker fails is left to the main thread; without workers the main thread parses everything.
 */
import { packFiles, unpackFiles, type ParsedFile } from './pack-texts.js';
import type { ParsePool } from './parse-pool.js';
import { parseForIndex, parseQuick } from './index-article.js';
import { yieldToEventLoop, type ScannedFile } from './scan-folder.js';

const BATCH_FILES = 32;
const BATCH_BYTES = 512 * 1024;

export interface ParseInOrderOptions {
  /** Workers to share the parsing with, or null for the main thread alone. */
  pool: ParsePool | null;
  /** Longest stretch of synchronous work before other work gets a turn. */
  sliceMs: number;
  /** Every file, in order: with what was parsed, or null when it did not need parsing. */
  onFile(file: ScannedFile, parsed: ParsedFile | null): void;
  /** Checked between slices: true stops early. */
  stopped(): boolean;
  /** Clean every file for its canonical text rather than take its quick text (index-article.ts). */
  clean?: boolean;
}

interface Batch {
  index: number;
  from: number;
  to: number;
  misses: ScannedFile[];
  state: 'queued' | 'worker' | 'main' | 'done';
  /** A worker failed on it: only the main thread takes it now. */
  failed: boolean;
  parsed: ParsedFile[];
  /** While a worker has it: settles when it is done or back in the queue. */
  settled: Promise<void> | null;
}

function cutBatches(files: readonly ScannedFile[], isMiss: Uint8Array): Batch[] {
  const batches: Batch[] = [];
  let cur: Batch | null = null;
  let bytes = 0;
  files.forEach((file, i) => {
    cur ??= {
      index: batches.length,
      from: i,
      to: i,
      misses: [],
      state: 'queued',
      failed: false,
      parsed: [],
      settled: null,
    };
    cur.to = i + 1;
    if (isMiss[i]) {
      cur.misses.push(file);
      bytes += file.size;
    }
    if (cur.misses.length >= BATCH_FILES || bytes >= BATCH_BYTES) {
      batches.push(cur);
      cur = null;
      bytes = 0;
    }
  });
  if (cur) batches.push(cur);
  for (const b of batches) if (b.misses.length === 0) b.state = 'done';
  return batches;
}

export async function parseInOrder(
  files: readonly ScannedFile[],
  needsParse: (file: ScannedFile) => boolean,
  opts: ParseInOrderOptions,
): Promise<void> {
  const isMiss = Uint8Array.from(files, (f) => (needsParse(f) ? 1 : 0));
  const batches = cutBatches(files, isMiss);
  const { pool } = opts;

  let sliceStart = Date.now();
  const breathe = async (): Promise<void> => {
    if (Date.now() - sliceStart < opts.sliceMs) return;
    await yieldToEventLoop();
    sliceStart = Date.now();
  };

  /** Lowest index that may still be queued. */
  let cursor = 0;
  /** The first queued batch; for a worker, the first that no worker has failed on. */
  const nextQueued = (forWorker: boolean): Batch | undefined => {
    while (cursor < batches.length && batches[cursor]?.state !== 'queued') cursor++;
    for (let i = cursor; i < batches.length; i++) {
      const b = batches[i] as Batch;
      if (b.state === 'queued' && !(forWorker && b.failed)) return b;
    }
    return undefined;
  };

  // A batch a worker failed on is left to the main thread (a second worker might fail the same way).
  const fail = (b: Batch): void => {
    b.state = 'queued';
    b.failed = true;
    cursor = Math.min(cursor, b.index);
  };
  const feed = (): void => {
    while (pool?.hasRoom && !opts.stopped()) {
      const b = nextQueued(true);
      if (!b) return;
      b.state = 'worker';
      b.settled = pool
        .parse(b.misses, opts.clean === true)
        .then(
          (parsed) => {
            if (parsed.length !== b.misses.length) return fail(b);
            b.parsed = parsed;
            b.state = 'done';
          },
          () => fail(b),
        )
        .then(feed);
    }
  };

  const parseOnMain = async (b: Batch): Promise<void> => {
    b.state = 'main';
    const parsed: ParsedFile[] = [];
    for (const file of b.misses) {
      parsed.push(opts.clean ? parseForIndex(file.absPath, file) : parseQuick(file.absPath, file));
      await breathe();
      if (opts.stopped()) return;
    }
    b.parsed = unpackFiles(packFiles(parsed));
    b.state = 'done';
  };

  for (let next = 0; next < batches.length;) {
    if (opts.stopped()) return;
    feed();
    const b = batches[next] as Batch;
    if (b.state === 'done') {
      let k = 0;
      for (let i = b.from; i < b.to; i++) {
        opts.onFile(files[i] as ScannedFile, isMiss[i] ? (b.parsed[k++] as ParsedFile) : null);
        await breathe();
        if (opts.stopped()) return;
      }
      b.parsed = [];
      next++;
      continue;
    }
    // Help: parse the batch needed next if nobody has it, else the first one nobody has taken.
    const own = b.state === 'queued' ? b : nextQueued(false);
    if (own) await parseOnMain(own);
    else await b.settled;
  }
}
