/**
 * Which articles a scope (the library list's filters, a saved set, a search) stands for, in
 * library-path order. The one place every analysis operation turns its scope into articles.
 */
import { analysisNote } from './analysis-notes.js';
import { ApiError } from '../errors.js';
import type { LibraryHandle } from '../library/library-handle.js';
import type { ArticleSummary } from '../model.js';
import { filterArticles } from '../query/article-query.js';
import type { ArticleScope } from './report-types.js';
import type { SavedSet } from './set-types.js';
import { compileTextQuery } from './text-query.js';

export interface ScopeSources {
  library: LibraryHandle;
  /** The saved set called `name` (throws not-found). */
  set(name: string): Promise<SavedSet>;
}

export interface ScopedArticles {
  /** In library-path order (code-unit order, the same on every machine). */
  articles: ArticleSummary[];
  notes: string[];
}

export const byPath = (a: ArticleSummary, b: ArticleSummary): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

export async function articlesInScope(src: ScopeSources, scope: ArticleScope): Promise<ScopedArticles> {
  const notes: string[] = [];
  await src.library.whenScanned();
  const all = src.library.list().articles;
  let ids: Set<string> | undefined = scope.articleIds ? new Set(scope.articleIds) : undefined;
  if (scope.set !== undefined) {
    const set = await src.set(scope.set);
    const known = new Set(all.map((a) => a.id));
    const gone = set.articleIds.filter((id) => !known.has(id)).length;
    if (gone > 0)
      notes.push(analysisNote('set-articles-gone', { gone, total: set.articleIds.length, name: set.name }));
    ids = ids ? new Set(set.articleIds.filter((id) => ids!.has(id))) : new Set(set.articleIds);
  }
  let articles = filterArticles(all, {
    ...(scope.folder ? { folder: scope.folder.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '') } : {}),
    ...(scope.subfolders === false ? { subfolders: false } : {}),
    ...(scope.category ? { category: scope.category } : {}),
    ...(scope.from ? { from: scope.from } : {}),
    ...(scope.to ? { to: scope.to } : {}),
    ...(ids ? { ids } : {}),
  });
  if (scope.query !== undefined && scope.query.trim() !== '') {
    const query = compileTextQuery(scope.query);
    if (!query) throw new ApiError('invalid-input', `The search "${scope.query}" has nothing to look for.`);
    const matching: ArticleSummary[] = [];
    for (const a of articles) {
      const { text } = await src.library.getText(a.id);
      if (query.matchesArticle(a.title, text)) matching.push(a);
    }
    articles = matching;
  }
  return { articles: [...articles].sort(byPath), notes };
}
