/**
 * `gloss index DIR [--json]`: every article of a library with its metadata and warnings.
 * Warnings also go to stderr, one line each, so scripts can keep stdout clean.
 */
import { withLibrary } from './open-for-cli.js';
import type { ArticleSummary } from '../../core/model.js';

export async function indexCommand(dir: string, options: { json?: boolean }): Promise<void> {
  await withLibrary(dir, async (service) => {
    const list = await service.handlers.listArticles({});
    const articles = [...list.articles].sort((a, b) => a.path.localeCompare(b.path));
    for (const error of list.errors) process.stderr.write(`gloss: ${error}\n`);
    for (const article of articles) {
      for (const w of article.warnings) {
        process.stderr.write(`gloss: ${article.path}${w.line ? `:${w.line}` : ''}: ${w.message}\n`);
      }
    }
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify({ root: service.ctx.session!.info.root, articles }, null, 2)}\n`,
      );
    } else {
      process.stdout.write(formatTable(articles));
      process.stdout.write(`\n${articles.length} articles\n`);
    }
  });
}

function formatTable(articles: ArticleSummary[]): string {
  return articles
    .map((a) => [a.date ? a.date.slice(0, 10) : '—'.padEnd(10), a.title, a.path, a.author ?? ''].join('\t'))
    .join('\n');
}
