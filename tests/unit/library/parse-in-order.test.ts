// The scan's parsing schedule: workers and the main thread share the files, results come back in
// file order, and a worker that cannot start, dies or answers wrongly costs speed, never files.
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseInOrder } from '../../../core/library/parse-in-order.js';
import {
  defaultWorkerSpec,
  ParsePool,
  type ParsedFile,
  type WorkerSpec,
} from '../../../core/library/parse-pool.js';
import { parseQuick } from '../../../core/library/index-article.js';
import { scanFolder, type ScannedFile } from '../../../core/library/scan-folder.js';
import { fixturesDir, repoRoot } from './corpus-path.js';
import { tempLibrary, type TempLibrary } from './library-test-helpers.js';

let lib: TempLibrary;
let pool: ParsePool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
  lib?.cleanup();
});

/** The fixture folder ten times over: 80 files, several batches. */
async function manyFiles(): Promise<ScannedFile[]> {
  lib = tempLibrary();
  for (let i = 0; i < 9; i++)
    cpSync(join(fixturesDir, 'folder'), join(lib.root, `copy-${i}`), { recursive: true });
  const { files } = await scanFolder(lib.root);
  expect(files.length).toBeGreaterThan(64);
  return files;
}

/** What the scan's first pass keeps of a file: its summary and quick text (index-article.ts). */
const onMainThread = (file: ScannedFile): ParsedFile => parseQuick(file.absPath, file);

async function run(
  files: ScannedFile[],
  needsParse: (f: ScannedFile) => boolean = () => true,
  stopAfter = Infinity,
): Promise<[string, ParsedFile | null][]> {
  const seen: [string, ParsedFile | null][] = [];
  await parseInOrder(files, needsParse, {
    pool,
    sliceMs: 5,
    stopped: () => seen.length >= stopAfter,
    onFile: (file, parsed) => seen.push([file.relPath, parsed]),
  });
  return seen;
}

/** A worker from a plain script (no TypeScript needed). */
const scriptWorker = (body: string): WorkerSpec => ({
  source: `const { parentPort } = require('node:worker_threads');\n${body}`,
  eval: true,
});

/** Resolves once some worker of the pool is ready (or after `ms`). */
async function settle(ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pool?.hasRoom && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

describe('parseInOrder', () => {
  it('on the main thread alone, hands every file on in order, parsing only those that need it', async () => {
    const files = await manyFiles();
    const needsParse = (f: ScannedFile): boolean => !f.relPath.startsWith('copy-3/');
    const seen = await run(files, needsParse);
    expect(seen.map(([p]) => p)).toEqual(files.map((f) => f.relPath));
    for (const [i, [, parsed]] of seen.entries()) {
      const file = files[i]!;
      expect(parsed).toEqual(needsParse(file) ? onMainThread(file) : null);
    }
  });

  it('with parse workers, gives exactly what the main thread gives, in the same order', async () => {
    const files = await manyFiles();
    const expected = await run(files);
    pool = new ParsePool(2, defaultWorkerSpec()!);
    await settle();
    expect(pool.hasRoom).toBe(true);
    expect(await run(files)).toEqual(expected);
  });

  it('finishes on the main thread when workers cannot start, die mid-scan or lose files', async () => {
    const files = await manyFiles();
    const expected = await run(files);
    const broken: WorkerSpec[] = [
      { source: new URL('file:///nonexistent/parse-worker.js'), eval: false },
      scriptWorker(`throw new Error('cannot load');`),
      // Takes batches, then exits without answering.
      scriptWorker(
        `parentPort.postMessage({ ready: true }); parentPort.on('message', () => setTimeout(() => process.exit(3), 20));`,
      ),
      // Answers every batch with no files, or with nonsense.
      scriptWorker(
        `parentPort.postMessage({ ready: true }); parentPort.on('message', (job) => parentPort.postMessage({ id: job.id, files: { summaries: [], texts: '', lengths: [] } }));`,
      ),
      scriptWorker(
        `parentPort.postMessage({ ready: true }); parentPort.on('message', (job) => parentPort.postMessage({ id: job.id, files: 42 }));`,
      ),
    ];
    for (const spec of broken) {
      pool = new ParsePool(2, spec);
      expect(await run(files)).toEqual(expected);
      await pool.close();
    }
  });

  it('stops when told to', async () => {
    const files = await manyFiles();
    expect((await run(files, () => true, 10)).length).toBe(10);
  });
});

describe('ParsePool', () => {
  it('parses in a worker like the main thread', async () => {
    const files = (await manyFiles()).slice(0, 8);
    pool = new ParsePool(1, defaultWorkerSpec()!);
    await settle();
    expect(await pool.parse(files)).toEqual(files.map(onMainThread));
  });

  it('rejects a batch when no worker is ready, and the batches of a worker that dies', async () => {
    const files = (await manyFiles()).slice(0, 4);
    pool = new ParsePool(
      1,
      scriptWorker(
        `parentPort.postMessage({ ready: true }); parentPort.on('message', () => process.exit(2));`,
      ),
    );
    await expect(pool.parse(files)).rejects.toThrow(/No parse worker/);
    await settle();
    await expect(pool.parse(files)).rejects.toThrow(/exit code 2/);
    expect(pool.hasRoom).toBe(false);
  });

  // The esbuild bundles load the worker from the file next to them (scripts/build.mjs).
  const built = join(repoRoot, 'dist/cli/parse-worker.js');
  it.skipIf(!existsSync(built))('runs the built worker next to the CLI bundle', async () => {
    const files = (await manyFiles()).slice(0, 8);
    pool = new ParsePool(1, { source: new URL(`file://${built}`), eval: false });
    await settle();
    expect(await pool.parse(files)).toEqual(files.map(onMainThread));
  });
});
