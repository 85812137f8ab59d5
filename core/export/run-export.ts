/**
 * One entry for every export format: plans the scope, starts the right exporter, and names the file
 * (default file name, extension, MIME type). The API handlers and the CLI both go through here.
 */
import { csvExport, type CsvLayout } from './csv-export.js';
import { requireSomethingToExport } from './export-count.js';
import type { ExportRun } from './export-run.js';
import { planExport, type ExportScope, type ExportSession } from './export-scope.js';
import { jsonExport } from './json-export.js';
import { markdownExport } from './markdown-export.js';
import type { ContextSpec } from './quote-context.js';
import type { ExportSet } from '../interop/collect-project.js';
import { qdcExport, qdpxExport, type RefiExportOptions } from '../interop/refi-export.js';
import { xlsxExport } from './xlsx-export.js';
import { datedFileName } from './dated-file-name.js';

/** `xlsx`: an Excel workbook; `qdpx`: a REFI-QDA project (ZIP, binary); `qdc`: a REFI-QDA codebook (XML). */
export type ExportFormat = 'csv' | 'json' | 'md' | 'xlsx' | 'qdpx' | 'qdc';

export interface ExportRequest {
  format: ExportFormat;
  scope?: ExportScope;
  /** CSV and Excel. */
  layout?: CsvLayout;
  /** CSV and Excel: characters either side, or 'sentence'. */
  context?: ContextSpec;
  /** CSV only: UTF-8 byte order mark (default true). */
  bom?: boolean;
  /** Only these coders' highlights (coder ids); absent: every coder's. */
  coders?: readonly string[];
}

export interface ExportAbout {
  /** The library's name, for titles and file names. */
  libraryName?: string;
  /** Gloss's version, recorded in JSON exports. */
  version?: string;
  now?: Date;
  /** Saved sets, for the REFI-QDA project (`qdpx`). */
  sets?: readonly ExportSet[];
}

function refiOptions(about: ExportAbout): RefiExportOptions {
  return {
    ...(about.libraryName ? { name: about.libraryName } : {}),
    ...(about.version ? { version: about.version } : {}),
    ...(about.now ? { now: about.now } : {}),
    ...(about.sets ? { sets: about.sets } : {}),
  };
}

export interface ExportFileType {
  extension: string;
  mimeType: string;
  /** Bytes, not text: never printed to a terminal (the browser's copy comes as base64 either way). */
  binary?: true;
}

export const EXPORT_FILE_TYPES: Record<ExportFormat, ExportFileType> = {
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  json: { extension: 'json', mimeType: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"' },
  md: { extension: 'md', mimeType: 'text/markdown;charset=utf-8' },
  xlsx: {
    extension: 'xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    binary: true,
  },
  qdpx: { extension: 'qdpx', mimeType: 'application/zip', binary: true },
  qdc: { extension: 'qdc', mimeType: 'application/xml;charset=utf-8' },
};

export async function startExport(
  session: ExportSession,
  request: ExportRequest,
  about: ExportAbout = {},
): Promise<ExportRun> {
  const scope = request.scope ?? { kind: 'library' };
  const plan = await planExport(session, scope, request.coders);
  // A filter that matches nothing is a mistake worth saying, not a file with a header and no rows
  // (the codebook alone does not depend on the scope).
  if (scope.kind === 'filter' && request.format !== 'qdc') await requireSomethingToExport(session, plan);
  switch (request.format) {
    case 'csv':
      return csvExport(session, plan, {
        ...(request.layout ? { layout: request.layout } : {}),
        ...(request.context !== undefined ? { context: request.context } : {}),
        ...(request.bom !== undefined ? { bom: request.bom } : {}),
      });
    case 'json':
      return jsonExport(session, plan, {
        scope,
        ...(about.libraryName ? { label: about.libraryName } : {}),
        ...(about.version ? { version: about.version } : {}),
        ...(about.now ? { now: about.now } : {}),
      });
    case 'md':
      return markdownExport(session, plan, {
        ...(about.libraryName ? { title: about.libraryName } : {}),
        ...(about.now ? { now: about.now } : {}),
      });
    case 'xlsx':
      return xlsxExport(session, plan, {
        ...(request.layout ? { layout: request.layout } : {}),
        ...(request.context !== undefined ? { context: request.context } : {}),
        ...(about.libraryName ? { title: about.libraryName } : {}),
        ...(about.now ? { now: about.now } : {}),
      });
    case 'qdpx':
      return qdpxExport(session, plan, refiOptions(about));
    case 'qdc':
      return qdcExport(plan, refiOptions(about));
  }
}

/** What an export file holds, in its name: the REFI-QDA files hold more, or less, than highlights. */
const FILE_STEMS: Partial<Record<ExportFormat, string>> = { qdpx: 'project', qdc: 'codebook' };

/**
 * `<library>-annotations-<date>.<ext>`; a table (CSV, Excel) says its layout too (`…-wide.csv`,
 * `…-tidy.csv`), as two exports of one day differ by it.
 */
export function exportFileName(
  format: ExportFormat,
  libraryName = 'gloss',
  now = new Date(),
  layout: CsvLayout = 'wide',
): string {
  const name = datedFileName(
    libraryName,
    FILE_STEMS[format] ?? 'annotations',
    EXPORT_FILE_TYPES[format].extension,
    now,
  );
  if (format !== 'csv' && format !== 'xlsx') return name;
  return name.replace(/(\.[a-z]+)$/, `-${layout}$1`);
}
