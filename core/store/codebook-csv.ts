/**
 * Codebook exchange as CSV (`path, parent, description, colour`), so a codebook can be written in a
 * spreadsheet or carried to another library. Export then import gives the same tree. Written for
 * Excel: BOM, CRLF, formulas escaped; import accepts `name` + `parent` rows as well as full paths.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { randomUUID } from 'node:crypto';
import { ApiError } from '../errors.js';
import { findByPath, PATH_SEPARATOR, tagPath, tagsInTreeOrder, updateTag } from './codebook.js';
import { createKeyedTag } from './tag-keys.js';
import { COLOR_PATTERN } from './palette.js';
import type { CodebookFile } from './store-schema.js';

export const CODEBOOK_CSV_COLUMNS = ['path', 'parent', 'description', 'colour'] as const;

export function exportCodebookCsv(book: CodebookFile): string {
  const rows = tagsInTreeOrder(book).map((tag) => [
    tagPath(book, tag.id),
    tag.parentId ? tagPath(book, tag.parentId) : '',
    tag.description,
    tag.color,
  ]);
  return stringify([[...CODEBOOK_CSV_COLUMNS], ...rows], {
    bom: true,
    escape_formulas: true,
    record_delimiter: 'windows',
    // With CRLF row ends a bare LF inside a cell is otherwise left unquoted and splits the row.
    quoted_match: /[\r\n]/,
  });
}

export interface CodebookImportResult {
  created: number;
  updated: number;
  /** Rows that could not be used, with the reason (1-based data row numbers). */
  skipped: string[];
}

/** Undoes csv-stringify's formula escaping (a `'` put before `= + - @` and their full-width forms). */
function unescapeFormula(value: string): string {
  return /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? value.slice(1) : value;
}

function pick(row: Record<string, string>, ...names: string[]): string {
  for (const n of names)
    if (Object.hasOwn(row, n) && row[n] !== undefined) return unescapeFormula(row[n]!.trim());
  return '';
}

/**
 * Adds the CSV's tags to the codebook: missing tags (and their missing ancestors) are created,
 * existing ones get the description and colour of the row when the row has them. Nothing is deleted.
 */
export function importCodebookCsv(book: CodebookFile, csv: string): CodebookImportResult {
  let rows: Record<string, string>[];
  try {
    rows = parse(csv, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
    });
  } catch (err) {
    // Where, not what: csv-parse's messages quote the file ("got "S" at line 2").
    const line = (err as { lines?: unknown }).lines;
    const where = typeof line === 'number' ? ` near line ${line}` : '';
    throw new ApiError('invalid-input', `The codebook CSV could not be read: it is not valid CSV${where}.`);
  }
  const result: CodebookImportResult = { created: 0, updated: 0, skipped: [] };
  rows.forEach((row, i) => {
    const line = i + 1;
    // Spreadsheets leave rows of empty cells behind; they are not mistakes worth reporting.
    if (Object.values(row).every((v) => !v?.trim())) return;
    let path = pick(row, 'path', 'name', 'tag');
    const parent = pick(row, 'parent');
    if (!path) {
      result.skipped.push(`row ${line}: no tag name`);
      return;
    }
    if (parent && !path.includes(PATH_SEPARATOR)) path = `${parent}${PATH_SEPARATOR}${path}`;
    const description = pick(row, 'description');
    const color = pick(row, 'colour', 'color');
    if (color && !COLOR_PATTERN.test(color)) {
      result.skipped.push(`row ${line}: "${color}" is not a colour like #E69F00`);
      return;
    }
    try {
      const segments = path.split(PATH_SEPARATOR).map((s) => s.trim());
      let parentId: string | null = null;
      segments.forEach((name, depth) => {
        const prefix = segments.slice(0, depth + 1).join(PATH_SEPARATOR);
        const last = depth === segments.length - 1;
        const existing = findByPath(book, prefix);
        if (existing) {
          if (
            last &&
            ((description && description !== existing.description) ||
              (color && color.toUpperCase() !== existing.color))
          ) {
            updateTag(book, existing.id, {
              ...(description ? { description } : {}),
              ...(color ? { color } : {}),
            });
            result.updated++;
          }
          parentId = existing.id;
        } else {
          const tag = createKeyedTag(
            book,
            { name, parentId, ...(last ? { description, color: color || null } : {}) },
            randomUUID(),
          );
          result.created++;
          parentId = tag.id;
        }
      });
    } catch (err) {
      result.skipped.push(`row ${line}: ${(err as Error).message}`);
    }
  });
  return result;
}
