/**
 * One entry for every export format: plans the scope, starts the right exporter, and names the file
 * (default file name, extension, MIME type). The API handlers and the CLI both go through here.
 */
import { csvExport, type CsvLayout } from './csv-export.js';
import type { ExportRun } from './export-run.js';
import { planExport, type ExportScope, type ExportSession } from './export-scope.js';
import { jsonExport } from './json-export.js';
import { markdownExport } from './markdown-export.js';
import type { ContextSpec } from './quote-context.js';

export type ExportFormat = 'csv' | 'json' | 'md';

export interface ExportRequest {
  format: ExportFormat;
  scope?: ExportScope;
  /** CSV only. */
  layout?: CsvLayout;
  /** CSV only: characters either side, or 'sentence'. */
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
}

export const EXPORT_FILE_TYPES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  json: { extension: 'json', mimeType: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"' },
  md: { extension: 'md', mimeType: 'text/markdown;charset=utf-8' },
};

export async function startExport(
  session: ExportSession,
  request: ExportRequest,
  about: ExportAbout = {},
): Promise<ExportRun> {
  const scope = request.scope ?? { kind: 'library' };
  const plan = await planExport(session, scope, request.coders);
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
  }
}

/** `<library>-annotations-<date>.<ext>`, with characters file systems refuse replaced. */
export function exportFileName(format: ExportFormat, libraryName = 'gloss', now = new Date()): string {
  const base = [...libraryName.normalize('NFC')]
    .slice(0, 80)
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/_+/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return `${base || 'gloss'}-annotations-${now.toISOString().slice(0, 10)}.${EXPORT_FILE_TYPES[format].extension}`;
}
