/**
 * Exact per-article counts of a chunk's most frequent single units and pairs of units. A search
 * for a common term (的, 中国, 公司) is then a lookup: scanning for one costs a native search
 * through nearly every article, and counting it to the cap several more (see query-chunk.ts).
 *
 * Counted from a built chunk's normalised units (by the index, after the chunk is built: in the
 * background when many chunks were built at once): the units are ranked by frequency, pairs of the
 * top-ranked units counted by rank, and the most frequent ones given a slot each. A pair of two
 * equal units (哈哈) gets no slot: its occurrences can overlap, which a search does not count.
 */

/** Units ranked by frequency (0 …): the first UNIT_SLOTS have a slot, pairs of any two are counted. */
const RANKED = 128;
/** The rank of every other unit; a pair with it is counted in a slot nobody reads. */
const NONE = RANKED;
const SIDE = RANKED + 1;
const UNIT_SLOTS = 64;
const PAIR_SLOTS = 192;
export const GRAM_SLOTS = UNIT_SLOTS + PAIR_SLOTS;
/** Where a unit or pair without a slot is counted (two places: one would serialise the loop). */
const UNIT_SINK = GRAM_SLOTS;
const PAIR_SINK = GRAM_SLOTS + 1;
const SATURATED = 0xffff;

export interface GramCounts {
  /** The slot of a one- or two-unit (normalised) term. */
  slots: Map<string, number>;
  /** `counts[i * GRAM_SLOTS + slot]`: occurrences in article i, up to 65,535. */
  counts: Uint16Array;
}

// Scratch tables, reused by every build (chunks are built one at a time, synchronously). The
// passes over every unit are most of the cost, so they have no branches: whatever has no slot is
// counted in a sink.
const unitCount = new Uint32Array(65536);
const rankOf = new Uint8Array(65536);
const pairCount = new Uint32Array(SIDE * SIDE);
const unitSlotOf = new Uint16Array(SIDE);
/** Slot of a pair of ranks (r1 * SIDE + r2). */
const pairSlotOf = new Uint16Array(SIDE * SIDE);
const row = new Uint32Array(GRAM_SLOTS + 2);

/** The `n` indices of `counts` with the highest non-zero counts, most frequent first. */
function top(counts: Uint32Array, n: number, skip: (k: number) => boolean): number[] {
  const found: number[] = [];
  for (let k = 0; k < counts.length; k++) if ((counts[k] as number) > 0 && !skip(k)) found.push(k);
  found.sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
  return found.slice(0, n);
}

/**
 * `u`: the chunk's normalised units; `starts`: where each article begins, plus the end. The
 * separators (0 and 1) are never ranked, so no pair crosses from one article (or title) to the next.
 */
export function countFrequentGrams(u: Uint16Array, starts: Int32Array): GramCounts {
  const n = starts.length - 1;
  const units = starts[n] as number;
  const uc = unitCount;
  uc.fill(0);
  for (let i = 0; i < units; i++) {
    const v = u[i] as number;
    uc[v] = (uc[v] as number) + 1;
  }
  const ranked = top(uc, RANKED, (k) => k <= 1);
  const rank = rankOf;
  rank.fill(NONE);
  ranked.forEach((unit, r) => (rank[unit] = r));

  const pc = pairCount;
  pc.fill(0);
  let prev = NONE;
  for (let i = 0; i < units; i++) {
    const r = rank[u[i] as number] as number;
    const k = prev * SIDE + r;
    pc[k] = (pc[k] as number) + 1;
    prev = r;
  }
  const first = (k: number): number => (k / SIDE) | 0;
  const second = (k: number): number => k % SIDE;
  // Not with an unranked unit; not 哈哈 (see the module comment).
  const pairs = top(pc, PAIR_SLOTS, (k) => first(k) === NONE || second(k) === NONE || first(k) === second(k));

  const slots = new Map<string, number>();
  unitSlotOf.fill(UNIT_SINK);
  pairSlotOf.fill(PAIR_SINK);
  ranked.slice(0, UNIT_SLOTS).forEach((unit, r) => {
    unitSlotOf[r] = r;
    slots.set(String.fromCharCode(unit), r);
  });
  pairs.forEach((pair, k) => {
    pairSlotOf[pair] = UNIT_SLOTS + k;
    const text = String.fromCharCode(ranked[first(pair)] as number, ranked[second(pair)] as number);
    slots.set(text, UNIT_SLOTS + k);
  });

  const counts = new Uint16Array(n * GRAM_SLOTS);
  const us = unitSlotOf;
  const ps = pairSlotOf;
  const c = row;
  for (let a = 0; a < n; a++) {
    c.fill(0);
    let prevRank = NONE;
    for (let i = starts[a] as number, end = starts[a + 1] as number; i < end; i++) {
      const r = rank[u[i] as number] as number;
      const s1 = us[r] as number;
      c[s1] = (c[s1] as number) + 1;
      const s2 = ps[prevRank * SIDE + r] as number;
      c[s2] = (c[s2] as number) + 1;
      prevRank = r;
    }
    const base = a * GRAM_SLOTS;
    for (let s = 0; s < GRAM_SLOTS; s++) counts[base + s] = Math.min(SATURATED, c[s] as number);
  }
  return { slots, counts };
}
