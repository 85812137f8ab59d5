// The codebook says how many highlights a merge or delete touches: the tag's and its sub-tags'.
import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../core/model.js';
import { usedWithSubTags } from '../../../renderer/src/coding/tag-usage.js';

const tag = (id: string, parentId: string | null = null): Tag => ({
  id,
  name: id,
  parentId,
  color: '#0072B2',
  description: '',
});

describe('highlights under a tag', () => {
  const tags = [tag('media'), tag('tv', 'media'), tag('news', 'tv'), tag('policy')];
  const counts = new Map([
    ['media', 2],
    ['tv', 3],
    ['news', 5],
    ['policy', 7],
  ]);

  it('add up the tag and every tag below it, at any depth', () => {
    expect(usedWithSubTags(tags, counts, 'media')).toBe(10);
    expect(usedWithSubTags(tags, counts, 'tv')).toBe(8);
  });

  it('are the tag’s own for a leaf, and zero for tags nobody used', () => {
    expect(usedWithSubTags(tags, counts, 'policy')).toBe(7);
    expect(usedWithSubTags([...tags, tag('unused')], counts, 'unused')).toBe(0);
  });
});
