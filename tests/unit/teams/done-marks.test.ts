// Articles marked "coded": one file per writer, merged per coder; the later stamp wins.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  doneMarksSchema,
  emptyDoneMarks,
  mergeDoneMarks,
  withDoneMark,
  type WriterMarks,
} from '../../../core/teams/done-marks.js';

const T1 = '2026-01-01T00:00:00.000Z';
const T2 = '2026-01-02T00:00:00.000Z';

describe('done marks', () => {
  it('merges a coder’s machines: an unmark made later on one machine wins over an older mark', () => {
    const laptop = withDoneMark(withDoneMark(emptyDoneMarks(), 'a', true, T1), 'b', true, T1);
    const desktop = withDoneMark(emptyDoneMarks(), 'a', false, T2);
    const merged = mergeDoneMarks([
      { coderId: 'ann', marks: laptop },
      { coderId: 'ann', marks: desktop },
      { coderId: 'bo', marks: withDoneMark(emptyDoneMarks(), 'a', true, T1) },
    ]);
    expect([...merged.get('ann')!]).toEqual(['b']);
    expect([...merged.get('bo')!]).toEqual(['a']);
  });

  it('keeps an article id like __proto__ as a key', () => {
    const file = withDoneMark(emptyDoneMarks(), '__proto__', true, T1);
    expect(Object.keys(file.articles)).toEqual(['__proto__']);
    expect(doneMarksSchema.safeParse(JSON.parse(JSON.stringify(file))).success).toBe(true);
    expect(
      mergeDoneMarks([{ coderId: 'ann', marks: file }])
        .get('ann')!
        .has('__proto__'),
    ).toBe(true);
  });

  it('refuses a file that is not a marks file', () => {
    expect(
      doneMarksSchema.safeParse({ schemaVersion: 1, articles: { a: { done: 'yes', at: T1 } } }).success,
    ).toBe(false);
    expect(doneMarksSchema.safeParse({ schemaVersion: 2, articles: {} }).success).toBe(false);
  });

  it('gives the same result whatever order the files are read in', () => {
    const stampArb = fc.record({
      coderId: fc.constantFrom('ann', 'bo'),
      article: fc.constantFrom('a', 'b', 'c'),
      done: fc.boolean(),
      at: fc.constantFrom(T1, T2),
    });
    fc.assert(
      fc.property(fc.array(stampArb, { maxLength: 12 }), (stamps) => {
        const writers: WriterMarks[] = stamps.map((s) => ({
          coderId: s.coderId,
          marks: withDoneMark(emptyDoneMarks(), s.article, s.done, s.at),
        }));
        const norm = (m: Map<string, Set<string>>) =>
          [...m].map(([k, v]) => [k, [...v].sort()] as const).sort((x, y) => x[0].localeCompare(y[0]));
        expect(norm(mergeDoneMarks([...writers].reverse()))).toEqual(norm(mergeDoneMarks(writers)));
      }),
    );
  });
});
