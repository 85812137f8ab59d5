// The colour a highlight is painted in. It goes into a style sheet rule, so only #rrggbb counts.
import { describe, expect, it } from 'vitest';
import {
  colorOfAnnotation,
  DEFAULT_HIGHLIGHT_COLOR,
} from '../../../renderer/src/coding/annotation-colors.js';
import { tagColor } from '../../../renderer/src/coding/safe-color.js';
import type { Tag } from '../../../core/model.js';

const tag = (id: string, color: string): Tag => ({ id, name: id, parentId: null, color, description: '' });
const mangled = tag('mangled', 'red; } body { display: none');
const tags = new Map([
  ['econ', tag('econ', '#E69F00')],
  ['mangled', mangled],
]);

describe('colorOfAnnotation', () => {
  it('takes the colour set by hand, else the first known tag’s, else the default yellow', () => {
    expect(colorOfAnnotation({ color: '#123ABC', tagIds: ['econ'] }, tags)).toBe('#123ABC');
    expect(colorOfAnnotation({ color: null, tagIds: ['gone', 'econ'] }, tags)).toBe('#E69F00');
    expect(colorOfAnnotation({ color: null, tagIds: [] }, tags)).toBe(DEFAULT_HIGHLIGHT_COLOR);
  });

  it('never passes on a colour from a hand-edited file that is not #rrggbb', () => {
    expect(colorOfAnnotation({ color: '#123abc) } body {', tagIds: ['econ'] }, tags)).toBe('#E69F00');
    // A tag with a broken colour is painted in the palette colour its swatch shows.
    expect(colorOfAnnotation({ color: null, tagIds: ['mangled'] }, tags)).toBe(tagColor(mangled));
    expect(colorOfAnnotation({ color: 'red', tagIds: ['mangled', 'econ'] }, tags)).toBe(tagColor(mangled));
    expect(tagColor(mangled)).toMatch(/^#[0-9A-F]{6}$/);
  });
});
