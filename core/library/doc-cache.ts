/**
 * The cleaned-document cache: what opening an article produced (the whole Article: the cleaned
 * document and the meta the cleaner and page extraction found), so opening it again, or exporting
 * it, does not run the cleaner. Disposable, like the parse cache: a missing, corrupt or stale entry
 * is ignored and rebuilt, and the cache never changes what `get()` returns (an entry is only
 * written when it reads back deep-equal to what it stores).
 *
 * Layout: one small JSON file per article, `<cacheDir>/docs-<hash of root>/<hash of path>.json`,
 * holding its key and the article. One write touches one article's file (temp file + rename, no
 * fsync: a torn file fails to parse and is rebuilt), and a reader needs no index. An entry is fresh
 * when its key matches the scan's summary of the file (path, size, mtime, body fingerprint) and the
 * versions of this format, of the parser, of the cleaner and of the libraries that shape the output.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import createDOMPurify from 'dompurify';
import type { Article, ArticleSummary } from '../model.js';
import { CLEANER_VERSION } from '../clean/clean-article.js';
import { PARSE_CACHE_VERSION } from './parse-cache.js';

/** Bump when the stored shape changes. */
export const DOC_CACHE_VERSION = 1;

/** Writes waiting beyond this many are dropped (it is only a cache); bounds memory in a bulk export. */
const MAX_PENDING_WRITES = 64;

/** Leftover temp files (a crash mid-write) older than this are removed by prune(). */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** What an article is stored without: the library's identity for it, which the scan decides. */
export type StoredArticle = Omit<Article, 'id' | 'annotationCount'>;

interface EntryKey {
  format: number;
  parser: number;
  cleaner: number;
  toolchain: string;
  path: string;
  size: number;
  mtimeMs: number;
  fingerprint: string;
}

interface Entry {
  key: EntryKey;
  article: StoredArticle;
}

/** Versions of the libraries whose upgrade may change cleaned output without a CLEANER_VERSION bump. */
function toolchainVersions(): string {
  const require = createRequire(import.meta.url);
  const versionOf = (name: string): string => {
    try {
      return (require(`${name}/package.json`) as { version?: string }).version ?? '?';
    } catch {
      return '?';
    }
  };
  const purify = (createDOMPurify as unknown as { version?: string }).version ?? '?';
  return `jsdom ${versionOf('jsdom')}, dompurify ${purify}, readability ${versionOf('@mozilla/readability')}, markdown-it ${versionOf('markdown-it')}, htmlparser2 ${versionOf('htmlparser2')}`;
}

let toolchain: string | null = null;

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

export function docCacheDirFor(cacheDir: string, root: string): string {
  return join(cacheDir, `docs-${sha1(root).slice(0, 12)}`);
}

const fileNameFor = (relPath: string): string => `${sha1(relPath).slice(0, 24)}.json`;

/** The entry file of the article at `relPath` (for tests and tools). */
export function docCacheFileFor(cacheDir: string, root: string, relPath: string): string {
  return join(docCacheDirFor(cacheDir, root), fileNameFor(relPath));
}

function keyFor(summary: ArticleSummary): EntryKey {
  toolchain ??= toolchainVersions();
  return {
    format: DOC_CACHE_VERSION,
    parser: PARSE_CACHE_VERSION,
    cleaner: CLEANER_VERSION,
    toolchain,
    path: summary.path,
    size: summary.size,
    mtimeMs: summary.mtimeMs,
    fingerprint: summary.fingerprint,
  };
}

function looksLikeArticle(a: unknown): a is StoredArticle {
  const x = a as StoredArticle | null;
  return (
    !!x &&
    typeof x === 'object' &&
    typeof x.path === 'string' &&
    !!x.meta &&
    typeof x.meta === 'object' &&
    !!x.doc &&
    typeof x.doc.html === 'string' &&
    typeof x.doc.text === 'string' &&
    x.doc.cleanerVersion === CLEANER_VERSION &&
    typeof x.doc.remoteImages === 'number'
  );
}

export class DocCache {
  readonly dir: string;
  private dirReady: Promise<void> | null = null;
  private pending = 0;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(cacheDir: string, root: string) {
    this.dir = docCacheDirFor(cacheDir, root);
  }

  /**
   * The stored article for `summary`'s file as scanned, or null when there is no fresh entry.
   * Synchronous, like the scan's reads: an entry is tens of KB, and fs.promises.readFile's four
   * thread-pool round trips cost ~3x a blocking read (0.37 vs 0.13 ms), which is most of an export.
   */
  read(summary: ArticleSummary): StoredArticle | null {
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(join(this.dir, fileNameFor(summary.path)), 'utf8')) as Entry;
    } catch {
      return null; // missing, unreadable or torn
    }
    if (!entry || typeof entry !== 'object' || !isDeepStrictEqual(entry.key, keyFor(summary))) return null;
    return looksLikeArticle(entry.article) ? entry.article : null;
  }

  /**
   * Store `article`, made from the file `summary` describes, in the background. Skipped when the
   * file changed between the scan and the read (the entry would carry the wrong key), and when
   * the article would not read back exactly (a value JSON cannot hold, such as Infinity).
   */
  write(summary: ArticleSummary, article: Article): void {
    if (this.closed || this.pending >= MAX_PENDING_WRITES) return;
    if (article.size !== summary.size || article.fingerprint !== summary.fingerprint) return;
    this.pending++;
    const key = keyFor(summary);
    this.queue = this.queue
      .then(() => new Promise<void>((resolve) => setImmediate(resolve))) // after get() has returned
      .then(async () => {
        const { id: _id, annotationCount: _count, ...stored } = article;
        const json = JSON.stringify({ key, article: stored } satisfies Entry);
        if (!isDeepStrictEqual((JSON.parse(json) as Entry).article, stored)) return;
        await this.writeEntry(fileNameFor(summary.path), json);
      })
      .catch(() => undefined) // a cache that cannot be written is only slower
      .finally(() => {
        this.pending--;
      });
  }

  private async writeEntry(name: string, json: string): Promise<void> {
    this.dirReady ??= mkdir(this.dir, { recursive: true }).then(() => undefined);
    try {
      await this.dirReady;
    } catch (err) {
      this.dirReady = null; // try again next time (the folder may have been removed)
      throw err;
    }
    const file = join(this.dir, name);
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, json, { encoding: 'utf8', flag: 'wx' });
      await rename(temp, file);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') this.dirReady = null;
      throw err;
    }
  }

  /** Remove entries of files no longer in the library, and temp files a crash left behind. */
  async prune(livePaths: Iterable<string>): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    const live = new Set<string>();
    for (const p of livePaths) live.add(fileNameFor(p));
    for (const name of names) {
      if (this.closed) return;
      if (name.endsWith('.json')) {
        if (!live.has(name)) await unlink(join(this.dir, name)).catch(() => undefined);
      } else if (name.endsWith('.tmp')) {
        const file = join(this.dir, name);
        const old = await stat(file).then(
          (s) => Date.now() - s.mtimeMs > STALE_TEMP_MS,
          () => false,
        );
        if (old) await unlink(file).catch(() => undefined);
      }
    }
  }

  /** Wait for the writes already queued; later writes are ignored. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
  }
}
