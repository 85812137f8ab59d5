// @vitest-environment jsdom
// The review's versions: the excerpt cut into runs by whose spans cover it (code points, so an
// emoji counts once), and a selection inside the runs read back as article offsets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectedSpan, textRuns } from '../../../renderer/src/components/agreement/review-text.js';

describe('review text', () => {
  it('marks what both, only this version or only the other covers, in code points', () => {
    // The excerpt begins at article offset 10; 🚀 is one code point.
    const runs = textRuns('ab🚀cdefg', 10, [{ start: 11, end: 14 }], [{ start: 13, end: 16 }]);
    expect(runs.map((r) => [r.start, r.text, r.kind])).toEqual([
      [10, 'a', 'plain'],
      [11, 'b🚀', 'own'],
      [13, 'c', 'both'],
      [14, 'de', 'other'],
      [16, 'fg', 'plain'],
    ]);
  });

  it('gives back the excerpt whole, whatever the spans', () => {
    const span = fc.record({ start: fc.nat(20), end: fc.nat(20) });
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 15 }),
        fc.array(span),
        fc.array(span),
        (text, own, other) => {
          const runs = textRuns(text, 0, own, other);
          expect(runs.map((r) => r.text).join('')).toBe(text);
          runs.slice(1).forEach((r, i) => expect(r.kind).not.toBe(runs[i]!.kind));
        },
      ),
    );
  });

  it('reads a selection across runs as article offsets, and nothing outside the runs', () => {
    const box = document.createElement('div');
    box.innerHTML = '<span data-start="10">a🚀b</span><mark data-start="13">cde</mark>';
    document.body.append(box);
    const [first, second] = [box.firstChild!.firstChild!, box.lastChild!.firstChild!];
    const range = document.createRange();
    range.setStart(first, 1); // after "a"
    range.setEnd(second, 2); // after "cd"
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectedSpan(box, selection)).toEqual({ start: 11, end: 15 });
    expect(selectedSpan(document.createElement('div'), selection)).toBeNull();
    selection.removeAllRanges();
    expect(selectedSpan(box, selection)).toBeNull();
  });
});
