// The CSV writer's text must be exactly what csv-stringify writes with Gloss's settings, for any cells.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCells, ROW_END, type Cell } from '../../../core/export/csv-text.js';

const GLOSS_SETTINGS = {
  escape_formulas: true,
  record_delimiter: 'windows',
  quoted_match: /[\r\n]/,
} as const;

// Characters csv-stringify treats specially (quotes, separators, formula starts, full-width forms)
// mixed with ordinary, CJK and astral ones.
const awkward = fc.constantFrom(
  ...[',', '"', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', "'", ';', ' ', '\u0000'],
  ...['\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '，', '。', 'a', 'Z', '7', '中', '文', '😀', '𠀀'],
);
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.array(awkward, { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
);
const row = fc.array(cell, { minLength: 1, maxLength: 8 });

describe('CSV text', () => {
  it('equals csv-stringify for any rows', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (rows) => {
        const ours = rows.map((r) => csvCells(r) + ROW_END).join('');
        expect(ours).toBe(stringify(rows, GLOSS_SETTINGS));
      }),
      { numRuns: 500 },
    );
  });

  it('writes a row in parts that join with commas into the whole row', () => {
    fc.assert(
      fc.property(row, row, (left, right) => {
        expect(`${csvCells(left)},${csvCells(right)}`).toBe(csvCells([...left, ...right]));
      }),
    );
  });

  it('neutralises formulas, quotes what needs quoting and leaves the rest as it is', () => {
    expect(csvCells(['=1+1', '\uFF0Bx', 'a,b', 'say "hi"', 'two\nlines', '中文', -3, ''])).toBe(
      `'=1+1,'\uFF0Bx,"a,b","say ""hi""","two\nlines",中文,-3,`,
    );
  });
});
