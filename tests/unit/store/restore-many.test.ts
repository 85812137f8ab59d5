// Batch restore (import, undo of tag changes): one lock and one durable write per article file,
// nothing written when nothing changes, all or nothing when an input is bad.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../core/model.js';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { highlightOf, tempDataDir } from './helpers.js';
import { prng, seededAnnotation } from './seed-store.js';

const writes = vi.hoisted(() => ({ files: [] as string[] }));

vi.mock('../../../core/files/durable-write.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../core/files/durable-write.js')>();
  return {
    ...actual,
    writeFileDurable: async (file: string, data: string) => {
      writes.files.push(path.basename(file));
      return actual.writeFileDurable(file, data);
    },
  };
});

function batch(articleId: string, n: number): Annotation[] {
  const r = prng(7);
  return Array.from({ length: n }, (_, i) => seededAnnotation(articleId, i, [], r));
}

describe('restoreMany', () => {
  it('writes an article once for a whole batch, durably, and not at all when repeated', async () => {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, {});
    const given = batch('a', 500);
    writes.files.length = 0;
    const started = performance.now();
    const restored = await s.restoreMany('a', given, { article: { path: 'x/a.md', fingerprint: 'fp' } });
    const ms = performance.now() - started;
    expect(writes.files).toEqual(['a.json']);
    expect(restored).toHaveLength(500);
    console.log(`restoreMany: 500 highlights in one article in ${ms.toFixed(0)} ms`);

    writes.files.length = 0;
    await s.restoreMany('a', given, { article: { path: 'x/a.md', fingerprint: 'fp' } });
    await s.restoreMany('a', given.slice(0, 10));
    expect(writes.files).toEqual([]);
    await s.close();

    const again = await openAnnotationService(dir, {});
    expect((await again.list('a')).map((a) => a.id).sort()).toEqual(given.map((a) => a.id).sort());
    const file = JSON.parse(await readFile(path.join(dir, 'annotations', 'a.json'), 'utf8')) as {
      path: string;
      fingerprint: string;
    };
    expect([file.path, file.fingerprint]).toEqual(['x/a.md', 'fp']);
    expect(await again.counts()).toEqual({ a: 500 });
    await again.close();
  });

  it('replaces highlights by id, keeps the others, and maps tags through merges', async () => {
    const s = await openAnnotationService(await tempDataDir(), {});
    const old = await s.createTag({ name: 'old' });
    const survivor = await s.createTag({ name: 'new' });
    const kept = await s.create(highlightOf('a', '新华社'));
    const edited = await s.create(highlightOf('a', '国务院', { tagIds: [old.id] }));
    await s.mergeTags(old.id, survivor.id);
    writes.files.length = 0;
    const [back, added] = await s.restoreMany('a', [
      { ...edited, note: 'restored', tagIds: [old.id] },
      { ...edited, id: 'added' },
    ]);
    expect(writes.files).toEqual(['a.json']);
    expect(back).toMatchObject({ id: edited.id, note: 'restored', tagIds: [survivor.id] });
    expect(added!.id).toBe('added');
    expect((await s.list('a')).map((a) => a.id).sort()).toEqual([kept.id, edited.id, 'added'].sort());
    await s.close();
  });

  it('refuses the whole batch when one highlight is bad or belongs to another article', async () => {
    const s = await openAnnotationService(await tempDataDir(), {});
    const good = batch('a', 3);
    writes.files.length = 0;
    await expect(
      s.restoreMany('a', [...good, { ...good[0]!, id: 'x', articleId: 'b' }]),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    });
    const broken = {
      ...good[1]!,
      id: 'y',
      position: { ...good[1]!.position, end: good[1]!.position.end + 1 },
    };
    await expect(s.restoreMany('a', [...good, broken])).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(s.restoreMany('a', [{ ...good[0]!, quote: undefined } as never])).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(writes.files).toEqual([]);
    expect(await s.list('a')).toEqual([]);
    await s.close();
  });
});
