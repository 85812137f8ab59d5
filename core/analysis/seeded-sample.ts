/**
 * A reproducible random sample of articles. Pure: the same seed on the same articles gives the
 * same sample on every machine, whatever order the file system listed them in, because the
 * articles are put in library-path order (plain code-unit order, not the locale's) and strata in
 * key order before any random number is drawn. Numbers come from pure-rand's xoroshiro128+, drawn
 * with its unbiased uniform distribution; each stratum is a partial Fisher–Yates shuffle.
 */
import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import { allocateStrata } from './allocate-strata.js';
import type { SampleStratum } from './set-types.js';

export interface SampleCandidate {
  id: string;
  path: string;
  /** The stratum (null: the article has none); ignored when not stratified. */
  stratum: string | null;
}

export interface SampleOptions {
  size: number;
  seed: number;
  stratified: boolean;
  equal: boolean;
}

export interface Sample {
  /** In library-path order. */
  articleIds: string[];
  strata: SampleStratum[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Strata in key order, the articles without one last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return byCodeUnits(a, b);
}

/** The size a percentage of `available` stands for (rounded to the nearest article, at least one). */
export function sizeOfPercent(percent: number, available: number): number {
  if (available === 0) return 0;
  return Math.min(available, Math.max(1, Math.round((percent / 100) * available)));
}

export function drawSeededSample(candidates: readonly SampleCandidate[], opts: SampleOptions): Sample {
  const sorted = [...candidates].sort((a, b) => byCodeUnits(a.path, b.path) || byCodeUnits(a.id, b.id));
  const groups = new Map<string | null, SampleCandidate[]>();
  for (const c of sorted) {
    const key = opts.stratified ? c.stratum : null;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const keys = [...groups.keys()].sort(compareKeys);
  const counts = allocateStrata(
    keys.map((k) => groups.get(k)!.length),
    opts.size,
    opts.equal && opts.stratified,
  );
  const rng = xoroshiro128plus(opts.seed >>> 0);
  const chosen = new Set<string>();
  keys.forEach((key, i) => {
    const pool = groups.get(key)!.map((c) => c.id);
    const k = counts[i]!;
    // Partial Fisher–Yates: the first k places of the pool become a uniform random k-subset.
    for (let j = 0; j < k; j++) {
      const pick = unsafeUniformIntDistribution(j, pool.length - 1, rng);
      [pool[j], pool[pick]] = [pool[pick]!, pool[j]!];
      chosen.add(pool[j]!);
    }
  });
  return {
    articleIds: sorted.filter((c) => chosen.has(c.id)).map((c) => c.id),
    strata: keys.map((key, i) => ({ key, available: groups.get(key)!.length, chosen: counts[i]! })),
  };
}

/** A fresh seed when none was given (shown and stored, so the sample can be drawn again). */
export function newSeed(): number {
  return Math.floor(Math.random() * 0x1_0000_0000);
}
