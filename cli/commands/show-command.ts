/**
 * `gloss show FILE [--text|--html|--json]`: one article, cleaned exactly as the app shows it.
 * Reads the file directly; nothing is written anywhere. Text and HTML are printed terminal-safe
 * (terminal-text.ts), JSON too.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { loadArticle } from '../../core/library/load-article.js';
import { CliError } from '../cli-error.js';
import { terminalSafe, terminalSafeJson, warningLine } from '../terminal-text.js';

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
  for (const w of article.warnings) process.stderr.write(warningLine(path, w));
  if (format === 'json') {
    process.stdout.write(`${terminalSafeJson(article)}\n`);
  } else if (format === 'html') {
    process.stdout.write(`${terminalSafe(article.doc.html)}\n`);
  } else {
    const { meta } = article;
    const header = [
      meta.title,
      [meta.date ?? meta.dateRaw, meta.author, meta.categories.join(' / ')].filter(Boolean).join(' · '),
    ];
    process.stdout.write(terminalSafe(`${header.join('\n')}\n\n${article.doc.text}\n`));
  }
}
