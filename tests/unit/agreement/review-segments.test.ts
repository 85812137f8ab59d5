// The disagreement review's input: two coders' highlights of a code, matched; what is left differs.
import { describe, expect, it } from 'vitest';
import type { AgreementInput } from '../../../core/agreement/compute-agreement.js';
import { reviewSegments } from '../../../core/agreement/review-segments.js';
import { code, coders, hl } from './examples.js';

const input = (overlap?: number, withChildren = false): AgreementInput => ({
  coders: [...coders, { id: 'cy', name: 'Cy' }],
  articles: [
    { id: 'a', path: 'a', length: 100 },
    { id: 'b', path: 'b', length: 100 },
  ],
  highlights: [
    { ...hl('ann', 'a', 0, 10, 'x'), id: 'A1' },
    { ...hl('bo', 'a', 2, 10, 'x'), id: 'B1' },
    { ...hl('ann', 'a', 50, 60, 'x'), id: 'A2' },
    { ...hl('bo', 'a', 55, 70, 'x'), id: 'B2' },
    { ...hl('bo', 'b', 0, 5, 'child'), id: 'B3' },
    { ...hl('cy', 'a', 0, 10, 'x'), id: 'C1' },
  ],
  codes: [code('x', 'X', ['child']), code('child', 'X/child')],
  options: { overlap, withChildren },
});

describe('review segments', () => {
  it('matches what overlaps enough and lists the rest per coder, in article order', () => {
    const r = reviewSegments(input(), { codeId: 'x', coderIds: ['ann', 'bo'] });
    expect(r.matched.map((m) => [m.a.id, m.b.id])).toEqual([['A1', 'B1']]);
    expect(r.unmatchedA.map((s) => s.id)).toEqual(['A2']);
    expect(r.unmatchedB.map((s) => s.id)).toEqual(['B2']);
    expect(r.unmatchedB[0]).toMatchObject({ coderId: 'bo', articleId: 'a', start: 55, end: 70 });
  });

  it('follows the overlap setting and child codes', () => {
    const loose = reviewSegments(input(0.3, true), { codeId: 'x', coderIds: ['ann', 'bo'] });
    expect(loose.matched.map((m) => m.b.id)).toEqual(['B1', 'B2']);
    expect(loose.unmatchedB.map((s) => s.id)).toEqual(['B3']);
  });

  it('refuses an unknown code or coder, or the same coder twice', () => {
    expect(() => reviewSegments(input(), { codeId: 'nope', coderIds: ['ann', 'bo'] })).toThrow(/nope/);
    expect(() => reviewSegments(input(), { codeId: 'x', coderIds: ['ann', 'zed'] })).toThrow(/zed/);
    expect(() => reviewSegments(input(), { codeId: 'x', coderIds: ['ann', 'ann'] })).toThrow(/two different/);
  });
});
