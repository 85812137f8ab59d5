/**
 * What the Analysis area counts over, as the API's report scope: the articles the library list
 * shows (its filters and set), the whole library, or a saved set; the chosen coders; and whether
 * sub-codes count as their top-level code.
 */
import type { ReportScope } from '../../../../core/api/analysis-contract.js';

export type ArticleChoice = { kind: 'listed' } | { kind: 'all' } | { kind: 'set'; name: string };

export interface AnalysisChoice {
  coderIds: readonly string[];
  articles: ArticleChoice;
  foldToParents: boolean;
}

/**
 * The scope of a choice; null when nothing can be counted (no coder, or no article listed).
 * The listed articles are sent by id only when the list is filtered: the whole library is the
 * host's default and needs no 10,000 ids on the wire.
 */
export function scopeOf(
  choice: AnalysisChoice,
  listedIds: readonly string[],
  libraryCount: number,
): ReportScope | null {
  if (choice.coderIds.length === 0) return null;
  const base: ReportScope = { coders: [...choice.coderIds], foldToParents: choice.foldToParents };
  switch (choice.articles.kind) {
    case 'all':
      return base;
    case 'set':
      return { ...base, set: choice.articles.name };
    case 'listed':
      if (listedIds.length === 0) return null;
      return listedIds.length >= libraryCount ? base : { ...base, articleIds: [...listedIds] };
  }
}
