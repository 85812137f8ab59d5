// Krippendorff's alpha from reliability data (units × coders, missing values allowed): the worked
// examples of R's irr::kripp.alpha / Krippendorff (2011) and of ATLAS.ti's documentation, and properties.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  binaryAlpha,
  reliabilityAlpha,
  type ReliabilityValue,
} from '../../../core/agreement/nominal-alpha.js';

/** Rows are coders, `.` is missing; returned as units × coders. */
function fromCoderRows(rows: string[]): ReliabilityValue[][] {
  const cells = rows.map((r) => r.split(' ').map((v) => (v === '.' ? null : Number(v))));
  return cells[0]!.map((_, u) => cells.map((coder) => coder[u]!));
}

const fourByTwelve = fromCoderRows([
  '1 2 3 3 2 1 4 1 2 . . .',
  '1 2 3 3 2 2 4 1 2 5 . 3',
  '. 3 3 3 2 3 4 2 2 5 1 .',
  '1 2 3 3 2 4 4 1 2 5 1 .',
]);

describe('reliability alpha, worked examples', () => {
  it('4 coders × 12 units with missing values: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797', () => {
    expect(reliabilityAlpha(fourByTwelve, 'nominal').alpha).toBeCloseTo(0.743, 3);
    expect(reliabilityAlpha(fourByTwelve, 'ordinal').alpha).toBeCloseTo(0.815, 3);
    expect(reliabilityAlpha(fourByTwelve, 'interval').alpha).toBeCloseTo(0.849, 3);
    expect(reliabilityAlpha(fourByTwelve, 'ratio').alpha).toBeCloseTo(0.797, 3);
  });

  it('leaves out units that fewer than two coders valued (unit 12 here): 40 pairable values', () => {
    expect(reliabilityAlpha(fourByTwelve).pairable).toBe(40);
  });

  it('ATLAS.ti binary sequences 1100000000 / 0110010100: α ≈ 0.095', () => {
    const a = '1100000000'.split('');
    const b = '0110010100'.split('');
    expect(reliabilityAlpha(a.map((x, i) => [x, b[i]!])).alpha).toBeCloseTo(0.095, 3);
  });

  it('takes values of any kind for the nominal metric, and needs numbers for the others', () => {
    const data = [
      ['yes', 'yes'],
      ['no', 'yes'],
      ['no', 'no'],
    ];
    const numeric = [
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(reliabilityAlpha(data).alpha).toBeCloseTo(reliabilityAlpha(numeric).alpha!, 12);
    expect(() => reliabilityAlpha(data, 'interval')).toThrow(RangeError);
  });

  it('is null with a reason when every value is the same or nothing is pairable', () => {
    expect(
      reliabilityAlpha([
        [1, 1],
        [1, 1],
      ]),
    ).toMatchObject({ alpha: null, reason: 'no-variation' });
    expect(
      reliabilityAlpha([
        [1, null],
        [null, 0],
      ]),
    ).toMatchObject({ alpha: null, reason: 'no-pairable-values' });
  });
});

describe('reliability alpha, properties', () => {
  const cell = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 }));
  const matrix = fc
    .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 15 }))
    .chain(([m, n]) =>
      fc.array(fc.array(cell, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
    );
  const metric = fc.constantFrom('nominal', 'ordinal', 'interval', 'ratio' as const);

  it('is never above 1, and does not depend on the order of coders or units', () => {
    fc.assert(
      fc.property(matrix, metric, (data, m) => {
        const r = reliabilityAlpha(data, m);
        const swapped = reliabilityAlpha(
          [...data].reverse().map((row) => [...row].reverse()),
          m,
        );
        expect(swapped.reason).toBe(r.reason);
        if (r.alpha !== null) {
          expect(r.alpha).toBeLessThanOrEqual(1 + 1e-12);
          expect(swapped.alpha!).toBeCloseTo(r.alpha, 9);
        }
      }),
    );
  });

  it('identical coders give 1 when alpha is defined', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 20 }),
        metric,
        (values, m) => {
          const r = reliabilityAlpha(
            values.map((v) => [v, v, v]),
            m,
          );
          if (r.alpha !== null) expect(r.alpha).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('yes/no counts per unit give the same alpha as the matrix they count', () => {
    const binary = fc.array(fc.array(fc.constantFrom(0, 1, null), { minLength: 2, maxLength: 4 }), {
      maxLength: 20,
    });
    fc.assert(
      fc.property(binary, (data) => {
        const yes = data.map((row) => row.filter((v) => v === 1).length);
        const present = data.map((row) => row.filter((v) => v !== null).length);
        const fromCounts = binaryAlpha(yes, present);
        const fromMatrix = reliabilityAlpha(data);
        expect(fromCounts.reason).toBe(fromMatrix.reason);
        expect(fromCounts.pairable).toBe(fromMatrix.pairable);
        if (fromMatrix.alpha !== null) expect(fromCounts.alpha!).toBeCloseTo(fromMatrix.alpha, 9);
      }),
    );
  });
});
