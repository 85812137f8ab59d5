/**
 * Exact per-article counts of a chunk's most frequent single units and pairs of units. A search
 * for a common term (的, 中国, 公司) is then a lookup: scanning for one costs a native search
 * through nearly every article, and counting it to the cap several more (see query-chunk.ts).
 *
 * Built with the chunk from its normalised units: the units are ranked by frequency, pairs of the
 * top-ranked units counted by rank, and the most frequent ones given a slot each. A pair of two
 * equal units (哈哈) gets no slot: its occurrences can overlap, which a search does not count.
 */

/** Units ranked (a pair is counted only when both are); 255 marks "not ranked". */
const RANKED = 255;
const UNIT_SLOTS = 64;
const PAIR_SLOTS = 192;
export const GRAM_SLOTS = UNIT_SLOTS + PAIR_SLOTS;
const SATURATED = 0xffff;

export interface GramCounts {
  /** The slot of a one- or two-unit (normalised) term. */
  slots: Map<string, number>;
  /** `counts[i * GRAM_SLOTS + slot]`: occurrences in article i, up to 65,535. */
  counts: Uint16Array;
  /** How often each byte value occurs in the chunk's UTF-16LE text (search-chunk.ts anchorOf). */
  byteCounts: Float64Array;
}

// Scratch tables, reused by every build (chunks are built one at a time, synchronously).
const unitCount = new Uint32Array(65536);
const rank = new Uint8Array(65536);
const pairCount = new Uint32Array(65536);
const unitSlot = new Int16Array(65536);
const pairSlot = new Int16Array(65536);

function bump(counts: Uint16Array, at: number): void {
  const c = counts[at] as number;
  if (c < SATURATED) counts[at] = c + 1;
}

/** The `n` indices of `counts` (of `size`) with the highest non-zero counts, most frequent first. */
function top(counts: Uint32Array, size: number, n: number, skip: (k: number) => boolean): number[] {
  const found: number[] = [];
  for (let k = 0; k < size; k++) if ((counts[k] as number) > 0 && !skip(k)) found.push(k);
  found.sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
  return found.slice(0, n);
}

/**
 * `u`: the chunk's normalised units; `starts`: where each article begins, plus the end. The
 * separators (0 and 1) are never counted, so no pair crosses from one article (or title) to the next.
 */
export function countFrequentGrams(u: Uint16Array, starts: Int32Array): GramCounts {
  const n = starts.length - 1;
  const units = starts[n] as number;
  unitCount.fill(0);
  for (let i = 0; i < units; i++) unitCount[u[i] as number] = (unitCount[u[i] as number] as number) + 1;
  const byteCounts = new Float64Array(256);
  for (let v = 0; v < 65536; v++) {
    const c = unitCount[v] as number;
    if (c === 0) continue;
    byteCounts[v >>> 8] = (byteCounts[v >>> 8] as number) + c;
    byteCounts[v & 0xff] = (byteCounts[v & 0xff] as number) + c;
  }
  const separator = (k: number): boolean => k <= 1;
  const ranked = top(unitCount, 65536, RANKED, separator);
  rank.fill(RANKED);
  ranked.forEach((unit, r) => (rank[unit] = r));

  pairCount.fill(0);
  let prev = RANKED;
  for (let i = 0; i < units; i++) {
    const r = rank[u[i] as number] as number;
    if (prev !== RANKED && r !== RANKED) {
      const k = (prev << 8) | r;
      pairCount[k] = (pairCount[k] as number) + 1;
    }
    prev = r;
  }
  const pairs = top(pairCount, 65536, PAIR_SLOTS, (k) => k >>> 8 === (k & 0xff));

  const slots = new Map<string, number>();
  unitSlot.fill(-1);
  pairSlot.fill(-1);
  ranked.slice(0, UNIT_SLOTS).forEach((unit, s) => {
    unitSlot[unit] = s;
    slots.set(String.fromCharCode(unit), s);
  });
  pairs.forEach((pair, k) => {
    const s = UNIT_SLOTS + k;
    pairSlot[pair] = s;
    slots.set(String.fromCharCode(ranked[pair >>> 8] as number, ranked[pair & 0xff] as number), s);
  });

  const counts = new Uint16Array(n * GRAM_SLOTS);
  for (let a = 0; a < n; a++) {
    const base = a * GRAM_SLOTS;
    let prevRank = RANKED;
    for (let i = starts[a] as number, end = starts[a + 1] as number; i < end; i++) {
      const v = u[i] as number;
      const s1 = unitSlot[v] as number;
      if (s1 >= 0) bump(counts, base + s1);
      const r = rank[v] as number;
      if (prevRank !== RANKED && r !== RANKED) {
        const s2 = pairSlot[(prevRank << 8) | r] as number;
        if (s2 >= 0) bump(counts, base + s2);
      }
      prevRank = r;
    }
  }
  return { slots, counts, byteCounts };
}
