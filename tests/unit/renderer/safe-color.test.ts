// Every colour from a file on disk passes one gate before it reaches an inline style or a style
// sheet: #rrggbb, or a palette colour.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HIGHLIGHT_COLOR,
  safeColor,
  swatchStyle,
  tagColor,
} from '../../../renderer/src/coding/safe-color.js';
import { OKABE_ITO } from '../../../core/store/palette.js';

const HOSTILE = [
  'url(https://example.org/x.png)',
  'red url(//example.org/x.png)',
  '#E69F00; background-image: url(https://example.org/x.png)',
  'image-set("https://example.org/x.png" 1x)',
  'var(--x)',
  'red',
  '#fff',
  '#E69F00 ',
  '',
];

describe('safe colours', () => {
  it('keeps #rrggbb as it is', () => {
    expect(safeColor('#0072B2')).toBe('#0072B2');
    expect(swatchStyle('#0072b2')).toEqual({ backgroundColor: '#0072b2' });
    expect(tagColor({ id: 'a', color: '#123456' })).toBe('#123456');
  });

  it('replaces anything else, URLs and non-strings included, by a palette colour', () => {
    for (const value of [...HOSTILE, null, undefined, 42, { toString: () => '#000000' }]) {
      expect(safeColor(value)).toBe(DEFAULT_HIGHLIGHT_COLOR);
      expect(swatchStyle(value)).toEqual({ backgroundColor: DEFAULT_HIGHLIGHT_COLOR });
    }
    for (const color of HOSTILE) expect(OKABE_ITO).toContain(tagColor({ id: 'econ', color }));
  });

  it('gives a tag with a broken colour the same palette colour every time, prototype-named ids too', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'econ', '经济']) {
      const color = tagColor({ id, color: 'url(https://example.org/x.png)' });
      expect(OKABE_ITO).toContain(color);
      expect(tagColor({ id, color: 'nonsense' })).toBe(color);
    }
  });

  it('lets through nothing but #rrggbb, whatever the string (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (color, id) => {
        expect(safeColor(color)).toMatch(/^#[0-9a-fA-F]{6}$/);
        expect(tagColor({ id, color })).toMatch(/^#[0-9a-fA-F]{6}$/);
      }),
    );
  });
});
