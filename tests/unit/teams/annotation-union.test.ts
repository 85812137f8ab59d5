// Every coder's highlights of an article, shown together: a union by id, the same on every reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model.js';
import { unionHighlights, unionMemos, type AnnotationSource } from '../../../core/teams/annotation-union.js';
import { shuffle } from './shuffle.js';

function highlight(id: string, start: number, extra: Partial<Annotation> = {}): Annotation {
  const exact = 'x'.repeat(3);
  return {
    id,
    articleId: 'a1',
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    tagIds: [],
    note: '',
    color: null,
    creator: '',
    created: '2026-12-01T10:00:00.000Z',
    modified: '2026-12-01T10:00:00.000Z',
    ...extra,
  };
}

describe('unionHighlights', () => {
  it('shows every writer’s highlights in document order, each knowing its writer', () => {
    const out = unionHighlights([
      { writerId: 'ana.aaaaaaaa', annotations: [highlight('h2', 50), highlight('h1', 10)] },
      {
        writerId: 'bo.bbbbbbbb',
        annotations: [highlight('h3', 10, { created: '2026-11-01T00:00:00.000Z' })],
      },
    ]);
    expect(out.map((a) => [a.id, a.writerId])).toEqual([
      ['h3', 'bo.bbbbbbbb'],
      ['h1', 'ana.aaaaaaaa'],
      ['h2', 'ana.aaaaaaaa'],
    ]);
  });

  it('keeps the later edit of a highlight found in a live file and its conflict copy', () => {
    const old = highlight('h1', 10, { note: 'first' });
    const edited = highlight('h1', 10, { note: 'second', modified: '2026-12-02T10:00:00.000Z' });
    for (const sources of [
      [
        { writerId: 'ana.aaaaaaaa', annotations: [edited] },
        { writerId: 'ana.aaaaaaaa', annotations: [old] },
      ],
      [
        { writerId: 'ana.aaaaaaaa', annotations: [old] },
        { writerId: 'ana.aaaaaaaa', annotations: [edited] },
      ],
    ]) {
      expect(unionHighlights(sources).map((a) => a.note)).toEqual(['second']);
    }
  });

  it('breaks an exact tie by the larger writer id', () => {
    const a = highlight('h1', 10, { note: 'from ana' });
    const b = highlight('h1', 10, { note: 'from bo' });
    const out = unionHighlights([
      { writerId: 'bo.bbbbbbbb', annotations: [b] },
      { writerId: 'ana.aaaaaaaa', annotations: [a] },
    ]);
    expect(out.map((h) => [h.note, h.writerId])).toEqual([['from bo', 'bo.bbbbbbbb']]);
  });

  it('gives the same result whatever the order of files and highlights, and with files read twice', () => {
    const ids = ['h1', 'h2', 'h3', 'h4'];
    const writers = ['ana.aaaaaaaa', 'bo.bbbbbbbb', 'ana.cccccccc'];
    const anHighlight = fc
      .record({
        id: fc.constantFrom(...ids),
        start: fc.nat(30),
        note: fc.constantFrom('', 'a', 'b'),
        modified: fc.constantFrom('2026-12-01T10:00:00.000Z', '2026-12-02T10:00:00.000Z', 'garbage'),
      })
      .map(({ id, start, note, modified }) => highlight(id, start, { note, modified }));
    const source = fc.record({
      writerId: fc.constantFrom(...writers),
      annotations: fc.array(anHighlight, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(source, { maxLength: 6 }), fc.nat(), (sources, n) => {
        const expected = unionHighlights(sources);
        const shuffled: AnnotationSource[] = shuffle(
          [...sources, ...sources.slice(0, n % (sources.length + 1))],
          n,
        ).map((s, i) => ({ ...s, annotations: shuffle(s.annotations, n + i) }));
        expect(unionHighlights(shuffled)).toEqual(expected);
        // One per id, and every id of every source is there.
        const all = new Set(sources.flatMap((s) => s.annotations.map((a) => a.id)));
        expect(expected.map((a) => a.id).sort()).toEqual([...all].sort());
      }),
    );
  });
});

describe('unionMemos', () => {
  it('gives each writer’s memo, and keeps both texts of a memo found in a conflict copy', () => {
    expect(
      unionMemos([
        { writerId: 'bo.bbbbbbbb', memo: 'Bo thinks' },
        { writerId: 'ana.aaaaaaaa', memo: 'copy text', conflictCopy: true },
        { writerId: 'ana.aaaaaaaa', memo: 'live text' },
        { writerId: 'ana.aaaaaaaa', memo: 'live text', conflictCopy: true },
        { writerId: 'cy.cccccccc', memo: '  ' },
      ]),
    ).toEqual([
      { writerId: 'ana.aaaaaaaa', memo: 'live text\n\ncopy text' },
      { writerId: 'bo.bbbbbbbb', memo: 'Bo thinks' },
    ]);
  });
});
