/**
 * A summary of every article file (id, number of highlights, tags used, stored path/fingerprint),
 * built on first use and kept current by this process's writes and by change events, so counts
 * for 10,000 articles do not mean reading 10,000 files each time.
 */
import type { ArticleFile } from './store-schema.js';

export interface ArticleSummaryEntry {
  articleId: string;
  count: number;
  /** Each annotation's tag ids as stored (not yet mapped through merges). */
  tagSets: string[][];
  path: string | null;
  fingerprint: string | null;
  hasMemo: boolean;
}

export function summarize(doc: ArticleFile): ArticleSummaryEntry {
  return {
    articleId: doc.articleId,
    count: doc.annotations.length,
    tagSets: doc.annotations.map((a) => a.tagIds),
    path: doc.path,
    fingerprint: doc.fingerprint,
    hasMemo: doc.memo.length > 0,
  };
}

export class ArticleIndex {
  /** By file name. */
  private readonly entries = new Map<string, ArticleSummaryEntry>();
  private readonly dirty = new Set<string>();
  private complete = false;

  /** Whether a full scan happened and only the listed dirty files may be stale. */
  get isComplete(): boolean {
    return this.complete;
  }

  set(fileName: string, entry: ArticleSummaryEntry | null): void {
    this.dirty.delete(fileName);
    if (entry) this.entries.set(fileName, entry);
    else this.entries.delete(fileName);
  }

  markDirty(fileName: string): void {
    this.dirty.add(fileName);
  }

  /** Forget everything (e.g. change events were lost); the next use rescans. */
  invalidate(): void {
    this.complete = false;
  }

  markComplete(fileNames: readonly string[]): void {
    const present = new Set(fileNames);
    for (const name of [...this.entries.keys()]) if (!present.has(name)) this.entries.delete(name);
    this.complete = true;
  }

  takeDirty(): string[] {
    const names = [...this.dirty];
    this.dirty.clear();
    return names;
  }

  articleIdOf(fileName: string): string | null {
    return this.entries.get(fileName)?.articleId ?? null;
  }

  values(): IterableIterator<ArticleSummaryEntry> {
    return this.entries.values();
  }
}
