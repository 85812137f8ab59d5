// What the popover's tag field offers for what was typed, and the palette colours' names.
import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../core/model.js';
import { OKABE_ITO } from '../../../renderer/src/coding/annotation-colors.js';
import { colorNameKey } from '../../../renderer/src/coding/color-names.js';
import { MAX_SUGGESTIONS, suggestTags } from '../../../renderer/src/coding/tag-suggestions.js';
import { tagRows } from '../../../renderer/src/coding/tag-tree.js';

const tag = (id: string, name = id, parentId: string | null = null): Tag => ({
  id,
  name,
  parentId,
  color: '#0072B2',
  description: '',
});

describe('tag suggestions', () => {
  const rows = tagRows([tag('m', '媒体'), tag('ai', 'AI', 'm'), tag('p', 'policy'), tag('ap', 'AI policy')]);

  it('offer nothing, and no "create", for an empty or blank field', () => {
    expect(suggestTags(rows, '')).toEqual({ suggestions: [], canCreate: false });
    expect(suggestTags(rows, '   ')).toEqual({ suggestions: [], canCreate: false });
  });

  it('list the matches, names starting with the text first, and offer to create a new name', () => {
    const { suggestions, canCreate } = suggestTags(rows, 'pol');
    expect(suggestions.map((r) => r.tag.id)).toEqual(['p', 'ap']);
    expect(canCreate).toBe(true);
  });

  it('do not offer to create a tag whose name exists, whatever its case or width', () => {
    expect(suggestTags(rows, 'ＡＩ').canCreate).toBe(false);
    expect(suggestTags(rows, ' ai ').canCreate).toBe(false);
    expect(suggestTags(rows, '媒体').canCreate).toBe(false);
  });

  it('stop at eight matches', () => {
    const many = tagRows(Array.from({ length: 20 }, (_, i) => tag(`t${i}`, `topic ${i}`)));
    expect(suggestTags(many, 'topic').suggestions).toHaveLength(MAX_SUGGESTIONS);
    expect(MAX_SUGGESTIONS).toBe(8);
  });
});

describe('palette colour names', () => {
  it('name every palette colour, and fall back for any other value', () => {
    expect(OKABE_ITO.map(colorNameKey)).toEqual([
      'colors.orange',
      'colors.skyBlue',
      'colors.green',
      'colors.yellow',
      'colors.blue',
      'colors.vermillion',
      'colors.purple',
    ]);
    expect(colorNameKey('toString')).toBe('colors.orange');
  });
});
