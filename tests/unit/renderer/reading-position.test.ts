// The reading position follows the text when the open article's file changes on disk.
import { describe, expect, it } from 'vitest';
import { followReadingPosition } from '../../../renderer/src/reader/reading-position.js';

describe('followReadingPosition', () => {
  const before = '第一段。'.repeat(20) + '\n\n这里是读者读到的地方，后面还有很多内容。' + '结尾。'.repeat(20);
  const offset = before.indexOf('这里是读者');

  it('stays on the same sentence when a paragraph is inserted above it', () => {
    const after = '新插入的一段，放在文章的最前面。\n\n' + before;
    const followed = followReadingPosition(before, after, offset);
    expect(after.slice(followed, followed + 5)).toBe('这里是读者');
  });

  it('falls back to the same share of the text when the place is gone, and keeps the top at 0', () => {
    const after = 'x'.repeat(before.length * 2);
    expect(followReadingPosition(before, after, offset)).toBe(
      Math.round((offset / before.length) * after.length),
    );
    expect(followReadingPosition(before, after, 0)).toBe(0);
  });
});
