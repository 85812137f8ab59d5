/**
 * Everything the store keeps in memory about the article files: per file its article id, stored
 * path/fingerprint, and every annotation as stored (tag ids not yet mapped through merges), with
 * lower-cased quote and note for text filters. Built on first use by one pass over the files, then
 * kept current by this process's writes and by change events (only the changed file is read
 * again), so counts and the library-wide list for 10,000 articles do not mean reading 10,000
 * files each time. About 0.5 KB per highlight: ~50 MB for 100,000.
 *
 * Races between a read of a file and a newer write or change event are settled with stamps: every
 * write and every change notice bumps the file's stamp, and a read only lands if the stamp it
 * started with is still current (otherwise what it read may already be outdated).
 */
import type { Annotation, Coder } from '../model.js';

/** Whose an indexed highlight is, when it is another writer's (absent: this store's own). */
export interface IndexOwner {
  writerId: string;
  coder: Coder;
}
import { CURRENT_SCHEMA_VERSION, type ArticleFile } from './store-schema.js';

export interface IndexedAnnotation {
  /** As stored in the file (a private copy: never hand it out without copying). */
  annotation: Annotation;
  quoteLower: string;
  noteLower: string;
  owner?: IndexOwner;
}

export interface ArticleSummaryEntry {
  articleId: string;
  count: number;
  /** Each annotation's tag ids as stored (not yet mapped through merges). */
  tagSets: string[][];
  path: string | null;
  fingerprint: string | null;
  /** As last seen with the file (see ArticleRef); null when never recorded. */
  title: string | null;
  date: string | null;
  author: string | null;
  sourceUrl: string | null;
  /** The article's memo. */
  memo: string;
  /** In document order. */
  annotations: IndexedAnnotation[];
  /** The file comes from a newer Gloss: it is shown, never written. */
  readOnly: boolean;
}

function byStart(a: IndexedAnnotation, b: IndexedAnnotation): number {
  return (
    a.annotation.position.start - b.annotation.position.start ||
    a.annotation.position.end - b.annotation.position.end
  );
}

/**
 * The entry for one file's content. Copies the annotations unless `owned` (the document was just
 * parsed and nobody else holds it), so later changes to `doc` do not reach the index. `readOnly`:
 * the file was read as one from a newer Gloss.
 */
export function summarize(doc: ArticleFile, owned = false, readOnly = false): ArticleSummaryEntry {
  const annotations = doc.annotations
    .map((a): IndexedAnnotation => {
      const annotation = owned ? a : structuredClone(a);
      return {
        annotation,
        quoteLower: annotation.quote.exact.toLowerCase(),
        noteLower: annotation.note.toLowerCase(),
      };
    })
    .sort(byStart);
  return {
    articleId: doc.articleId,
    count: annotations.length,
    tagSets: annotations.map((x) => x.annotation.tagIds),
    path: doc.path,
    fingerprint: doc.fingerprint,
    title: doc.title ?? null,
    date: doc.date ?? null,
    author: doc.author ?? null,
    sourceUrl: doc.sourceUrl ?? null,
    memo: doc.memo,
    annotations,
    readOnly,
  };
}

/** A file's content as far as its entry tells (what `summarize` of it gives the same entry). */
export function docOf(entry: ArticleSummaryEntry): ArticleFile {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    articleId: entry.articleId,
    path: entry.path,
    fingerprint: entry.fingerprint,
    title: entry.title,
    date: entry.date,
    author: entry.author,
    sourceUrl: entry.sourceUrl,
    memo: entry.memo,
    annotations: entry.annotations.map((x) => x.annotation),
  };
}

export class ArticleIndex {
  /** By file name. */
  private readonly entries = new Map<string, ArticleSummaryEntry>();
  private readonly dirty = new Set<string>();
  private readonly stamps = new Map<string, number>();
  private clock = 0;
  private changes = 0;
  private complete = false;

  /** Changes whenever an entry does: results computed from the entries are good while it holds. */
  get version(): number {
    return this.changes;
  }

  /** Whether a full scan happened and only the listed dirty files may be stale. */
  get isComplete(): boolean {
    return this.complete;
  }

  /** The file's current stamp: take it before reading the file, pass it to `setFromRead`. */
  stamp(fileName: string): number {
    return this.stamps.get(fileName) ?? 0;
  }

  /** The clock now: take it before listing the folder, pass it to `markComplete`. */
  now(): number {
    return this.clock;
  }

  /** Content read from disk; ignored (false) if the file was written or changed since `stamp`. */
  setFromRead(fileName: string, stamp: number, entry: ArticleSummaryEntry | null): boolean {
    if (this.stamp(fileName) !== stamp) return false;
    this.dirty.delete(fileName);
    this.put(fileName, entry);
    return true;
  }

  /**
   * Content this process has just written (null: removed). A change event noticed meanwhile stays
   * pending: it may be a write by another process after ours.
   */
  setFromWrite(fileName: string, entry: ArticleSummaryEntry | null): void {
    this.stamps.set(fileName, ++this.clock);
    this.put(fileName, entry);
  }

  /** Another process changed the file: read it again before the next use. */
  markDirty(fileName: string): void {
    this.stamps.set(fileName, ++this.clock);
    this.dirty.add(fileName);
  }

  /** Forget everything (e.g. change events were lost); the next use rescans. */
  invalidate(): void {
    this.complete = false;
  }

  /**
   * After a full scan that listed `fileNames` at clock `listedAt`: entries of files not listed are
   * dropped, unless they were written or changed after the listing (a file created meanwhile).
   */
  markComplete(fileNames: readonly string[], listedAt: number): void {
    const present = new Set(fileNames);
    for (const name of [...this.entries.keys()]) {
      if (!present.has(name) && this.stamp(name) <= listedAt) this.entries.delete(name);
    }
    this.complete = true;
  }

  /** Files changed by other processes and not read since. */
  dirtyNames(): string[] {
    return [...this.dirty];
  }

  get(fileName: string): ArticleSummaryEntry | undefined {
    return this.entries.get(fileName);
  }

  articleIdOf(fileName: string): string | null {
    return this.entries.get(fileName)?.articleId ?? null;
  }

  values(): IterableIterator<ArticleSummaryEntry> {
    return this.entries.values();
  }

  private put(fileName: string, entry: ArticleSummaryEntry | null): void {
    this.changes++;
    if (entry) this.entries.set(fileName, entry);
    else this.entries.delete(fileName);
  }
}
