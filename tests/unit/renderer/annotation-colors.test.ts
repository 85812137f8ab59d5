// The colour a highlight is painted in. It goes into a style sheet rule, so only #rrggbb counts.
import { describe, expect, it } from 'vitest';
import {
  colorOfAnnotation,
  DEFAULT_HIGHLIGHT_COLOR,
} from '../../../renderer/src/coding/annotation-colors.js';
import type { Tag } from '../../../core/model.js';

const tag = (id: string, color: string): Tag => ({ id, name: id, parentId: null, color, description: '' });
const tags = new Map([
  ['econ', tag('econ', '#E69F00')],
  ['mangled', tag('mangled', 'red; } body { display: none')],
]);

describe('colorOfAnnotation', () => {
  it('takes the colour set by hand, else the first known tag’s, else the default yellow', () => {
    expect(colorOfAnnotation({ color: '#123ABC', tagIds: ['econ'] }, tags)).toBe('#123ABC');
    expect(colorOfAnnotation({ color: null, tagIds: ['gone', 'econ'] }, tags)).toBe('#E69F00');
    expect(colorOfAnnotation({ color: null, tagIds: [] }, tags)).toBe(DEFAULT_HIGHLIGHT_COLOR);
  });

  it('passes over colours from hand-edited files that are not #rrggbb', () => {
    expect(colorOfAnnotation({ color: '#123abc) } body {', tagIds: ['econ'] }, tags)).toBe('#E69F00');
    expect(colorOfAnnotation({ color: null, tagIds: ['mangled'] }, tags)).toBe(DEFAULT_HIGHLIGHT_COLOR);
    expect(colorOfAnnotation({ color: 'red', tagIds: ['mangled', 'econ'] }, tags)).toBe('#E69F00');
  });
});
