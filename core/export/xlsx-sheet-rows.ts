/**
 * The rows of a big sheet, written as SpreadsheetML text straight into exceljs's streaming sheet.
 *
 * Why: exceljs builds a Row, a Cell and a model per cell and renders each through its XML stream,
 * about 4 µs a cell: 9 s for 100,000 highlights of 21 columns before Gloss does any work of its own
 * (`npm run bench -- --only xlsx`), where the issue asks for 5 s. Gloss's rows are plain (text,
 * numbers and dates, one style per column), so they are written here as the XML exceljs writes for
 * them (`<c r s t="str"><v>…</v></c>`), and exceljs keeps everything else: the workbook, styles,
 * the sheet's columns, views and autofilter, and the ZIP. A row that needs more than that (a cell
 * note, a fill) goes through exceljs's own rows, in its place.
 *
 * This leans on two internals of exceljs 4's `WorksheetWriter`: its `stream` (where it writes its
 * own rows) and `_rowZero` (the number of its next row). Both are checked when a sheet is opened,
 * and a sheet without them is written the slow way; the tests read every workbook back with exceljs
 * and compare it with the rows written through exceljs, so a change there fails a test, not a file.
 */
import type ExcelJS from 'exceljs';
import { escapeText } from '../interop/xml-text.js';
import type { XlsxCell } from './xlsx-cells.js';

/** What exceljs's streaming sheet has, besides its public API (see the module comment). */
interface StreamingSheet {
  stream: { write(chunk: string): unknown };
  _rowZero: number;
  _rows: unknown[];
}

/** A writable stream, Node's or `readable-stream`'s, as far as waiting for it goes. */
interface Backlogged {
  writableLength?: number;
  writableNeedDrain?: boolean;
  _writableState?: { length?: number; needDrain?: boolean };
  once?(event: 'drain', listener: () => void): unknown;
}

/** What exceljs's streaming workbook has: its style table. */
interface StyleTable {
  addStyleModel(style: Partial<ExcelJS.Style>, cellType?: number): number;
}

/** exceljs's value types, as its style table takes them (`Enums.ValueType`). */
const NUMBER_TYPE = 2;
const STRING_TYPE = 3;
const DATE_TYPE = 4;

/** Excel's day count of 1970-01-01 (the 1900 date system, as exceljs writes it). */
const EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;

/** The column letters of column `i` (0-based): A … Z, AA, AB, … */
export function columnLetters(i: number): string {
  let n = i + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function streamingSheet(sheet: ExcelJS.Worksheet): StreamingSheet | null {
  const s = sheet as unknown as Partial<StreamingSheet>;
  const writes = typeof (s.stream as { write?: unknown } | undefined)?.write === 'function';
  return writes && typeof s._rowZero === 'number' && Array.isArray(s._rows) ? (s as StreamingSheet) : null;
}

/** A row's part as XML: its cells, where it began, and whether a cell was left out before and at its end. */
interface RenderedPart {
  part: readonly XlsxCell[];
  column: number;
  gapBefore: boolean;
  /** The XML, cut where the row's number goes. */
  pieces: string[];
  gapAfter: boolean;
}

export class SheetRows {
  private readonly letters: string[] = [];
  /** Style ids by style object and value type (a plain number cell has its own id). */
  private readonly ids = new Map<Partial<ExcelJS.Style>, Map<number, number>>();
  private pending: string[] = [];
  /** Each part of the last row as rendered (see add). */
  private readonly last: (RenderedPart | undefined)[] = [];

  private constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly raw: StreamingSheet,
    private readonly styles: StyleTable,
  ) {}

  /**
   * Fast rows for `sheet` (its header row already committed), or null where exceljs is not the
   * version this was written for: the caller then writes its rows through exceljs.
   */
  static open(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet): SheetRows | null {
    const raw = streamingSheet(sheet);
    const styles = (workbook as unknown as { styles?: Partial<StyleTable> }).styles;
    if (!raw || typeof styles?.addStyleModel !== 'function' || raw._rows.length > 0) return null;
    return new SheetRows(sheet, raw, styles as StyleTable);
  }

  /** Whether a row's cells can be written here (no note, no fill: those take exceljs's rows). */
  static plain(parts: readonly (readonly XlsxCell[])[]): boolean {
    for (const part of parts)
      for (const c of part) if (c.note !== undefined || c.fill !== undefined) return false;
    return true;
  }

  /**
   * One row of plain cells, given as consecutive parts, each cell with the style exceljs would give
   * it (`styleOf`, by column). A part that is the same array, at the same column and after the same
   * kind of cell, as on the row before (an article's cells on each of its highlights' rows) is not
   * rendered again.
   *
   * To keep the sheet small (deflating it is much of a big export's time) an empty cell is left
   * out, and a cell right after the one before it has no `r` (the standard makes it optional:
   * readers take the next column; exceljs's reader needs it on a row's first cell and after a gap).
   */
  add(
    parts: readonly (readonly XlsxCell[])[],
    styleOf: (c: XlsxCell, column: number) => Partial<ExcelJS.Style>,
  ): void {
    const row = String(this.raw._rowZero + this.pending.length);
    let xml = `<row r="${row}">`;
    let column = 0;
    let gap = true; // a row's first cell has its `r`
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!;
      let done = this.last[p];
      if (done?.part !== part || done.column !== column || done.gapBefore !== gap) {
        done = this.render(part, column, gap, styleOf);
        this.last[p] = done;
      }
      xml += done.pieces.length === 1 ? done.pieces[0] : done.pieces.join(row);
      column += part.length;
      gap = done.gapAfter;
    }
    this.pending.push(`${xml}</row>`);
  }

  /** The XML of `cells` from column `first`, cut where the row's number goes (see add). */
  private render(
    cells: readonly XlsxCell[],
    first: number,
    gapBefore: boolean,
    styleOf: (c: XlsxCell, column: number) => Partial<ExcelJS.Style>,
  ): RenderedPart {
    let xml = '';
    let gap = gapBefore;
    let marked = false;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k]!;
      const i = first + k;
      const v = c.value;
      if (v === '' || v === null || v === undefined) {
        gap = true;
        continue;
      }
      // NUL stands for the row number: no text can hold one (escapeText drops it).
      const at = gap ? `<c r="${this.letter(i)}\u0000"` : '<c';
      marked ||= gap;
      gap = false;
      if (typeof v === 'string') {
        xml += `${at}${this.s(styleOf(c, i), STRING_TYPE)} t="str"><v>${escapeText(v)}</v></c>`;
      } else if (typeof v === 'number') {
        xml += `${at}${this.s(styleOf(c, i), NUMBER_TYPE)}><v>${v}</v></c>`;
      } else if (v instanceof Date) {
        xml += `${at}${this.s(styleOf(c, i), DATE_TYPE)}><v>${EPOCH_DAYS + v.getTime() / DAY_MS}</v></c>`;
      } else {
        throw new Error(`SheetRows: a cell of an unexpected kind in column ${i + 1}`);
      }
    }
    const pieces = marked ? xml.split('\u0000') : [xml];
    return { part: cells, column: first, gapBefore, pieces, gapAfter: gap };
  }

  /** Writes the rows added so far, so exceljs can write the next one (or close the sheet). */
  flush(): void {
    if (this.pending.length === 0) return;
    this.raw.stream.write(this.pending.join(''));
    this.raw._rowZero += this.pending.length;
    this.pending = [];
  }

  /**
   * Waits while more than `limit` bytes of this sheet wait to be compressed. exceljs hands its
   * sheet to the ZIP writer without ever waiting (fine at the pace of its own rows); these rows
   * come faster than deflate takes them, and would pile up in memory, to be compressed only at the
   * end. The ZIP writer's input is a `readable-stream` PassThrough, which says how full it is in
   * `_writableState` (its version has no `writableLength`).
   */
  async drained(limit: number): Promise<void> {
    const pipes = (this.raw.stream as { pipes?: unknown }).pipes;
    if (!Array.isArray(pipes)) return;
    for (const pipe of pipes as Backlogged[]) {
      const state = pipe._writableState;
      const length = pipe.writableLength ?? state?.length ?? 0;
      const needsDrain = pipe.writableNeedDrain ?? state?.needDrain ?? false;
      // Only a stream that refused a write says 'drain'.
      if (length > limit && needsDrain && typeof pipe.once === 'function')
        await new Promise<void>((resolve) => pipe.once!('drain', () => resolve()));
    }
  }

  /** The sheet these rows go to. */
  get worksheet(): ExcelJS.Worksheet {
    return this.sheet;
  }

  private letter(i: number): string {
    return (this.letters[i] ??= columnLetters(i));
  }

  /** ` s="id"` for a style, as exceljs writes it (nothing for style 0). */
  private s(style: Partial<ExcelJS.Style>, type: number): string {
    let byType = this.ids.get(style);
    if (!byType) this.ids.set(style, (byType = new Map()));
    let id = byType.get(type);
    // A copy: exceljs remembers a style object's id whatever the value type it was first used with.
    if (id === undefined) byType.set(type, (id = this.styles.addStyleModel({ ...style }, type)));
    return id ? ` s="${id}"` : '';
  }
}
