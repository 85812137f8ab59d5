// "Code hits…" as one undo step: undo deletes exactly the highlights the batch made, redo codes
// the same hits again and the next undo deletes those; a batch that made nothing is no step.
import { describe, expect, it } from 'vitest';
import type { GlossApi } from '../../../core/api/contract.js';
import { autocodeStep } from '../../../renderer/src/coding/autocode-action.js';

function fakeApi() {
  let next = 0;
  const calls: { op: string; ids: string[] }[] = [];
  const api = {
    autocodeApply: async (input: { hitIds?: string[] }) => {
      const ids = (input.hitIds ?? []).map(() => `h${++next}`);
      calls.push({ op: 'apply', ids });
      return {
        created: ids.length,
        skipped: 0,
        createdByArticle: ids.length ? [{ articleId: 'a1', annotationIds: ids }] : [],
        annotationIds: ids,
      };
    },
    autocodeUndo: async ({ createdByArticle }: { createdByArticle: { annotationIds: string[] }[] }) => {
      const ids = createdByArticle.flatMap((a) => a.annotationIds);
      calls.push({ op: 'undo', ids });
      return { removed: ids.length, missing: 0 };
    },
  } as unknown as GlossApi;
  return { api, calls };
}

describe('the autocode undo step', () => {
  const input = { query: '充电', tagId: 't1', unit: 'match' as const, hitIds: ['x', 'y'] };

  it('undoes exactly what it made, and after a redo what the redo made', async () => {
    const { api, calls } = fakeApi();
    const done = (await autocodeStep(api, input))!;
    expect(done.result.created).toBe(2);
    await done.entry!.undo();
    await done.entry!.redo();
    await done.entry!.undo();
    expect(calls).toEqual([
      { op: 'apply', ids: ['h1', 'h2'] },
      { op: 'undo', ids: ['h1', 'h2'] },
      { op: 'apply', ids: ['h3', 'h4'] },
      { op: 'undo', ids: ['h3', 'h4'] },
    ]);
  });

  it('is no undo step when nothing was made', async () => {
    const { api } = fakeApi();
    const done = await autocodeStep(api, { ...input, hitIds: [] });
    expect(done?.entry).toBeNull();
  });
});
