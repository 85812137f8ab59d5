// Krippendorff's alpha for unitized data (binary, per code): the published worked example, and the
// sweep implementation against the all-pairs definition on random codings.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Span } from '../../../core/agreement/continuum.js';
import {
  overallAlphaU,
  unitizingAlpha,
  unitizingAlphaNaive,
} from '../../../core/agreement/unitizing-alpha.js';
import { codingArb } from './arbitraries.js';

/** Krippendorff 2004, p. 254: continuum from 150, length 300; (start, length) per unit, shifted to 0. */
const at = (start: number, length: number): Span => ({ start: start - 150, end: start - 150 + length });
const L = 300;
const codeC = [
  [at(225, 70), at(370, 30)],
  [at(220, 80), at(355, 20), at(400, 20)],
];
const codeK = [
  [at(180, 60), at(300, 50)],
  [at(180, 60), at(300, 50)],
];

describe('unitizing alpha, Krippendorff 2004 p. 254', () => {
  it('gives α_c = 0.7286 with Do = 0.0144 and De = 0.0532', () => {
    for (const f of [unitizingAlpha, unitizingAlphaNaive]) {
      const c = f(L, codeC);
      expect(c.observed).toBeCloseTo(0.0144, 4);
      expect(c.expected).toBeCloseTo(0.0532, 4);
      expect(c.alpha).toBeCloseTo(0.7286, 4);
    }
  });

  it('gives α_k = 1 for identical units, and about 0.859 over both codes', () => {
    const k = unitizingAlpha(L, codeK);
    expect(k.alpha).toBe(1);
    expect(k.observed).toBe(0);
    const overall = overallAlphaU([unitizingAlpha(L, codeC), k]);
    expect(overall.alpha).toBeCloseTo(0.859, 3);
  });

  it('does not depend on which coder is listed first', () => {
    expect(unitizingAlpha(L, [codeC[1]!, codeC[0]!]).alpha).toBeCloseTo(0.7286, 4);
  });
});

describe('unitizing alpha, when it is undefined', () => {
  it('is null with a reason when no coder made a unit', () => {
    expect(unitizingAlpha(100, [[], []])).toMatchObject({ alpha: null, reason: 'no-units' });
  });

  it('is null for an empty continuum or a single coder', () => {
    expect(unitizingAlpha(0, [[], []]).reason).toBe('empty-continuum');
    expect(unitizingAlpha(10, [[{ start: 0, end: 5 }]]).reason).toBe('fewer-than-two-coders');
  });

  it('treats a unit one coder made and the other did not as disagreement', () => {
    const r = unitizingAlpha(100, [[{ start: 10, end: 30 }], []]);
    expect(r.alpha).not.toBeNull();
    expect(r.alpha!).toBeLessThan(0);
    expect(r.observed).toBeCloseTo((2 * 20 * 20) / (2 * 100 * 100), 12);
  });

  it('rejects units that overlap or leave the continuum', () => {
    expect(() =>
      unitizingAlpha(10, [
        [
          { start: 0, end: 5 },
          { start: 4, end: 8 },
        ],
        [],
      ]),
    ).toThrow(RangeError);
    expect(() => unitizingAlpha(10, [[{ start: 5, end: 11 }], []])).toThrow(RangeError);
  });

  it('overall is null when no code has units', () => {
    expect(overallAlphaU([unitizingAlpha(10, [[], []])]).alpha).toBeNull();
  });
});

describe('unitizing alpha, properties', () => {
  it('the sweep equals the all-pairs definition', () => {
    fc.assert(
      fc.property(codingArb(2, 4), ({ length, coders }) => {
        const fast = unitizingAlpha(length, coders);
        const naive = unitizingAlphaNaive(length, coders);
        expect(fast.reason).toBe(naive.reason);
        expect(fast.observed).toBeCloseTo(naive.observed, 12);
        expect(fast.expected).toBeCloseTo(naive.expected, 12);
        if (naive.alpha !== null) expect(fast.alpha!).toBeCloseTo(naive.alpha, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('identical coders agree perfectly (when alpha is defined)', () => {
    fc.assert(
      fc.property(codingArb(1, 1), fc.integer({ min: 2, max: 4 }), ({ length, coders }, m) => {
        const r = unitizingAlpha(
          length,
          Array.from({ length: m }, () => coders[0]!),
        );
        if (r.alpha !== null) expect(r.alpha).toBe(1);
        expect(r.observed).toBe(0);
      }),
    );
  });

  it('swapping coders changes nothing, and alpha is never above 1', () => {
    fc.assert(
      fc.property(codingArb(2, 4), ({ length, coders }) => {
        const r = unitizingAlpha(length, coders);
        const reversed = unitizingAlpha(length, [...coders].reverse());
        expect(reversed.reason).toBe(r.reason);
        if (r.alpha !== null) {
          expect(reversed.alpha!).toBeCloseTo(r.alpha, 12);
          expect(r.alpha).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
