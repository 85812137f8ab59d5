/**
 * Article ids and body fingerprints. An id must survive re-scans and moves where possible:
 * the front-matter `id` if the file has one, else one derived from its URL, else from its path.
 * Ids are short, URL- and file-name-safe strings, because other parts store data per article.
 */
import { createHash } from 'node:crypto';

const hash = (s: string, length = 16): string => createHash('sha1').update(s).digest('hex').slice(0, length);

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Normalise a URL so trivial differences (scheme case, trailing slash, fragment) give the same id. */
function normalizeUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return url.trim();
  }
}

export function idFromFrontMatter(id: string): string {
  return SAFE_ID.test(id) ? id : `i-${hash(id)}`;
}

export function idFromUrl(url: string): string {
  return `u-${hash(normalizeUrl(url))}`;
}

/** `relPath` uses forward slashes and is relative to the library root. */
export function idFromPath(relPath: string): string {
  return `p-${hash(relPath)}`;
}

export function articleId(frontMatterId: string | null, url: string | null, relPath: string): string {
  if (frontMatterId) return idFromFrontMatter(frontMatterId);
  if (url) return idFromUrl(url);
  return idFromPath(relPath);
}

/** Hash of the body as written (after front matter), to recognise a moved or renamed file. */
export function fingerprint(body: string): string {
  return hash(body.trim(), 20);
}
