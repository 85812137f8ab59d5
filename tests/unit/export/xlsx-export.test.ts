// The Excel export read back with exceljs's own (non-streaming) reader and checked against the CSV
// export of the same highlights: same columns, same rows, but real numbers, dates and plain text.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvExport } from '../../../core/export/csv-export.js';
import { collectExport, collectText } from '../../../core/export/export-run.js';
import { planExport } from '../../../core/export/export-scope.js';
import { startExport } from '../../../core/export/run-export.js';
import { dateCell, EXCEL_CELL_CHARS, textCell } from '../../../core/export/xlsx-cells.js';
import { BLOG, GOV, highlight, newSession, type TestSession } from './test-library.js';

async function annotate(session: TestSession) {
  const topic = await session.annotations.createTag({ name: '经济', description: '宏观经济' });
  const growth = await session.annotations.createTag({ name: '增长', parentId: topic.id, color: '#0072B2' });
  const policy = await session.annotations.createTag({ name: '=Policy' });
  await highlight(session, GOV, '国务院总理', { tagIds: [growth.id, policy.id], note: '第一行\n第二行' });
  await highlight(session, GOV, '国内生产总值增长5%左右', { tagIds: [topic.id], note: '=SUM(A1)' });
  await highlight(session, BLOG, 'The second one, with a comma', { tagIds: [growth.id], note: '+1' });
  await highlight(session, BLOG, 'Is this the third?', { note: '-2' });
  await highlight(session, BLOG, '=SUM(A1) written', { note: '@x' });
  return { topic, growth, policy };
}

async function exportXlsx(session: TestSession, layout: 'wide' | 'tidy' = 'wide') {
  const run = await startExport(session, { format: 'xlsx', layout });
  const { content } = await collectExport(run.chunks);
  const bytes = Buffer.from(content, 'base64');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return { workbook, bytes, rows: run.rows };
}

/** A sheet's rows as arrays of values (exceljs rows are 1-based with an empty slot 0). */
function sheetRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

/** The CSV cell a workbook cell stands for (the CSV writes dates as text and escapes formulas). */
function asCsvText(value: ExcelJS.CellValue, column: string, csvCell: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // The CSV has the original text; compare the instant (or day) it names.
    return column === 'date' ? csvCell : value.toISOString();
  }
  if (typeof value === 'string' && /^[=+\-@]/.test(value)) return `'${value}`;
  return String(value);
}

describe('Excel export', () => {
  it('has the CSV export’s columns, order and rows on its Highlights sheet', async () => {
    const session = await newSession();
    await annotate(session);
    for (const layout of ['wide', 'tidy'] as const) {
      const csv = await csvExport(session, await planExport(session, { kind: 'library' }), {
        layout,
        bom: false,
      });
      const csvRows: string[][] = parse(await collectText(csv.chunks));
      const { workbook, rows } = await exportXlsx(session, layout);
      const sheet = workbook.getWorksheet('Highlights')!;
      const xlsxRows = sheetRows(sheet);
      expect(xlsxRows[0]).toEqual(csvRows[0]);
      expect(rows).toBe(csvRows.length - 1);
      expect(xlsxRows).toHaveLength(csvRows.length);
      const header = csvRows[0]!;
      for (let r = 1; r < csvRows.length; r++) {
        const expected = csvRows[r]!.map((cell, c) =>
          header[c] === 'created' || header[c] === 'modified' ? new Date(cell).toISOString() : cell,
        );
        const got = header.map((column, c) => asCsvText(xlsxRows[r]![c], column, csvRows[r]![c]!));
        expect(got).toEqual(expected);
      }
    }
  });

  it('freezes the header row and puts an autofilter over every sheet', async () => {
    const session = await newSession();
    await annotate(session);
    const { workbook } = await exportXlsx(session);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Highlights', 'Codebook', 'Articles']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const lastColumn = sheet.getRow(1).cellCount;
      expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(lastColumn).letter}1`);
      expect(sheet.getRow(1).getCell(lastColumn).font?.bold).toBe(true);
    }
  });

  it('stores text that starts like a formula as text, never as a formula', async () => {
    const session = await newSession();
    await annotate(session);
    const { workbook, bytes } = await exportXlsx(session);
    const sheet = workbook.getWorksheet('Highlights')!;
    const header = sheetRows(sheet)[0] as string[];
    const notes = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cell = row.getCell(header.indexOf('note') + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      notes.add(cell.value as string);
    });
    expect(notes).toEqual(new Set(['第一行\n第二行', '=SUM(A1)', '+1', '-2', '@x']));
    // Independently of exceljs's reader: no sheet of the file holds a formula element.
    const files = unzipSync(bytes);
    const sheets = Object.keys(files).filter((f) => /worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets).toHaveLength(3);
    for (const f of sheets) expect(strFromU8(files[f]!)).not.toMatch(/<f[ >]/);
  });

  it('writes dates as Excel dates, numbers as numbers and Chinese text unchanged', async () => {
    const session = await newSession();
    await annotate(session);
    const { workbook } = await exportXlsx(session);
    const sheet = workbook.getWorksheet('Highlights')!;
    const header = sheetRows(sheet)[0] as string[];
    const all = [];
    for await (const a of session.annotations.allAnnotations()) all.push(a);
    const row = sheet.getRow(2);
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1);
    const a = all.find((x) => x.id === cell('annotation_id').value)!;
    expect(cell('created').value).toBeInstanceOf(Date);
    expect((cell('created').value as Date).toISOString()).toBe(new Date(a.created).toISOString());
    expect(cell('created').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(typeof cell('start').value).toBe('number');
    expect(cell('quote').value).toBe(a.quote.exact);
    expect(cell('title').value).toBe('政府工作报告要点');
    expect(cell('date').value).toEqual(new Date(Date.UTC(2024, 2, 5, 10, 0)));
    expect(cell('quote').alignment?.wrapText).toBe(true);
  });

  it('lists the codebook with colours and counts, and each article with its counts per code', async () => {
    const session = await newSession();
    const { growth } = await annotate(session);
    const { workbook } = await exportXlsx(session);
    const codebook = sheetRows(workbook.getWorksheet('Codebook')!);
    expect(codebook[0]).toEqual(['path', 'name', 'colour', 'description', 'highlights', 'articles']);
    expect(codebook.slice(1).map((r) => r[0])).toEqual(['=Policy', '经济', '经济/增长']);
    const growthRow = codebook.find((r) => r[0] === '经济/增长')!;
    expect(growthRow.slice(1)).toEqual(['增长', growth.color, undefined, 2, 2]); // an empty text is an empty cell
    expect(codebook.find((r) => r[0] === '经济')!.slice(3)).toEqual(['宏观经济', 1, 1]);
    const colourCell = workbook.getWorksheet('Codebook')!.getCell(`C${codebook.indexOf(growthRow) + 1}`);
    expect(colourCell.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FF0072B2' } });

    const articles = sheetRows(workbook.getWorksheet('Articles')!);
    const header = articles[0] as string[];
    expect(header.slice(0, 7)).toEqual([
      'article_id',
      'article_path',
      'title',
      'date',
      'author',
      'source_url',
      'categories',
    ]);
    expect(header.slice(-4)).toEqual(['highlights', '=Policy', '经济', '经济/增长']);
    const gov = articles.find((r) => r[0] === GOV)!;
    expect(gov.slice(-4)).toEqual([2, 1, 1, 1]);
    const blog = articles.find((r) => r[0] === BLOG)!;
    expect(blog.slice(-4)).toEqual([3, 0, 0, 1]);
    expect(gov[header.indexOf('meta_source_site')]).toBe('新华网');
  });

  it('cuts a note longer than Excel’s cell limit and says so in a cell note', async () => {
    const session = await newSession();
    const long = '长'.repeat(EXCEL_CELL_CHARS - 1) + '😀' + 'tail';
    await highlight(session, GOV, '国务院总理', { note: long });
    const { workbook } = await exportXlsx(session);
    const sheet = workbook.getWorksheet('Highlights')!;
    const header = sheetRows(sheet)[0] as string[];
    const cell = sheet.getRow(2).getCell(header.indexOf('note') + 1);
    // The emoji would straddle the limit: it is left out whole, not cut in half.
    expect(cell.value).toBe('长'.repeat(EXCEL_CELL_CHARS - 1));
    const note = cell.note as string | { texts: { text: string }[] };
    const noteText = typeof note === 'string' ? note : note.texts.map((t) => t.text).join('');
    expect(noteText).toContain(`of ${long.length.toLocaleString('en')} characters`);
  });
});

describe('Excel cells', () => {
  it('keep every text whole up to the limit and cut longer ones at a character boundary', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.integer({ min: EXCEL_CELL_CHARS - 40, max: EXCEL_CELL_CHARS + 40 }),
        (piece, padding) => {
          const text = 'x'.repeat(padding) + piece;
          const cell = textCell(text);
          const value = cell.value as string;
          expect(value.length).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
          expect(text.startsWith(value)).toBe(true);
          expect(cell.note !== undefined).toBe(value.length < text.length);
          if (cell.note) expect(value.length).toBeGreaterThanOrEqual(EXCEL_CELL_CHARS - 1);
          const last = value.charCodeAt(value.length - 1);
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
        },
      ),
    );
  });

  it('turn only real calendar dates into dates', () => {
    expect(dateCell('2024-03-05').value).toEqual(new Date(Date.UTC(2024, 2, 5)));
    // A zoned time is kept as the wall-clock time it says, as the CSV shows it.
    expect(dateCell('2024-03-05T08:00:00+08:00').value).toEqual(new Date(Date.UTC(2024, 2, 5, 8)));
    expect(dateCell('2024-03-05T08:00:00.250Z').value).toEqual(new Date(Date.UTC(2024, 2, 5, 8, 0, 0, 250)));
    expect(dateCell('2024-02-30').value).toBe('2024-02-30');
    expect(dateCell('2024-03-05 25:00').value).toBe('2024-03-05 25:00');
    expect(dateCell('2024年3月5日').value).toBe('2024年3月5日');
    expect(dateCell('').value).toBe('');
  });
});
