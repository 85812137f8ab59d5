/** API operations of the library: opening folders, listing, reading and searching articles. */
import { z } from 'zod';
import { op } from './define.js';
import { LIMITS } from '../limits.js';
import type { ArticleSummary, OpenedArticle, ScanProgress, SearchReply } from '../model.js';
import { preferencesPatchSchema, type Preferences } from '../settings/preferences.js';

export type { Preferences, ScanProgress, SearchReply };

export interface LibraryInfo {
  root: string;
  name: string;
  /** Where Gloss keeps its data for this library (normally `<root>/.gloss`). */
  dataDir: string;
  /** True when the library folder was read-only and data went to the app's data directory. */
  dataDirFallback: boolean;
  loadRemoteImages: boolean;
}

export interface AppState {
  library: LibraryInfo | null;
  recent: string[];
  preferences: Preferences;
  /** Which host serves the UI: the desktop app or `gloss serve`. */
  host: 'desktop' | 'browser';
  /** True when the host can show native dialogs (open folder, save file). */
  nativeDialogs: boolean;
  version: string;
}

export interface ArticleList {
  articles: ArticleSummary[];
  progress: ScanProgress;
  /** Library-level problems, e.g. "folder was removed". */
  errors: string[];
  /**
   * Articles with highlights or a memo whose file is gone, named as last seen (listed once the
   * scan is done; their highlights come back when the file does).
   */
  missing?: MissingArticle[];
}

export interface MissingArticle {
  id: string;
  /** As last seen with the file; null when never recorded. */
  title: string | null;
  path: string | null;
  annotationCount: number;
}

const id = z.string().min(1).max(LIMITS.id);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2024-03-05');

/** The library list's filters, which a search combines with (core/query/article-query.ts). */
export const searchFilterSchema = z
  .object({
    /** A folder, with its sub-folders unless `subfolders` is false. */
    folder: z.string().max(LIMITS.path).optional(),
    subfolders: z.boolean().optional(),
    category: z.string().max(LIMITS.path).optional(),
    /** A category path from the top: it and every category under it. */
    categoryPath: z.array(z.string().max(LIMITS.path)).max(64).optional(),
    /** Inclusive dates, YYYY-MM-DD. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    hasAnnotations: z.boolean().optional(),
    /** Articles with a highlight carrying any of these tags or their sub-tags. */
    tagIds: z.array(id).max(1000).optional(),
  })
  .strict();
export type SearchFilter = z.output<typeof searchFilterSchema>;

export const libraryContract = {
  getAppState: op<AppState>()(z.object({}).strict()),
  /** Desktop only: ask for a folder with the native dialog; null when cancelled or unsupported. */
  chooseLibraryFolder: op<LibraryInfo | null>()(z.object({}).strict()),
  openLibrary: op<LibraryInfo>()(z.object({ path: z.string().min(1).max(LIMITS.path) }).strict()),
  listArticles: op<ArticleList>()(z.object({}).strict()),
  getArticle: op<OpenedArticle>()(z.object({ id }).strict()),
  /**
   * Full-text search (query language: core/search/parse-query.ts) over the articles the library
   * list's filters leave: every matching article with its hit count, and a page of them (from
   * `groupOffset`) with their first hits in context. See `SearchReply`.
   */
  search: op<SearchReply>()(
    z
      .object({
        query: z.string().min(1).max(LIMITS.query),
        filter: searchFilterSchema.optional(),
        /** 'path': folder order; 'hits': most hits first. */
        order: z.enum(['path', 'hits']).default('path'),
        groupOffset: z.number().int().min(0).max(1_000_000).default(0),
        groupLimit: z.number().int().min(0).max(500).default(50),
        hitsPerArticle: z.number().int().min(1).max(50).default(3),
        /** Characters of context around each hit (e.g. 40, 80, 160). */
        context: z.number().int().min(10).max(1000).default(80),
        /** At most this many hits in the flat `hits` list (the first results panel's). */
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ),
  setPreferences: op<Preferences>()(preferencesPatchSchema),
  setLibraryOptions: op<LibraryInfo>()(z.object({ loadRemoteImages: z.boolean() }).strict()),
};
