/**
 * `gloss index DIR [--json]`: every article of a library with its metadata and warnings.
 * Warnings also go to stderr, one line each, so scripts can keep stdout clean. The table and the
 * warnings come from files, so they are printed terminal-safe (terminal-text.ts).
 */
import { withLibrary } from './open-for-cli.js';
import type { ArticleSummary } from '../../core/model.js';
import { terminalSafe, terminalSafeJson, warningLine } from '../terminal-text.js';

export async function indexCommand(dir: string, options: { json?: boolean }): Promise<void> {
  await withLibrary(dir, async (service) => {
    const list = await service.handlers.listArticles({});
    const articles = [...list.articles].sort((a, b) => a.path.localeCompare(b.path));
    for (const error of list.errors) process.stderr.write(`gloss: ${terminalSafe(error)}\n`);
    for (const article of articles) {
      for (const w of article.warnings) process.stderr.write(warningLine(article.path, w));
    }
    if (options.json) {
      process.stdout.write(`${terminalSafeJson({ root: service.ctx.session!.info.root, articles })}\n`);
    } else {
      process.stdout.write(terminalSafe(formatTable(articles)));
      process.stdout.write(`\n${articles.length} articles\n`);
    }
  });
}

function formatTable(articles: ArticleSummary[]): string {
  return articles
    .map((a) => [a.date ? a.date.slice(0, 10) : '—'.padEnd(10), a.title, a.path, a.author ?? ''].join('\t'))
    .join('\n');
}
