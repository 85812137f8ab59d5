// Excel export (issue 20, item 5): the workbook of the 100,000 seeded highlights over 10,000 articles,
// written by core/export/xlsx-export.ts through startExport, beside the CSV export of the same rows in
// the same run. Each export runs in its own child process (bench/cases/export.ts, the same task the
// CSV measure uses, from the same opened-articles cache), drained as fast as it comes, with the
// heap sampled; growth is the peak heap minus the heap with the library and store open.
import { basename, join } from 'node:path';
import type { Row } from '../report.js';
import { benchExport, benchOpenAnnotated, type ExportResult } from './export.js';

export interface XlsxBenchResult {
  csv: ExportResult;
  xlsx: ExportResult;
}

export async function benchXlsx(
  root: string,
  dataDir: string,
  cacheRoot: string,
  timeoutMs: number,
  log: (m: string) => void,
): Promise<XlsxBenchResult> {
  const cacheDir = join(cacheRoot, 'opened', basename(root));
  log(`xlsx set-up: open every annotated article once (cache ${cacheDir})`);
  await benchOpenAnnotated({ root, cacheDir, dataDir });
  log('xlsx: CSV export of the same highlights (baseline, child process)');
  const csv = await benchExport({ root, cacheDir, dataDir, format: 'csv' }, timeoutMs);
  log('xlsx: Excel export (child process)');
  const xlsx = await benchExport({ root, cacheDir, dataDir, format: 'xlsx' }, timeoutMs);
  log(
    `  ${xlsx.done ? 'done' : 'NOT done'}: ${xlsx.rows.toLocaleString('en')} rows in ${(xlsx.ms / 1000).toFixed(1)} s (CSV ${(csv.ms / 1000).toFixed(1)} s), peak heap ${xlsx.peakHeapMB.toFixed(0)} MB`,
  );
  return { csv, xlsx };
}

const growth = (x: ExportResult): number => x.peakHeapMB - x.heapBeforeMB;

export function xlsxRows({ csv, xlsx }: XlsxBenchResult): Row[] {
  return [
    {
      measure: xlsx.done
        ? `Excel export, ${xlsx.rows.toLocaleString('en')} highlights / 10k articles`
        : `Excel export — stopped at cap, ${xlsx.rows.toLocaleString('en')} rows done`,
      value: xlsx.ms / 1000,
      unit: 's',
      baseline: csv.ms / 1000,
      baselineLabel: 'CSV export of the same rows',
      target: '≤ 5 s',
      pass: xlsx.done && xlsx.ms <= 5000,
      note: `${(xlsx.bytes / 1048576).toFixed(1)} MB workbook vs ${(csv.bytes / 1048576).toFixed(1)} MB CSV`,
    },
    {
      measure: 'Excel export heap growth, 100k rows',
      value: growth(xlsx),
      unit: 'MB',
      baseline: growth(csv),
      baselineLabel: 'CSV export (streamed, flat)',
      target: 'not growing with rows (≤ CSV + 40 MB)',
      pass: xlsx.done ? growth(xlsx) <= growth(csv) + 40 : null,
      note: `peak heap ${xlsx.peakHeapMB.toFixed(0)} vs ${csv.peakHeapMB.toFixed(0)} MB, after a full GC ${xlsx.heapAfterGcMB?.toFixed(0) ?? '–'} vs ${csv.heapAfterGcMB?.toFixed(0) ?? '–'} MB, max RSS ${xlsx.maxRssMB.toFixed(0)} vs ${csv.maxRssMB.toFixed(0)} MB`,
    },
  ];
}
