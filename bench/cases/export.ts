// Measure 6: CSV export of every highlight (core/export startExport, as the export handlers call it)
// in a child process per size, with peak memory, beside the time to merely read the store.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openLibrary } from '../../core/library/library.js';
import { openAnnotationService } from '../../core/store/annotation-service.js';
import v8 from 'node:v8';
import { gc, MemorySampler, now, runChild } from '../measure.js';

const EXPORT_MODULE = fileURLToPath(new URL('../../core/export/run-export.ts', import.meta.url));

export const exportAvailable = (): boolean => existsSync(EXPORT_MODULE);

export interface ExportResult {
  done: boolean;
  ms: number;
  rows: number;
  bytes: number;
  articles: number;
  /** Heap with the library and store open, just before the export starts. */
  heapBeforeMB: number;
  peakHeapMB: number;
  maxRssMB: number;
  timedOut?: boolean;
}

/** Child task: open the library (warm parse cache) and store, then drain a CSV export. */
export async function exportTask(args: {
  root: string;
  cacheDir: string;
  dataDir: string;
}): Promise<ExportResult> {
  // Imported here so the bench still runs while core/export is missing or half-written.
  const { startExport } =
    (await import('../../core/export/run-export.js')) as typeof import('../../core/export/run-export.js');
  const library = await openLibrary(args.root, { cacheDir: args.cacheDir, watch: false });
  await library.whenScanned();
  const annotations = await openAnnotationService(args.dataDir, { watch: false });
  gc();
  const heapBeforeMB = v8.getHeapStatistics().used_heap_size / 1048576;
  const sampler = new MemorySampler().start(50);
  const t0 = now();
  let bytes = 0;
  let last = t0;
  const run = await startExport({ library, annotations }, { format: 'csv' });
  const progress = (done: boolean): ExportResult => {
    const m = sampler.stop();
    if (!done) sampler.start(50);
    return {
      done,
      ms: now() - t0,
      rows: run.rows,
      bytes,
      articles: library.list().articles.length,
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
  await annotations.close();
  await library.close();
  return result;
}

export async function benchExport(
  args: { root: string; cacheDir: string; dataDir: string },
  timeoutMs: number,
): Promise<ExportResult> {
  return runChild<ExportResult>('export', args, { timeoutMs });
}
