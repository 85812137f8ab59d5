/**
 * Where an imported source's selections go: the library article with the same text, or a new
 * article file under `imported/` (not written on a dry run), read as the library will read it.
 */
import { plainTextToHtml } from '../../clean/plain-text-to-html.js';
import { buildArticle } from '../../library/load-article.js';
import { parseArticleBytes } from '../../library/read-article.js';
import type { ImportContext, TargetArticle } from './import-plan.js';
import { findArticle } from './match-article.js';
import { articleFileText, writeNewArticle } from './new-article-file.js';
import { SpacelessText } from './place-on-article.js';

/** The article a source's selections go on: the library's copy of its text, or a new file. */
export async function targetArticle(
  ctx: ImportContext,
  name: string,
  normalized: string,
  spaceless: SpacelessText,
  frontMatter: Record<string, unknown>,
): Promise<TargetArticle & { isNew: boolean }> {
  const { session, report } = ctx;
  const match = await findArticle(session.library, spaceless);
  if (match) {
    report.matchedArticles.push({
      source: name,
      articleId: match.articleId,
      path: match.path,
      exact: match.exact,
    });
    const summary = session.library.list().articles.find((a) => a.id === match.articleId);
    return {
      articleId: match.articleId,
      text: match.text,
      spaceless: match.spaceless,
      ref: { path: match.path, fingerprint: summary?.fingerprint ?? '' },
      isNew: false,
    };
  }
  // Plain text, unless the text reads as HTML to the library (a source quoting markup): then
  // the same paragraphs as HTML, escaped, which gives the same canonical text.
  let extension: 'txt' | 'html' = 'txt';
  let content = articleFileText(frontMatter, normalized);
  const probe = Buffer.from(content, 'utf8');
  if (
    parseArticleBytes(probe, { relPath: 'x.txt', size: probe.length, mtimeMs: 0 }).summary.format !==
    'plain-text'
  ) {
    extension = 'html';
    content = articleFileText(frontMatter, plainTextToHtml(normalized));
  }
  const file = await writeNewArticle(
    session.library.root,
    ctx.project.name,
    name,
    content,
    extension,
    ctx.taken,
    ctx.dryRun,
  );
  // A file an earlier import of this project wrote, not scanned yet: the same article.
  if (file.existed)
    report.matchedArticles.push({ source: name, articleId: '', path: file.relPath, exact: true });
  else report.newArticles.push(file.relPath);
  // The article as the library will read it: the same parser and cleaner, run here.
  const bytes = Buffer.from(content, 'utf8');
  const article = buildArticle(
    parseArticleBytes(bytes, { relPath: file.relPath, size: bytes.length, mtimeMs: 0 }),
  );
  if (file.existed) report.matchedArticles[report.matchedArticles.length - 1]!.articleId = article.id;
  return {
    articleId: article.id,
    text: article.doc.text,
    spaceless: new SpacelessText(article.doc.text),
    ref: { path: file.relPath, fingerprint: article.fingerprint, title: article.title },
    isNew: !file.existed,
  };
}
