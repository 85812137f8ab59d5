/**
 * The highlights a report gathered, kept for the next view over the same scope: switching from
 * the frequencies to the matrix (or changing the timeline's periods) then only counts. An entry
 * is used when everything the gathering read is the same: the store's facts (the very list the
 * store keeps until its index or codebook changes), the articles in scope (compared id by id, so
 * a set or a filter that changed is seen), the coders and every code's report code. The articles
 * themselves are always resolved afresh (titles and dates come from the library, not from here).
 */
import type { ArticleSummary } from '../model.js';
import type { HighlightFact } from '../store/highlight-facts.js';
import type { ReportHighlight } from './report-highlight.js';

interface Entry {
  facts: readonly HighlightFact[];
  articleIds: string[];
  coders: string;
  codes: string;
  highlights: readonly ReportHighlight[];
}

/** A few scopes (e.g. with and without sub-codes folded) are kept; the oldest goes first. */
const KEEP = 4;

const codesKey = (of: ReadonlyMap<string, string>): string =>
  JSON.stringify([...of].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));

const codersKey = (coders: ReadonlySet<string>): string => JSON.stringify([...coders].sort());

function sameArticles(ids: readonly string[], articles: readonly ArticleSummary[]): boolean {
  if (ids.length !== articles.length) return false;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== articles[i]!.id) return false;
  return true;
}

export class ReportDataCache {
  private entries: Entry[] = [];

  get(
    facts: readonly HighlightFact[],
    articles: readonly ArticleSummary[],
    coders: ReadonlySet<string>,
    of: ReadonlyMap<string, string>,
  ): readonly ReportHighlight[] | undefined {
    const c = codersKey(coders);
    const k = codesKey(of);
    const hit = this.entries.find(
      (e) => e.facts === facts && e.coders === c && e.codes === k && sameArticles(e.articleIds, articles),
    );
    if (hit) this.entries = [hit, ...this.entries.filter((e) => e !== hit)];
    return hit?.highlights;
  }

  set(
    facts: readonly HighlightFact[],
    articles: readonly ArticleSummary[],
    coders: ReadonlySet<string>,
    of: ReadonlyMap<string, string>,
    highlights: readonly ReportHighlight[],
  ): void {
    const entry: Entry = {
      facts,
      articleIds: articles.map((a) => a.id),
      coders: codersKey(coders),
      codes: codesKey(of),
      highlights,
    };
    // Facts of an older store version can never match again: their entries go.
    this.entries = [entry, ...this.entries.filter((e) => e.facts === facts)].slice(0, KEEP);
  }
}
