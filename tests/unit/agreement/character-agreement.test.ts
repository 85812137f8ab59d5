// Character-level percent agreement and Cohen's kappa (NVivo's coding comparison): Cohen's 1960
// example, NVivo's documented formula, ATLAS.ti's binary sequences, and more than two coders.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Span } from '../../../core/agreement/continuum.js';
import {
  characterAgreement,
  characterTable,
  cohenKappa,
  percentAgreement,
} from '../../../core/agreement/character-agreement.js';
import { codingArb } from './arbitraries.js';

/** Spans of the 1s of a binary sequence such as "0110010100". */
function spansOf(bits: string): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < bits.length; i++) {
    if (bits[i] !== '1') continue;
    const last = out[out.length - 1];
    if (last && last.end === i) last.end = i + 1;
    else out.push({ start: i, end: i + 1 });
  }
  return out;
}

describe('character agreement, worked examples', () => {
  it("Cohen's 2 × 2 table 20 / 5 / 10 / 15: κ = 0.40", () => {
    const t = { total: 50, both: 20, onlyA: 5, onlyB: 10, neither: 15 };
    expect(percentAgreement(t)).toBeCloseTo(0.7, 12);
    expect(cohenKappa(t)).toBeCloseTo(0.4, 12);
  });

  it("NVivo's formula: 1,000 characters, 50 both, 100 only A, 50 only B: 0.85 and κ ≈ 0.318", () => {
    const a = [{ start: 0, end: 150 }];
    const b = [{ start: 100, end: 200 }];
    const t = characterTable(1000, a, b);
    expect(t).toEqual({ total: 1000, both: 50, onlyA: 100, onlyB: 50, neither: 800 });
    expect(percentAgreement(t)).toBeCloseTo(0.85, 12);
    expect(cohenKappa(t)).toBeCloseTo(0.318, 3);
    // NVivo's own form: (TA − ΣEF) / (TU − ΣEF).
    const ef = (150 * 100) / 1000 + (850 * 900) / 1000;
    expect(cohenKappa(t)).toBeCloseTo((850 - ef) / (1000 - ef), 12);
  });

  it('ATLAS.ti binary sequences 1100000000 / 0110010100: agreement 0.60, κ ≈ 0.091', () => {
    const r = characterAgreement(10, [spansOf('1100000000'), spansOf('0110010100')]);
    expect(r.percentAgreement).toBeCloseTo(0.6, 12);
    expect(r.kappa).toBeCloseTo(0.091, 3);
  });

  it('with three coders gives each pair and the mean', () => {
    const r = characterAgreement(10, [spansOf('1100000000'), spansOf('0110010100'), spansOf('1100000000')]);
    expect(r.pairs.map((p) => p.coders)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(r.pairs[1]!.percentAgreement).toBe(1);
    expect(r.percentAgreement).toBeCloseTo((0.6 + 1 + 0.6) / 3, 12);
    expect(r.kappa).toBeCloseTo((2 * r.pairs[0]!.kappa! + 1) / 3, 12);
  });

  it('kappa is null when both coded nothing (or everything); agreement is then 1', () => {
    const r = characterAgreement(10, [[], []]);
    expect(r.percentAgreement).toBe(1);
    expect(r.kappa).toBeNull();
    expect(characterAgreement(10, [[{ start: 0, end: 10 }], [{ start: 0, end: 10 }]]).kappa).toBeNull();
  });
});

describe('character agreement, properties', () => {
  it('the table counts every code point once, as a per-character count does', () => {
    fc.assert(
      fc.property(codingArb(2, 2), ({ length, coders }) => {
        const coded = (spans: Span[], i: number): boolean => spans.some((s) => s.start <= i && i < s.end);
        const t = characterTable(length, coders[0]!, coders[1]!);
        let both = 0;
        let neither = 0;
        for (let i = 0; i < length; i++) {
          const a = coded(coders[0]!, i);
          const b = coded(coders[1]!, i);
          if (a && b) both++;
          if (!a && !b) neither++;
        }
        expect([t.both, t.neither]).toEqual([both, neither]);
        expect(t.both + t.onlyA + t.onlyB + t.neither).toBe(length);
      }),
    );
  });

  it('swapping coders changes nothing; kappa is at most 1, and 1 for identical coders', () => {
    fc.assert(
      fc.property(codingArb(2, 2), ({ length, coders }) => {
        const r = characterAgreement(length, coders);
        const s = characterAgreement(length, [coders[1]!, coders[0]!]);
        expect(s.percentAgreement).toBe(r.percentAgreement);
        expect(s.kappa).toBe(r.kappa);
        if (r.kappa !== null) expect(r.kappa).toBeLessThanOrEqual(1 + 1e-12);
        const same = characterAgreement(length, [coders[0]!, coders[0]!]);
        if (same.kappa !== null) expect(same.kappa).toBeCloseTo(1, 12);
      }),
    );
  });
});
