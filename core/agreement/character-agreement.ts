/**
 * Character-level agreement, NVivo's way (coding comparison query): every code point of the
 * continuum is coded or not by each coder, which gives a 2 × 2 table per pair of coders.
 * Percent agreement = (both + neither) / total; Cohen's kappa = (po − pe) / (1 − pe) on that table
 * (NVivo writes it as (TA − ΣEF) / (TU − ΣEF), the same number). With more than two coders: per pair,
 * and the mean over the pairs.
 */
import type { Span } from './continuum.js';

/** Code points of the continuum by who coded them. */
export interface CharacterTable {
  total: number;
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

export interface PairCharacterAgreement {
  /** Indices of the two coders in the input. */
  coders: [number, number];
  table: CharacterTable;
  percentAgreement: number | null;
  /** null when undefined: the expected agreement is 1 (both coded everything, or nothing). */
  kappa: number | null;
}

export interface CharacterAgreement {
  pairs: PairCharacterAgreement[];
  /** Mean over the pairs (null when the continuum is empty). */
  percentAgreement: number | null;
  /** Mean over the pairs whose kappa is defined (null when none is). */
  kappa: number | null;
}

/** Length of the intersection of two sorted lists of disjoint spans (a two-pointer sweep). */
export function intersectionLength(a: readonly Span[], b: readonly Span[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const lo = Math.max(x.start, y.start);
    const hi = Math.min(x.end, y.end);
    if (hi > lo) n += hi - lo;
    if (x.end <= y.end) i++;
    else j++;
  }
  return n;
}

const lengthOf = (spans: readonly Span[]): number => spans.reduce((s, u) => s + (u.end - u.start), 0);

/** The 2 × 2 table of two coders' units over a continuum of `total` code points. */
export function characterTable(total: number, a: readonly Span[], b: readonly Span[]): CharacterTable {
  const both = intersectionLength(a, b);
  const onlyA = lengthOf(a) - both;
  const onlyB = lengthOf(b) - both;
  return { total, both, onlyA, onlyB, neither: total - both - onlyA - onlyB };
}

export function percentAgreement(t: CharacterTable): number | null {
  return t.total > 0 ? (t.both + t.neither) / t.total : null;
}

/** Cohen's kappa for a 2 × 2 table (yes/yes = both, yes/no = onlyA, no/yes = onlyB, no/no = neither). */
export function cohenKappa(t: CharacterTable): number | null {
  if (t.total <= 0) return null;
  const po = (t.both + t.neither) / t.total;
  const aYes = (t.both + t.onlyA) / t.total;
  const bYes = (t.both + t.onlyB) / t.total;
  const pe = aYes * bYes + (1 - aYes) * (1 - bYes);
  return pe < 1 ? (po - pe) / (1 - pe) : null;
}

const mean = (xs: readonly number[]): number | null =>
  xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;

/** Per pair of coders and the means, for each coder's units (sorted disjoint spans). */
export function characterAgreement(total: number, coders: readonly (readonly Span[])[]): CharacterAgreement {
  const pairs: PairCharacterAgreement[] = [];
  for (let i = 0; i < coders.length; i++)
    for (let j = i + 1; j < coders.length; j++) {
      const table = characterTable(total, coders[i]!, coders[j]!);
      pairs.push({
        coders: [i, j],
        table,
        percentAgreement: percentAgreement(table),
        kappa: cohenKappa(table),
      });
    }
  const defined = (xs: (number | null)[]): number[] => xs.filter((x): x is number => x !== null);
  return {
    pairs,
    percentAgreement: mean(defined(pairs.map((p) => p.percentAgreement))),
    kappa: mean(defined(pairs.map((p) => p.kappa))),
  };
}
