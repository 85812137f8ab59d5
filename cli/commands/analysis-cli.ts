/**
 * What the analysis commands (`gloss sample`, `sets`, `report`, `autocode`) share: calling the API
 * through `dispatch` (so the command line checks its input exactly as the app does), the article
 * filter options, and a plain aligned table for the terminal.
 */
import { Option, type Command } from 'commander';
import type { OpInput, OpOutput, OperationName } from '../../core/api/contract.js';
import { dispatch } from '../../core/api/dispatch.js';
import type { GlossService } from '../../core/api/service.js';
import type { ArticleScope } from '../../core/analysis/report-types.js';
import { ApiError } from '../../core/errors.js';
import { CliError } from '../cli-error.js';
import { collectOption, parseDateOption } from './export.js';

/** Calls an API operation; its errors become one-line CLI errors. */
export async function callApi<K extends OperationName>(
  service: GlossService,
  name: K,
  input: OpInput<K>,
): Promise<OpOutput<K>> {
  try {
    return (await dispatch(service.handlers, name, input)) as OpOutput<K>;
  } catch (err) {
    if (err instanceof ApiError) throw new CliError(err.message);
    throw err;
  }
}

export type ScopeOptions = Omit<ArticleScope, 'articleIds'>;

/** The article filter options every analysis command takes (autocode's --query is its search). */
export function addScopeOptions(command: Command, opts: { query?: boolean } = {}): Command {
  command
    .option('--set <name>', 'only the articles of this saved set')
    .option('--folder <folder>', 'only articles in this folder (and its sub-folders)')
    .option('--no-subfolders', "with --folder: only the folder's own articles, none of its sub-folders'")
    .option('--category <category>', 'only articles in this category');
  if (opts.query !== false)
    command.option('--query <text>', 'only articles whose title or text contains this');
  return command
    .option('--from <date>', 'only articles dated on or after this day (YYYY-MM-DD)', parseDateOption)
    .option('--to <date>', 'only articles dated on or before this day (YYYY-MM-DD)', parseDateOption);
}

export function scopeOf(options: ScopeOptions): ArticleScope {
  const scope: ArticleScope = {};
  for (const key of ['set', 'folder', 'category', 'query', 'from', 'to'] as const) {
    const value = options[key];
    if (value !== undefined) scope[key] = value;
  }
  // Commander sets `subfolders` true unless --no-subfolders; only the exclusion is worth sending.
  if (options.subfolders === false) scope.subfolders = false;
  return scope;
}

export const repeatable = (flags: string, description: string): Option =>
  new Option(flags, description).argParser(collectOption);

/** Wide characters (CJK, full-width forms) take two columns in a terminal. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;
const columns = (s: string): number => s.length + (s.match(WIDE)?.length ?? 0);

/** Rows as left-aligned columns separated by two spaces. */
export function alignedTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(columns(h), ...rows.map((r) => columns(r[i] ?? ''))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c + ' '.repeat(Math.max(0, widths[i]! - columns(c))))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
