/**
 * The text of CSV rows with the settings every Gloss CSV uses, exactly as csv-stringify writes it:
 * RFC 4180 quoting, CRLF row ends, every cell holding a line break quoted
 * (`quoted_match`: with CRLF row ends, csv-stringify would otherwise leave a bare LF unquoted and the
 * row would split), and formula-like cells neutralised (`escape_formulas` puts a `'` in front of a
 * cell starting with `=`, `+`, `-`, `@`, a tab or a CR, or their full-width forms).
 *
 * Going through csv-stringify costs a few microseconds and a dozen small allocations per cell,
 * which made it the largest cost of a 100,000-row export. Most cells need none of its rules (no
 * quote, comma or line break, no formula-like start), and for those it writes the cell unchanged:
 * such cells are passed through, and every other cell is written by csv-stringify itself. A test
 * checks the result equals csv-stringify's for arbitrary cells.
 */
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number;

/** csv-stringify's settings for one cell alone, without a row end (see the module comment for why). */
const CELL_OPTIONS = {
  escape_formulas: true,
  record_delimiter: 'windows',
  quoted_match: /[\r\n]/,
  eof: false,
} as const;

/** A string cell csv-stringify might change: it quotes, escapes or neutralises these. */
const NEEDS_STRINGIFY = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]|[",\r\n]/;

function cellText(cell: Cell): string {
  // A number is written as String() writes it, a leading "-" included (it is not a formula).
  if (typeof cell === 'number') return String(cell);
  return NEEDS_STRINGIFY.test(cell) ? stringify([[cell]], CELL_OPTIONS) : cell;
}

/** Cells as CSV, separated by commas, without a row end. Its texts joined by commas are the whole row's. */
export function csvCells(cells: readonly Cell[]): string {
  let text = '';
  for (let i = 0; i < cells.length; i++) text += (i === 0 ? '' : ',') + cellText(cells[i]!);
  return text;
}

/** What ends every row. */
export const ROW_END = '\r\n';

/** The UTF-8 byte order mark, so Excel reads the file as UTF-8. */
export const BOM = '\uFEFF';
