/**
 * What the scan keeps of an article file for search: its summary and a search text. The scan first
 * takes the quick text (a regex pass over the HTML, quick-text.ts), so the list and search are
 * ready fast; then, in the background, each article's canonical cleaned text (the text the reader
 * shows and highlights anchor to) replaces it, so that a search finds exactly what can be read:
 * never boilerplate the cleaner removes or text the page hides. The two differed in about one
 * article in eight of the corpus. Cleaning costs about ten times the regex pass; the background
 * pass does it in worker threads (parse-worker.ts) and in slices on the main thread, and the parse
 * cache keeps the result, so only new or changed files pay it (library-scan.ts).
 */
import { buildArticle } from './load-article.js';
import type { ParsedFile } from './pack-texts.js';
import { readArticleFileSync, type FileInfo, type ParsedArticle } from './read-article.js';

/**
 * The canonical text of a parsed article ('' when it has no body), or null when the cleaner
 * failed: in a parse worker that cannot load jsdom (the packaged worker carries its other packages
 * but loads jsdom from node_modules), or on an article that breaks it.
 */
export function canonicalText(parsed: ParsedArticle): string | null {
  if (parsed.body.trim() === '') return '';
  try {
    return buildArticle(parsed).doc.text;
  } catch {
    return null;
  }
}

/** Read and parse one file, with its quick search text; never throws. */
export function parseQuick(absPath: string, info: FileInfo): ParsedFile {
  const { summary, searchText } = readArticleFileSync(absPath, info);
  return { summary, searchText, canonical: false };
}

/**
 * Read, parse and clean one file for the search index; never throws. When the cleaner fails, the
 * text is the scan-time one and `canonical` false (the main thread then tries, see library-scan.ts).
 */
export function parseForIndex(absPath: string, info: FileInfo): ParsedFile {
  const parsed = readArticleFileSync(absPath, info);
  const text = canonicalText(parsed);
  return { summary: parsed.summary, searchText: text ?? parsed.searchText, canonical: text !== null };
}
