/**
 * Highlights as CSV for spreadsheets and R/pandas, streamed: rows are produced one article at a
 * time and pushed through a csv-stringify stream with back-pressure, so memory stays flat however
 * many highlights the library holds.
 *
 * Layouts: 'wide' is one row per highlight (tags joined with "; "); 'tidy' is one row per
 * highlight × tag (an untagged highlight still gets one row, with empty tag cells).
 *
 * The file is written for Excel as much as for code: UTF-8 with a BOM unless switched off, RFC 4180
 * quoting, CRLF row ends, and every cell holding a line break quoted (`quoted_match`: with CRLF row
 * ends, csv-stringify would otherwise leave a bare LF unquoted and the row would split). Cells that
 * begin with `=`, `+`, `-`, `@`, a tab or a CR (and their full-width forms) are neutralised against
 * formula injection by csv-stringify's `escape_formulas`, which puts a `'` in front of them: article
 * text and notes are untrusted, and a spreadsheet must never run them. Readers that want the exact
 * text back strip that one leading `'` from such cells.
 *
 * Offsets (`start`, `end`) count Unicode code points in the canonical cleaned text, as the W3C
 * TextPositionSelector does; `quote` is the text found there now. Highlights that can no longer be
 * placed (orphans, articles gone from the library) keep their stored quote and have empty offsets
 * and context. `color` is the highlight's own colour (empty when it follows its tag's).
 */
import { stringify } from 'csv-stringify';
import { pipeline, Readable } from 'node:stream';
import type { ArticleExport } from './export-articles.js';
import { exportArticles } from './export-articles.js';
import type { ExportRun } from './export-run.js';
import type { ExportPlan, ExportSession } from './export-scope.js';
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

type Cell = string | number;

/** The csv-stringify settings every Gloss CSV uses (see the module comment for why). */
export function csvStringifyOptions(bom: boolean) {
  return {
    bom,
    escape_formulas: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  } as const;
}

export async function csvExport(
  session: ExportSession,
  plan: ExportPlan,
  options: CsvExportOptions = {},
): Promise<ExportRun> {
  const layout = options.layout ?? 'wide';
  const context = options.context ?? DEFAULT_CONTEXT;
  const metaKeys = await collectMetaKeys(session, plan);
  let rows = 0;

  async function* records(): AsyncGenerator<Cell[]> {
    yield [...CSV_COLUMNS, ...metaKeys.map((k) => META_PREFIX + k)];
    for await (const entry of exportArticles(session, plan, { memos: false })) {
      const article = articleCells(entry);
      const extra = entry.article?.meta.extra ?? {};
      const meta = metaKeys.map((k) => metaCell(extra[k]));
      for (const item of entry.items) {
        const tagIds = item.annotation.tagIds;
        const groups = layout === 'tidy' ? (tagIds.length ? tagIds.map((id) => [id]) : [[]]) : [tagIds];
        for (const ids of groups) {
          rows++;
          yield [...highlightCells(entry, item, article, ids, plan, context), ...meta];
        }
      }
    }
  }

  const stringifier = stringify(csvStringifyOptions(options.bom ?? true));
  stringifier.setEncoding('utf8');
  // On any failure pipeline destroys both streams, so the consumer's iteration throws it.
  pipeline(Readable.from(records()), stringifier, () => undefined);
  return {
    chunks: stringifier as AsyncIterable<string>,
    get rows() {
      return rows;
    },
  };
}

interface ArticleCells {
  path: string;
  title: string;
  date: string;
  author: string;
  url: string;
  categories: string;
}

function articleCells({ article, planned }: ArticleExport): ArticleCells {
  const summary = planned.summary;
  return {
    path: summary?.path ?? '',
    title: article?.meta.title ?? summary?.title ?? '',
    date: article?.meta.date ?? summary?.date ?? '',
    author: article?.meta.author ?? summary?.author ?? '',
    url: article?.meta.url ?? '',
    categories: (article?.meta.categories ?? summary?.categories ?? []).join(LIST_SEPARATOR),
  };
}

function highlightCells(
  entry: ArticleExport,
  item: PlacedAnnotation,
  article: ArticleCells,
  tagIds: readonly string[],
  plan: ExportPlan,
  context: ContextSpec,
): Cell[] {
  const a = item.annotation;
  const text = entry.article?.doc.text;
  const around = item.range && text !== undefined ? contextAround(text, item.range, context) : null;
  return [
    a.id,
    a.articleId,
    article.path,
    article.title,
    article.date,
    article.author,
    article.url,
    article.categories,
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
