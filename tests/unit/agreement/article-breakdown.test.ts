// The per-article breakdown of one code: each article's own figures, which add up to the code's.
import { describe, expect, it } from 'vitest';
import { agreementByArticle } from '../../../core/agreement/article-breakdown.js';
import { computeAgreement } from '../../../core/agreement/compute-agreement.js';
import { unitizingAlphaNaive } from '../../../core/agreement/unitizing-alpha.js';
import { ApiError } from '../../../core/errors.js';
import { code, coders, hl, krippendorffExample } from './examples.js';

describe('agreement by article', () => {
  it("gives each article's units, characters, agreement and alpha_u on its own text", () => {
    const rows = agreementByArticle(krippendorffExample(), 'c');
    expect(rows.map((r) => r.article_path)).toEqual(['a/first.md', 'b/second.md']);
    const [first, second] = rows;
    // In "a/first.md" (150-300): Ann c(225,70), Bo c(220,80) → local [75,145) and [70,150).
    expect(first).toMatchObject({ units: { Ann: 1, Bo: 1 }, characters: { Ann: 70, Bo: 80 } });
    expect(first!.percent_agreement).toBeCloseTo(140 / 150, 12);
    const local = [[{ start: 75, end: 145 }], [{ start: 70, end: 150 }]];
    expect(first!.alpha_u).toBeCloseTo(unitizingAlphaNaive(150, local).alpha!, 12);
    // The characters of all articles add up to the code's.
    const whole = computeAgreement(krippendorffExample()).codes[0]!;
    expect(first!.characters.Bo! + second!.characters.Bo!).toBe(whole.characters.Bo);
    expect(second!.units).toEqual({ Ann: 1, Bo: 2 });
  });

  it('lists articles nobody coded with null kappa and alpha_u', () => {
    const rows = agreementByArticle(
      {
        coders,
        articles: [
          { id: 'a', path: 'a', length: 10 },
          { id: 'b', path: 'b', length: 10 },
        ],
        highlights: [hl('ann', 'a', 0, 4, 'x'), hl('bo', 'a', 0, 4, 'x')],
        codes: [code('x', 'x')],
      },
      'x',
    );
    expect(rows[0]).toMatchObject({ percent_agreement: 1, kappa: 1, alpha_u: 1 });
    expect(rows[1]).toMatchObject({ percent_agreement: 1, kappa: null, alpha_u: null });
  });

  it('refuses an unknown code', () => {
    expect(() => agreementByArticle(krippendorffExample(), 'nope')).toThrow(ApiError);
  });
});
