/** API operations of the library: opening folders, listing, reading and searching articles. */
import { z } from 'zod';
import { op } from './define.js';
import { LIMITS } from '../limits.js';
import type { ArticleSummary, OpenedArticle, ScanProgress, SearchHit } from '../model.js';
import { preferencesPatchSchema, type Preferences } from '../settings/preferences.js';

export type { Preferences, ScanProgress };

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

export const libraryContract = {
  getAppState: op<AppState>()(z.object({}).strict()),
  /** Desktop only: ask for a folder with the native dialog; null when cancelled or unsupported. */
  chooseLibraryFolder: op<LibraryInfo | null>()(z.object({}).strict()),
  openLibrary: op<LibraryInfo>()(z.object({ path: z.string().min(1).max(LIMITS.path) }).strict()),
  listArticles: op<ArticleList>()(z.object({}).strict()),
  getArticle: op<OpenedArticle>()(z.object({ id }).strict()),
  /** `total` stops counting at a cap: when `totalCapped`, show it as "1,000+". */
  search: op<{ hits: SearchHit[]; total: number; totalCapped: boolean }>()(
    z
      .object({
        query: z.string().min(1).max(LIMITS.query),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ),
  setPreferences: op<Preferences>()(preferencesPatchSchema),
  setLibraryOptions: op<LibraryInfo>()(z.object({ loadRemoteImages: z.boolean() }).strict()),
};
