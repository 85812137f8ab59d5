/**
 * A report's rows as the command line and the CSV give them: snake_case fields, codes by path,
 * coders by name (null: every coder together). `gloss report --json`, `--csv` and the view's CSV
 * export all come from here, so they always agree. CSV with the settings of every Gloss CSV
 * (core/export/csv-text.ts: formula-like cells neutralised, since names and titles are user text).
 */
import { BOM, csvCells, ROW_END, type Cell } from '../export/csv-text.js';
import type { Report } from './report-types.js';

export type TableRow = Record<string, string | number | null>;

export interface ReportTable {
  columns: string[];
  rows: TableRow[];
}

export function reportTable(report: Report): ReportTable {
  switch (report.kind) {
    case 'frequencies':
      return {
        columns: ['tag_path', 'coder', 'highlights', 'articles', 'characters'],
        rows: report.rows.map((r) => ({
          tag_path: r.tagPath,
          coder: r.coderName,
          highlights: r.highlights,
          articles: r.articles,
          characters: r.characters,
        })),
      };
    case 'matrix':
      return {
        columns: ['article_path', 'title', 'date', 'source', 'tag_path', 'highlights'],
        rows: report.rows.map((r) => ({
          article_path: r.articlePath,
          title: r.title,
          date: r.date,
          source: r.source,
          tag_path: r.tagPath,
          highlights: r.highlights,
        })),
      };
    case 'cooccurrence':
      return {
        columns: ['tag_a', 'tag_b', 'articles', 'overlaps'],
        rows: report.rows.map((r) => ({
          tag_a: r.tagAPath,
          tag_b: r.tagBPath,
          articles: r.articles,
          overlaps: r.overlaps,
        })),
      };
    case 'timeline':
      return {
        columns: ['period', 'tag_path', 'highlights', 'articles'],
        rows: report.rows.map((r) => ({
          period: r.period,
          tag_path: r.tagPath,
          highlights: r.highlights,
          articles: r.articles,
        })),
      };
  }
}

/** The table as CSV text; a null is an empty cell. */
export function reportCsv(report: Report, options: { bom?: boolean } = {}): string {
  const { columns, rows } = reportTable(report);
  const lines = [csvCells(columns)];
  for (const row of rows) lines.push(csvCells(columns.map((c): Cell => row[c] ?? '')));
  return (options.bom ? BOM : '') + lines.join(ROW_END) + ROW_END;
}
