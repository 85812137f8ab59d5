// The codebook as a researcher uses it: a tag tree with paths, colours, renames, moves, merges, deletes.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/errors.js';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { OKABE_ITO } from '../../../core/store/palette.js';
import { highlightOf, tempDataDir } from './helpers.js';

async function service() {
  return openAnnotationService(await tempDataDir(), {});
}

describe('codebook', () => {
  it('builds a tree with paths, and gives new tags distinct colour-blind-safe colours', async () => {
    const s = await service();
    const econ = await s.createTag({ name: '经济', description: '经济议题' });
    const growth = await s.createTag({ name: '增长', parentId: econ.id });
    const jobs = await s.createTag({ name: '就业', parentId: econ.id, color: '#cc79a7' });
    expect(await s.tagPath(growth.id)).toBe('经济/增长');
    expect([econ.color, growth.color]).toEqual([OKABE_ITO[0], OKABE_ITO[1]]);
    expect(jobs.color).toBe('#CC79A7');
    expect((await s.listTags()).map((t) => t.name)).toEqual(['经济', '就业', '增长']);
    await s.close();
  });

  it('refuses duplicate sibling names, slashes in names and moves that would make a loop', async () => {
    const s = await service();
    const a = await s.createTag({ name: 'Policy' });
    const b = await s.createTag({ name: 'Sub', parentId: a.id });
    await expect(s.createTag({ name: ' policy ' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(s.createTag({ name: 'a/b' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(s.updateTag(a.id, { parentId: b.id })).rejects.toMatchObject({ code: 'conflict' });
    // The same name under another parent is fine.
    await s.createTag({ name: 'Policy', parentId: b.id });
    await s.close();
  });

  it('renames, recolours and moves a tag without touching its highlights', async () => {
    const s = await service();
    const a = await s.createTag({ name: '社会' });
    const b = await s.createTag({ name: '教育' });
    const h = await s.create(highlightOf('art', '新华社', { tagIds: [b.id] }));
    await s.updateTag(b.id, { name: '教育政策', color: '#009e73', parentId: a.id });
    expect(await s.tagPath(b.id)).toBe('社会/教育政策');
    expect((await s.listTags()).find((t) => t.id === b.id)!.color).toBe('#009E73');
    expect((await s.list('art'))[0]).toMatchObject({ id: h.id, tagIds: [b.id] });
    await s.close();
  });

  it('merges a tag into another: its highlights and sub-tags move to the survivor', async () => {
    const s = await service();
    const econ = await s.createTag({ name: '经济' });
    const economy = await s.createTag({ name: 'Economy' });
    const sub = await s.createTag({ name: '贸易', parentId: economy.id });
    await s.create(highlightOf('a1', '新华社', { tagIds: [economy.id] }));
    await s.create(highlightOf('a1', '国务院', { tagIds: [econ.id, economy.id] }));
    await s.create(highlightOf('a2', '国内生产总值', { tagIds: [sub.id] }));

    const result = await s.mergeTags(economy.id, econ.id);
    expect(result).toMatchObject({ retiredTagIds: [economy.id], annotationsChanged: 2 });
    expect((await s.list('a1')).map((a) => a.tagIds)).toEqual([[econ.id], [econ.id]]);
    expect(await s.tagPath(sub.id)).toBe('经济/贸易');
    expect(await s.tagCounts()).toEqual({ [econ.id]: 2, [sub.id]: 1 });
    expect((await s.listTags()).some((t) => t.id === economy.id)).toBe(false);
    // A highlight restored by undo with the old tag id gets the surviving tag.
    const [first] = await s.list('a1');
    await s.restore({ ...first!, tagIds: [economy.id] });
    expect((await s.list('a1'))[0]!.tagIds).toEqual([econ.id]);
    await s.close();
  });

  it('merging sub-tags of the same name combines them', async () => {
    const s = await service();
    const x = await s.createTag({ name: 'X' });
    const y = await s.createTag({ name: 'Y' });
    const xa = await s.createTag({ name: 'A', parentId: x.id });
    const ya = await s.createTag({ name: 'A', parentId: y.id });
    await s.create(highlightOf('art', '新华社', { tagIds: [xa.id] }));
    const result = await s.mergeTags(x.id, y.id);
    expect(result.retiredTagIds.sort()).toEqual([x.id, xa.id].sort());
    expect((await s.list('art'))[0]!.tagIds).toEqual([ya.id]);
    expect((await s.listTags()).map((t) => t.name)).toEqual(['Y', 'A']);
    await s.close();
  });

  it('deletes a tag with its sub-tags and takes them off every highlight, reporting how many', async () => {
    const s = await service();
    const keep = await s.createTag({ name: '保留' });
    const gone = await s.createTag({ name: '删除' });
    const goneChild = await s.createTag({ name: '子标签', parentId: gone.id });
    await s.create(highlightOf('a1', '新华社', { tagIds: [keep.id, gone.id] }));
    await s.create(highlightOf('a2', '国务院', { tagIds: [goneChild.id] }));
    await s.create(highlightOf('a2', '🚀', { tagIds: [keep.id] }));
    expect(await s.tagCounts()).toEqual({ [keep.id]: 2, [gone.id]: 1, [goneChild.id]: 1 });

    expect(await s.deleteTag(gone.id)).toMatchObject({
      retiredTagIds: [gone.id, goneChild.id],
      annotationsChanged: 2,
    });
    expect((await s.list('a1'))[0]!.tagIds).toEqual([keep.id]);
    expect((await s.list('a2')).map((a) => a.tagIds)).toEqual([[], [keep.id]]);
    expect(await s.counts()).toEqual({ a1: 1, a2: 2 });
    expect((await s.listTags()).map((t) => t.name)).toEqual(['保留']);
    await s.close();
  });

  it('refuses to delete or merge an unknown tag as not-found, changing nothing', async () => {
    const s = await service();
    const keep = await s.createTag({ name: '保留' });
    await s.create(highlightOf('a1', '新华社', { tagIds: [keep.id] }));
    const deleting = s.deleteTag('no-such-tag');
    await expect(deleting).rejects.toBeInstanceOf(ApiError);
    await expect(deleting).rejects.toMatchObject({
      code: 'not-found',
      message: 'That tag no longer exists.',
    });
    await expect(s.mergeTags('no-such-tag', keep.id)).rejects.toMatchObject({ code: 'not-found' });
    expect(await s.listTags()).toEqual([keep]);
    expect((await s.list('a1'))[0]!.tagIds).toEqual([keep.id]);
    // The store is unharmed: the real tag can still be deleted.
    await expect(s.deleteTag(keep.id)).resolves.toMatchObject({ retiredTagIds: [keep.id] });
    await s.close();
  });

  it('lists the colours set by hand on highlights, once each, ignoring a hand-edited one that is not a colour', async () => {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, {});
    await s.create(highlightOf('a1', '新华社', { color: '#FF00AA' }));
    await s.create(highlightOf('a1', '国务院', { color: '#ff00aa' }));
    await s.create(highlightOf('a2', '国内生产总值', { color: '#123ABC' }));
    await s.create(highlightOf('a2', '增长', {}));
    expect(await s.annotationColors()).toEqual(['#123abc', '#ff00aa']);
    await s.close();

    // A style-sheet fragment typed into a store file by hand never reaches the reader as a colour.
    const file = path.join(dir, 'annotations', 'a2.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.annotations[0].color = '#123abc) } body { display: none';
    await writeFile(file, JSON.stringify(doc));
    const again = await openAnnotationService(dir, {});
    // Dropped when read (the highlight shows its tag's colour), and reported.
    expect((await again.list('a2')).map((a) => a.color)).toEqual([null, null]);
    expect(again.problems().map((p) => p.kind)).toEqual(['bad-colour']);
    expect(await again.annotationColors()).toEqual(['#ff00aa']);
    await again.close();
  });
});
