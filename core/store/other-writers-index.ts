/**
 * The in-memory index of other writers' work (their writer folders, arrived by sync), beside the
 * store's own index: one entry per writer and article (its live file and any conflict copies of it
 * united by id), each highlight marked with its owner. Kept current by looking again (a folder
 * listing and a stat per file; only files whose signature changed are read again) and by looking at
 * just the files a watcher names (`refreshFiles`). A file that does not parse keeps its last good
 * content and is reported. What was read is kept in a machine-local cache per writer folder
 * (article-file-cache.ts), so the next open reads one file per writer instead of thousands.
 */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Coder } from '../model.js';
import { byDocumentOrder, unionHighlights } from '../teams/annotation-union.js';
import { classifySyncFile } from '../teams/sync-files.js';
import { summarize, type ArticleSummaryEntry } from './article-index.js';
import { MIGRATIONS } from './migrations.js';
import { ArticleFileCache, folderSignature } from './article-file-cache.js';
import { readDocument, signatureOf } from './read-document.js';
import { statMany } from './stat-many.js';
import type { ProblemLog } from './store-problems.js';
import { articleFileSchema, type ArticleFile } from './store-schema.js';
import { listWriterIds, readWriterCoder, writerFolder } from './writer-folders.js';

/** How long a look at the folders stays good. */
const FRESH_MS = 1000;

/** Files stat-ed and read at once when looking. */
const LOOK_CONCURRENCY = 16;

export interface OtherWriterSummary {
  writerId: string;
  coder: Coder;
  highlights: number;
}

interface FileState {
  signature: string;
  doc: ArticleFile | null;
}

/** A file a watcher saw change in a writer's `annotations/` folder. */
export interface WriterFileChange {
  writerId: string;
  name: string;
}

/** Entries of one writer and article are kept under this key. */
const groupKey = (writerId: string, articleId: string) => `${writerId}\u0000${articleId}`;

const isWriterArticleFile = (name: string) => {
  const kind = classifySyncFile(name).kind;
  return kind === 'live' || kind === 'conflict-copy';
};

function distinctIds(annotations: readonly { id: string }[]): boolean {
  return new Set(annotations.map((a) => a.id)).size === annotations.length;
}

export class OtherWritersIndex {
  /** By `writerId/name`. */
  private readonly files = new Map<string, FileState>();
  private readonly coders = new Map<string, Coder>();
  /** The files of each writer and article (see groupKey), and the entry made of them. */
  private readonly groupFiles = new Map<string, Set<string>>();
  private readonly groupEntries = new Map<string, ArticleSummaryEntry>();
  private readonly staleGroups = new Set<string>();
  private entries: ArticleSummaryEntry[] = [];
  /** The other writers found by the last look, in the order found, with their `annotations/`. */
  private writerIds: string[] = [];
  private readonly folders = new Map<string, string>();
  private summaries: OtherWriterSummary[] = [];
  /** The cache of each writer's `annotations/` folder, loaded at its first look. */
  private readonly caches = new Map<string, ArticleFileCache>();
  /** Folders looked at in this session (their cache taken or checked already). */
  private readonly lookedAt = new Set<string>();
  /** Folders taken from their cache without a stat per file: the next look checks each. */
  private readonly unverified = new Set<string>();
  private checkedAt = -Infinity;
  private changes = 0;
  private refreshing: Promise<void> | null = null;
  /** Looks run one at a time (a full look and the watcher's small ones). */
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataDirs: () => string[],
    private readonly ownWriterId: () => string,
    private readonly problems: ProblemLog,
    /** The data folder whose `cache/` keeps the caches (null: none). */
    private readonly cacheDataDir: () => string | null = () => null,
  ) {}

  /** True once the folders were looked at. */
  get looked(): boolean {
    return this.checkedAt > -Infinity;
  }

  /** True while some folder's files were taken from its cache and not each checked since. */
  get needsCheck(): boolean {
    return this.unverified.size > 0;
  }

  /** Changes whenever an entry does. */
  get version(): number {
    return this.changes;
  }

  values(): readonly ArticleSummaryEntry[] {
    return this.entries;
  }

  /** Every other writer found by the last look, with its coder and how many highlights it holds. */
  writers(): readonly OtherWriterSummary[] {
    return this.summaries;
  }

  /** The `annotations/` folder of each writer found by the last look. */
  writerFolders(): ReadonlyMap<string, string> {
    return this.folders;
  }

  /**
   * Looks at the folders again unless that was done within the last second (or `force`).
   * `exact`: each file checked, even at the first look (see lookAtFolder).
   */
  async refresh(force = false, exact = false): Promise<void> {
    if (!force && Date.now() - this.checkedAt < FRESH_MS) return;
    this.refreshing ??= this.serially(() => this.look(exact)).finally(() => (this.refreshing = null));
    await this.refreshing;
  }

  /** Looks at just these files again (a watcher saw them change). */
  async refreshFiles(changes: readonly WriterFileChange[]): Promise<void> {
    await this.serially(() => this.lookAtFiles(changes));
  }

  /** Writes the caches that changed (errors swallowed: a cache is never needed). */
  async saveCaches(): Promise<void> {
    await this.serially(async () => {
      for (const cache of this.caches.values()) await cache.save();
    });
  }

  private serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.busy.then(fn);
    this.busy = run.catch(() => undefined);
    return run;
  }

  private async look(exact: boolean): Promise<void> {
    const started = Date.now();
    const own = this.ownWriterId();
    const present = new Set<string>();
    let changed = false;
    const seen = new Set<string>([own]);
    const writers: string[] = [];
    this.folders.clear();
    for (const dataDir of this.dataDirs()) {
      for (const writerId of await listWriterIds(dataDir)) {
        if (seen.has(writerId)) continue;
        seen.add(writerId);
        writers.push(writerId);
        const coder = await readWriterCoder(dataDir, writerId);
        const before = this.coders.get(writerId);
        if (!before || before.name !== coder.name) {
          changed = true;
          // The owner is in every entry of the writer: make them again.
          for (const group of this.groupFiles.keys())
            if (group.startsWith(`${writerId}\u0000`)) this.staleGroups.add(group);
        }
        this.coders.set(writerId, coder);
        const dir = writerFolder(dataDir, writerId).annotationsDir;
        this.folders.set(writerId, dir);
        if (await this.lookAtFolder(writerId, dir, present, exact)) changed = true;
      }
    }
    for (const key of [...this.files.keys()]) {
      if (present.has(key) && seen.has(key.slice(0, key.indexOf('/')))) continue;
      this.drop(key);
      changed = true;
    }
    if (writers.join('\n') !== this.writerIds.join('\n')) changed = true;
    this.writerIds = writers;
    if (changed) this.rebuild();
    this.checkedAt = started;
  }

  /**
   * One writer's `annotations/`: files whose signature changed are read again. The first look of a
   * session takes the folder's cache as it is when the folder itself has not changed since it was
   * written (each file is checked on the next look); otherwise each file's signature is compared.
   */
  private async lookAtFolder(
    writerId: string,
    dir: string,
    present: Set<string>,
    exact: boolean,
  ): Promise<boolean> {
    const cache = await this.cacheOf(dir);
    const firstLook = !exact && !this.lookedAt.has(dir);
    this.lookedAt.add(dir);
    const dirSignature = await folderSignature(dir);
    const names = (await readdir(dir).catch(() => [] as string[])).filter(isWriterArticleFile);
    const trust = firstLook && cache !== null && cache.matchesFolder(dirSignature);
    let changed = false;
    const toRead: string[] = [];
    const take = (name: string, entry: { signature: string; doc: ArticleFile }) => {
      const key = `${writerId}/${name}`;
      this.set(key, { signature: entry.signature, doc: entry.doc });
      present.add(key);
      changed = true;
    };
    if (trust) {
      for (const name of names) {
        const entry = cache.take(name);
        if (entry) take(name, entry);
        else toRead.push(name);
      }
      this.unverified.add(dir);
    } else {
      // Nothing to compare with (a first open on this machine): every file is read, no stat first.
      const known =
        (cache?.size ?? 0) > 0 || [...this.files.keys()].some((k) => k.startsWith(`${writerId}/`));
      const signatures = known ? await statMany(dir, names) : null;
      for (const name of names) {
        const key = `${writerId}/${name}`;
        if (signatures === null) {
          toRead.push(name);
          continue;
        }
        const signature = signatures.get(name);
        const known = this.files.get(key);
        if (signature === undefined) {
          // Gone meanwhile, or not a regular file: a new one is read (and reported) below.
          if (!known) toRead.push(name);
          continue;
        }
        if (known) {
          present.add(key);
          if (known.signature !== signature) toRead.push(name);
          continue;
        }
        const entry = cache?.take(name, signature);
        if (entry) take(name, entry);
        else toRead.push(name);
      }
    }
    // A few files at a time: one after the other, 27,000 files took seconds of waiting on the disk.
    for (let i = 0; i < toRead.length; i += LOOK_CONCURRENCY) {
      const reads = toRead
        .slice(i, i + LOOK_CONCURRENCY)
        .map((name) => this.read(`${writerId}/${name}`, path.join(dir, name), present, cache));
      if ((await Promise.all(reads)).includes(true)) changed = true;
    }
    if (cache) {
      cache.keepOnly(names);
      if (!trust) cache.verified(dirSignature);
    }
    if (!trust) this.unverified.delete(dir);
    return changed;
  }

  private async cacheOf(dir: string): Promise<ArticleFileCache | null> {
    const dataDir = this.cacheDataDir();
    if (dataDir === null) return null;
    let cache = this.caches.get(dir);
    if (!cache) {
      cache = await ArticleFileCache.load(dataDir, dir);
      this.caches.set(dir, cache);
    }
    return cache;
  }

  private async lookAtFiles(changes: readonly WriterFileChange[]): Promise<void> {
    let changed = false;
    const present = new Set<string>();
    for (const { writerId, name } of changes) {
      const dir = this.folders.get(writerId);
      if (dir === undefined || !isWriterArticleFile(name)) continue;
      const key = `${writerId}/${name}`;
      const file = path.join(dir, name);
      const info = await lstat(file).catch(() => null);
      const known = this.files.get(key);
      if (!info) {
        if (known) {
          this.drop(key);
          this.caches.get(dir)?.forget(name);
          changed = true;
        }
        continue;
      }
      if (known && info.isFile() && known.signature === signatureOf(info)) continue;
      if (await this.read(key, file, present, this.caches.get(dir) ?? null)) changed = true;
    }
    if (changed) this.rebuild();
  }

  /**
   * Reads one file (marked `present` unless it is gone); false when it could not be (kept as it
   * was, reported, retried next time). A live file that read clean goes into the cache.
   */
  private async read(
    key: string,
    file: string,
    present: Set<string>,
    cache: ArticleFileCache | null,
  ): Promise<boolean> {
    const name = path.basename(file);
    const read = await readDocument<ArticleFile>(file, {
      schema: articleFileSchema,
      migrations: MIGRATIONS.article,
    });
    if (read.state === 'missing') {
      cache?.forget(name);
      return false;
    }
    present.add(key);
    if (read.state === 'corrupt') {
      cache?.forget(name);
      this.problems.add({
        kind: 'unreadable',
        file,
        message: `${key} could not be read (${read.reason}); it may still be arriving. It was left unchanged and is read again on the next change.`,
      });
      return false;
    }
    this.problems.clear('unreadable', file);
    const doc = read.data;
    const kept = doc && { ...doc, annotations: doc.annotations.filter((a) => a.articleId === doc.articleId) };
    this.set(key, { signature: read.signature, doc: kept ?? null });
    const conflictCopy = classifySyncFile(name).kind === 'conflict-copy';
    const clean =
      read.state === 'ok' && !conflictCopy && kept && kept.annotations.length === doc.annotations.length;
    if (clean) cache?.put(name, read.signature, kept);
    else cache?.forget(name);
    if (conflictCopy)
      this.problems.add({
        kind: 'conflict-copy',
        file,
        articleId: kept?.articleId ?? null,
        message: `${key} is a sync tool's conflict copy: the same writer saved on two machines. Its highlights are shown merged with the live file's; nothing was deleted.`,
      });
    return true;
  }

  /** Keeps a file's content; the entries of the articles it was and is about are made again. */
  private set(key: string, state: FileState): void {
    this.drop(key);
    this.files.set(key, state);
    if (!state.doc) return;
    const group = groupKey(key.slice(0, key.indexOf('/')), state.doc.articleId);
    const keys = this.groupFiles.get(group);
    if (keys) keys.add(key);
    else this.groupFiles.set(group, new Set([key]));
    this.staleGroups.add(group);
  }

  private drop(key: string): void {
    const known = this.files.get(key);
    if (!known) return;
    this.files.delete(key);
    if (!known.doc) return;
    const group = groupKey(key.slice(0, key.indexOf('/')), known.doc.articleId);
    const keys = this.groupFiles.get(group);
    keys?.delete(key);
    if (keys?.size === 0) this.groupFiles.delete(group);
    this.staleGroups.add(group);
  }

  /**
   * One entry per writer and article: its files united by highlight id, marked with the owner.
   * Only the entries whose files changed are made again.
   */
  private rebuild(): void {
    for (const group of this.staleGroups) {
      const keys = this.groupFiles.get(group);
      const docs = keys ? [...keys].map((k) => this.files.get(k)?.doc).filter((d) => !!d) : [];
      if (docs.length === 0) {
        this.groupEntries.delete(group);
        continue;
      }
      const writerId = group.slice(0, group.indexOf('\u0000'));
      const annotations =
        docs.length === 1 && distinctIds(docs[0]!.annotations)
          ? [...docs[0]!.annotations].sort(byDocumentOrder) // what the union gives, without copies
          : unionHighlights(docs.map((d) => ({ writerId, annotations: d.annotations }))).map(
              ({ writerId: _w, ...a }) => a,
            );
      const entry = summarize({ ...docs[0]!, annotations }, true, true);
      const owner = { writerId, coder: this.coders.get(writerId)! };
      for (const x of entry.annotations) x.owner = owner;
      this.groupEntries.set(group, entry);
    }
    this.staleGroups.clear();
    this.entries = [...this.groupEntries.values()];
    const counts = new Map<string, number>();
    for (const e of this.entries) {
      const writerId = e.annotations[0]?.owner?.writerId;
      if (writerId) counts.set(writerId, (counts.get(writerId) ?? 0) + e.count);
    }
    this.summaries = this.writerIds.map((writerId) => ({
      writerId,
      coder: this.coders.get(writerId)!,
      highlights: counts.get(writerId) ?? 0,
    }));
    this.changes++;
  }
}
