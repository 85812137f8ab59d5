/**
 * Where each piece of a library's annotation data lives under its data folder, and how an article
 * id (which may be a URL or contain any character) becomes a safe, case-insensitive-proof file name.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

export interface StoreLayout {
  dataDir: string;
  codebookFile: string;
  annotationsDir: string;
  locksDir: string;
}

export function storeLayout(dataDir: string): StoreLayout {
  return {
    dataDir,
    codebookFile: path.join(dataDir, 'codebook.json'),
    annotationsDir: path.join(dataDir, 'annotations'),
    locksDir: path.join(dataDir, 'locks'),
  };
}

// Names Windows reserves even with an extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
const PLAIN_ID = /^[a-z0-9][a-z0-9_-]{0,99}$/;
const ARTICLE_FILE = /^(?:[a-z0-9][a-z0-9_-]{0,99}|h\.[0-9a-f]{40})\.json$/;

/**
 * File name (without folder) for an article's annotations. Simple lower-case ids are used as they
 * are, for people browsing the folder; anything else is hashed, since ids differing only in case
 * would collide on macOS and Windows. The file itself records the id, so the mapping need not invert.
 */
export function articleFileName(articleId: string): string {
  if (PLAIN_ID.test(articleId) && !RESERVED.test(articleId)) return `${articleId}.json`;
  return `h.${createHash('sha256').update(articleId, 'utf8').digest('hex').slice(0, 40)}.json`;
}

/** True for a live article file (not a temp file, a set-aside corrupt copy or anything else). */
export function isArticleFileName(name: string): boolean {
  return ARTICLE_FILE.test(name);
}

/** Name for a corrupt file moved aside: `name.corrupt-<timestamp>.json`. */
export function corruptName(file: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.corrupt-${stamp}${ext}`;
}
