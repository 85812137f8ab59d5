/**
 * Another coder's work in the library (their writer folder, arrived by sync): their highlights show
 * beside mine with their name, are read-only here (the refusal names them), can be copied to mine;
 * their memo shows apart from mine; the coder list counts them.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model.js';
import { writerIdentity } from '../../../core/settings/coder-identity.js';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { emptyArticleFile } from '../../../core/store/store-schema.js';
import { writerFolder, writeWriterFile } from '../../../core/store/writer-folders.js';
import { eventually, highlightOf, tempDataDir } from './helpers.js';

const ana = writerIdentity('Ana', 'aaaa0001');
const bo = writerIdentity('Bo Chen', 'bbbb0002');

async function boWrote(dataDir: string, memo = '') {
  const folder = writerFolder(dataDir, bo.writerId);
  await mkdir(folder.annotationsDir, { recursive: true });
  await writeWriterFile(dataDir, bo.writerId, bo.coder);
  const input = highlightOf('a1', '国务院');
  const theirs: Annotation = {
    id: 'bo-1',
    articleId: 'a1',
    quote: input.quote,
    position: input.position,
    tagIds: [],
    note: 'Bo says',
    color: null,
    creator: 'Bo Chen',
    creatorId: 'bo-chen',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
  await writeFile(
    path.join(folder.annotationsDir, 'a1.json'),
    JSON.stringify({ ...emptyArticleFile('a1'), memo, annotations: [theirs] }),
  );
}

describe("another coder's work", () => {
  it('shows beside mine, read-only, and can be copied to mine', async () => {
    const dir = await tempDataDir();
    await boWrote(dir, 'Bo 的备忘');
    const s = await openAnnotationService(dir, { writer: () => ana, watch: false });
    const mine = await s.create(highlightOf('a1', '新华社'));
    expect(mine).toMatchObject({
      coderId: 'ana',
      coderName: 'Ana',
      mine: true,
      creator: 'Ana',
      creatorId: 'ana',
    });

    const listed = await s.list('a1');
    expect(listed.map((a) => [a.id, a.coderName, a.mine])).toEqual([
      [mine.id, 'Ana', true],
      ['bo-1', 'Bo Chen', false],
    ]);
    await expect(s.update('a1', 'bo-1', { note: 'mine now' })).rejects.toMatchObject({
      code: 'read-only',
      message: expect.stringContaining('Bo Chen'),
    });
    await expect(s.remove('a1', 'bo-1')).rejects.toMatchObject({ code: 'read-only' });
    await expect(s.remove('a1', 'nobody')).rejects.toMatchObject({ code: 'not-found' });

    const copy = await s.copyToMine('a1', 'bo-1', 'copy-1');
    expect(copy).toMatchObject({ id: 'copy-1', note: 'Bo says', mine: true, coderName: 'Ana' });
    expect(copy.quote).toEqual(listed[1]!.quote);
    // A retry stores one copy.
    await s.copyToMine('a1', 'bo-1', 'copy-1');
    expect((await s.list('a1')).filter((a) => a.id === 'copy-1')).toHaveLength(1);
    await s.update('a1', 'copy-1', { note: 'Ana edits her copy' });

    expect(await s.otherMemos('a1')).toEqual([
      { coderId: 'bo-chen', coderName: 'Bo Chen', memo: 'Bo 的备忘' },
    ]);
    expect(await s.getMemo('a1')).toBe('');
    expect(await s.coders()).toEqual([
      { id: 'ana', name: 'Ana', writerIds: [ana.writerId], highlights: 2, mine: true },
      { id: 'bo-chen', name: 'Bo Chen', writerIds: [bo.writerId], highlights: 1, mine: false },
    ]);
    await s.close();
  });

  it("lists, counts, filters and exports every coder's highlights library-wide", async () => {
    const dir = await tempDataDir();
    await boWrote(dir);
    const s = await openAnnotationService(dir, { writer: () => ana, watch: false });
    const mine = await s.create(highlightOf('a1', '新华社'));
    await s.create(highlightOf('a2', '总理'));

    const all = await s.queryAnnotations({});
    expect(all.items.map((a) => [a.articleId, a.id, a.coderName, a.mine])).toEqual([
      ['a1', mine.id, 'Ana', true],
      ['a1', 'bo-1', 'Bo Chen', false],
      ['a2', expect.any(String), 'Ana', true],
    ]);
    expect((await s.queryAnnotations({ coders: ['bo-chen'] })).items.map((a) => a.id)).toEqual(['bo-1']);
    expect((await s.queryAnnotations({ coders: ['ana'] })).total).toBe(2);
    expect(await s.counts()).toEqual({ a1: 2, a2: 1 });
    expect((await s.articleIds()).sort()).toEqual(['a1', 'a2']);

    // What exports walk: both coders, each highlight naming its coder.
    for await (const { articleId, annotations } of s.listEach(['a1'])) {
      expect(articleId).toBe('a1');
      expect(annotations.map((a) => [a.id, a.creator, a.creatorId])).toEqual([
        [mine.id, 'Ana', 'ana'],
        ['bo-1', 'Bo Chen', 'bo-chen'],
      ]);
    }
    // The reader's list of the article does not show Bo's twice.
    expect((await s.listForDisplay('a1')).map((a) => a.id)).toEqual([mine.id, 'bo-1']);
    await s.close();
  });

  it("announces another coder's work arriving while the store is open", async () => {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, { writer: () => ana });
    const changes: string[] = [];
    s.onExternalChange((c) => changes.push(c.kind));
    await s.queryAnnotations({});
    await boWrote(dir);
    await eventually(() => changes.includes('coders'), 8000);
    expect((await s.queryAnnotations({})).items.map((a) => a.id)).toEqual(['bo-1']);
    await s.close();
  });

  it('counts each coder as their folders come, grow and go', async () => {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, { writer: () => ana, watch: false });
    await s.create(highlightOf('a1', '新华社'));
    const others = async () =>
      (await s.coders()).filter((c) => !c.mine).map((c) => [c.name, c.writerIds, c.highlights]);
    expect(await others()).toEqual([]);

    // A folder that only says whose it is: the coder is listed, with nothing coded yet.
    const chen = writerIdentity('Chen', 'cccc0003');
    await mkdir(writerFolder(dir, chen.writerId).annotationsDir, { recursive: true });
    await writeWriterFile(dir, chen.writerId, chen.coder);
    await boWrote(dir);
    expect(await others()).toEqual([
      ['Bo Chen', [bo.writerId], 1],
      ['Chen', [chen.writerId], 0],
    ]);

    // Bo codes another article on his machine; then Chen's folder is taken away.
    const second = highlightOf('a2', '总理');
    await writeFile(
      path.join(writerFolder(dir, bo.writerId).annotationsDir, 'a2.json'),
      JSON.stringify({
        ...emptyArticleFile('a2'),
        annotations: [
          {
            ...second,
            id: 'bo-2',
            tagIds: [],
            note: '',
            color: null,
            creator: 'Bo Chen',
            created: '2026-01-02T00:00:00.000Z',
            modified: '2026-01-02T00:00:00.000Z',
          },
        ],
      }),
    );
    await rm(writerFolder(dir, chen.writerId).dir, { recursive: true });
    expect(await others()).toEqual([['Bo Chen', [bo.writerId], 2]]);
    await s.close();
  });

  it("reports another coder's unreadable file and leaves it as it is", async () => {
    const dir = await tempDataDir();
    const folder = writerFolder(dir, bo.writerId);
    await mkdir(folder.annotationsDir, { recursive: true });
    await writeFile(path.join(folder.annotationsDir, 'a1.json'), '{"schemaVersion":1,"articleId":"a1",');
    const s = await openAnnotationService(dir, { writer: () => ana, watch: false });
    expect(await s.list('a1')).toEqual([]);
    expect(s.problems()).toEqual([expect.objectContaining({ kind: 'unreadable' })]);
    await s.close();
  });
});
