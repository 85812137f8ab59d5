// Undo of tag deletes and merges keeps ids: the tag comes back as it was, on the same highlights,
// from what deleteTag/mergeTags returned (taken under the same locks as the change).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model.js';
import { MAX_RESTORE_BATCH } from '../../../core/limits.js';
import { storedAnnotation } from '../../../core/stored-annotation.js';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import type { AnnotationService, TagRemoval } from '../../../core/store/annotation-service.js';
import { highlightOf, tempDataDir } from './helpers.js';
import { seedStore } from './seed-store.js';

/** Undo as the UI does it: the tags in order, then the highlights, one batch per article. */
async function undo(s: AnnotationService, removal: TagRemoval): Promise<void> {
  for (const tag of removal.previousTags) await s.restoreTag(tag);
  const byArticle = new Map<string, Annotation[]>();
  for (const a of removal.previous) byArticle.set(a.articleId, [...(byArticle.get(a.articleId) ?? []), a]);
  for (const [articleId, list] of byArticle) await s.restoreMany(articleId, list);
}

async function everything(s: AnnotationService) {
  const out = [];
  for await (const a of s.allAnnotations()) out.push(a);
  return { tags: await s.listTags(), annotations: out.sort((a, b) => a.id.localeCompare(b.id)) };
}

describe('tag undo', () => {
  it('restoreTag brings a deleted tag back with its id on its highlights', async () => {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, {});
    const keep = await s.createTag({ name: '保留' });
    const gone = await s.createTag({ name: '删除', color: '#CC79A7', description: '说明' });
    const child = await s.createTag({ name: '子标签', parentId: gone.id });
    const h1 = await s.create(highlightOf('a1', '新华社', { tagIds: [keep.id, gone.id] }));
    await s.create(highlightOf('a2', '国务院', { tagIds: [child.id] }));
    await s.create(highlightOf('a2', '🚀', { tagIds: [keep.id] }));
    const before = await everything(s);

    const removal = await s.deleteTag(gone.id);
    expect(removal.previousTags).toEqual([gone, child]);
    expect(removal.previous.map((a) => [a.id, a.tagIds])).toEqual(
      expect.arrayContaining([[h1.id, [keep.id, gone.id]]]),
    );
    expect(removal).toMatchObject({ annotationsChanged: 2, previousTruncated: false });
    expect(removal.previous).toHaveLength(2);
    // `previous` holds only stored fields: the API's strict schema takes them back as they are.
    expect(Object.keys(removal.previous[0]!).sort()).toEqual(Object.keys(storedAnnotation(h1)).sort());

    await undo(s, removal);
    expect(await everything(s)).toEqual(before);
    expect(await s.tagCounts()).toEqual({ [keep.id]: 2, [gone.id]: 1, [child.id]: 1 });
    await s.close();

    // And it lasts: the codebook no longer lists the ids as retired.
    const again = await openAnnotationService(dir, {});
    expect(await everything(again)).toEqual(before);
    const book = JSON.parse(await readFile(path.join(dir, 'codebook.json'), 'utf8')) as {
      retired: Record<string, unknown>;
    };
    expect(book.retired).toEqual({});
    await again.close();
  });

  it('un-retiring alone shows the tag again on highlights whose files were not rewritten', async () => {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, {});
    const tag = await s.createTag({ name: '经济' });
    const h = await s.create(highlightOf('a', '新华社', { tagIds: [tag.id] }));
    const stored = await readFile(path.join(dir, 'annotations', 'a.json'), 'utf8');
    const removal = await s.deleteTag(tag.id);
    // As if the rewrite had been interrupted (or another process wrote the old ids meanwhile).
    await writeFile(path.join(dir, 'annotations', 'a.json'), stored);
    expect((await s.list('a'))[0]!.tagIds).toEqual([]);
    await s.restoreTag(removal.previousTags[0]!);
    expect((await s.list('a'))[0]).toMatchObject({ id: h.id, tagIds: [tag.id] });
    await s.close();
  });

  it('undoes a merge: source, merged twin sub-tags and moved sub-tags go back, highlights too', async () => {
    const s = await openAnnotationService(await tempDataDir(), {});
    const x = await s.createTag({ name: 'X', color: '#0072B2' });
    const y = await s.createTag({ name: 'Y' });
    const xa = await s.createTag({ name: 'A', parentId: x.id });
    const xb = await s.createTag({ name: 'B', parentId: x.id });
    const ya = await s.createTag({ name: 'A', parentId: y.id });
    await s.create(highlightOf('art', '新华社', { tagIds: [xa.id] }));
    await s.create(highlightOf('art', '国务院', { tagIds: [x.id, y.id] }));
    await s.create(highlightOf('art2', '国内生产总值', { tagIds: [xb.id, ya.id] }));
    const before = await everything(s);

    const removal = await s.mergeTags(x.id, y.id);
    expect(removal.retiredTagIds.sort()).toEqual([x.id, xa.id].sort());
    // X and its merged sub-tag A are gone, B moved under Y: all three are listed, parents first.
    expect(removal.previousTags).toEqual([x, xa, xb]);
    expect(await s.tagPath(xb.id)).toBe('Y/B');

    await undo(s, removal);
    expect(await everything(s)).toEqual(before);
    expect(await s.tagPath(xb.id)).toBe('X/B');
    // Undo twice changes nothing more.
    await undo(s, removal);
    expect(await everything(s)).toEqual(before);
    await s.close();
  });

  it('refuses a restore that would clash with a tag made meanwhile, and puts orphans at the top', async () => {
    const s = await openAnnotationService(await tempDataDir(), {});
    const p = await s.createTag({ name: 'P' });
    const c = await s.createTag({ name: 'C', parentId: p.id });
    const removal = await s.deleteTag(p.id);
    await s.createTag({ name: 'p' });
    await expect(s.restoreTag(removal.previousTags[0]!)).rejects.toMatchObject({ code: 'conflict' });
    // Restored without its parent: at the top level rather than lost.
    expect(await s.restoreTag(c)).toMatchObject({ id: c.id, parentId: null });
    await expect(s.restoreTag({ ...c, color: 'red' })).rejects.toMatchObject({ code: 'invalid-input' });
    await s.close();
  });

  it(`returns at most ${MAX_RESTORE_BATCH} previous highlights and says when it cut the list`, async () => {
    const dir = await tempDataDir();
    const { tags } = await seedStore(dir, { articles: 3, perArticle: 2000 });
    const s = await openAnnotationService(dir, {});
    const all = (await everything(s)).annotations;
    const root = tags[0]!;
    const sub = new Set(tags.filter((t) => t.id === root.id || t.parentId === root.id).map((t) => t.id));
    const affected = all.filter((a) => a.tagIds.some((id) => sub.has(id))).length;

    // Merge everything into one tag so that more than the cap change.
    let total: TagRemoval | null = null;
    for (const t of tags.filter((t) => t.parentId === null && t.id !== root.id)) {
      total = await s.mergeTags(t.id, root.id);
    }
    expect(total).not.toBeNull();
    const removal = await s.deleteTag(root.id);
    const tagged = all.filter((a) => a.tagIds.length > 0).length;
    expect(tagged).toBeGreaterThan(MAX_RESTORE_BATCH);
    expect(affected).toBeGreaterThan(0);
    expect(removal.annotationsChanged).toBe(tagged);
    expect(removal.previous).toHaveLength(MAX_RESTORE_BATCH);
    expect(removal.previousTruncated).toBe(true);
    await s.close();
  }, 60_000);
});
