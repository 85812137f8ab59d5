// Annotations follow an article whose file was moved or renamed (same body, new id).
import { describe, expect, it } from 'vitest';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { planRelink } from '../../../core/store/relink-plan.js';
import { highlightOf, tempDataDir } from './helpers.js';

describe('relink', () => {
  it('plans moves by fingerprint, refreshes stale paths, and leaves unclear cases alone', () => {
    const plan = planRelink(
      [
        { articleId: 'old-a', path: 'a.md', fingerprint: 'fa' },
        { articleId: 'same', path: 'old/place.md', fingerprint: 'fs' },
        { articleId: 'gone', path: 'g.md', fingerprint: 'fg' },
        { articleId: 'dup', path: 'x/d.md', fingerprint: 'fd' },
        { articleId: 'twins', path: 't.md', fingerprint: 'ft' },
      ],
      [
        { id: 'new-a', path: 'moved/a.md', fingerprint: 'fa' },
        { id: 'same', path: 'new/place.md', fingerprint: 'fs' },
        { id: 'd1', path: 'y/d.md', fingerprint: 'fd' },
        { id: 'd2', path: 'y/other.md', fingerprint: 'fd' },
        { id: 't1', path: 'one.md', fingerprint: 'ft' },
        { id: 't2', path: 'two.md', fingerprint: 'ft' },
      ],
    );
    expect(plan.moves).toEqual([
      { from: 'old-a', to: 'new-a' },
      { from: 'dup', to: 'd1' },
    ]);
    expect(plan.refresh.map((a) => a.id)).toEqual(['same']);
    expect(plan.unmatched).toEqual(['gone']);
    expect(plan.ambiguous).toEqual([{ from: 'twins', candidates: ['t1', 't2'] }]);
  });

  it('moves highlights and memo of a renamed article to its new id, and keeps unmatched ones', async () => {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, {});
    const h = await s.create({
      ...highlightOf('news/old-name.md', '新华社'),
      article: { path: 'news/old-name.md', fingerprint: 'body-1' },
    });
    await s.setMemo('news/old-name.md', '备忘');
    await s.create({
      ...highlightOf('deleted.md', '国务院'),
      article: { path: 'deleted.md', fingerprint: 'body-2' },
    });

    const result = await s.relink([
      { id: 'news/new-name.md', path: 'news/new-name.md', fingerprint: 'body-1' },
    ]);
    expect(result.moved).toEqual([{ from: 'news/old-name.md', to: 'news/new-name.md', annotations: 1 }]);
    expect(result.unmatched).toEqual(['deleted.md']);
    await s.close();

    const again = await openAnnotationService(dir, {});
    expect(await again.list('news/old-name.md')).toEqual([]);
    expect((await again.list('news/new-name.md')).map((a) => [a.id, a.articleId])).toEqual([
      [h.id, 'news/new-name.md'],
    ]);
    expect(await again.getMemo('news/new-name.md')).toBe('备忘');
    expect(await again.counts()).toEqual({ 'news/new-name.md': 1, 'deleted.md': 1 });
    // Running it again changes nothing.
    const second = await again.relink([
      { id: 'news/new-name.md', path: 'news/new-name.md', fingerprint: 'body-1' },
    ]);
    expect(second.moved).toEqual([]);
    await again.close();
  });
});

describe('relink keeps what is known of each article', () => {
  it('plans a refresh when the title, date or author changed, not for fields not given', () => {
    const stored = [
      { articleId: 'a', path: 'a.md', fingerprint: 'f', title: 'Old', date: null, author: null },
    ];
    const same = { id: 'a', path: 'a.md', fingerprint: 'f' };
    expect(planRelink(stored, [same]).refresh).toEqual([]);
    expect(planRelink(stored, [{ ...same, title: 'Old', date: null, author: null }]).refresh).toEqual([]);
    for (const change of [{ title: 'New' }, { date: '2024-01-01' }, { author: 'Li' }]) {
      expect(planRelink(stored, [{ ...same, ...change }]).refresh).toEqual([{ ...same, ...change }]);
    }
  });

  it('records the title, date and author of a moved article, and hands them to a file found elsewhere', async () => {
    const store = await openAnnotationService(await tempDataDir(), { watch: false });
    await store.create(
      highlightOf('old', '国务院总理', {
        article: {
          path: 'a.md',
          fingerprint: 'fp',
          title: 'Report',
          date: '2024-03-05',
          author: 'Li',
          sourceUrl: 'https://x.example/a',
        },
      }),
    );
    // The file is gone: the store still names it.
    expect(await store.lastKnown(['old'])).toEqual(
      new Map([
        [
          'old',
          {
            articleId: 'old',
            path: 'a.md',
            title: 'Report',
            date: '2024-03-05',
            author: 'Li',
            sourceUrl: 'https://x.example/a',
          },
        ],
      ]),
    );
    // It comes back under another name: the highlights follow, with what is known now.
    const result = await store.relink([
      { id: 'new', path: 'b/a.md', fingerprint: 'fp', title: 'Report (2)', date: '2024-03-05', author: 'Li' },
    ]);
    expect(result.moved).toEqual([{ from: 'old', to: 'new', annotations: 1 }]);
    expect((await store.lastKnown(['old', 'new'])).get('new')).toMatchObject({
      path: 'b/a.md',
      title: 'Report (2)',
      sourceUrl: 'https://x.example/a',
    });
    expect((await store.lastKnown(['old'])).size).toBe(0);
    expect(await store.list('new')).toHaveLength(1);
    await store.close();
  });
});
