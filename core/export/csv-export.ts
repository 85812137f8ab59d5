/**
 * Highlights as CSV for spreadsheets and R/pandas, streamed: rows are produced one article at a
 * time, as the consumer pulls, so memory stays flat however many highlights the library holds.
 *
 * Layouts: 'wide' is one row per highlight (tags joined with "; "); 'tidy' is one row per
 * highlight × tag (an untagged highlight still gets one row, with empty tag cells).
 *
 * The file is written for Excel as much as for code (see `csv-text.ts`): UTF-8 with a BOM unless
 * switched off, RFC 4180 quoting, CRLF row ends, and cells that begin like a formula neutralised with
 * a leading `'`: article text and notes are untrusted, and a spreadsheet must never run them. Readers
 * that want the exact text back strip that one leading `'` from such cells.
 *
 * Offsets (`start`, `end`) count Unicode code points in the canonical cleaned text, as the W3C
 * TextPositionSelector does; `quote` is the text found there now. Highlights that can no longer be
 * placed (orphans, articles gone from the library) keep their stored quote and have empty offsets
 * and context. `color` is the highlight's own colour (empty when it follows its tag's).
 */
import type { ArticleExport } from './export-articles.js';
import { exportArticles } from './export-articles.js';
import type { ExportRun } from './export-run.js';
import type { ExportPlan, ExportSession } from './export-scope.js';
import { BOM, csvCells, ROW_END, type Cell } from './csv-text.js';
import { collectMetaKeys, META_PREFIX, metaCell } from './meta-columns.js';
import type { PlacedAnnotation } from './place-annotations.js';
import { contextAround, DEFAULT_CONTEXT, type ContextSpec } from './quote-context.js';

export const CSV_COLUMNS = [
  'annotation_id',
  'article_id',
  'article_path',
  'title',
  'date',
  'author',
  'source_url',
  'categories',
  'quote',
  'context_before',
  'context_after',
  'start',
  'end',
  'tags',
  'tag_paths',
  'note',
  'color',
  'creator',
  'created',
  'modified',
] as const;

export type CsvLayout = 'wide' | 'tidy';

export interface CsvExportOptions {
  layout?: CsvLayout;
  context?: ContextSpec;
  /** UTF-8 byte order mark, so Excel reads the file as UTF-8 (default true). */
  bom?: boolean;
}

/** Joins several values in one cell (tags, categories, list-valued metadata). */
export const LIST_SEPARATOR = '; ';

/** Rows are handed out in chunks of about this many characters, not one tiny chunk per article. */
const CHUNK_CHARS = 16 * 1024;

export async function csvExport(
  session: ExportSession,
  plan: ExportPlan,
  options: CsvExportOptions = {},
): Promise<ExportRun> {
  const layout = options.layout ?? 'wide';
  const context = options.context ?? DEFAULT_CONTEXT;
  const metaKeys = await collectMetaKeys(session, plan);
  let rows = 0;

  async function* chunks(): AsyncGenerator<string> {
    const header = csvCells(csvHeader(metaKeys));
    let pending = ((options.bom ?? true) ? BOM : '') + header + ROW_END;
    for await (const entry of exportArticles(session, plan, { memos: false })) {
      // The article's own cells are the same on each of its rows: written once.
      const article = csvCells(articleCells(entry));
      const metaCells = metaCellsOf(entry, metaKeys);
      const meta = metaCells.length ? `,${csvCells(metaCells)}` : '';
      for (const row of highlightRows(entry, plan, layout, context)) {
        pending += `${csvCells(row.ids)},${article},${csvCells(row.cells)}${meta}${ROW_END}`;
        rows++;
      }
      if (pending.length >= CHUNK_CHARS) {
        yield pending;
        pending = '';
      }
    }
    yield pending;
  }

  return {
    chunks: chunks(),
    get rows() {
      return rows;
    },
  };
}

/** The header row: the fixed columns, then one `meta_<key>` column per extra front-matter key. */
export function csvHeader(metaKeys: readonly string[]): string[] {
  return [...CSV_COLUMNS, ...metaKeys.map((k) => META_PREFIX + k)];
}

/** article_path … categories; for an article whose file is gone, as the store last saw it. */
export function articleCells({ article, planned, lastKnown: last }: ArticleExport): Cell[] {
  const summary = planned.summary;
  return [
    summary?.path ?? last?.path ?? '',
    article?.meta.title ?? summary?.title ?? last?.title ?? '',
    article?.meta.date ?? summary?.date ?? last?.date ?? '',
    article?.meta.author ?? summary?.author ?? last?.author ?? '',
    article?.meta.url ?? last?.sourceUrl ?? '',
    (article?.meta.categories ?? summary?.categories ?? []).join(LIST_SEPARATOR),
  ];
}

/** The `meta_<key>` cells of an article's rows, in `metaKeys` order. */
export function metaCellsOf(entry: ArticleExport, metaKeys: readonly string[]): string[] {
  const extra = entry.article?.meta.extra ?? {};
  // Own keys only: `constructor` must not find Object's when an article has no such key.
  return metaKeys.map((k) => metaCell(Object.hasOwn(extra, k) ? extra[k] : undefined));
}

/** One row's own cells: annotation_id and article_id (`ids`), quote … modified (`cells`). */
export interface HighlightRow {
  ids: [string, string];
  cells: Cell[];
  /** The tags this row stands for (all of the highlight's in 'wide', one or none in 'tidy'). */
  tagIds: readonly string[];
}

/**
 * The rows of an article's highlights in the layout; a full row is `ids`, `articleCells(entry)`,
 * `cells`, then `metaCellsOf(entry, …)`, in `CSV_COLUMNS` order. The Excel export builds the same.
 */
export function* highlightRows(
  entry: ArticleExport,
  plan: ExportPlan,
  layout: CsvLayout,
  context: ContextSpec,
): Generator<HighlightRow> {
  for (const item of entry.items) {
    const a = item.annotation;
    const groups = layout === 'tidy' ? (a.tagIds.length ? a.tagIds.map((id) => [id]) : [[]]) : [a.tagIds];
    for (const tagIds of groups) {
      yield { ids: [a.id, a.articleId], cells: highlightCells(entry, item, tagIds, plan, context), tagIds };
    }
  }
}

/** quote … modified. */
function highlightCells(
  entry: ArticleExport,
  item: PlacedAnnotation,
  tagIds: readonly string[],
  plan: ExportPlan,
  context: ContextSpec,
): Cell[] {
  const a = item.annotation;
  const text = entry.article?.text;
  const around = item.range && text !== undefined ? contextAround(text, item.range, context) : null;
  return [
    item.exact,
    around?.before ?? '',
    around?.after ?? '',
    item.start ?? '',
    item.end ?? '',
    tagIds.map((id) => plan.tags.name(id)).join(LIST_SEPARATOR),
    tagIds.map((id) => plan.tags.path(id)).join(LIST_SEPARATOR),
    a.note,
    a.color ?? '',
    a.creator,
    a.created,
    a.modified,
  ];
}
