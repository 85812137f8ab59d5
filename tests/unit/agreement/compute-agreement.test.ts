// The agreement report of issue 18 from coders, articles, highlights and codes: the worked examples
// end to end, child codes, alpha_article with missing values, bad input, and the CSV table.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { ApiError } from '../../../core/errors.js';
import { computeAgreement, type AgreementInput } from '../../../core/agreement/compute-agreement.js';
import { agreementCsv } from '../../../core/agreement/agreement-csv.js';
import { buildContinuum, unitsOf } from '../../../core/agreement/continuum.js';
import { unitizingAlphaNaive } from '../../../core/agreement/unitizing-alpha.js';
import { code, coders, hl, krippendorffExample } from './examples.js';

describe('computeAgreement', () => {
  it("reproduces Krippendorff's unitizing example: α_c 0.7286, α_k 1, overall ≈ 0.859", () => {
    const r = computeAgreement(krippendorffExample());
    expect(r).toMatchObject({ coders: ['Ann', 'Bo'], articles: 2, continuum: 300 });
    const [c, k] = r.codes;
    expect(c!.alpha_u).toBeCloseTo(0.7286, 4);
    expect(c!.alpha_u_observed).toBeCloseTo(0.0144, 4);
    expect(c!.alpha_u_expected).toBeCloseTo(0.0532, 4);
    expect(k!.alpha_u).toBe(1);
    expect(r.overall.alpha_u).toBeCloseTo(0.859, 3);
    expect(c!.units).toEqual({ Ann: 2, Bo: 3 });
    expect(c!.characters).toEqual({ Ann: 100, Bo: 120 });
    expect(k!.percent_agreement).toBe(1);
    expect(k!.kappa).toBe(1);
  });

  it('gives the ATLAS.ti binary example its agreement, kappa and alpha per article', () => {
    // Ten one-character articles: "1100000000" for Ann, "0110010100" for Bo.
    const articles = Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, path: `p${i}`, length: 1 }));
    const highlights = [
      ...[0, 1].map((i) => hl('ann', `a${i}`, 0, 1, 'x')),
      ...[1, 2, 5, 7].map((i) => hl('bo', `a${i}`, 0, 1, 'x')),
    ];
    const r = computeAgreement({ coders, articles, highlights, codes: [code('x', 'x')] });
    expect(r.codes[0]!.percent_agreement).toBeCloseTo(0.6, 12);
    expect(r.codes[0]!.kappa).toBeCloseTo(0.091, 3);
    expect(r.codes[0]!.alpha_article).toBeCloseTo(0.095, 3);
  });

  it('counts highlights of child codes under their parent only when asked', () => {
    const input: AgreementInput = {
      coders,
      articles: [{ id: 'a', path: 'a', length: 100 }],
      highlights: [hl('ann', 'a', 10, 20, 'parent'), hl('bo', 'a', 10, 20, 'child')],
      codes: [code('parent', 'P', ['child']), code('child', 'P/C')],
    };
    const plain = computeAgreement(input).codes[0]!;
    expect(plain.units).toEqual({ Ann: 1, Bo: 0 });
    const withChildren = computeAgreement({ ...input, options: { withChildren: true } }).codes[0]!;
    expect(withChildren.units).toEqual({ Ann: 1, Bo: 1 });
    expect(withChildren.alpha_u).toBe(1);
  });

  it('leaves out coders who did not code an article from alpha_article (missing values)', () => {
    const articles = [
      { id: 'a', path: 'a', length: 10 },
      { id: 'b', path: 'b', length: 10 },
      { id: 'c', path: 'c', length: 10, codedBy: ['ann'] },
    ];
    const highlights = [hl('ann', 'a', 0, 5, 'x'), hl('bo', 'a', 0, 5, 'x'), hl('ann', 'c', 0, 5, 'x')];
    const r = computeAgreement({ coders, articles, highlights, codes: [code('x', 'x')] });
    // Only a (yes, yes) and b (no, no) are pairable: perfect agreement. Without codedBy, c disagrees.
    expect(r.codes[0]!.alpha_article).toBe(1);
    const all = computeAgreement({
      coders,
      articles: articles.map(({ id, path, length }) => ({ id, path, length })),
      highlights,
      codes: [code('x', 'x')],
    });
    expect(all.codes[0]!.alpha_article!).toBeLessThan(1);
  });

  it('says why a figure is null', () => {
    const r = computeAgreement({
      coders,
      articles: [{ id: 'a', path: 'a', length: 10 }],
      highlights: [],
      codes: [code('x', 'Topic/x')],
    });
    expect(r.codes[0]).toMatchObject({
      alpha_u: null,
      alpha_article: null,
      kappa: null,
      percent_agreement: 1,
    });
    expect(r.overall.alpha_u).toBeNull();
    expect(r.notes).toContain('Topic/x: alpha_u is undefined: no coder applied the code.');
    expect(r.notes.some((n) => n.startsWith('overall alpha_u is undefined'))).toBe(true);
  });

  it('uses only the chosen articles, and cuts highlights that reach past their text', () => {
    const r = computeAgreement({
      coders,
      articles: [
        { id: 'a', path: 'a', length: 10 },
        { id: 'b', path: 'b', length: 10 },
      ],
      highlights: [hl('ann', 'a', 5, 50, 'x'), hl('bo', 'b', 0, 5, 'x'), hl('ann', 'a', 40, 50, 'x')],
      codes: [code('x', 'x')],
      options: { articleIds: ['a'] },
    });
    expect(r).toMatchObject({ articles: 1, continuum: 10 });
    expect(r.codes[0]!.characters).toEqual({ Ann: 5, Bo: 0 });
    expect(r.notes).toContain(
      "1 highlight(s) reached past the end of their article's text and were cut at its end.",
    );
    expect(r.notes).toContain('1 highlight(s) had no text left inside their article and were left out.');
  });

  it('refuses fewer than two coders, a coder twice, a bad overlap or an unknown article', () => {
    const base = krippendorffExample();
    const fails = (input: AgreementInput, text: RegExp): void => {
      expect(() => computeAgreement(input)).toThrow(ApiError);
      expect(() => computeAgreement(input)).toThrow(text);
    };
    fails({ ...base, coders: [coders[0]!] }, /at least two coders/);
    fails({ ...base, coders: [coders[0]!, coders[0]!] }, /listed twice/);
    fails({ ...base, options: { overlap: 0 } }, /overlap/);
    fails({ ...base, options: { articleIds: ['nope'] } }, /nope/);
  });

  it('agrees with the all-pairs alpha_u and does not depend on the order of coders', () => {
    const articles = [
      { id: 'a', path: 'x/a', length: 40 },
      { id: 'b', path: 'x/b', length: 25 },
    ];
    const highlight = fc
      .tuple(
        fc.constantFrom('ann', 'bo', 'cy'),
        fc.constantFrom('a', 'b'),
        fc.nat(45),
        fc.nat(12),
        fc.constantFrom('x', 'y'),
      )
      .map(([c, a, s, l, t]) => hl(c, a, s, s + l, t));
    const three = [...coders, { id: 'cy', name: 'Cy' }];
    fc.assert(
      fc.property(fc.array(highlight, { maxLength: 25 }), (highlights) => {
        const input = { coders: three, articles, highlights, codes: [code('x', 'x'), code('y', 'y')] };
        const r = computeAgreement(input);
        const reversed = computeAgreement({ ...input, coders: [...three].reverse() });
        const continuum = buildContinuum(articles);
        r.codes.forEach((row, i) => {
          const units = three.map((c) =>
            unitsOf(
              continuum,
              highlights.filter((h) => h.coderId === c.id && h.tagIds.includes(row.tag_id)),
            ),
          );
          const naive = unitizingAlphaNaive(continuum.length, units).alpha;
          if (naive === null) expect(row.alpha_u).toBeNull();
          else expect(row.alpha_u!).toBeCloseTo(naive, 9);
          const other = reversed.codes[i]!;
          for (const key of ['alpha_u', 'alpha_article', 'percent_agreement', 'kappa'] as const) {
            if (row[key] === null) expect(other[key]).toBeNull();
            else expect(other[key]!).toBeCloseTo(row[key], 9);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('agreement CSV', () => {
  it('writes one row per code with the JSON fields and a units and characters column per coder', () => {
    const r = computeAgreement(krippendorffExample());
    const text = agreementCsv(r);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'tag',
      'tag_path',
      'alpha_u',
      'alpha_article',
      'percent_agreement',
      'kappa',
      'units_Ann',
      'units_Bo',
      'characters_Ann',
      'characters_Bo',
      'alpha_u_observed',
      'alpha_u_expected',
    ]);
    expect(rows).toHaveLength(2);
    expect(Number(rows[0]!.alpha_u)).toBe(r.codes[0]!.alpha_u);
    expect(rows[0]!.units_Bo).toBe('3');
    expect(text.includes('\r\n')).toBe(true);
  });

  it('leaves undefined figures empty and neutralises a code name that looks like a formula', () => {
    const r = computeAgreement({
      coders,
      articles: [{ id: 'a', path: 'a', length: 10 }],
      highlights: [],
      codes: [code('x', '=HYPERLINK("x")')],
    });
    const rows = parse(agreementCsv(r, { bom: false }), { columns: true }) as Record<string, string>[];
    expect(rows[0]!.alpha_u).toBe('');
    expect(rows[0]!.tag_path).toBe(`'=HYPERLINK("x")`);
  });
});

describe('computeAgreement on articles without text', () => {
  it('gives null everywhere, each with its reason', () => {
    const r = computeAgreement({
      coders,
      articles: [{ id: 'a', path: 'a', length: 0 }],
      highlights: [hl('ann', 'a', 0, 3, 'x')],
      codes: [code('x', 'x')],
    });
    expect(r.codes[0]).toMatchObject({
      alpha_u: null,
      percent_agreement: null,
      kappa: null,
      undefined_reasons: {
        alpha_u: 'empty-continuum',
        percent_agreement: 'empty-continuum',
        kappa: 'empty-continuum',
      },
    });
    expect(r.notes).toContain('x: percent_agreement is undefined: the chosen articles have no text.');
  });
});
