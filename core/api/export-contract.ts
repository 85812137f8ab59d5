/** API operations for exporting highlights (CSV, W3C JSON, Markdown) and importing a Gloss JSON export. */
import { z } from 'zod';
import { op } from './define.js';
import { LIMITS } from '../limits.js';
import type { ExportCount } from '../export/export-count.js';
import type { ImportSummary } from '../export/import-annotations.js';

export type { ExportCount, ImportSummary };

export interface ExportContent {
  fileName: string;
  mimeType: string;
  /** The whole file (CSV with its BOM when asked for); the browser UI downloads it. */
  content: string;
  /** Binary formats (`.qdpx`): `content` holds the bytes in base64. Absent: `content` is the text. */
  encoding?: 'base64';
}

export interface ExportFileResult {
  path: string;
  /** CSV rows written (highlights, or highlight × tag in the tidy layout); highlights for JSON and Markdown. */
  rows: number;
}

const id = z.string().min(1).max(LIMITS.id);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2024-03-05');

export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('library') }).strict(),
  z.object({ kind: z.literal('article'), articleId: id }).strict(),
  z
    .object({
      kind: z.literal('filter'),
      /** Highlights with any of these tags or their sub-tags. */
      tagIds: z.array(id).max(1000).optional(),
      folder: z.string().max(LIMITS.path).optional(),
      /** False: the folder's own articles, none of its sub-folders'. */
      subfolders: z.boolean().optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      /** E.g. the articles of a search. */
      articleIds: z.array(id).max(100_000).optional(),
    })
    .strict(),
]);

const exportOptions = {
  format: z.enum(['csv', 'json', 'md', 'xlsx', 'qdpx', 'qdc']),
  scope: exportScopeSchema.default({ kind: 'library' }),
  /** CSV and Excel: one row per highlight ('wide') or per highlight × tag ('tidy'). */
  layout: z.enum(['wide', 'tidy']).default('wide'),
  /** CSV and Excel: characters of context either side, or whole sentences. */
  context: z.union([z.number().int().min(0).max(10_000), z.literal('sentence')]).default(100),
  /** CSV: UTF-8 byte order mark, for Excel. */
  bom: z.boolean().default(true),
  /** Only these coders' highlights (coder ids); absent: every coder's. */
  coders: z.array(id).max(1000).optional(),
};

/** An import file: large enough for 100,000 highlights (the HTTP host caps requests lower). */
export const MAX_IMPORT_CHARS = 500_000_000;

export const exportContract = {
  /** How many highlights (and articles) an export of this scope would hold: the dialog's preview. */
  countExport: op<ExportCount>()(
    z.object({ scope: exportOptions.scope, coders: exportOptions.coders }).strict(),
  ),
  /** The export as text, for the browser mode to download. */
  exportAnnotations: op<ExportContent>()(z.object(exportOptions).strict()),
  /**
   * Desktop: writes the export to a file chosen with the save dialog (null when cancelled). `path`
   * may only name a file chosen with that dialog earlier in this session (export again to it).
   */
  exportAnnotationsToFile: op<ExportFileResult | null>()(
    z.object({ ...exportOptions, path: z.string().min(1).max(LIMITS.path).optional() }).strict(),
  ),
  /** Desktop: reveals a file written by `exportAnnotationsToFile` in the system's file manager. */
  showInFolder: op<{ shown: boolean }>()(z.object({ path: z.string().min(1).max(LIMITS.path) }).strict()),
  importAnnotations: op<ImportSummary>()(
    z.object({ json: z.string().min(1).max(MAX_IMPORT_CHARS) }).strict(),
  ),
};

type ExportContract = typeof exportContract;
export type ExportOpName = keyof ExportContract;
export type ExportOpInput<K extends ExportOpName> = z.output<ExportContract[K]['input']>;
