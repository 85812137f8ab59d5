// A tag name typed as a path (`Parent/Child`) in the codebook or the popover (issue 15, item 9).
import { describe, expect, it } from 'vitest';
import { childNamed, splitTagPath } from '../../../renderer/src/coding/tag-path.js';
import type { Tag } from '../../../core/model.js';

const tag = (id: string, name: string, parentId: string | null): Tag => ({
  id,
  name,
  parentId,
  color: '#E69F00',
  description: '',
});

describe('tag paths', () => {
  it('splits a path into its names, ignoring spaces around the slashes and empty parts', () => {
    expect(splitTagPath('Frames / Economic')).toEqual(['Frames', 'Economic']);
    expect(splitTagPath('框架/经济/ 就业 ')).toEqual(['框架', '经济', '就业']);
    expect(splitTagPath('/Frames//Economic/')).toEqual(['Frames', 'Economic']);
    expect(splitTagPath('Plain name')).toEqual(['Plain name']);
    expect(splitTagPath(' / ')).toEqual([]);
  });

  it('finds a child by name as the codebook compares names (case and width do not count)', () => {
    const tags = [tag('a', 'Frames', null), tag('b', 'Economic', 'a'), tag('c', 'Economic', null)];
    expect(childNamed(tags, 'a', 'economic')?.id).toBe('b');
    expect(childNamed(tags, null, 'ＥＣＯＮＯＭＩＣ')?.id).toBe('c');
    expect(childNamed(tags, 'b', 'Economic')).toBeUndefined();
  });
});
