// The everyday life of highlights: create, edit, delete, undo, memos, counts — all surviving a restart.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { highlightOf, tempDataDir } from './helpers.js';

describe('annotation service', () => {
  it('keeps created, edited and deleted highlights across a reopen', async () => {
    const dir = await tempDataDir();
    const s1 = await openAnnotationService(dir, { creator: () => '王研究员' });
    const tag = await s1.createTag({ name: '经济' });
    const a = await s1.create(
      highlightOf('art-1', '国内生产总值增长5%左右', { tagIds: [tag.id], note: '目标' }),
    );
    const b = await s1.create(highlightOf('art-1', '国务院总理'));
    await s1.update('art-1', a.id, { note: '增长目标', color: '#0072b2' });
    await s1.remove('art-1', b.id);
    await s1.close();

    const s2 = await openAnnotationService(dir, {});
    const list = await s2.list('art-1');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: a.id,
      articleId: 'art-1',
      tagIds: [tag.id],
      note: '增长目标',
      color: '#0072B2',
      creator: '王研究员',
      quote: { exact: '国内生产总值增长5%左右' },
    });
    expect(list[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(list[0]!.modified)).toBeGreaterThanOrEqual(Date.parse(list[0]!.created));
    await s2.close();
  });

  it('lists an article in document order and restores a deleted highlight with its id (undo)', async () => {
    const s = await openAnnotationService(await tempDataDir(), {});
    const late = await s.create(highlightOf('a', '国内生产总值'));
    const early = await s.create(highlightOf('a', '新华社'));
    expect((await s.list('a')).map((x) => x.id)).toEqual([early.id, late.id]);
    const removed = await s.remove('a', late.id);
    expect(await s.list('a')).toHaveLength(1);
    await s.restore(removed);
    expect((await s.list('a')).map((x) => x.id)).toEqual([early.id, late.id]);
    // Undo of an edit: restoring the earlier version replaces the edited one.
    await s.update('a', early.id, { note: 'changed' });
    await s.restore(early);
    expect((await s.list('a')).find((x) => x.id === early.id)!.note).toBe('');
    await s.close();
  });

  it('refuses highlights that do not hold together, and edits of highlights that are gone', async () => {
    const s = await openAnnotationService(await tempDataDir(), {});
    const h = highlightOf('a', '新华社');
    await expect(
      s.create({ ...h, position: { ...h.position, end: h.position.end + 1 } }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(s.create({ ...h, tagIds: ['no-such-tag'] })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(s.create({ ...h, color: 'red' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(s.update('a', 'missing', { note: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(s.remove('a', 'missing')).rejects.toMatchObject({ code: 'not-found' });
    expect(await s.list('a')).toEqual([]);
    await s.close();
  });

  it('keeps one file per article, with the memo, path and fingerprint beside the highlights', async () => {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, {});
    const article = { path: 'news/2024/两会.md', fingerprint: 'fp-1' };
    await s.create({ ...highlightOf('lianghui', '新华社'), article });
    await s.setMemo('lianghui', '备忘：对比去年的报告');
    await s.create(highlightOf('https://example.com/新闻?id=1', '新华社'));
    expect(await s.getMemo('lianghui')).toBe('备忘：对比去年的报告');
    expect(await s.getMemo('never-annotated')).toBe('');

    const files = (await readdir(path.join(dir, 'annotations'))).sort();
    expect(files).toHaveLength(2);
    expect(files).toContain('lianghui.json');
    const onDisk = JSON.parse(await readFile(path.join(dir, 'annotations', 'lianghui.json'), 'utf8'));
    expect(onDisk).toMatchObject({
      schemaVersion: 1,
      articleId: 'lianghui',
      memo: '备忘：对比去年的报告',
      ...article,
    });
    // A URL id becomes a hashed, portable file name, but the file still says which article it is.
    const other = files.find((f) => f !== 'lianghui.json')!;
    expect(other).toMatch(/^h\.[0-9a-f]{40}\.json$/);
    expect(JSON.parse(await readFile(path.join(dir, 'annotations', other), 'utf8')).articleId).toBe(
      'https://example.com/新闻?id=1',
    );
    await s.close();
  });

  it('tells ids that differ only in case apart (macOS and Windows folders do not)', async () => {
    const s = await openAnnotationService(await tempDataDir(), {});
    await s.create(highlightOf('Report', '新华社'));
    await s.create(highlightOf('report', '国务院'));
    expect((await s.list('Report')).map((a) => a.quote.exact)).toEqual(['新华社']);
    expect((await s.list('report')).map((a) => a.quote.exact)).toEqual(['国务院']);
    await s.close();
  });

  it('counts highlights per article and streams every annotation of the library', async () => {
    const s = await openAnnotationService(await tempDataDir(), {});
    for (let i = 0; i < 30; i++) await s.create(highlightOf(`art-${i % 7}`, i % 2 ? '新华社' : '🚀'));
    expect(await s.counts()).toEqual({
      'art-0': 5,
      'art-1': 5,
      'art-2': 4,
      'art-3': 4,
      'art-4': 4,
      'art-5': 4,
      'art-6': 4,
    });
    const seen: string[] = [];
    for await (const a of s.allAnnotations()) seen.push(a.id);
    expect(new Set(seen).size).toBe(30);
    await s.close();
  });

  it('does not lose highlights created concurrently in one process', async () => {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, {});
    const made = await Promise.all(Array.from({ length: 40 }, () => s.create(highlightOf('busy', '新华社'))));
    await s.close();
    const again = await openAnnotationService(dir, {});
    expect((await again.list('busy')).map((a) => a.id).sort()).toEqual(made.map((a) => a.id).sort());
    await again.close();
  });
});
