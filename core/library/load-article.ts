/**
 * Opening an article: read it again, parse it, and run the full cleaner for its format. This is
 * the expensive path (jsdom), so the library calls it lazily and caches the last few results.
 */
import { readFile } from 'node:fs/promises';
import type { Article, ArticleWarning } from '../model.js';
import { cleanHtml, type CleanResult } from '../clean/clean-article.js';
import { extractPage } from '../clean/extract-page.js';
import { MAX_ELEMENTS } from '../clean/limit-elements.js';
import { MAX_MARKDOWN_CHARS, markdownToHtml, rendersAsMarkdown } from '../clean/markdown-to-html.js';
import { plainTextToHtml } from '../clean/plain-text-to-html.js';
import { parseDate } from './parse-date.js';
import {
  parseArticleBytes,
  readArticleFile,
  type FileInfo,
  type ParsedArticle,
  MAX_ARTICLE_BYTES,
} from './read-article.js';

/** Clean a parsed article according to its format, filling in meta the body reveals. */
export function buildArticle(parsed: ParsedArticle): Article {
  const { summary } = parsed;
  const meta = { ...parsed.meta, extra: { ...parsed.meta.extra } };
  let result: CleanResult;
  let pageSimplified = false;
  let extraWarning: ArticleWarning | null = null;
  switch (summary.format) {
    case 'html-page': {
      const page = extractPage(parsed.body, meta.url);
      if (!meta.author && page.byline) meta.author = page.byline;
      if (!meta.date && page.publishedTime) {
        meta.dateRaw ??= page.publishedTime;
        meta.date = parseDate(page.publishedTime);
      }
      result = cleanHtml(page.html);
      pageSimplified = page.simplified;
      break;
    }
    case 'markdown':
      if (rendersAsMarkdown(parsed.body)) result = cleanHtml(markdownToHtml(parsed.body));
      else {
        result = cleanHtml(plainTextToHtml(parsed.body));
        extraWarning = {
          code: 'markdown-as-text',
          message: `The Markdown is over ${MAX_MARKDOWN_CHARS.toLocaleString('en')} characters; it is shown as plain text`,
        };
      }
      break;
    case 'plain-text':
      result = cleanHtml(plainTextToHtml(parsed.body));
      break;
    default:
      result = cleanHtml(parsed.body);
  }
  meta.editor = result.editor;
  const warnings = [...summary.warnings];
  if (extraWarning) warnings.push(extraWarning);
  if (result.simplified || pageSimplified) {
    warnings.push({
      code: 'simplified',
      message: `The body has more than ${MAX_ELEMENTS.toLocaleString('en')} HTML elements; the rest is shown as plain text`,
    });
  }
  return { ...summary, warnings, meta, doc: result.doc };
}

/** Read, parse and clean the file at `absPath`. Throws the fs error if the file is gone. */
export async function loadArticle(absPath: string, info: FileInfo): Promise<Article> {
  if (info.size > MAX_ARTICLE_BYTES) {
    // Too large to open: the summary (with its "too large" warning) and an empty document.
    return buildArticle(await readArticleFile(absPath, info));
  }
  const bytes = await readFile(absPath);
  return buildArticle(parseArticleBytes(bytes, { ...info, size: bytes.length }));
}
