/**
 * The parse cache: what the scan learnt about each file (summary + search text), keyed by path,
 * size and mtime, so reopening a library reads no article files at all. Disposable: a missing,
 * unreadable, corrupt or older-version cache is simply ignored and rebuilt.
 *
 * Two files per library: `…json` (summaries) and `…texts-<generation>` (search texts, UTF-16LE,
 * joined by U+0000). The summaries are all a reopen needs before the list is ready; the texts
 * load right after, off the critical path (UTF-16 because decoding it is a copy, ~3x faster than
 * UTF-8 for Chinese). Each file is written atomically (temp file + rename), texts first, and the
 * summaries name their texts file, so a crash never pairs summaries with the wrong texts.
 * The texts go through one small buffer both ways, never as one string or Buffer of them all:
 * at 10,000 articles that would be two copies of ~90 MB (memory, and time to touch it).
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleMeta, ArticleSummary } from '../model.js';
import { CLEANER_VERSION } from '../clean/clean-article.js';
import { writeFileAtomic } from '../settings/atomic-write.js';

/** Bump when the cached shape or the scan-time parsing changes. */
export const PARSE_CACHE_VERSION = 3;

export interface CacheEntry {
  summary: ArticleSummary;
  searchText: string;
  /** The cleaner version whose canonical text `searchText` is, or null for scan-time text. */
  textCleanerVersion: number | null;
  /** The metadata of the cleaned article, kept with its exact text (null with scan-time text). */
  cleanMeta: ArticleMeta | null;
}

interface CacheHeader {
  version: number;
  cleanerVersion: number;
  root: string;
  textsFile: string;
  textsBytes: number;
  entries: { summary: ArticleSummary; textCleanerVersion: number | null; cleanMeta?: ArticleMeta | null }[];
}

export interface LoadedCache {
  entries: Map<string, CacheEntry>;
  /** Fills in every entry's searchText (synchronously: search may need it at once); false on failure. */
  loadTexts(): boolean;
}

const prefixFor = (root: string): string =>
  `parse-cache-${createHash('sha1').update(root).digest('hex').slice(0, 12)}`;

export function cacheFileFor(cacheDir: string, root: string): string {
  return join(cacheDir, `${prefixFor(root)}.v${PARSE_CACHE_VERSION}.json`);
}

const EMPTY: LoadedCache = { entries: new Map(), loadTexts: () => true };

/** Between two texts in the texts file. */
const SEPARATOR = '\u0000';
const CHUNK_BYTES = 1024 * 1024;

/** The texts of a texts file, read in chunks (it holds whole UTF-16 units, joined by U+0000). */
function readTexts(file: string): string[] {
  const texts: string[] = [];
  const buf = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  let partial = '';
  const fd = openSync(file, 'r');
  try {
    for (let full = true; full;) {
      let length = 0;
      for (let n = 1; n > 0 && length < buf.length; length += n)
        n = readSync(fd, buf, length, buf.length - length, null);
      full = length === buf.length;
      // One string per chunk, which the texts are slices of (see pack-texts.ts for why).
      const text = buf.toString('utf16le', 0, length);
      let from = 0;
      for (let at = text.indexOf(SEPARATOR); at >= 0; at = text.indexOf(SEPARATOR, from)) {
        texts.push(partial + text.slice(from, at));
        partial = '';
        from = at + 1;
      }
      partial += text.slice(from);
    }
  } finally {
    closeSync(fd);
  }
  texts.push(partial);
  return texts;
}

/** Load the cache for `root`, or an empty one when there is none usable. */
export async function loadParseCache(cacheDir: string, root: string): Promise<LoadedCache> {
  let header: CacheHeader;
  try {
    header = JSON.parse(await readFile(cacheFileFor(cacheDir, root), 'utf8')) as CacheHeader;
    if (header.version !== PARSE_CACHE_VERSION || header.root !== root || !Array.isArray(header.entries))
      return EMPTY;
    if (!/^[\w.-]+$/.test(header.textsFile)) return EMPTY;
    if ((await stat(join(cacheDir, header.textsFile))).size !== header.textsBytes) return EMPTY;
  } catch {
    return EMPTY;
  }
  const entries = new Map<string, CacheEntry>();
  const sameCleaner = header.cleanerVersion === CLEANER_VERSION;
  for (const e of header.entries) {
    if (!e?.summary || typeof e.summary.path !== 'string' || typeof e.summary.id !== 'string') return EMPTY;
    // Text cleaned by another cleaner version is still fine for search, but not exact.
    const exact = sameCleaner && e.textCleanerVersion !== null && !!e.cleanMeta;
    entries.set(e.summary.path, {
      summary: e.summary,
      searchText: '',
      textCleanerVersion: exact ? e.textCleanerVersion : null,
      cleanMeta: exact ? (e.cleanMeta ?? null) : null,
    });
  }
  const loadTexts = (): boolean => {
    try {
      const texts = readTexts(join(cacheDir, header.textsFile));
      if (texts.length !== header.entries.length) return false;
      header.entries.forEach((e, i) => {
        const entry = entries.get(e.summary.path);
        if (entry && entry.searchText === '') entry.searchText = texts[i] ?? '';
      });
      return true;
    } catch {
      return false;
    }
  };
  return { entries, loadTexts };
}

/** True when a cache entry still describes the file on disk. */
export function isFresh(entry: CacheEntry | undefined, size: number, mtimeMs: number): entry is CacheEntry {
  return !!entry && entry.summary.size === size && entry.summary.mtimeMs === mtimeMs;
}

export async function saveParseCache(
  cacheDir: string,
  root: string,
  entries: Iterable<CacheEntry>,
): Promise<void> {
  const list = [...entries];
  const prefix = prefixFor(root);
  const textsFile = `${prefix}.v${PARSE_CACHE_VERSION}.texts-${randomBytes(6).toString('hex')}`;
  let textsBytes = 0;
  async function* texts(): AsyncGenerator<Buffer> {
    // One buffer, refilled once the writer has written it (it awaits each chunk before the next).
    const buf = Buffer.allocUnsafeSlow(CHUNK_BYTES);
    let used = 0;
    for (let i = 0; i < list.length; i++) {
      let rest = (i > 0 ? SEPARATOR : '') + (list[i] as CacheEntry).searchText.replace(/\u0000/g, '');
      for (;;) {
        const n = buf.write(rest, used, 'utf16le');
        used += n;
        textsBytes += n;
        if (n === rest.length * 2) break;
        rest = rest.slice(n / 2);
        yield buf.subarray(0, used);
        used = 0;
      }
    }
    if (used > 0) yield buf.subarray(0, used);
  }
  await mkdir(cacheDir, { recursive: true });
  await writeFileAtomic(join(cacheDir, textsFile), texts());
  const header: CacheHeader = {
    version: PARSE_CACHE_VERSION,
    cleanerVersion: CLEANER_VERSION,
    root,
    textsFile,
    textsBytes,
    entries: list.map(({ summary, textCleanerVersion, cleanMeta }) =>
      textCleanerVersion === null
        ? { summary, textCleanerVersion }
        : { summary, textCleanerVersion, cleanMeta },
    ),
  };
  await writeFileAtomic(cacheFileFor(cacheDir, root), JSON.stringify(header));
  // Old texts files of this library are garbage now.
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith(`${prefix}.`) && name.includes('.texts-') && name !== textsFile) {
      await unlink(join(cacheDir, name)).catch(() => undefined);
    }
  }
}
