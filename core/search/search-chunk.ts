/**
 * One chunk of the search index (see search-index.ts for the layout): its articles' normalised text
 * packed in a UTF-16LE Buffer with a bitmap of hashed pairs of units per article, the query's
 * hashes checked against those bitmaps, and a hit cut out with its keyword-in-context.
 */
import { Buffer } from 'node:buffer';
import type { SearchHit } from '../model.js';
import type { GramCounts } from './frequent-grams.js';
import { foldTable } from './normalize-text.js';

const CONTEXT = 40;
/** Bitmap bits per article: the next power of two ≥ 3 × its length, within [2^6, 2^20]. */
export const MIN_FILTER_LOG = 6;
export const MAX_FILTER_LOG = 20;

export interface Entry {
  id: string;
  path: string;
  title: string;
  text: string;
  chunk: Chunk | null;
}

export interface Built {
  /** Unit offset of each entry's title in `buf`, plus the end. */
  starts: Int32Array;
  /** The normalised text, UTF-16LE. */
  buf: Buffer;
  /** The same memory as UTF-16 units. */
  units: Uint16Array;
  /** Every entry's bitmap, back to back (`fOff[i]` words in, 2^(32 - fShift[i]) bits long). */
  filter: Int32Array;
  fOff: Int32Array;
  fShift: Uint8Array;
  /** How often each byte value occurs in `buf` (sampled in a big chunk): see anchorOf. */
  byteCounts: Uint32Array;
  /** Exact counts of the chunk's most frequent units and pairs per article, once counted (frequent-grams.ts). */
  grams: GramCounts | null;
}

export interface Chunk {
  /** Sorted by path; never empty while the chunk is in the index. */
  entries: Entry[];
  /** null until (re)built. */
  built: Built | null;
}

let indexTableCache: Uint16Array | null = null;

/** The fold table with NUL and U+0001 (the separators) folded to a space. */
export function indexTable(): Uint16Array {
  if (!indexTableCache) {
    indexTableCache = Uint16Array.from(foldTable());
    indexTableCache[0] = 0x20;
    indexTableCache[1] = 0x20;
  }
  return indexTableCache;
}

export const byPath = (a: Entry, b: Entry): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
export const unitsOf = (e: Entry): number => e.title.length + e.text.length + 2;

// A 32-bit multiplicative hash of a pair of units; an article's bitmap uses its top bits.
export const hashPair = (a: number, b: number): number => Math.imul((a << 16) | b, 0x9e3779b1);
/** Units below this are "Latin" (letters, digits, punctuation, spaces): their triples are marked too. */
const LATIN_END = 0x3000;
// A triple of Latin units (each < 2^14) in one 32-bit multiplicative hash, distinct from the pairs'.
export const hashTriple = (a: number, b: number, c: number): number =>
  Math.imul(((a << 18) ^ (b << 9) ^ c) + 0x5bd1e995, 0x85ebca6b);

/** Mark every pair of units of `u[from, to)` in the bitmap at `off` (2^(32 - shift) bits). */
export function markPairs(
  u: Uint16Array,
  from: number,
  to: number,
  filter: Int32Array,
  off: number,
  shift: number,
): void {
  let prev2 = 0xffff;
  let prev = u[from] as number;
  for (let i = from + 1; i < to; i++) {
    const c = u[i] as number;
    const h = Math.imul((prev << 16) | c, 0x9e3779b1) >>> shift;
    const w = off + (h >>> 5);
    filter[w] = (filter[w] as number) | (1 << (h & 31));
    if (prev2 < LATIN_END && prev < LATIN_END && c < LATIN_END) {
      const h3 = hashTriple(prev2, prev, c) >>> shift;
      const w3 = off + (h3 >>> 5);
      filter[w3] = (filter[w3] as number) | (1 << (h3 & 31));
    }
    prev2 = prev;
    prev = c;
  }
}

/** `alloc`: how the text buffer is allocated (the fallback after a failed build uses another way). */
export function buildChunk(
  entries: readonly Entry[],
  alloc: (bytes: number) => Buffer = Buffer.allocUnsafeSlow,
): Built {
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
  const buf = alloc(units * 2);
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
  const byteCounts = new Uint32Array(256);
  for (let i = 0, step = units > 1 << 16 ? 4 : 1; i < units; i += step) {
    const v = u16[i] as number;
    byteCounts[v >>> 8] = (byteCounts[v >>> 8] as number) + 1;
    byteCounts[v & 0xff] = (byteCounts[v & 0xff] as number) + 1;
  }
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
  return {
    starts,
    buf,
    units: u16,
    filter,
    fOff,
    fShift,
    byteCounts,
    grams: null,
  };
}

/** The hashes of a query's pairs of units, all of which an article's bitmap must have. */
export function queryHashes(q: string): Int32Array {
  const hs = new Set<number>();
  for (let i = 1; i < q.length; i++) hs.add(hashPair(q.charCodeAt(i - 1), q.charCodeAt(i)));
  for (let i = 2; i < q.length; i++) {
    const a = q.charCodeAt(i - 2);
    const b = q.charCodeAt(i - 1);
    const c = q.charCodeAt(i);
    if (a < LATIN_END && b < LATIN_END && c < LATIN_END) hs.add(hashTriple(a, b, c));
  }
  return Int32Array.from(hs);
}

/**
 * The unit of a term a native search should look for. Node's UCS-2 `indexOf` scans with `memchr`
 * for the larger byte of the needle's first unit and checks each stop, so a needle starting with a
 * frequent letter (e, a, s) stops every few units while one starting with a rare one (v, u) does
 * not: the search is for the suffix from the unit whose larger byte is rarest in the chunk.
 */
export function anchorOf(b: Built, term: Uint16Array): number {
  let best = 0;
  let bestCount = Infinity;
  for (let k = 0; k < term.length; k++) {
    const v = term[k] as number;
    const count = b.byteCounts[Math.max(v >>> 8, v & 0xff)] as number;
    if (count < bestCount) {
      best = k;
      bestCount = count;
    }
  }
  return best;
}

export function mayContain(b: Built, i: number, qh: Int32Array): boolean {
  const off = b.fOff[i] as number;
  const shift = b.fShift[i] as number;
  const f = b.filter;
  for (let k = 0; k < qh.length; k++) {
    const h = (qh[k] as number) >>> shift;
    if (((f[off + (h >>> 5)] as number) & (1 << (h & 31))) === 0) return false;
  }
  return true;
}

/** The context of a match `s[start, end)`: the flat search's fixed slices, or keyword-in-context. */
export type ContextCut = (
  s: string,
  start: number,
  end: number,
) => Pick<SearchHit, 'before' | 'match' | 'after'>;

const fixedContext: ContextCut = (s, at, end) => ({
  before: s.slice(Math.max(0, at - CONTEXT), at),
  match: s.slice(at, end),
  after: s.slice(end, Math.min(s.length, end + CONTEXT)),
});

/** The hit at unit `rel` of an entry's indexed form (title, separator, text). */
export function hitAt(e: Entry, rel: number, length: number, cut: ContextCut = fixedContext): SearchHit {
  const inTitle = rel < e.title.length;
  const s = inTitle ? e.title : e.text;
  const at = inTitle ? rel : rel - e.title.length - 1;
  return {
    articleId: e.id,
    path: e.path,
    title: e.title,
    offset: inTitle ? -1 : at,
    length,
    ...cut(s, at, at + length),
  };
}
