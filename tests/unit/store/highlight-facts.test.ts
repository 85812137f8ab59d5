// The reports' read of every highlight: one fact per highlight with its writer's coder and its tags
// mapped through merges; a copy of an id in a second writer's file counts once, the later edit.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model.js';
import type { ArticleSummaryEntry } from '../../../core/store/article-index.js';
import { highlightFacts } from '../../../core/store/highlight-facts.js';

function annotation(
  id: string,
  articleId: string,
  tagIds: string[],
  modified: string,
  start = 0,
): Annotation {
  return {
    id,
    articleId,
    quote: { type: 'TextQuoteSelector', exact: '上海😀', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + 4 },
    tagIds,
    note: '',
    color: null,
    creator: 'Alice',
    creatorId: 'alice',
    created: modified,
    modified,
  };
}

function entry(articleId: string, list: Annotation[], writer?: string): ArticleSummaryEntry {
  return {
    articleId,
    count: list.length,
    tagSets: list.map((a) => a.tagIds),
    path: null,
    fingerprint: null,
    title: null,
    date: null,
    author: null,
    sourceUrl: null,
    memo: '',
    readOnly: false,
    annotations: list.map((a) => ({
      annotation: a,
      quoteLower: '',
      noteLower: '',
      ...(writer ? { owner: { writerId: `${writer}.00000001`, coder: { id: writer, name: writer } } } : {}),
    })),
  };
}

describe('highlightFacts', () => {
  const book = {
    schemaVersion: 1,
    tags: [{ id: 't2', name: 'B', parentId: null, color: '#000000', description: '' }],
    retired: { t1: 't2', gone: null },
  };

  it("gives each highlight's coder, place, quote (with its code points) and tags as they show now", () => {
    const facts = highlightFacts(
      [
        entry('a', [annotation('h1', 'a', ['t1', 'gone'], '2024-01-01')]),
        entry('a', [annotation('h2', 'a', ['t2'], '2024-01-01', 9)], 'bob'),
      ],
      book,
    );
    expect(facts).toEqual([
      {
        articleId: 'a',
        id: 'h1',
        coderId: 'alice',
        tagIds: ['t2'],
        start: 0,
        end: 4,
        exact: '上海😀',
        characters: 3,
      },
      {
        articleId: 'a',
        id: 'h2',
        coderId: 'bob',
        tagIds: ['t2'],
        start: 9,
        end: 13,
        exact: '上海😀',
        characters: 3,
      },
    ]);
  });

  it('counts a copy of one id in two writers once (the later edit), and the same id on another article apart', () => {
    const facts = highlightFacts(
      [
        entry('a', [annotation('h1', 'a', ['t2'], '2024-01-01')]),
        entry('a', [annotation('h1', 'a', ['x'], '2024-02-01')], 'bob'),
        entry('a', [annotation('h1', 'a', ['y'], '2023-12-01')], 'carol'),
        entry('b', [annotation('h1', 'b', ['z'], '2024-01-01')], 'dan'),
      ],
      book,
    );
    expect(facts.map((f) => [f.articleId, f.coderId, f.tagIds])).toEqual([
      ['a', 'bob', ['x']],
      ['b', 'dan', ['z']],
    ]);
  });
});
