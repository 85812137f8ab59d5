/**
 * Reads one article file the cheap way (scan time): decode, front matter or page head, metadata,
 * id, fingerprint and a regex-based plain text for search. No DOM here; cleaning happens later in
 * load-article.ts. Problems (binary, too large, empty, unreadable, bad front matter, bad date)
 * become warnings on the article, never exceptions.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import type { ArticleFormat, ArticleMeta, ArticleSummary, ArticleWarning } from '../model.js';
import { cleanString, mapFrontMatter } from './article-meta.js';
import { articleId, fingerprint } from './article-id.js';
import { decodeBytes, looksBinary } from './decode-bytes.js';
import { isFullHtmlPage, readHtmlPageMeta } from './html-page-meta.js';
import { parseDate } from './parse-date.js';
import { parseFrontMatter, UNCLOSED_FRONT_MATTER } from './parse-front-matter.js';
import { quickTextOfHtml, quickTextOfPage, quickTextOfPlain } from './quick-text.js';
import { readFileReusing } from './read-file-reusing.js';
import { markdownToHtml, rendersAsMarkdown } from '../clean/markdown-to-html.js';

export const MAX_ARTICLE_BYTES = 50 * 1024 * 1024;

export interface FileInfo {
  /** Relative to the library root, forward slashes. */
  relPath: string;
  size: number;
  mtimeMs: number;
}

export interface ParsedArticle {
  summary: ArticleSummary;
  meta: ArticleMeta;
  /** The body to clean, in the form `summary.format` says. */
  body: string;
  /** Scan-time plain text for search (see quick-text.ts). */
  searchText: string;
}

const LOOKS_LIKE_HTML =
  /<(?:p|div|br|span|h[1-6]|ul|ol|table|img|a|section|article|blockquote|figure|pre)\b/i;

function titleFromFileName(relPath: string): string {
  const base = posix.basename(relPath);
  const ext = posix.extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

function emptyMeta(relPath: string): ArticleMeta {
  return {
    title: titleFromFileName(relPath),
    date: null,
    dateRaw: null,
    author: null,
    categories: [],
    tags: [],
    url: null,
    image: null,
    editor: null,
    extra: {},
  };
}

function summaryOf(info: FileInfo, meta: ArticleMeta, extra: Partial<ArticleSummary>): ArticleSummary {
  const folder = posix.dirname(info.relPath);
  return {
    id: extra.id ?? articleId(null, null, info.relPath),
    path: info.relPath,
    folder: folder === '.' ? '' : folder,
    title: meta.title,
    date: meta.date,
    author: meta.author,
    categories: meta.categories,
    size: info.size,
    mtimeMs: info.mtimeMs,
    format: extra.format ?? 'plain-text',
    encoding: extra.encoding ?? 'unknown',
    warnings: extra.warnings ?? [],
    fingerprint: extra.fingerprint ?? '',
    annotationCount: 0,
  };
}

/** An article we could not read as text: listed (so the user sees it) with one warning. */
export function problemArticle(info: FileInfo, warning: ArticleWarning): ParsedArticle {
  const meta = emptyMeta(info.relPath);
  return { summary: summaryOf(info, meta, { warnings: [warning] }), meta, body: '', searchText: '' };
}

/** 1-based line of the first `key:` line in the file's first lines, if any. */
function lineOfKey(text: string, key: string): number | undefined {
  const lines = text.split('\n', 400);
  const pattern = new RegExp(`^${key}\\s*:`);
  const index = lines.findIndex((line) => pattern.test(line));
  return index >= 0 ? index + 1 : undefined;
}

function detectFormat(ext: string, text: string, fmPresent: boolean, body: string): ArticleFormat {
  if ((ext === '.html' || ext === '.htm') && !fmPresent && isFullHtmlPage(text)) return 'html-page';
  if (ext === '.html' || ext === '.htm') return 'front-matter-html';
  const bodyIsHtml = /^\s*</.test(body) ? LOOKS_LIKE_HTML.test(body.slice(0, 4096)) : false;
  if (ext === '.md' || ext === '.markdown') return bodyIsHtml ? 'front-matter-html' : 'markdown';
  if (!fmPresent && isFullHtmlPage(text)) return 'html-page';
  return fmPresent && LOOKS_LIKE_HTML.test(body.slice(0, 4096)) ? 'front-matter-html' : 'plain-text';
}

/** Parse a decoded file. Pure apart from hashing; used at scan time and when opening. */
export interface ParseTextOptions {
  /**
   * `text` is only the start of the file (readArticleHeadSync): metadata only, no search text or
   * fingerprint (both need the whole body), and no "empty body" warning.
   */
  headOnly?: boolean;
}

export function parseArticleText(
  text: string,
  encoding: string,
  info: FileInfo,
  warnings: ArticleWarning[] = [],
  options: ParseTextOptions = {},
): ParsedArticle {
  const headOnly = options.headOnly === true;
  const ext = posix.extname(info.relPath).toLowerCase();
  const fm = parseFrontMatter(text);
  const format = detectFormat(ext, text, fm.present, fm.body);
  const allWarnings = [...warnings];
  let meta: ArticleMeta;
  let fmId: string | null = null;
  let searchText: string;

  if (format === 'html-page') {
    const page = readHtmlPageMeta(text);
    meta = emptyMeta(info.relPath);
    meta.title = page.title ?? meta.title;
    meta.dateRaw = page.date;
    meta.date = page.date ? parseDate(page.date) : null;
    meta.author = page.author;
    meta.url = page.url;
    meta.image = page.image;
    if (page.siteName) meta.extra.siteName = page.siteName;
    if (page.date && !meta.date)
      allWarnings.push({ code: 'date', message: `Unrecognised date "${page.date}"` });
    searchText = headOnly ? '' : quickTextOfPage(text);
  } else {
    const mapped = mapFrontMatter(fm.data, titleFromFileName(info.relPath));
    meta = mapped.meta;
    fmId = mapped.id;
    // A Markdown file without a title in its front matter is usually titled by its first heading.
    const heading =
      format === 'markdown' && !cleanString(fm.data.title) ? /^\s*#\s+(.+?)\s*#*\s*$/m.exec(fm.body) : null;
    if (heading?.[1] && fm.body.trimStart().startsWith('#')) meta.title = heading[1];
    if (fm.error) allWarnings.push({ code: 'front-matter', message: fm.error.message, line: fm.error.line });
    if (mapped.badDate) {
      const line = lineOfKey(text, 'date');
      allWarnings.push({
        code: 'date',
        message: `Unrecognised date "${meta.dateRaw}"`,
        ...(line ? { line } : {}),
      });
    }
    if (headOnly) searchText = '';
    else if (format === 'front-matter-html') searchText = quickTextOfHtml(fm.body);
    else if (format === 'markdown' && rendersAsMarkdown(fm.body))
      searchText = quickTextOfHtml(markdownToHtml(fm.body));
    else searchText = quickTextOfPlain(fm.body);
  }
  const body = format === 'html-page' ? text : fm.body;
  if (!headOnly && body.trim() === '')
    allWarnings.push({ code: 'empty', message: 'The article has no body text' });
  const summary = summaryOf(info, meta, {
    id: articleId(fmId, meta.url, info.relPath),
    format,
    encoding,
    warnings: allWarnings,
    fingerprint: headOnly ? '' : fingerprint(body),
  });
  return { summary, meta, body, searchText };
}

/** Decode and parse raw bytes. */
export function parseArticleBytes(bytes: Uint8Array, info: FileInfo): ParsedArticle {
  if (bytes.length === 0) return problemArticle(info, { code: 'empty', message: 'The file is empty' });
  const decoded = decodeBytes(bytes);
  if ('binary' in decoded)
    return problemArticle(info, { code: 'binary', message: 'This looks like a binary file, not text' });
  const warnings: ArticleWarning[] = [];
  if (decoded.guessed) {
    warnings.push({
      code: 'encoding',
      message: `Text encoding guessed as ${decoded.encoding.toUpperCase()}`,
    });
  }
  return parseArticleText(decoded.text.replace(/\u0000/g, ''), decoded.encoding, info, warnings);
}

function parseRead(info: FileInfo, maxBytes: number, read: () => Buffer): ParsedArticle {
  if (info.size > maxBytes) {
    const mb = (info.size / 1024 / 1024).toFixed(1);
    return problemArticle(info, {
      code: 'too-large',
      message: `The file is ${mb} MB; Gloss opens files up to ${maxBytes / 1024 / 1024} MB`,
    });
  }
  if (info.size === 0) return problemArticle(info, { code: 'empty', message: 'The file is empty' });
  let bytes: Buffer;
  try {
    bytes = read();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return problemArticle(info, { code: 'unreadable', message: `Cannot read the file (${code})` });
  }
  if (bytes.length > maxBytes)
    return problemArticle(info, { code: 'too-large', message: 'The file is too large' });
  try {
    return parseArticleBytes(bytes, info);
  } catch (err) {
    // Defensive: parsing is written not to throw, but one odd file must never stop a scan.
    return problemArticle(info, {
      code: 'parse',
      message: `Could not parse the file: ${(err as Error).message}`,
    });
  }
}

/**
 * Read and parse one file synchronously; never throws. The scan uses this in short slices and in
 * its worker threads: on small files synchronous reads are 2-3x faster than fs.promises (no
 * thread-pool round trip), and they reuse one buffer (read-file-reusing.ts).
 */
export function readArticleFileSync(
  absPath: string,
  info: FileInfo,
  maxBytes = MAX_ARTICLE_BYTES,
): ParsedArticle {
  return parseRead(info, maxBytes, () => readFileReusing(absPath, info.size, maxBytes));
}

/** Bytes a head read takes: front matter fits in far less, and the format is told by the body's start. */
export const HEAD_BYTES = 4096;

let headBuffer: Buffer | null = null;

/**
 * The article's metadata from the first HEAD_BYTES of the file: what the library list needs, at a
 * fraction of the cost of a full parse (no decoding of the whole file, no search text). The scan
 * lists every article this way first, then parses files in full for search (library.ts). Null
 * when the head is not enough to be sure: a file that is not plain UTF-8 (legacy encodings are
 * guessed from all of it), a saved web page, or front matter running past the head; the caller
 * then parses the whole file. Fills in `info.size` and `info.mtimeMs` when they are unknown (-1)
 * and the file can be opened. Never throws.
 */
export function readArticleHeadSync(absPath: string, info: FileInfo): ParsedArticle | null {
  if (info.size === 0 || info.size > MAX_ARTICLE_BYTES) return null;
  let length: number;
  try {
    headBuffer ??= Buffer.allocUnsafeSlow(HEAD_BYTES);
    const fd = openSync(absPath, 'r');
    try {
      if (info.size < 0) {
        // Listed without a stat (scanFolder's statFiles: false): the open file says.
        const st = fstatSync(fd);
        info.size = st.size;
        info.mtimeMs = st.mtimeMs;
        if (info.size === 0 || info.size > MAX_ARTICLE_BYTES) return null;
      }
      length = readSync(fd, headBuffer, 0, HEAD_BYTES, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  if (length === 0) return null;
  // Unless the head is the whole file, cut before its last character, which it may have split.
  let end = length;
  if (length < info.size) {
    end = length - 1;
    while (end > 0 && ((headBuffer[end] as number) & 0xc0) === 0x80) end--;
  }
  const head = headBuffer.subarray(0, end);
  if (looksBinary(head)) return null;
  let text: string;
  try {
    text = strictUtf8.decode(head);
  } catch {
    return null; // not UTF-8 (or a BOM'd UTF-16 file): decodeBytes decides from the whole file
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let parsed: ParsedArticle;
  try {
    parsed = parseArticleText(text.replace(/\u0000/g, ''), 'utf-8', info, [], { headOnly: true });
  } catch {
    return null;
  }
  if (parsed.summary.format === 'html-page') return null;
  if (parsed.summary.warnings.some((w) => w.message === UNCLOSED_FRONT_MATTER)) return null;
  return parsed;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Read and parse one file; never throws. */
export async function readArticleFile(
  absPath: string,
  info: FileInfo,
  maxBytes = MAX_ARTICLE_BYTES,
): Promise<ParsedArticle> {
  let bytes: Buffer | null = null;
  let error: unknown = null;
  if (info.size > 0 && info.size <= maxBytes) {
    try {
      bytes = await readFile(absPath);
    } catch (err) {
      error = err;
    }
  }
  return parseRead(info, maxBytes, () => {
    if (error) throw error;
    return bytes ?? Buffer.alloc(0);
  });
}
