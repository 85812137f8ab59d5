/**
 * A parsed query (parse-query.ts) against one built chunk of the search index (search-chunk.ts):
 * which of the chunk's articles match, how often each term occurs in them (up to a cap), and where
 * the first occurrences are. The work per term is one native search per run of consecutive
 * articles that are still candidates and whose bitmaps allow the term; an article whose count
 * reached the cap is skipped to its end, so a very common term costs at most cap + 1 searches per
 * article. The most common terms of all, single units and pairs such as 的 and 中国, cost no search:
 * their counts are read from the chunk's table (frequent-grams.ts).
 */
import { Buffer } from 'node:buffer';
import type { QueryTerm } from './parse-query.js';
import { GRAM_SLOTS } from './frequent-grams.js';
import { anchorOf, mayContain, queryHashes, type Built } from './search-chunk.js';

/**
 * Units after an occurrence looked through with a plain loop for the next one before a native
 * search is asked: a call costs ~0.2 µs, the loop ~1 ns a unit, and a common word (的, 中国) is
 * usually again within a few dozen units.
 */
const NEAR_UNITS = 256;

/** The next occurrence of `t` in `u[from, to)` (`to` is where a match must end by), or -1. */
function nextNear(u: Uint16Array, t: Uint16Array, from: number, to: number): number {
  const first = t[0] as number;
  const n = t.length;
  for (let q = from; q + n <= to; q++) {
    if (u[q] !== first) continue;
    let k = 1;
    while (k < n && u[q + k] === t[k]) k++;
    if (k === n) return q;
  }
  return -1;
}

/**
 * Adds to `counts[i]` the occurrences of `norm` in article i of the chunk, for every article with
 * `alive[i]`, counting each up to `cap` (so `cap` means "cap or more").
 */
export function countTerm(b: Built, norm: string, alive: Uint8Array, cap: number, counts: Int32Array): void {
  const n = alive.length;
  const slot = b.grams?.slots.get(norm);
  if (b.grams && slot !== undefined) {
    const grams = b.grams.counts;
    for (let i = 0; i < n; i++)
      if (alive[i]) counts[i] = (counts[i] as number) + Math.min(cap, grams[i * GRAM_SLOTS + slot] as number);
    return;
  }
  const m = norm.length;
  const t = new Uint16Array(m);
  for (let k = 0; k < m; k++) t[k] = norm.charCodeAt(k);
  // The native search looks for the term's suffix from its anchor unit (anchorOf); a stop whose
  // prefix differs, or would start before where the search began, is no occurrence.
  const a = anchorOf(b, t);
  const needle = Buffer.from(norm.slice(a), 'utf16le');
  const qh = queryHashes(norm);
  const starts = b.starts;
  const u = b.units;
  let i = 0;
  while (i < n) {
    if (!alive[i] || !mayContain(b, i, qh)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && alive[j] && mayContain(b, j, qh)) j++;
    const runStart = starts[i] as number;
    const runEnd = starts[j] as number;
    const run = b.buf.subarray(runStart * 2, runEnd * 2);
    /** The first occurrence in the run starting at or after unit `from`, or -1. */
    const next = (from: number): number => {
      for (let s = from + a; s < runEnd;) {
        const at = run.indexOf(needle, (s - runStart) * 2, 'ucs2');
        if (at < 0) return -1;
        const p = runStart + at / 2 - a;
        let k = 0;
        while (k < a && u[p + k] === t[k]) k++;
        if (k === a) return p;
        s = p + a + 1;
      }
      return -1;
    };
    let k = i;
    let p = next(runStart);
    while (p >= 0) {
      while ((starts[k + 1] as number) <= p) k++;
      // Separators fold to nothing a term holds, so a match never crosses into the next article.
      const c = (counts[k] as number) + 1;
      counts[k] = c;
      const end = starts[k + 1] as number;
      if (c < cap) {
        const from = p + m;
        const to = Math.min(end, from + NEAR_UNITS);
        const near = nextNear(u, t, from, to);
        p = near >= 0 ? near : next(Math.max(from, to - m + 1));
      } else if (k + 1 < j) p = next(end);
      else break;
    }
    i = j;
  }
}

/** Offsets (relative to the article's start in the chunk) of the first `max` occurrences of each term, merged in text order. */
export function firstOccurrences(
  b: Built,
  i: number,
  terms: readonly QueryTerm[],
  max: number,
): { at: number; length: number }[] {
  const from = b.starts[i] as number;
  const view = b.buf.subarray(from * 2, (b.starts[i + 1] as number) * 2);
  const found: { at: number; length: number }[] = [];
  for (const t of terms) {
    const needle = Buffer.from(t.norm, 'utf16le');
    let seen = 0;
    for (let at = view.indexOf(needle, 0, 'ucs2'); at >= 0 && seen < max; seen++) {
      found.push({ at: at / 2, length: t.norm.length });
      at = view.indexOf(needle, at + needle.length, 'ucs2');
    }
  }
  found.sort((a, b) => a.at - b.at || b.length - a.length);
  // Overlapping occurrences of different terms (中国, 中国人) are shown once, as the first.
  const shown: { at: number; length: number }[] = [];
  for (const f of found) {
    const last = shown[shown.length - 1];
    if (last && f.at < last.at + last.length) continue;
    shown.push(f);
    if (shown.length === max) break;
  }
  return shown;
}
