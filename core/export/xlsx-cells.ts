/**
 * How one value becomes an Excel cell in Gloss's workbooks: text is always text, dates are dates,
 * and nothing Excel cannot hold reaches the file.
 *
 * - Text is stored as a string cell, never as a formula: a quote starting with `=`, `+`, `-` or
 *   `@` stays exactly that text (unlike the CSV, no `'` is needed, because a string cell of an
 *   .xlsx file is never evaluated).
 * - Excel holds at most 32,767 characters (UTF-16 code units) in a cell; longer text is cut there
 *   (never inside a surrogate pair) and the cell gets a note saying how long the text was.
 * - U+FFFE and U+FFFF are not allowed in XML and become U+FFFD; exceljs drops C0 control characters.
 * - ISO dates (`2024-03-05`, `2024-03-05 10:00`) and timestamps (`2024-03-05T08:00:00Z`,
 *   `…+08:00`) become Excel dates (see `dateCell`); anything else stays text.
 */
import type { CellValue } from 'exceljs';

/** Excel's limit on the characters of one cell. */
export const EXCEL_CELL_CHARS = 32_767;

export const DATE_FORMAT = 'yyyy-mm-dd';
export const TIMESTAMP_FORMAT = 'yyyy-mm-dd hh:mm:ss';

export interface XlsxCell {
  value: CellValue;
  /** Excel number format for dates. */
  numFmt?: string;
  /** A note on the cell (set when its text was cut). */
  note?: string;
  /** A solid fill, as ARGB hex (the Codebook's colour cells). */
  fill?: string;
}

const NOT_XML = /[\uFFFE\uFFFF]/;

/** Text as a cell: cut at Excel's limit with a note. */
export function textCell(text: string): XlsxCell {
  const clean = NOT_XML.test(text) ? text.replace(/[\uFFFE\uFFFF]/g, '\uFFFD') : text;
  if (clean.length <= EXCEL_CELL_CHARS) return { value: clean };
  let end = EXCEL_CELL_CHARS;
  // Never leave half of a surrogate pair at the end.
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { value: clean.slice(0, end), note: truncationNote(clean.length, end) };
}

export function truncationNote(fullLength: number, kept: number): string {
  return (
    `Cut to ${kept.toLocaleString('en')} of ${fullLength.toLocaleString('en')} characters: ` +
    `Excel holds at most ${EXCEL_CELL_CHARS.toLocaleString('en')} in a cell. ` +
    'The CSV and JSON exports have the whole text.'
  );
}

/**
 * A date with an optional wall-clock time and an optional zone: front-matter dates as parse-date.ts
 * writes them, and `created` / `modified` (UTC, `…Z`).
 */
const DATE_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A date or timestamp as an Excel date; other text (e.g. "2024年3月", "2024-02-30") as text. Excel
 * dates have no zone, so the cell holds the wall-clock time the text says (a UTC time for `…Z`, the
 * source's own time for `…+08:00`), the same day and hour the CSV shows.
 */
export function dateCell(text: string): XlsxCell {
  // A highlight's `modified` is most often its `created`: the same text, the same cell.
  if (text === lastDate.text) return lastDate.cell;
  const cell = parseDateCell(text);
  lastDate = { text, cell };
  return cell;
}

let lastDate: { text: string; cell: XlsxCell } = { text: '', cell: { value: '' } };

function parseDateCell(text: string): XlsxCell {
  const m = DATE_TEXT.exec(text);
  if (m) {
    // (Written out rather than mapped over arrays: an export makes three of these per highlight.)
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
    const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
    // Only a real calendar date and time (no rolling over of 2024-02-30 or 25:00).
    const real =
      date.getUTCFullYear() === y &&
      date.getUTCMonth() === mo - 1 &&
      date.getUTCDate() === d &&
      date.getUTCHours() === h &&
      date.getUTCMinutes() === mi &&
      date.getUTCSeconds() === s;
    if (real) return { value: date, numFmt: m[4] === undefined ? DATE_FORMAT : TIMESTAMP_FORMAT };
  }
  return textCell(text);
}

/** Any cell of an export row: numbers stay numbers, strings go through `textCell`. */
export function plainCell(value: string | number): XlsxCell {
  return typeof value === 'number' ? { value } : textCell(value);
}
