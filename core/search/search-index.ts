/**
 * Full-text search over titles and bodies of a whole library. All articles live in one big
 * string (title, U+0001, text, U+0000 per article) plus its normalised twin (normalize-text.ts,
 * same length), and a query is found with `indexOf` on the twin: substring search, so it works
 * for Chinese without word splitting, and fast (one native scan, not a regex per article).
 *
 * Offsets: a hit's `offset` is into the text the index holds for that article. After the article
 * has been opened (or when the parse cache has its cleaned text) that is the canonical text and
 * the offset is exact; before, it is the scan-time text (core/library/quick-text.ts), which follows
 * the same rules and usually matches, but may differ where the cleaner removed boilerplate. The UI
 * should therefore treat {before, match, after, offset} like a TextQuoteSelector with a position
 * hint: check `text.slice(offset, offset + length)` and otherwise search `match` with its context
 * near `offset`. Title-only matches have offset -1.
 */
import type { SearchHit } from '../model.js';
import { normalizeForSearch } from './normalize-text.js';

interface IndexedArticle {
  id: string;
  path: string;
  title: string;
  text: string;
}

const CONTEXT = 40;

export class SearchIndex {
  private readonly articles = new Map<string, IndexedArticle>();
  private dirty = true;
  private all = '';
  private norm = '';
  /** Start of each article in `all` (its title), in the order of `order`. */
  private starts: number[] = [];
  private order: IndexedArticle[] = [];

  set(id: string, path: string, title: string, text: string): void {
    const clean = (s: string): string => s.replace(/[\u0000\u0001]/g, ' ');
    this.articles.set(id, { id, path, title: clean(title), text: clean(text) });
    this.dirty = true;
  }

  delete(id: string): void {
    if (this.articles.delete(id)) this.dirty = true;
  }

  clear(): void {
    this.articles.clear();
    this.dirty = true;
  }

  get size(): number {
    return this.articles.size;
  }

  /** Build the search string now if anything changed (otherwise the next search does it). */
  prepare(): void {
    if (this.dirty) this.rebuild();
  }

  private rebuild(): void {
    this.order = [...this.articles.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const parts: string[] = [];
    this.starts = [];
    let pos = 0;
    for (const a of this.order) {
      this.starts.push(pos);
      parts.push(a.title, '\u0001', a.text, '\u0000');
      pos += a.title.length + a.text.length + 2;
    }
    this.all = parts.join('');
    this.norm = normalizeForSearch(this.all);
    this.dirty = false;
  }

  private articleAt(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Every occurrence counts in `total`; `hits` holds the first `limit`, in path order. */
  search(query: string, limit: number): { hits: SearchHit[]; total: number } {
    const q = normalizeForSearch(query.replace(/[\u0000\u0001]/g, '')).trim();
    if (q === '' || this.articles.size === 0) return { hits: [], total: 0 };
    if (this.dirty) this.rebuild();
    const hits: SearchHit[] = [];
    let total = 0;
    for (let at = this.norm.indexOf(q); at >= 0; at = this.norm.indexOf(q, at + q.length)) {
      total++;
      if (hits.length >= limit) continue;
      const idx = this.articleAt(at);
      const a = this.order[idx] as IndexedArticle;
      const start = this.starts[idx] as number;
      const textStart = start + a.title.length + 1;
      const inTitle = at < textStart;
      const [lo, hi] = inTitle ? [start, start + a.title.length] : [textStart, textStart + a.text.length];
      hits.push({
        articleId: a.id,
        path: a.path,
        title: a.title,
        offset: inTitle ? -1 : at - textStart,
        length: q.length,
        before: this.all.slice(Math.max(lo, at - CONTEXT), at),
        match: this.all.slice(at, at + q.length),
        after: this.all.slice(at + q.length, Math.min(hi, at + q.length + CONTEXT)),
      });
    }
    return { hits, total };
  }
}
