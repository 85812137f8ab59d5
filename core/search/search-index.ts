/**
 * Full-text search over titles and bodies of a whole library: substring search on normalised text
 * (normalize-text.ts: case- and width-folded, same length as the original), so it works for Chinese
 * without word splitting.
 *
 * Layout. Articles, in path order, are packed into chunks of about `chunkUnits` UTF-16 units (an
 * article is never split; a bigger one gets a chunk of its own). A chunk holds only the normalised
 * text, as UTF-16LE in a Buffer (title, U+0001, text, U+0000 per article; NUL and U+0001 inside the
 * text are indexed as spaces, so no match can cross a separator), plus per article a small bitmap of
 * hashed pairs of units. The original strings are not copied: the index keeps
 * references to the caller's title and text and slices them for the keyword-in-context of the hits
 * it returns (normalisation is 1:1 per unit, so an offset in one is the offset in the other).
 * No string ever spans the whole library, so size is bounded by memory, not by V8's string limit.
 *
 * Search. The query's pairs of units are looked up in each article's bitmap; runs of articles
 * that may contain it are searched natively (`Buffer#indexOf`, UCS-2); others are skipped unread.
 * Hits are collected up to `limit`; occurrences are counted up to `totalCap` (then `totalCapped`),
 * so the work is bounded however common the query. A changed article rebuilds only its chunk.
 *
 * Failure. Building never throws out of `prepare()` or `search()`: the error goes to `onError` and
 * search falls back to a plain scan of the articles (slower, same results).
 *
 * Offsets: a hit's `offset` is into the text the index holds for that article. After the article
 * has been opened (or when the parse cache has its cleaned text) that is the canonical text and
 * the offset is exact; before, it is the scan-time text (core/library/quick-text.ts), which follows
 * the same rules and usually matches, but may differ where the cleaner removed boilerplate. The UI
 * should therefore treat {before, match, after, offset} like a TextQuoteSelector with a position
 * hint: check `text.slice(offset, offset + length)` and otherwise search `match` with its context
 * near `offset`. Title-only matches have offset -1.
 */
import { Buffer } from 'node:buffer';
import type { SearchHit } from '../model.js';
import { foldTable, normalizeForSearch } from './normalize-text.js';

export interface SearchResult {
  /** The first `limit` occurrences, in path order (title before text, then by offset). */
  hits: SearchHit[];
  /** Occurrences counted; when `totalCapped`, there are more than this (it equals the cap). */
  total: number;
  totalCapped: boolean;
}

export interface SearchIndexOptions {
  /** Target chunk size in UTF-16 units (default 1 Mi units = 2 MB). */
  chunkUnits?: number;
  /** Count occurrences up to this many (at least `limit`), then stop with `totalCapped` (default 1,000). */
  totalCap?: number;
  /** Told when building the index failed; search then goes on without it (a plain scan). */
  onError?: (message: string) => void;
}

const CONTEXT = 40;
const DEFAULT_CHUNK_UNITS = 1 << 20;
const DEFAULT_TOTAL_CAP = 1_000;
/** Bitmap bits per article: the next power of two ≥ 3 × its length, within [2^6, 2^20]. */
const MIN_FILTER_LOG = 6;
const MAX_FILTER_LOG = 20;

interface Entry {
  id: string;
  path: string;
  title: string;
  text: string;
  chunk: Chunk | null;
}

interface Built {
  /** Unit offset of each entry's title in `buf`, plus the end. */
  starts: Int32Array;
  /** The normalised text, UTF-16LE. */
  buf: Buffer;
  /** Every entry's bitmap, back to back (`fOff[i]` words in, 2^(32 - fShift[i]) bits long). */
  filter: Int32Array;
  fOff: Int32Array;
  fShift: Uint8Array;
}

interface Chunk {
  /** Sorted by path; never empty while the chunk is in the index. */
  entries: Entry[];
  /** null until (re)built. */
  built: Built | null;
}

let indexTableCache: Uint16Array | null = null;

/** The fold table with NUL and U+0001 (the separators) folded to a space. */
function indexTable(): Uint16Array {
  if (!indexTableCache) {
    indexTableCache = Uint16Array.from(foldTable());
    indexTableCache[0] = 0x20;
    indexTableCache[1] = 0x20;
  }
  return indexTableCache;
}

const byPath = (a: Entry, b: Entry): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
const unitsOf = (e: Entry): number => e.title.length + e.text.length + 2;

// A 32-bit multiplicative hash of a pair of units; an article's bitmap uses its top bits.
const hashPair = (a: number, b: number): number => Math.imul((a << 16) | b, 0x9e3779b1);

/** Mark every pair of units of `u[from, to)` in the bitmap at `off` (2^(32 - shift) bits). */
function markPairs(
  u: Uint16Array,
  from: number,
  to: number,
  filter: Int32Array,
  off: number,
  shift: number,
): void {
  let prev = u[from] as number;
  for (let i = from + 1; i < to; i++) {
    const c = u[i] as number;
    const h = Math.imul((prev << 16) | c, 0x9e3779b1) >>> shift;
    const w = off + (h >>> 5);
    filter[w] = (filter[w] as number) | (1 << (h & 31));
    prev = c;
  }
}

function buildChunk(entries: readonly Entry[]): Built {
  const n = entries.length;
  const starts = new Int32Array(n + 1);
  const fOff = new Int32Array(n);
  const fShift = new Uint8Array(n);
  let units = 0;
  let words = 0;
  for (let i = 0; i < n; i++) {
    const len = unitsOf(entries[i] as Entry);
    starts[i] = units;
    units += len;
    let log = MIN_FILTER_LOG;
    while (log < MAX_FILTER_LOG && 1 << log < len * 3) log++;
    fOff[i] = words;
    fShift[i] = 32 - log;
    words += 1 << (log - 5);
  }
  starts[n] = units;
  // Not pooled, so aligned for UCS-2 search; every unit is written below.
  const buf = Buffer.allocUnsafeSlow(units * 2);
  const u16 = new Uint16Array(buf.buffer, buf.byteOffset, units);
  const filter = new Int32Array(words);
  // Copy the texts in natively, fold in place, then put the separators (which folding would
  // have turned into spaces, like any NUL or U+0001 inside a text) and mark each article's pairs.
  for (let i = 0; i < n; i++) {
    const e = entries[i] as Entry;
    const at = starts[i] as number;
    buf.write(e.title, at * 2, 'utf16le');
    buf.write(e.text, (at + e.title.length + 1) * 2, 'utf16le');
  }
  const t = indexTable();
  for (let i = 0; i < units; i++) u16[i] = t[u16[i] as number] as number;
  for (let i = 0; i < n; i++) {
    const e = entries[i] as Entry;
    const at = starts[i] as number;
    u16[at + e.title.length] = 1;
    u16[at + e.title.length + 1 + e.text.length] = 0;
    markPairs(
      u16,
      at,
      at + e.title.length + 1 + e.text.length,
      filter,
      fOff[i] as number,
      fShift[i] as number,
    );
  }
  return { starts, buf, filter, fOff, fShift };
}

/** The hashes of a query's pairs of units, all of which an article's bitmap must have. */
function queryHashes(q: string): Int32Array {
  const hs = new Set<number>();
  for (let i = 1; i < q.length; i++) hs.add(hashPair(q.charCodeAt(i - 1), q.charCodeAt(i)));
  return Int32Array.from(hs);
}

function mayContain(b: Built, i: number, qh: Int32Array): boolean {
  const off = b.fOff[i] as number;
  const shift = b.fShift[i] as number;
  const f = b.filter;
  for (let k = 0; k < qh.length; k++) {
    const h = (qh[k] as number) >>> shift;
    if (((f[off + (h >>> 5)] as number) & (1 << (h & 31))) === 0) return false;
  }
  return true;
}

function hitAt(e: Entry, rel: number, length: number): SearchHit {
  const inTitle = rel < e.title.length;
  const s = inTitle ? e.title : e.text;
  const at = inTitle ? rel : rel - e.title.length - 1;
  return {
    articleId: e.id,
    path: e.path,
    title: e.title,
    offset: inTitle ? -1 : at,
    length,
    before: s.slice(Math.max(0, at - CONTEXT), at),
    match: s.slice(at, at + length),
    after: s.slice(at + length, Math.min(s.length, at + length + CONTEXT)),
  };
}

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
    this.chunks = []; // free what was built; entries stay for the plain scan
    for (const e of this.entries.values()) e.chunk = null;
    this.pending.clear();
    const message = (err as Error)?.message ?? String(err);
    try {
      this.onError?.(`The search index could not be built; searching without it (slower): ${message}`);
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
        for (const piece of pieces) piece.built = buildChunk(piece.entries);
      } else chunk.built = buildChunk(chunk.entries);
    }
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
