// Lists show a long quote or note cut short with an ellipsis, and a short one whole.
import { describe, expect, it } from 'vitest';
import { shorten } from '../../../renderer/src/shorten-text.js';

describe('shortened text', () => {
  it('keeps text up to the limit as it is', () => {
    expect(shorten('中文引文', 4)).toBe('中文引文');
    expect(shorten('x'.repeat(160))).toBe('x'.repeat(160));
  });

  it('cuts longer text at the limit (160 unless told) and adds an ellipsis', () => {
    expect(shorten('x'.repeat(161))).toBe(`${'x'.repeat(160)}…`);
    expect(shorten('媒体与政策研究', 2)).toBe('媒体…');
  });
});
