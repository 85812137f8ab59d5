/**
 * `gloss show FILE [--text|--html|--json]`: one article, cleaned exactly as the app shows it.
 * Reads the file directly; nothing is written anywhere.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { loadArticle } from '../../core/library/load-article.js';
import { CliError } from '../cli-error.js';

export type ShowFormat = 'text' | 'html' | 'json';

export async function showCommand(file: string, format: ShowFormat): Promise<void> {
  const path = resolve(file);
  const info = await stat(path).catch(() => null);
  if (!info) throw new CliError(`No such file: ${path}`);
  if (!info.isFile()) throw new CliError(`Not a file: ${path}`);
  const article = await loadArticle(path, {
    relPath: basename(path),
    size: info.size,
    mtimeMs: info.mtimeMs,
  }).catch((err: NodeJS.ErrnoException) => {
    throw new CliError(`Cannot read ${path} (${err.code ?? err.message})`);
  });
  for (const w of article.warnings) {
    process.stderr.write(`gloss: ${path}${w.line ? `:${w.line}` : ''}: ${w.message}\n`);
  }
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(article, null, 2)}\n`);
  } else if (format === 'html') {
    process.stdout.write(`${article.doc.html}\n`);
  } else {
    const { meta } = article;
    const header = [
      meta.title,
      [meta.date ?? meta.dateRaw, meta.author, meta.categories.join(' / ')].filter(Boolean).join(' · '),
    ];
    process.stdout.write(`${header.join('\n')}\n\n${article.doc.text}\n`);
  }
}
