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
import { basename, join } from 'node:path';
import type { ArticleFormat, ArticleMeta, ArticleSummary, ArticleWarning } from '../model.js';
import { CLEANER_VERSION } from '../clean/clean-article.js';
import { writeStreamDurable } from '../files/durable-write.js';

/** Bump when the cached shape or the scan-time parsing changes. */
export const PARSE_CACHE_VERSION = 5;

export interface CacheEntry {
  summary: ArticleSummary;
  searchText: string;
  /** The cleaner version whose canonical text `searchText` is, or null for scan-time text. */
  textCleanerVersion: number | null;
  /** The metadata of the cleaned article, kept with its exact text (null with scan-time text). */
  cleanMeta: ArticleMeta | null;
}

/**
 * The summaries file. A reopen waits for it to be read, decoded and parsed, and on a slow machine
 * that costs per byte, so each summary is a row of values (no key names) and the values that
 * repeat from file to file (folder, categories, format, encoding) are numbers into tables. The
 * path is not stored whole: it is the folder and the file's name. ~2.5x smaller than objects.
 */
interface CacheHeader {
  version: number;
  cleanerVersion: number;
  root: string;
  textsFile: string;
  textsBytes: number;
  folders: string[];
  categoryLists: string[][];
  formats: ArticleFormat[];
  encodings: string[];
  rows: CacheRow[];
}

type CacheRow = [
  name: string,
  folder: number,
  id: string,
  title: string,
  date: string | null,
  author: string | null,
  categories: number,
  size: number,
  mtimeMs: number,
  format: number,
  encoding: number,
  fingerprint: string,
  /** 0 when there are none (nearly always). */
  warnings: ArticleWarning[] | 0,
  textCleanerVersion: number | null,
  cleanMeta?: ArticleMeta,
];

/** Gives each distinct value (by its JSON) a number, in the order first seen. */
class ValueTable<T> {
  readonly values: T[] = [];
  private readonly numbers = new Map<string, number>();
  numberOf(value: T): number {
    const key = typeof value === 'string' ? value : JSON.stringify(value);
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.values.push(value) - 1;
      this.numbers.set(key, n);
    }
    return n;
  }
}

function toRows(
  list: readonly CacheEntry[],
): Pick<CacheHeader, 'folders' | 'categoryLists' | 'formats' | 'encodings' | 'rows'> {
  const folders = new ValueTable<string>();
  const categoryLists = new ValueTable<string[]>();
  const formats = new ValueTable<ArticleFormat>();
  const encodings = new ValueTable<string>();
  const rows = list.map(({ summary: s, textCleanerVersion, cleanMeta }): CacheRow => {
    const row: CacheRow = [
      s.folder ? s.path.slice(s.folder.length + 1) : s.path,
      folders.numberOf(s.folder),
      s.id,
      s.title,
      s.date,
      s.author,
      categoryLists.numberOf(s.categories),
      s.size,
      s.mtimeMs,
      formats.numberOf(s.format),
      encodings.numberOf(s.encoding),
      s.fingerprint,
      s.warnings.length > 0 ? s.warnings : 0,
      textCleanerVersion,
    ];
    if (textCleanerVersion !== null && cleanMeta) row.push(cleanMeta);
    return row;
  });
  return {
    folders: folders.values,
    categoryLists: categoryLists.values,
    formats: formats.values,
    encodings: encodings.values,
    rows,
  };
}

const isTextOrNull = (v: unknown): boolean => v === null || typeof v === 'string';

/** The entries of a header, and each row's path; null when it is malformed (the cache is then ignored). */
function fromRows(header: CacheHeader): { entries: Map<string, CacheEntry>; paths: string[] } | null {
  const { folders, categoryLists, formats, encodings, rows } = header;
  if (![folders, categoryLists, formats, encodings, rows].every(Array.isArray)) return null;
  const entries = new Map<string, CacheEntry>();
  const paths: string[] = [];
  const sameCleaner = header.cleanerVersion === CLEANER_VERSION;
  for (const row of rows) {
    if (!Array.isArray(row)) return null;
    const [name, folderNo, id, title, date, author, categoriesNo, size, mtimeMs, formatNo, encodingNo] = row;
    const folder = folders[folderNo];
    const categories = categoryLists[categoriesNo];
    const format = formats[formatNo];
    const encoding = encodings[encodingNo];
    // A hand-edited or damaged cache must not put wrong types in the list: it is rebuilt instead.
    if (typeof name !== 'string' || typeof id !== 'string' || typeof folder !== 'string') return null;
    if (typeof title !== 'string' || !isTextOrNull(date) || !isTextOrNull(author)) return null;
    if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof row[11] !== 'string') return null;
    if (row[12] !== 0 && !Array.isArray(row[12])) return null;
    if (!Array.isArray(categories) || format === undefined || encoding === undefined) return null;
    const path = folder ? `${folder}/${name}` : name;
    paths.push(path);
    // Text cleaned by another cleaner version is still fine for search, but not exact.
    const textCleanerVersion = row[13];
    const cleanMeta = row[14];
    // The scan stores canonical text without the cleaned meta (only an opened article has it).
    const exact = sameCleaner && textCleanerVersion !== null;
    const summary: ArticleSummary = {
      id,
      path,
      folder,
      title,
      date,
      author,
      categories, // shared by the summaries with the same list: nothing changes a summary in place
      size,
      mtimeMs,
      format,
      encoding,
      warnings: row[12] || [],
      fingerprint: row[11],
      annotationCount: 0,
    };
    entries.set(path, {
      summary,
      searchText: '',
      textCleanerVersion: exact ? textCleanerVersion : null,
      cleanMeta: exact ? (cleanMeta ?? null) : null,
    });
  }
  return { entries, paths };
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
  let parsed: ReturnType<typeof fromRows>;
  try {
    header = JSON.parse(await readFile(cacheFileFor(cacheDir, root), 'utf8')) as CacheHeader;
    if (header.version !== PARSE_CACHE_VERSION || header.root !== root) return EMPTY;
    if (!/^[\w.-]+$/.test(header.textsFile)) return EMPTY;
    if ((await stat(join(cacheDir, header.textsFile))).size !== header.textsBytes) return EMPTY;
    parsed = fromRows(header);
  } catch {
    return EMPTY;
  }
  if (!parsed) return EMPTY;
  const { entries, paths } = parsed;
  const loadTexts = (): boolean => {
    try {
      const texts = readTexts(join(cacheDir, header.textsFile));
      if (texts.length !== paths.length) return false;
      paths.forEach((path, i) => {
        const entry = entries.get(path);
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
  await writeStreamDurable(join(cacheDir, textsFile), texts());
  const header: CacheHeader = {
    version: PARSE_CACHE_VERSION,
    cleanerVersion: CLEANER_VERSION,
    root,
    textsFile,
    textsBytes,
    ...toRows(list),
  };
  await writeStreamDurable(cacheFileFor(cacheDir, root), JSON.stringify(header));
  // Old texts files of this library are garbage now, and so are caches of other versions.
  const current = new Set([textsFile, basename(cacheFileFor(cacheDir, root))]);
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith(`${prefix}.`) && !current.has(name) && /\.(texts-\w+|json)$/.test(name)) {
      await unlink(join(cacheDir, name)).catch(() => undefined);
    }
  }
}
