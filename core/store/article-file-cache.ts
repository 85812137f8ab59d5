/**
 * A machine-local cache of one folder of article files (a writer folder's `annotations/`), so that
 * opening a library with tens of thousands of them reads one file instead of all: each file's
 * validated content as last read, keyed by its name and signature (inode, size, time). A file whose
 * signature changed is read again; the rest come from here.
 *
 * Kept in `<dataDir>/cache/store/` (git-ignored; never shared on purpose). It is hostile input like
 * every file on disk: the whole cache is dropped unless it is ours and names this folder, and each
 * entry is validated with the article file schema (a bad one is left out and its file read instead).
 * Only files that read clean are kept (no repair, no newer version, no conflict copy), so reading
 * one from here reports nothing that reading the file would have.
 *
 * The folder's own signature is kept too: when it is the same at the next open, no file was added,
 * removed or replaced in it since (every writer of these files replaces them by rename), so the
 * cache is taken as it is and each file's signature checked afterwards (see `unverified`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { signatureOf, type FileSignature } from './read-document.js';
import { articleFileSchema, type ArticleFile } from './store-schema.js';

/** Where the store's caches live under a data folder. */
export const STORE_CACHE_DIR = path.join('cache', 'store');

const CACHE_KIND = 'gloss-article-file-cache';
const CACHE_VERSION = 1;

const cacheFileSchema = z.object({
  kind: z.literal(CACHE_KIND),
  version: z.literal(CACHE_VERSION),
  folder: z.string(),
  folderSignature: z.string().nullable(),
  /** [file name, signature, content] */
  files: z.array(z.tuple([z.string(), z.string(), z.unknown()])),
});

interface Entry {
  signature: FileSignature;
  doc: ArticleFile;
}

/** The signature of a folder (null: missing); changes when an entry is added, removed or renamed. */
export async function folderSignature(dir: string): Promise<FileSignature | null> {
  const info = await stat(dir).catch(() => null);
  return info?.isDirectory() ? signatureOf(info) : null;
}

/** True when a folder between `dataDir` and `file` (or the file) is a symbolic link. */
async function linkOnTheWay(dataDir: string, file: string): Promise<boolean> {
  const parts = path.relative(dataDir, file).split(path.sep);
  for (let i = 1; i <= parts.length; i++) {
    const info = await lstat(path.join(dataDir, ...parts.slice(0, i))).catch(() => null);
    if (info?.isSymbolicLink()) return true;
  }
  return false;
}

export class ArticleFileCache {
  private readonly entries = new Map<string, Entry>();
  /** The folder's signature the entries were taken at (null: unknown, check each file). */
  private takenAt: FileSignature | null = null;
  private changed = false;

  private constructor(
    /** The cache file. */
    readonly file: string,
    /** The folder of article files it is about. */
    readonly folder: string,
  ) {}

  /** The cache file for `folder` under `dataDir`. */
  static fileFor(dataDir: string, folder: string): string {
    const key = createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 16);
    return path.join(dataDir, STORE_CACHE_DIR, `${path.basename(path.dirname(folder))}-${key}.json`);
  }

  /** An empty cache for `folder` (nothing read). */
  static empty(dataDir: string, folder: string): ArticleFileCache {
    return new ArticleFileCache(ArticleFileCache.fileFor(dataDir, folder), folder);
  }

  /** The cache as stored; empty when there is none or it cannot be trusted. Never throws. */
  static async load(dataDir: string, folder: string): Promise<ArticleFileCache> {
    const cache = ArticleFileCache.empty(dataDir, folder);
    if (await linkOnTheWay(dataDir, cache.file)) return cache;
    const text = await readFile(cache.file, 'utf8').catch(() => null);
    if (text === null) return cache;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return cache;
    }
    const parsed = cacheFileSchema.safeParse(raw);
    if (!parsed.success || parsed.data.folder !== path.resolve(folder)) return cache;
    for (const [name, signature, content] of parsed.data.files) {
      const doc = articleFileSchema.safeParse(content);
      if (!doc.success) continue;
      const data = doc.data as ArticleFile;
      if (data.annotations.some((a) => a.articleId !== data.articleId)) continue;
      cache.entries.set(name, { signature, doc: data });
    }
    cache.takenAt = parsed.data.folderSignature;
    return cache;
  }

  /**
   * Whether the entries can be used without checking each file first: the folder is as it was when
   * they were taken. (Each file is still checked later; see the class comment.)
   */
  matchesFolder(signature: FileSignature | null): boolean {
    return this.takenAt !== null && signature !== null && this.takenAt === signature;
  }

  /** The cached content of the file, if its signature is `signature` (or any, when not given). */
  take(name: string, signature?: FileSignature): Entry | null {
    const entry = this.entries.get(name);
    if (!entry || (signature !== undefined && entry.signature !== signature)) return null;
    return entry;
  }

  /** The file read clean with this content. */
  put(name: string, signature: FileSignature, doc: ArticleFile): void {
    const known = this.entries.get(name);
    if (known && known.signature === signature && known.doc === doc) return;
    this.entries.set(name, { signature, doc });
    this.changed = true;
  }

  /** The file changed, is gone, or did not read clean: not cached. */
  forget(name: string): void {
    if (this.entries.delete(name)) this.changed = true;
  }

  /** Only these files are still there. */
  keepOnly(names: Iterable<string>): void {
    const keep = new Set(names);
    for (const name of [...this.entries.keys()]) if (!keep.has(name)) this.forget(name);
  }

  /** The folder's signature once every entry has been checked against its file. */
  verified(signature: FileSignature | null): void {
    if (signature !== this.takenAt) this.changed = true;
    this.takenAt = signature;
  }

  /** How many files it holds. */
  get size(): number {
    return this.entries.size;
  }

  get dirty(): boolean {
    return this.changed;
  }

  /**
   * Writes the cache (temp file and rename, no fsync: a cache lost in a crash is rebuilt). Errors
   * are swallowed: a folder that cannot be written just has no cache.
   */
  async save(): Promise<void> {
    if (!this.changed) return;
    this.changed = false;
    const doc = {
      kind: CACHE_KIND,
      version: CACHE_VERSION,
      folder: path.resolve(this.folder),
      folderSignature: this.takenAt,
      files: [...this.entries].map(([name, e]) => [name, e.signature, e.doc]),
    };
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      // Never written through a link put in `.gloss` (see refuse-symlinks.ts): no cache then.
      if (await linkOnTheWay(path.dirname(path.dirname(path.dirname(this.file))), this.file)) return;
      await writeFile(temp, JSON.stringify(doc));
      await rename(temp, this.file);
    } catch {
      this.changed = true;
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }
}
