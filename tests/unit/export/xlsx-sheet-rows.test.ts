// The Excel export's fast rows (core/export/xlsx-sheet-rows.ts) against exceljs's own rows: the
// same cells written both ways into streaming workbooks and read back with exceljs's reader must
// give the same values and number formats. Also pins the exceljs internals the fast rows use.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { XlsxCell } from '../../../core/export/xlsx-cells.js';
import { columnLetters, SheetRows } from '../../../core/export/xlsx-sheet-rows.js';

const wrapped: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };
const plain: Partial<ExcelJS.Style> = {};
const dateStyle: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd' };
const styleOf = (c: XlsxCell, i: number) => (c.numFmt ? dateStyle : i % 2 ? wrapped : plain);

/**
 * Rows of 4 cells; a row's last two cells may be the row before's (as an article's cells are on
 * each of its highlights' rows), then given to the fast rows as the same array.
 */
async function writeWorkbook(
  rows: XlsxCell[][],
  fast: boolean,
  same: boolean[] = [],
): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Rows');
  sheet.addRow(['header']).commit();
  const rowsWriter = fast ? SheetRows.open(workbook, sheet) : null;
  if (fast) expect(rowsWriter, 'the fast rows work with this exceljs').not.toBeNull();
  let tail: XlsxCell[] = [];
  for (const [r, given] of rows.entries()) {
    if (!(same[r] && r > 0)) tail = given.slice(2);
    const cells = [...given.slice(0, 2), ...tail];
    if (rowsWriter && SheetRows.plain([cells])) {
      rowsWriter.add([given.slice(0, 2), tail], styleOf);
      continue;
    }
    rowsWriter?.flush();
    const row = sheet.addRow(cells.map((c) => c.value));
    cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.style = styleOf(c, i);
      if (c.note) cell.note = c.note;
    });
    row.commit();
  }
  rowsWriter?.flush();
  sheet.commit();
  await workbook.commit();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return back;
}

/** Every cell of the sheet after its header: value, number format and note. */
function cellsOf(workbook: ExcelJS.Workbook, width: number) {
  const sheet = workbook.getWorksheet('Rows')!;
  const out: { value: unknown; numFmt: string | undefined; note: unknown }[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const line = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      line.push({
        value: cell.value === '' ? null : cell.value,
        numFmt: cell.value instanceof Date ? cell.numFmt : undefined,
        note: cell.note,
      });
    }
    out.push(line);
  }
  return out;
}

// Text as Gloss's cells hold it (textCell has already replaced U+FFFE/U+FFFF): Chinese, emoji,
// astral characters, markup and quotes, tabs and line feeds, formula-like starts.
const text = fc
  .array(
    fc.constantFrom(
      '经济',
      '增长',
      ' ',
      'a',
      'Z',
      '<',
      '>',
      '&',
      '"',
      "'",
      '\t',
      '\n',
      '=',
      '+',
      '-',
      '@',
      '😀',
      '𠀀',
      '1',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
const cell: fc.Arbitrary<XlsxCell> = fc.oneof(
  text.map((value) => ({ value })),
  fc.integer({ min: -1e6, max: 1e6 }).map((value) => ({ value })),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((value) => ({ value })),
  fc
    .date({
      min: new Date('1950-01-01T00:00:00Z'),
      max: new Date('2090-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => ({ value: new Date(Math.round(d.getTime() / 1000) * 1000), numFmt: 'yyyy-mm-dd' })),
  fc.constant<XlsxCell>({ value: null }),
  text.map((value) => ({ value, note: 'Cut to 3 of 9 characters' })),
);

describe('Excel fast rows', () => {
  it('read back exactly as the same cells written through exceljs’s rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        async (rows, same) => {
          const [fast, slow] = await Promise.all([
            writeWorkbook(rows, true, same),
            writeWorkbook(rows, false, same),
          ]);
          const got = cellsOf(fast, 4);
          expect(got).toEqual(cellsOf(slow, 4));
          expect(got).toHaveLength(rows.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keep a carriage return, which exceljs’s rows would turn into a line feed', async () => {
    const back = await writeWorkbook([[{ value: 'line one\r\nline two' }, { value: 'a\rb' }]], true);
    expect(cellsOf(back, 2)[0]!.map((c) => c.value)).toEqual(['line one\r\nline two', 'a\rb']);
  });

  it('make the writer wait while the sheet waits to be compressed, and go on once it is', async () => {
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet('Rows');
    sheet.addRow(['header']).commit();
    const rows = SheetRows.open(workbook, sheet)!;
    // Text deflate cannot shrink much: random CJK characters.
    let seed = 1;
    const random = () => {
      let t = '';
      for (let k = 0; k < 1000; k++)
        t += String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 20000));
      return t;
    };
    const text = random();
    rows.add([[{ value: text }]], () => plain);
    rows.flush();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the ZIP writer takes up the sheet
    for (let i = 0; i < 2000; i++) rows.add([[{ value: random() }]], () => plain);
    rows.flush();
    // Nothing reads the workbook: the ZIP writer backs up, and the sheet's text waits.
    await new Promise((resolve) => setTimeout(resolve, 200));
    let done = false;
    const waiting = rows.drained(64 * 1024).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(done).toBe(false);
    out.resume(); // a reader comes
    await waiting;
    expect(done).toBe(true);
    sheet.commit();
    await workbook.commit();
  });

  it('number columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});
