/**
 * Full-text search over titles and bodies of a whole library: substring search on normalised text
 * (normalize-text.ts: case- and width-folded, same length as the original), so it works for Chinese
 * without word splitting.
 *
 * Layout. Articles, in path order, are packed into chunks of about `chunkUnits` UTF-16 units (an
 * article is never split; a bigger one gets a chunk of its own). A chunk holds only the normalised
 * text, as UTF-16LE in a Buffer (title, U+0001, text, U+0000 per article; NUL and U+0001 inside the
 * text are indexed as spaces, so no match can cross a separator), plus per article a small bitmap of
 * hashed pairs of units (and triples of Latin units), and the exact per-article counts of the
 * chunk's most frequent units and pairs (frequent-grams.ts). The original strings are not copied: the index keeps
 * references to the caller's title and text and slices them for the keyword-in-context of the hits
 * it returns (normalisation is 1:1 per unit, so an offset in one is the offset in the other).
 * No string ever spans the whole library, so size is bounded by memory, not by V8's string limit.
 *
 * Search. The query's pairs of units are looked up in each article's bitmap; runs of articles
 * that may contain it are searched natively (`Buffer#indexOf`, UCS-2); others are skipped unread.
 * Hits are collected up to `limit`; occurrences are counted up to `totalCap` (then `totalCapped`),
 * so the work is bounded however common the query. A changed article rebuilds only its chunk.
 *
 * A query in the query language (find(), parse-query.ts) is matched per article the same way
 * (query-chunk.ts): which articles match, each positive term counted up to a cap shared out of
 * COUNT_BUDGET (a frequent unit or pair read from its counts instead), and the first hits of a
 * page of them in keyword-in-context (kwic.ts).
 *
 * Failure. Building never throws out of `prepare()` or `search()`: the error goes to `onError` and
 * search falls back to a plain scan of the articles (slower, same results).
 *
 * Offsets: a hit's `offset` is into the text the index holds for that article, which the library
 * makes its canonical cleaned text (core/library/index-article.ts): the text the reader shows, so
 * `text.slice(offset, offset + length)` is the match. The UI should still treat {before, match,
 * after, offset} like a TextQuoteSelector with a position hint, as the file may have changed since.
 * Title-only matches have offset -1.
 */
import { Buffer } from 'node:buffer';
import { libraryProblem } from '../library/library-problems.js';
import type { SearchHit } from '../model.js';
import { countFrequentGrams } from './frequent-grams.js';
import { keywordInContext } from './kwic.js';
import { normalizeForSearch } from './normalize-text.js';
import type { ParsedQuery, QueryTerm } from './parse-query.js';
import { countTerm, firstOccurrences } from './query-chunk.js';
import {
  buildChunk,
  byPath,
  hitAt,
  mayContain,
  queryHashes,
  unitsOf,
  type Built,
  type Chunk,
  type Entry,
} from './search-chunk.js';

export interface SearchResult {
  /** The first `limit` occurrences, in path order (title before text, then by offset). */
  hits: SearchHit[];
  /** Occurrences counted; when `totalCapped`, there are more than this (it equals the cap). */
  total: number;
  totalCapped: boolean;
}

/** One article a query matched. */
export interface FoundArticle {
  id: string;
  path: string;
  title: string;
  /** Occurrences of the positive terms, each term counted up to the cap + 1. */
  hits: number;
  /** Some term occurs more than the cap times. */
  capped: boolean;
  /** Where its text is, for its hits in context. */
  built: Built;
  index: number;
  entry: Entry;
}

export interface FindOptions {
  /** Only these articles (the library list's filters); every article when absent. */
  ids?: ReadonlySet<string>;
  /** Count each term's occurrences per article up to this; by default from COUNT_BUDGET. */
  countCap?: number;
}

export interface FindResult {
  /** In path order. */
  found: FoundArticle[];
  countCap: number;
}

/**
 * Native searches a count may take, about: each costs ~0.2 µs, and a term as common as 的 occurs
 * in nearly every article, hundreds of times. The per-article cap is this shared among the
 * candidate articles and terms, within [MIN_COUNT_CAP, MAX_COUNT_CAP]: at 10,000 articles a common
 * word is counted to "6+" per article (~10 ms), in a folder of 500 articles to 120.
 */
export const COUNT_BUDGET = 60_000;
export const MIN_COUNT_CAP = 3;
export const MAX_COUNT_CAP = 999;

export interface SearchIndexOptions {
  /** Target chunk size in UTF-16 units (default 1 Mi units = 2 MB). */
  chunkUnits?: number;
  /** Count occurrences up to this many (at least `limit`), then stop with `totalCapped` (default 1,000). */
  totalCap?: number;
  /** Told when building the index failed; search then goes on without it (a plain scan). */
  onError?: (message: string) => void;
}

const DEFAULT_CHUNK_UNITS = 1 << 20;
const DEFAULT_TOTAL_CAP = 1_000;
/**
 * Units whose frequent grams are counted at once when their chunks were built (~12 ns a unit, so
 * ~25 ms); past that, after the build, one chunk per turn of the event loop, and search scans for
 * a common term in the chunks not counted yet (same results, slower).
 */
const GRAMS_AT_ONCE_UNITS = 1 << 21;

export class SearchIndex {
  private readonly entries = new Map<string, Entry>();
  /** Entries not in a chunk yet (new, or moved to another path). */
  private readonly pending = new Set<Entry>();
  /** In path order, none empty. */
  private chunks: Chunk[] = [];
  private failed = false;
  private readonly chunkUnits: number;
  private readonly totalCap: number;
  private readonly onError: ((message: string) => void) | undefined;
  /** Built chunks whose frequent grams are not counted yet. */
  private readonly gramsDue = new Set<Chunk>();
  private gramsTimer: ReturnType<typeof setImmediate> | null = null;
  private gramsWaiters: (() => void)[] = [];

  constructor(opts: SearchIndexOptions = {}) {
    this.chunkUnits = Math.max(1, opts.chunkUnits ?? DEFAULT_CHUNK_UNITS);
    this.totalCap = Math.max(1, opts.totalCap ?? DEFAULT_TOTAL_CAP);
    this.onError = opts.onError;
  }

  set(id: string, path: string, title: string, text: string): void {
    const e = this.entries.get(id);
    if (!e) {
      const entry: Entry = { id, path, title, text, chunk: null };
      this.entries.set(id, entry);
      this.pending.add(entry);
      return;
    }
    if (e.path === path && e.chunk) {
      e.title = title;
      e.text = text;
      e.chunk.built = null;
      return;
    }
    this.detach(e);
    Object.assign(e, { path, title, text });
    this.pending.add(e);
  }

  delete(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.detach(e);
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
    this.pending.clear();
    this.chunks = [];
    this.failed = false;
    this.stopBackground();
  }

  /** Built chunks whose common terms are not counted yet (see GRAMS_AT_ONCE_UNITS); for tests and diagnostics. */
  get gramsPending(): number {
    return this.gramsDue.size;
  }

  /** Resolves when the index's background work (counting frequent grams) is done or stopped. */
  whenComplete(): Promise<void> {
    if (this.gramsDue.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.gramsWaiters.push(resolve));
  }

  /** Stops the background work (on close): search goes on without what it would have counted. */
  stopBackground(): void {
    if (this.gramsTimer) clearImmediate(this.gramsTimer);
    this.gramsTimer = null;
    this.gramsDue.clear();
    this.settleGrams();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Chunks in the index (after `prepare()`); for tests and diagnostics. */
  get chunkCount(): number {
    return this.chunks.length;
  }

  /** Build what changed now rather than on the next search. Never throws (see onError). */
  prepare(): void {
    this.tryEnsure();
  }

  search(query: string, limit: number): SearchResult {
    const q = normalizeForSearch(query.replace(/[\u0000\u0001]/g, '')).trim();
    if (q === '' || this.entries.size === 0) return { hits: [], total: 0, totalCapped: false };
    limit = Math.max(0, limit);
    const cap = Math.max(this.totalCap, limit);
    if (this.tryEnsure()) {
      try {
        return this.searchChunks(q, limit, cap);
      } catch (err) {
        this.fail(err);
      }
    }
    return this.scan(q, limit, cap);
  }

  /**
   * The articles matching a parsed query, with how often its positive terms occur in each
   * (title and text). Never throws out of a failed index build: then each article is built alone.
   */
  find(query: ParsedQuery, opts: FindOptions = {}): FindResult {
    const candidates = opts.ids ? Math.min(opts.ids.size, this.entries.size) : this.entries.size;
    const terms = Math.max(1, query.positive.length);
    const countCap =
      opts.countCap ??
      Math.max(
        MIN_COUNT_CAP,
        Math.min(MAX_COUNT_CAP, Math.floor(COUNT_BUDGET / Math.max(1, candidates * terms))),
      );
    const found: FoundArticle[] = [];
    if (query.clauses.length === 0 || candidates === 0) return { found, countCap };
    if (this.tryEnsure()) {
      try {
        for (const chunk of this.chunks)
          matchChunk(chunk.entries, chunk.built as Built, query, opts.ids, countCap, found);
        return { found, countCap };
      } catch (err) {
        this.fail(err);
        found.length = 0;
      }
    }
    // Without the index: each article alone, in a zero-filled (not pooled, so aligned) buffer.
    for (const e of [...this.entries.values()].sort(byPath))
      if (!opts.ids || opts.ids.has(e.id))
        matchChunk(
          [e],
          buildChunk([e], (bytes) => Buffer.alloc(bytes)),
          query,
          undefined,
          countCap,
          found,
        );
    return { found, countCap };
  }

  /** The first `max` hits of a found article, in text order (title first), with `width` characters of context. */
  hitsOf(f: FoundArticle, terms: readonly QueryTerm[], max: number, width: number): SearchHit[] {
    const cut = (s: string, start: number, end: number) => keywordInContext(s, start, end, width);
    return firstOccurrences(f.built, f.index, terms, max).map(({ at, length }) =>
      hitAt(f.entry, at, length, cut),
    );
  }

  // ---- building -----------------------------------------------------------------------------

  private detach(e: Entry): void {
    const chunk = e.chunk;
    if (!chunk) {
      this.pending.delete(e);
      return;
    }
    e.chunk = null;
    const i = chunk.entries.indexOf(e);
    if (i >= 0) chunk.entries.splice(i, 1);
    chunk.built = null;
    if (chunk.entries.length === 0) {
      const c = this.chunks.indexOf(chunk);
      if (c >= 0) this.chunks.splice(c, 1);
    }
  }

  /** True when the chunks are ready to search. */
  private tryEnsure(): boolean {
    if (this.failed) return false;
    try {
      this.ensure();
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    }
  }

  private fail(err: unknown): void {
    this.failed = true;
    this.stopBackground();
    this.chunks = []; // free what was built; entries stay for the plain scan
    for (const e of this.entries.values()) e.chunk = null;
    this.pending.clear();
    const message = (err as Error)?.message ?? String(err);
    try {
      this.onError?.(libraryProblem('search-index-failed', { reason: message }));
    } catch {
      // a failing listener must not break search either
    }
  }

  private ensure(): void {
    if (this.pending.size > 0) {
      if (this.chunks.length === 0 || this.pending.size * 4 > this.entries.size) this.relayout();
      else for (const e of this.pending) this.insert(e);
      this.pending.clear();
    }
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c] as Chunk;
      if (chunk.built) continue;
      let units = 0;
      for (const e of chunk.entries) units += unitsOf(e);
      if (units > 2 * this.chunkUnits && chunk.entries.length > 1) {
        const pieces = this.pack(chunk.entries);
        this.chunks.splice(c, 1, ...pieces);
        c += pieces.length - 1;
        for (const piece of pieces) {
          piece.built = buildChunk(piece.entries);
          this.gramsDue.add(piece);
        }
      } else {
        chunk.built = buildChunk(chunk.entries);
        this.gramsDue.add(chunk);
      }
    }
    this.countGrams();
  }

  // ---- counting frequent grams --------------------------------------------------------------

  /** Counts the due chunks' grams now when they are few, else schedules it (GRAMS_AT_ONCE_UNITS). */
  private countGrams(): void {
    if (this.gramsDue.size === 0 || this.gramsTimer) return;
    let units = 0;
    for (const chunk of this.gramsDue) units += chunk.built ? (chunk.built.starts.at(-1) as number) : 0;
    if (units <= GRAMS_AT_ONCE_UNITS) {
      for (const chunk of [...this.gramsDue]) this.countChunkGrams(chunk);
      this.settleGrams();
    } else this.gramsTimer = setImmediate(() => this.countGramsStep());
  }

  private countGramsStep(): void {
    this.gramsTimer = null;
    const next = this.gramsDue.values().next();
    if (!next.done) this.countChunkGrams(next.value);
    if (this.gramsDue.size > 0) this.gramsTimer = setImmediate(() => this.countGramsStep());
    else this.settleGrams();
  }

  private countChunkGrams(chunk: Chunk): void {
    this.gramsDue.delete(chunk);
    const b = chunk.built; // null when the chunk changed since: counted when built again
    if (!b || b.grams) return;
    try {
      b.grams = countFrequentGrams(b.units, b.starts);
    } catch {
      // Out of memory, most likely: this chunk's common terms are searched for instead.
    }
  }

  private settleGrams(): void {
    if (this.gramsDue.size > 0) return;
    const waiters = this.gramsWaiters;
    this.gramsWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private relayout(): void {
    this.chunks = this.pack([...this.entries.values()].sort(byPath));
  }

  /** Consecutive runs of `sorted` of about `chunkUnits` each, as unbuilt chunks. */
  private pack(sorted: readonly Entry[]): Chunk[] {
    const chunks: Chunk[] = [];
    let cur: Entry[] = [];
    let units = 0;
    const flush = (): void => {
      if (cur.length === 0) return;
      const chunk: Chunk = { entries: cur, built: null };
      for (const e of cur) e.chunk = chunk;
      chunks.push(chunk);
      cur = [];
      units = 0;
    };
    for (const e of sorted) {
      const u = unitsOf(e);
      if (cur.length > 0 && units + u > this.chunkUnits) flush();
      cur.push(e);
      units += u;
    }
    flush();
    return chunks;
  }

  /** Put a pending entry into the chunk its path falls in (chunks exist). */
  private insert(e: Entry): void {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (((this.chunks[mid] as Chunk).entries[0] as Entry).path <= e.path) lo = mid;
      else hi = mid - 1;
    }
    const chunk = this.chunks[lo] as Chunk;
    const list = chunk.entries;
    let a = 0;
    let b = list.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if ((list[mid] as Entry).path < e.path) a = mid + 1;
      else b = mid;
    }
    list.splice(a, 0, e);
    e.chunk = chunk;
    chunk.built = null;
  }

  // ---- searching ----------------------------------------------------------------------------

  private searchChunks(q: string, limit: number, cap: number): SearchResult {
    const needle = Buffer.from(q, 'utf16le');
    const step = q.length * 2;
    const qh = queryHashes(q);
    const hits: SearchHit[] = [];
    let total = 0;
    for (const chunk of this.chunks) {
      const b = chunk.built as Built;
      const n = chunk.entries.length;
      let i = 0;
      while (i < n) {
        if (!mayContain(b, i, qh)) {
          i++;
          continue;
        }
        // A run of articles that may contain the query: one native search over all of them.
        let j = i + 1;
        while (j < n && mayContain(b, j, qh)) j++;
        const runStart = b.starts[i] as number;
        const run = b.buf.subarray(runStart * 2, (b.starts[j] as number) * 2);
        let k = i;
        for (let at = run.indexOf(needle, 0, 'ucs2'); at >= 0; at = run.indexOf(needle, at + step, 'ucs2')) {
          if (total === cap) return { hits, total, totalCapped: true };
          total++;
          if (hits.length < limit) {
            const p = runStart + at / 2;
            while ((b.starts[k + 1] as number) <= p) k++;
            hits.push(hitAt(chunk.entries[k] as Entry, p - (b.starts[k] as number), q.length));
          }
        }
        i = j;
      }
    }
    return { hits, total, totalCapped: false };
  }

  /** Without the index: normalise each article on the fly (same results, much slower). */
  private scan(q: string, limit: number, cap: number): SearchResult {
    const hits: SearchHit[] = [];
    let total = 0;
    for (const e of [...this.entries.values()].sort(byPath)) {
      const parts: [string, number][] = [
        [e.title, 0],
        [e.text, e.title.length + 1],
      ];
      for (const [s, base] of parts) {
        const norm = normalizeForSearch(s.replace(/[\u0000\u0001]/g, ' '));
        for (let at = norm.indexOf(q); at >= 0; at = norm.indexOf(q, at + q.length)) {
          if (total === cap) return { hits, total, totalCapped: true };
          total++;
          if (hits.length < limit) hits.push(hitAt(e, base + at, q.length));
        }
      }
    }
    return { hits, total, totalCapped: false };
  }
}

/** Adds to `found` the articles of one built chunk that match the query (path order kept). */
function matchChunk(
  entries: readonly Entry[],
  built: Built,
  query: ParsedQuery,
  ids: ReadonlySet<string> | undefined,
  countCap: number,
  found: FoundArticle[],
): void {
  const n = entries.length;
  const alive = new Uint8Array(n);
  let left = 0;
  for (let i = 0; i < n; i++) {
    if (ids && !ids.has((entries[i] as Entry).id)) continue;
    alive[i] = 1;
    left++;
  }
  if (left === 0) return;
  // Each distinct positive term is counted once, over the articles still alive when first needed.
  const counts = new Map<string, Int32Array>();
  const countsOf = (t: QueryTerm): Int32Array => {
    let c = counts.get(t.norm);
    if (!c) {
      c = new Int32Array(n);
      countTerm(built, t.norm, alive, countCap + 1, c);
      counts.set(t.norm, c);
    }
    return c;
  };
  // Alternatives with the longest terms first: they usually leave the fewest articles to check.
  const longest = (c: ParsedQuery['clauses'][number]): number =>
    c.kind === 'not' ? -1 : Math.min(...c.terms.map((t) => t.norm.length));
  const ordered = [...query.clauses].sort((a, b) => longest(b) - longest(a));
  for (const clause of ordered) {
    if (clause.kind === 'any') {
      const lists = clause.terms.map(countsOf);
      for (let i = 0; i < n; i++) if (alive[i] && lists.every((c) => c[i] === 0)) alive[i] = 0;
    } else {
      const present = new Int32Array(n);
      countTerm(built, clause.term.norm, alive, 1, present);
      for (let i = 0; i < n; i++) if (present[i]) alive[i] = 0;
    }
  }
  const lists = query.positive.map(countsOf);
  for (let i = 0; i < n; i++) {
    if (!alive[i]) continue;
    let hits = 0;
    let capped = false;
    for (const c of lists) {
      const k = c[i] as number;
      hits += Math.min(k, countCap);
      if (k > countCap) capped = true;
    }
    const e = entries[i] as Entry;
    found.push({ id: e.id, path: e.path, title: e.title, hits, capped, built, index: i, entry: e });
  }
}
