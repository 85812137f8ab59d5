// fast-check generators shared by the agreement tests: a continuum length and each coder's units
// (sorted, disjoint spans inside it), small enough for the all-pairs reference implementations.
import fc from 'fast-check';
import type { Span } from '../../../core/agreement/continuum.js';

/** Disjoint sorted spans in [0, length) from cut points: every other interval between cuts is a unit. */
export function spansFromCuts(length: number, cuts: number[], firstIsUnit: boolean): Span[] {
  const points = [...new Set(cuts.map((c) => c % (length + 1)))].sort((a, b) => a - b);
  const bounds = [0, ...points.filter((p) => p > 0 && p < length), length];
  const spans: Span[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    if ((i % 2 === 0) === firstIsUnit) spans.push({ start: bounds[i]!, end: bounds[i + 1]! });
  }
  return spans;
}

export const unitsArb = (length: number): fc.Arbitrary<Span[]> =>
  fc
    .tuple(fc.array(fc.nat({ max: length }), { maxLength: 12 }), fc.boolean())
    .map(([cuts, first]) => spansFromCuts(length, cuts, first));

/** A continuum length and m coders' units. */
export const codingArb = (minCoders = 2, maxCoders = 4): fc.Arbitrary<{ length: number; coders: Span[][] }> =>
  fc
    .tuple(fc.integer({ min: 1, max: 120 }), fc.integer({ min: minCoders, max: maxCoders }))
    .chain(([length, m]) =>
      fc.array(unitsArb(length), { minLength: m, maxLength: m }).map((coders) => ({ length, coders })),
    );
