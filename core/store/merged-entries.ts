/**
 * The merged view's entries for queries: one per article, several writers' files of it united by
 * highlight id (as annotation-query.ts unites them). Kept between queries and made again only for
 * the articles whose entries changed, so a page of the library-wide list does not unite 100,000
 * highlights of five coders again on every request.
 */
import type { ArticleSummaryEntry } from './article-index.js';
import { unionById } from './annotation-query.js';

interface Merged {
  parts: readonly ArticleSummaryEntry[];
  entry: ArticleSummaryEntry;
}

export class MergedEntries {
  private readonly byArticle = new Map<string, Merged>();
  private list: ArticleSummaryEntry[] = [];
  private madeFor = '';

  /** The entries of `all` (every writer's), one per article; `version` says when `all` changed. */
  of(version: string, all: () => Iterable<ArticleSummaryEntry>): readonly ArticleSummaryEntry[] {
    if (version === this.madeFor) return this.list;
    const parts = new Map<string, ArticleSummaryEntry[]>();
    for (const e of all()) {
      const same = parts.get(e.articleId);
      if (same) same.push(e);
      else parts.set(e.articleId, [e]);
    }
    const list: ArticleSummaryEntry[] = [];
    for (const [articleId, entries] of parts) {
      if (entries.length === 1) {
        list.push(entries[0]!);
        this.byArticle.delete(articleId);
        continue;
      }
      const known = this.byArticle.get(articleId);
      if (known && sameParts(known.parts, entries)) {
        list.push(known.entry);
        continue;
      }
      const annotations = unionById(entries.flatMap((e) => e.annotations));
      const entry: ArticleSummaryEntry = {
        ...entries[0]!,
        count: annotations.length,
        tagSets: annotations.map((x) => x.annotation.tagIds),
        annotations,
      };
      this.byArticle.set(articleId, { parts: entries, entry });
      list.push(entry);
    }
    for (const articleId of [...this.byArticle.keys()])
      if (!parts.has(articleId)) this.byArticle.delete(articleId);
    this.list = list;
    this.madeFor = version;
    return list;
  }
}

function sameParts(a: readonly ArticleSummaryEntry[], b: readonly ArticleSummaryEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e === b[i]);
}
