/**
 * What the rest of Gloss needs from an open library. `openLibrary()` in `library.ts` returns one.
 */
import type { Article, ArticleMeta, ArticleSummary, SearchHit, SearchReply } from '../model.js';
import type { SearchOptions } from '../search/run-search.js';
import type { ScanProgress } from '../model.js';

export interface LibraryOpenOptions {
  /** Folder for the parse cache (disposable). */
  cacheDir: string;
  /** Watch the folder for added, changed, renamed and removed files. */
  watch: boolean;
  /** Called when the article list changed (after the scan, or a file event), with the ids touched. */
  onChange?: (reason: 'scan' | 'watch', ids: string[]) => void;
  onProgress?: (progress: ScanProgress) => void;
  /**
   * Worker threads that parse files during a scan, besides the main thread. Default: one fewer
   * than the cores (at most 3), and none when fewer than 200 files need reading. 0: main thread only.
   */
  parseWorkers?: number;
}

/** What getText() returns: the same meta and text get() would. */
export interface ArticleText {
  summary: ArticleSummary;
  meta: ArticleMeta;
  text: string;
}

export interface LibraryHandle {
  readonly root: string;
  /** Every article found so far (the list is usable while the scan goes on). */
  list(): { articles: ArticleSummary[]; progress: ScanProgress; errors: string[] };
  /** The article, parsed and cleaned; throws ApiError('not-found') for unknown ids. */
  get(id: string): Promise<Article>;
  /**
   * The article's metadata and canonical text without its HTML: from memory when the library holds
   * the exact text of the current file and cleaner (the article was opened before, in this session
   * or an earlier one), else through get(). What exports use, so they do not re-read every article.
   */
  getText(id: string): Promise<ArticleText>;
  /** Resolve a path (absolute, or relative to the root) to an article id; throws outside the library. */
  idForPath(path: string): string;
  /** The first `limit` occurrences of one literal string (no query language), as a flat list. */
  search(query: string, limit: number): { hits: SearchHit[]; total: number; totalCapped: boolean };
  /**
   * A search in the query language, grouped by article (core/search/run-search.ts). The reply's
   * shape is documented field by field on `SearchReply` (core/model.ts): totals, every matching
   * article's id and hit count (parallel arrays), and a page of groups with their first hits.
   */
  find(query: string, options?: SearchOptions): SearchReply;
  /**
   * Resolves when every file found is in the list, with its metadata; search may still be missing
   * the bodies of files the cache did not know (until whenScanned).
   */
  whenListed(): Promise<void>;
  /** Resolves when the first full scan has finished: every file parsed and searchable (quick texts until whenCleaned). */
  whenScanned(): Promise<void>;
  /** Resolves when changes on disk are seen (the watcher walked the folder), or at once without watching. */
  whenWatching(): Promise<void>;
  /**
   * Resolves when every article's search text is its canonical cleaned text (a background pass
   * after the scan: until then search may find boilerplate the reader hides) and the search index
   * is complete (its counts of common terms too: until then those are searched for, slower), or on close.
   */
  whenCleaned(): Promise<void>;
  close(): Promise<void>;
}
