/**
 * The keys of the host data the window caches (TanStack Query). Host events and the window's own
 * changes invalidate them by these keys (see use-host-events.ts and coding-actions.ts).
 */
export const keys = {
  appState: ['app-state'] as const,
  articles: ['articles'] as const,
  article: (id: string) => ['article', id] as const,
  tags: ['tags'] as const,
  /** Every article's highlight list; `annotations(id)` is one article's. */
  allArticleAnnotations: ['annotations'] as const,
  annotations: (articleId: string) => ['annotations', articleId] as const,
  /** Library-wide highlight queries (the highlights view, the library's tag filter). */
  highlightQueries: ['highlight-queries'] as const,
  storeProblems: ['store-problems'] as const,
  /** Who is coding, and the coders of the open library. */
  coder: ['coder'] as const,
  /** Every article's memos; `memos(id)` is one article's (mine and the other coders'). */
  allMemos: ['memos'] as const,
  memos: (articleId: string) => ['memos', articleId] as const,
  /** Articles marked coded, mine and every coder's. */
  doneMarks: ['done-marks'] as const,
  /** A library search: its query, filters, context width, page size and the texts' phase. */
  search: (asked: Record<string, unknown>) => ['search', asked] as const,
};
