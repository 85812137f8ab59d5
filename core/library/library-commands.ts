/**
 * One-shot library operations for command-line use (`gloss index`, `gloss show`): open a folder,
 * wait for the scan, answer, close. No watching; the parse cache is used and refreshed.
 */
import type { Article, ArticleSummary } from '../model.js';
import type { ScanProgress } from '../model.js';
import { openLibrary } from './library.js';

export interface IndexResult {
  root: string;
  articles: ArticleSummary[];
  errors: string[];
}

/** Scan `root` (using and updating the parse cache in `cacheDir`) and list its articles. */
export async function indexFolder(
  root: string,
  opts: { cacheDir: string; onProgress?: (p: ScanProgress) => void },
): Promise<IndexResult> {
  const library = await openLibrary(root, {
    cacheDir: opts.cacheDir,
    watch: false,
    onProgress: opts.onProgress,
  });
  try {
    await library.whenScanned();
    const { articles, errors } = library.list();
    return { root: library.root, articles, errors };
  } finally {
    await library.close();
  }
}

/** The cleaned article for a path (absolute or relative to `root`) or an id. */
export async function showArticle(
  root: string,
  pathOrId: string,
  opts: { cacheDir: string },
): Promise<Article> {
  const library = await openLibrary(root, { cacheDir: opts.cacheDir, watch: false });
  try {
    await library.whenScanned();
    const known = library.list().articles.some((a) => a.id === pathOrId);
    return await library.get(known ? pathOrId : library.idForPath(pathOrId));
  } finally {
    await library.close();
  }
}
