// The coding actions over a small in-memory host: one request per change, the reply taken into
// the caches (no list asked for again), one highlight per selection, changes in order, undo.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model.js';
import type { ListedAnnotation } from '../../../core/api/annotation-contract.js';
import type { ArticleList } from '../../../core/api/library-contract.js';
import type { HostBridge } from '../../../renderer/src/api/api-client.js';
import { createCodingActions } from '../../../renderer/src/coding/coding-actions.js';
import { UndoStack } from '../../../renderer/src/coding/undo-stack.js';
import type { PendingSelection } from '../../../renderer/src/coding/pending-selection.js';
import { OwnChanges } from '../../../renderer/src/data/own-changes.js';
import { keys } from '../../../renderer/src/data/query-keys.js';

type Api = HostBridge['api'];

const MINE = { coderId: 'alice', coderName: 'Alice', mine: true };

/** A host holding highlights in memory; counts the calls; fails the next call when asked. */
function fakeHost() {
  const stored = new Map<string, Annotation>();
  const calls: string[] = [];
  let failNext = false;
  const call = <T>(name: string, run: () => T): Promise<T> => {
    calls.push(name);
    if (failNext) {
      failNext = false;
      return Promise.reject(new Error('disk full'));
    }
    return new Promise((resolve) => setTimeout(() => resolve(run()), 1));
  };
  const api = {
    createAnnotation: (input: {
      id: string;
      articleId: string;
      start: number;
      end: number;
      tagIds: string[];
      note: string;
      color: string | null;
      quote: { exact: string; prefix: string; suffix: string };
    }) =>
      call('createAnnotation', () => {
        const existing = stored.get(input.id);
        if (existing) return { ...existing, placement: 'as-selected' as const };
        const a: Annotation = {
          id: input.id,
          articleId: input.articleId,
          quote: { type: 'TextQuoteSelector', ...input.quote },
          position: { type: 'TextPositionSelector', start: input.start, end: input.end },
          tagIds: input.tagIds,
          note: input.note,
          color: input.color,
          creator: '',
          created: '2026-01-01T00:00:00Z',
          modified: '2026-01-01T00:00:00Z',
        };
        stored.set(a.id, a);
        return { ...a, ...MINE, placement: 'as-selected' as const };
      }),
    updateAnnotation: ({
      id,
      articleId: _a,
      ...patch
    }: {
      id: string;
      articleId: string;
      tagIds?: string[];
      note?: string;
    }) =>
      call('updateAnnotation', () => {
        const previous = stored.get(id)!;
        const annotation = { ...previous, ...patch };
        stored.set(id, annotation);
        return { annotation, previous };
      }),
    deleteAnnotation: ({ id }: { id: string }) =>
      call('deleteAnnotation', () => {
        const removed = stored.get(id)!;
        stored.delete(id);
        return removed;
      }),
    copyAnnotationToMine: ({ id, newId }: { articleId: string; id: string; newId: string }) =>
      call('copyAnnotationToMine', () => {
        const copy: Annotation = { ...stored.get(id)!, id: newId, creator: 'Alice' };
        stored.set(newId, copy);
        return { ...copy, ...MINE };
      }),
    restoreAnnotation: ({ annotation }: { annotation: Annotation }) =>
      call('restoreAnnotation', () => {
        stored.set(annotation.id, annotation);
        return annotation;
      }),
  } as unknown as Api;
  return {
    api,
    stored,
    calls,
    failNextCall: () => {
      failNext = true;
    },
  };
}

const selection = (id: string, start = 0): PendingSelection => ({
  id,
  articleId: 'a1',
  start,
  end: start + 4,
  quote: { exact: 'news', prefix: '', suffix: '' },
  textVersion: 'v1',
});
const draft = (tagIds: string[] = []) => ({ tagIds, note: '', color: null });

function setUp() {
  const host = fakeHost();
  const queries = new QueryClient();
  queries.setQueryData<ListedAnnotation[]>(keys.annotations('a1'), []);
  queries.setQueryData(keys.articles, {
    articles: [
      { id: 'a1', annotationCount: 0 },
      { id: 'a2', annotationCount: 3 },
    ],
  } as unknown as ArticleList);
  const own = new OwnChanges();
  const errors: unknown[] = [];
  const stack = new UndoStack();
  const actions = createCodingActions({
    api: host.api,
    queries,
    stack,
    own,
    report: (err) => errors.push(err),
    rememberTags: () => undefined,
  });
  const listed = () => queries.getQueryData<ListedAnnotation[]>(keys.annotations('a1')) ?? [];
  const count = (id: string) =>
    queries.getQueryData<ArticleList>(keys.articles)!.articles.find((a) => a.id === id)!.annotationCount;
  return { ...host, queries, own, errors, stack, actions, listed, count };
}

describe('coding actions', () => {
  it('makes a highlight with one request, lists it from the reply and counts it for its article', async () => {
    const t = setUp();
    const created = await t.actions.createAnnotation(selection('s1', 10), draft(['tag1']));
    expect(created?.id).toBe('s1');
    expect(t.calls).toEqual(['createAnnotation']);
    expect(t.listed().map((a) => [a.id, a.range, a.tagIds])).toEqual([
      ['s1', { start: 10, end: 14 }, ['tag1']],
    ]);
    expect([t.count('a1'), t.count('a2')]).toEqual([1, 3]);
    // The host's echo of this change is recognised once; another window's change is not.
    expect(t.own.isEcho('a1')).toBe(true);
    expect(t.own.isEcho('a1')).toBe(false);
  });

  it('keeps the list in reading order', async () => {
    const t = setUp();
    await t.actions.createAnnotation(selection('late', 50), draft());
    await t.actions.createAnnotation(selection('early', 5), draft());
    expect(t.listed().map((a) => a.id)).toEqual(['early', 'late']);
  });

  it('makes one highlight per selection however often it is saved, adding the later tags to it', async () => {
    const t = setUp();
    const [first, second] = await Promise.all([
      t.actions.createAnnotation(selection('s1'), draft(['tag1'])),
      t.actions.createAnnotation(selection('s1'), draft(['tag2'])),
    ]);
    expect(first?.id).toBe('s1');
    expect(second?.id).toBe('s1');
    expect(t.calls).toEqual(['createAnnotation', 'updateAnnotation']);
    expect(t.stored.get('s1')!.tagIds).toEqual(['tag1', 'tag2']);
    expect(t.listed().map((a) => a.tagIds)).toEqual([['tag1', 'tag2']]);
    expect(t.count('a1')).toBe(1);
  });

  it('runs changes in order, each reading what the one before left: a tag toggled twice is off again', async () => {
    const t = setUp();
    await t.actions.createAnnotation(selection('s1'), draft());
    await Promise.all([t.actions.toggleTag('a1', 's1', 'tag1'), t.actions.toggleTag('a1', 's1', 'tag1')]);
    expect(t.calls).toEqual(['createAnnotation', 'updateAnnotation', 'updateAnnotation']);
    expect(t.stored.get('s1')!.tagIds).toEqual([]);
    expect(t.listed()[0]!.tagIds).toEqual([]);
  });

  it('deletes from the list and the count, and undo and redo replay the change', async () => {
    const t = setUp();
    await t.actions.createAnnotation(selection('s1'), draft());
    expect(await t.actions.deleteAnnotation('a1', 's1')).toBe(true);
    expect(t.listed()).toEqual([]);
    expect(t.count('a1')).toBe(0);
    expect((await t.actions.undo())?.label).toBe('undo.delete');
    expect(t.stored.has('s1')).toBe(true);
    expect((await t.actions.undo())?.label).toBe('undo.create');
    expect(t.stored.has('s1')).toBe(false);
    expect((await t.actions.redo())?.label).toBe('undo.create');
    expect(t.stored.has('s1')).toBe(true);
    // Each of the five requests (create, delete, two undos, a redo) is echoed once and skipped once.
    for (let i = 0; i < 5; i++) expect(t.own.isEcho('a1')).toBe(true);
    expect(t.own.isEcho('a1')).toBe(false);
  });

  it('reports a failed create, expects no echo of it, and lets the same selection be tried again', async () => {
    const t = setUp();
    t.failNextCall();
    expect(await t.actions.createAnnotation(selection('s1'), draft())).toBeNull();
    expect(t.errors).toHaveLength(1);
    expect(t.own.isEcho('a1')).toBe(false);
    expect(t.stack.canUndo()).toBe(false);
    expect((await t.actions.createAnnotation(selection('s1'), draft()))?.id).toBe('s1');
    expect(t.calls).toEqual(['createAnnotation', 'createAnnotation']);
    expect(t.listed()).toHaveLength(1);
  });

  it('copies another coder’s highlight into mine with one request, beside theirs; undo takes only the copy away', async () => {
    const t = setUp();
    const theirs: Annotation = {
      id: 'bob-1',
      articleId: 'a1',
      quote: { type: 'TextQuoteSelector', exact: 'news', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 10, end: 14 },
      tagIds: ['tag1'],
      note: 'Bob’s note',
      color: null,
      creator: 'Bob',
      created: '2026-01-01T00:00:00Z',
      modified: '2026-01-01T00:00:00Z',
    };
    t.stored.set(theirs.id, theirs);
    t.queries.setQueryData<ListedAnnotation[]>(keys.annotations('a1'), [
      {
        id: 'bob-1',
        articleId: 'a1',
        tagIds: ['tag1'],
        note: 'Bob’s note',
        color: null,
        created: theirs.created,
        quote: null,
        status: 'exact',
        range: { start: 10, end: 14 },
        coderId: 'bob',
        coderName: 'Bob',
        mine: false,
      },
    ]);

    const copy = await t.actions.copyToMine('a1', 'bob-1');
    expect(t.calls).toEqual(['copyAnnotationToMine']);
    expect(copy?.id).not.toBe('bob-1');
    expect(t.listed().map((a) => [a.coderName, a.mine, a.tagIds, a.note])).toEqual([
      ['Bob', false, ['tag1'], 'Bob’s note'],
      ['Alice', true, ['tag1'], 'Bob’s note'],
    ]);
    expect(t.count('a1')).toBe(1);

    expect((await t.actions.undo())?.label).toBe('undo.copy');
    expect(t.stored.has(copy!.id)).toBe(false);
    expect(t.stored.get('bob-1')).toEqual(theirs);
  });

  it('does not copy a highlight that is mine already', async () => {
    const t = setUp();
    await t.actions.createAnnotation(selection('s1'), draft());
    expect(await t.actions.copyToMine('a1', 's1')).toBeNull();
    expect(t.calls).toEqual(['createAnnotation']);
  });
});
