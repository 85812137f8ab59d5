/**
 * Highlights as an Excel workbook, for those who live in spreadsheets. Three sheets:
 *
 * - *Highlights*: exactly the CSV export's rows, columns and order (built by the same functions,
 *   see `csv-export.ts`), with real numbers and dates instead of text;
 * - *Codebook*: each tag's path, name, colour, description, and how many exported highlights and
 *   articles carry it;
 * - *Articles*: each exported article's metadata, its highlight count and its count per code.
 *
 * Every sheet has its header row frozen and an autofilter over its columns; long text is wrapped.
 * Cells follow `xlsx-cells.ts` (text is never a formula, cut at Excel's limit with a note).
 *
 * Written with exceljs's streaming `WorkbookWriter`: each row is committed (turned into XML and
 * handed to the ZIP stream) as soon as it is built (plain rows as text by `xlsx-sheet-rows.ts`,
 * several times faster than exceljs's own rows), and the workbook's bytes are yielded as they
 * come out, so memory grows with the number of articles and codes (the two small sheets, written
 * after the highlights) but not with the number of highlights. Between articles the writer lets the
 * event loop turn (so deflate, on another thread, is fed as it goes), then waits while the sheet is
 * not yet compressed (`SheetRows.drained`) and while the compressed output is not being read, so
 * deflate or a slow reader holds the export back instead of letting it pile up in memory.
 */
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './csv-text.js';
import {
  articleCells,
  CSV_COLUMNS,
  csvHeader,
  highlightRows,
  metaCellsOf,
  type CsvLayout,
} from './csv-export.js';
import { exportArticles } from './export-articles.js';
import type { ExportRun } from './export-run.js';
import type { ExportPlan, ExportSession } from './export-scope.js';
import { collectMetaKeys, META_PREFIX } from './meta-columns.js';
import { DEFAULT_CONTEXT, type ContextSpec } from './quote-context.js';
import { DATE_FORMAT, dateCell, plainCell, textCell, TIMESTAMP_FORMAT, type XlsxCell } from './xlsx-cells.js';
import { SheetRows } from './xlsx-sheet-rows.js';

export interface XlsxExportOptions {
  layout?: CsvLayout;
  context?: ContextSpec;
  /** The workbook's title (normally the library's name). */
  title?: string;
  now?: Date;
}

export const SHEET_NAMES = { highlights: 'Highlights', codebook: 'Codebook', articles: 'Articles' } as const;

/** Rows a sheet can hold below its header; more highlights continue on "Highlights 2", … */
export const MAX_SHEET_ROWS = 1_048_575;

/** The compressed output waiting to be read before the writer pauses (bytes). */
const HIGH_WATER = 1 << 20;

const DATE_COLUMNS = new Set<string>(['date', 'created', 'modified']);
/** Columns of long text: wrapped, and wide. */
const WRAPPED: Record<string, number> = {
  title: 30,
  quote: 50,
  context_before: 30,
  context_after: 30,
  tags: 20,
  tag_paths: 25,
  note: 40,
  description: 50,
  path: 30,
  categories: 20,
};
const NARROW: Record<string, number> = {
  annotation_id: 14,
  article_id: 14,
  start: 8,
  end: 8,
  date: 12,
  created: 20,
  modified: 20,
  color: 10,
  colour: 10,
  highlights: 11,
  articles: 10,
};

type Sheet = ExcelJS.Worksheet;

/** A date column's cell: a number (never, in practice) stays a number. */
const anyDateCell = (v: Cell): XlsxCell => (typeof v === 'number' ? { value: v } : dateCell(v));

/** The colour's text, on a fill of that colour when it is a plain `#RRGGBB` (stored tags are input). */
function colourCell(color: string): XlsxCell {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  return { ...textCell(color), ...(hex ? { fill: `FF${hex[1]!.toUpperCase()}` } : {}) };
}

/**
 * The cell styles of a workbook, one object each: exceljs caches a style's id by the object, so a
 * style shared by reference is worked out once, where a fresh object per cell (what column styles
 * give) is rendered to XML and looked up again for every cell, the largest cost of a big export.
 */
function workbookStyles() {
  const wrapped: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };
  return {
    plain: {} as Partial<ExcelJS.Style>,
    wrapped,
    header: { font: { bold: true } } as Partial<ExcelJS.Style>,
    numFmt: new Map<string, Partial<ExcelJS.Style>>(
      [DATE_FORMAT, TIMESTAMP_FORMAT].map((f) => [f, { numFmt: f }]),
    ),
  };
}
type Styles = ReturnType<typeof workbookStyles>;

interface SheetWriter {
  sheet: Sheet;
  /** The style of each column's plain cells (wrapped for long text). */
  columnStyles: Partial<ExcelJS.Style>[];
  styles: Styles;
  /** Plain rows written as text (xlsx-sheet-rows.ts); null: every row through exceljs. */
  fast: SheetRows | null;
  /** `styleOf` for this sheet, made once. */
  styleOf: (c: XlsxCell, column: number) => Partial<ExcelJS.Style>;
}

/** A sheet with its header row written, frozen and filtered, and its columns sized. */
function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  styles: Styles,
  name: string,
  header: readonly string[],
): SheetWriter {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  // Written when the sheet is committed (the streaming writer takes it as a property).
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(header.length, 1) } };
  sheet.columns = header.map((key) => ({ width: WRAPPED[key] ?? NARROW[key] ?? 16 }));
  const row = sheet.addRow([...header]);
  row.eachCell((cell) => (cell.style = styles.header));
  row.commit();
  const writer: SheetWriter = {
    sheet,
    columnStyles: header.map((key) => (WRAPPED[key] ? styles.wrapped : styles.plain)),
    styles,
    fast: SheetRows.open(workbook, sheet),
    styleOf: (c, i) => styleOf(writer, c, i),
  };
  return writer;
}

/** A plain cell's style: a date's format, else its column's. */
function styleOf({ columnStyles, styles }: SheetWriter, c: XlsxCell, i: number): Partial<ExcelJS.Style> {
  return (c.numFmt && styles.numFmt.get(c.numFmt)) || columnStyles[i] || styles.plain;
}

/**
 * Writes one row of cells, given in consecutive parts (an article's part is the same array on each
 * of its rows: see SheetRows.add); dates get their format, cut text its note, a colour its fill.
 */
function writeRow(writer: SheetWriter, parts: readonly (readonly XlsxCell[])[]): void {
  if (writer.fast && SheetRows.plain(parts)) {
    writer.fast.add(parts, writer.styleOf);
    return;
  }
  writer.fast?.flush();
  const cells = parts.flat();
  const row = writer.sheet.addRow(cells.map((c) => c.value));
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const cell = row.getCell(i + 1);
    if (c.fill) cell.style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: c.fill } } };
    else cell.style = styleOf(writer, c, i);
    if (c.note) cell.note = c.note;
  }
  row.commit();
}

/** Closes a sheet: its last plain rows, then exceljs's end of the sheet. */
function commitSheet(writer: SheetWriter): void {
  writer.fast?.flush();
  writer.sheet.commit();
}

/** What the two small sheets need, gathered while the highlights stream past. */
interface ArticleLine {
  cells: XlsxCell[];
  highlights: number;
  perTag: Map<string, number>;
}

export async function xlsxExport(
  session: ExportSession,
  plan: ExportPlan,
  options: XlsxExportOptions = {},
): Promise<ExportRun> {
  const layout = options.layout ?? 'wide';
  const context = options.context ?? DEFAULT_CONTEXT;
  const metaKeys = await collectMetaKeys(session, plan);
  const header = csvHeader(metaKeys);
  const kinds = header.map((name) => (DATE_COLUMNS.has(name) ? anyDateCell : plainCell));
  let rows = 0;
  let stopped = false;

  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    // Deflate at its fastest: 100,000 highlights are ~150 MB of sheet XML, and deflating it is what
    // an export of that size waits for (bench: xlsx); the file is ~20% bigger than at the default.
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = 'Gloss';
  workbook.created = options.now ?? new Date();
  if (options.title) workbook.title = options.title;

  /** Waits while the bytes already produced are not being read (see the module comment). */
  const backPressure = async () => {
    if (out.readableLength > HIGH_WATER && !stopped) await once(out, 'drain').catch(() => undefined);
  };
  /** Hands a sheet's rows so far on, and waits while they wait to be compressed or read. */
  const settle = async (sheet: SheetWriter) => {
    sheet.fast?.flush();
    // A turn of the event loop: deflate runs on another thread, but each piece it finishes is
    // taken up, and the next one handed over, here. Without it deflate would wait for the writer
    // to pause, and the writer then for deflate to empty its queue, in turn (bench: 4.5 → 3.8 s).
    await new Promise<void>((resolve) => setImmediate(resolve));
    await sheet.fast?.drained(HIGH_WATER);
    await backPressure();
  };

  async function write(): Promise<void> {
    const tagHighlights = new Map<string, number>();
    const tagArticles = new Map<string, number>();
    const articles: ArticleLine[] = [];

    const styles = workbookStyles();
    let sheet = addSheet(workbook, styles, SHEET_NAMES.highlights, header);
    let sheetRows = 0;
    for await (const entry of exportArticles(session, plan, { memos: false })) {
      if (stopped) return;
      const article = articleCells(entry);
      const meta = metaCellsOf(entry, metaKeys);
      const line: ArticleLine = {
        // article_id, then the CSV's article_path … categories (date is the third of those).
        cells: [entry.planned.id, ...article, ...meta].map((v, i) => (i === 3 ? anyDateCell : plainCell)(v)),
        highlights: entry.items.length,
        perTag: new Map(),
      };
      for (const item of entry.items) {
        for (const id of item.annotation.tagIds) line.perTag.set(id, (line.perTag.get(id) ?? 0) + 1);
      }
      for (const [id, n] of line.perTag) {
        tagHighlights.set(id, (tagHighlights.get(id) ?? 0) + n);
        tagArticles.set(id, (tagArticles.get(id) ?? 0) + 1);
      }
      articles.push(line);

      let articleCellsX: XlsxCell[] | undefined;
      let metaCellsX: XlsxCell[] | undefined;
      for (const row of highlightRows(entry, plan, layout, context)) {
        if (sheetRows === MAX_SHEET_ROWS) {
          commitSheet(sheet);
          sheet = addSheet(
            workbook,
            styles,
            `${SHEET_NAMES.highlights} ${Math.floor(rows / MAX_SHEET_ROWS) + 1}`,
            header,
          );
          sheetRows = 0;
        }
        // The article's cells are the same on each of its rows: made once (its date parsed once).
        const a0 = row.ids.length;
        const m0 = a0 + article.length + row.cells.length;
        articleCellsX ??= article.map((v, i) => kinds[a0 + i]!(v));
        metaCellsX ??= meta.map((v, i) => kinds[m0 + i]!(v));
        writeRow(sheet, [
          row.ids.map((v, i) => kinds[i]!(v)),
          articleCellsX,
          row.cells.map((v, i) => kinds[a0 + article.length + i]!(v)),
          metaCellsX,
        ]);
        sheetRows++;
        rows++;
      }
      await settle(sheet);
    }
    commitSheet(sheet);

    const tags = codebookOrder(plan);
    writeCodebook(
      addSheet(workbook, styles, SHEET_NAMES.codebook, CODEBOOK_COLUMNS),
      plan,
      tags,
      tagHighlights,
      tagArticles,
    );
    await backPressure();
    await writeArticles(
      addSheet(
        workbook,
        styles,
        SHEET_NAMES.articles,
        articleHeader(
          metaKeys,
          plan,
          tags.filter((t) => tagHighlights.has(t)),
        ),
      ),
      plan,
      tags.filter((t) => tagHighlights.has(t)),
      articles,
      settle,
    );
    await workbook.commit();
  }

  async function* chunks(): AsyncGenerator<Uint8Array> {
    const writing = write().catch((err: unknown) => {
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    try {
      for await (const chunk of out) yield chunk as Buffer;
      await writing;
    } finally {
      // The reader stopped early (a failed write, a cancelled download): stop writing too.
      stopped = true;
      out.destroy();
    }
  }

  return {
    chunks: chunks(),
    get rows() {
      return rows;
    },
  };
}

/** Tag ids by path, so parents come before their sub-tags and siblings are in name order. */
function codebookOrder(plan: ExportPlan): string[] {
  const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true });
  return plan.tags.tags
    .map((t) => ({ id: t.id, segments: plan.tags.path(t.id).split('/') }))
    .sort((a, b) => {
      const n = Math.min(a.segments.length, b.segments.length);
      for (let i = 0; i < n; i++) {
        const c = collator.compare(a.segments[i]!, b.segments[i]!);
        if (c) return c;
      }
      return a.segments.length - b.segments.length;
    })
    .map((t) => t.id);
}

export const CODEBOOK_COLUMNS = ['path', 'name', 'colour', 'description', 'highlights', 'articles'] as const;

function writeCodebook(
  sheet: SheetWriter,
  plan: ExportPlan,
  order: readonly string[],
  highlights: ReadonlyMap<string, number>,
  articles: ReadonlyMap<string, number>,
): void {
  for (const id of order) {
    const tag = plan.tags.get(id)!;
    writeRow(sheet, [
      [
        textCell(plan.tags.path(id)),
        textCell(tag.name),
        colourCell(tag.color),
        textCell(tag.description),
        { value: highlights.get(id) ?? 0 },
        { value: articles.get(id) ?? 0 },
      ],
    ]);
  }
  commitSheet(sheet);
}

/** The Articles sheet's fixed columns; then one `meta_<key>` per extra key, `highlights`, one per code. */
export const ARTICLE_COLUMNS = ['article_id', ...CSV_COLUMNS.slice(2, 8)] as const;

function articleHeader(metaKeys: readonly string[], plan: ExportPlan, codes: readonly string[]): string[] {
  return [
    ...ARTICLE_COLUMNS,
    ...metaKeys.map((k) => META_PREFIX + k),
    'highlights',
    ...codes.map((id) => plan.tags.path(id)),
  ];
}

/** Articles handed on between (each row has a column per code, so 10,000 of them are big). */
const ARTICLES_PER_SETTLE = 200;

async function writeArticles(
  sheet: SheetWriter,
  plan: ExportPlan,
  codes: readonly string[],
  articles: readonly ArticleLine[],
  settle: (sheet: SheetWriter) => Promise<void>,
): Promise<void> {
  for (const [k, line] of articles.entries()) {
    if (k > 0 && k % ARTICLES_PER_SETTLE === 0) await settle(sheet);
    writeRow(sheet, [
      line.cells,
      [{ value: line.highlights }, ...codes.map((id) => ({ value: line.perTag.get(id) ?? 0 }))],
    ]);
  }
  commitSheet(sheet);
}
