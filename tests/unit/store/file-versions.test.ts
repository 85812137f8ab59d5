// Files Gloss did not write itself: older versions are migrated, newer ones left alone, broken ones set aside.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { migrate, MigrationError } from '../../../core/store/migrations.js';
import { highlightOf, tempDataDir } from './helpers.js';

async function writeJson(dir: string, rel: string, value: unknown): Promise<string> {
  const file = path.join(dir, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

function v1Annotation(articleId: string, id: string, exact = '新华社') {
  return {
    id,
    articleId,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    tagIds: [],
    note: '',
    color: null,
    creator: '',
    created: '2024-03-05T00:00:00.000Z',
    modified: '2024-03-05T00:00:00.000Z',
  };
}

describe('schema versions', () => {
  it('runs migrations step by step and refuses a gap', () => {
    const table = {
      0: (d: Record<string, unknown>) => ({ ...d, schemaVersion: 1, step0: true }),
      1: (d: Record<string, unknown>) => ({ ...d, schemaVersion: 2, step1: true }),
    };
    expect(migrate({ schemaVersion: 0 }, table, 2)).toEqual({ schemaVersion: 2, step0: true, step1: true });
    expect(() => migrate({ schemaVersion: 0 }, { 1: table[1] }, 2)).toThrow(MigrationError);
  });

  it('reads a file of an older schema through the migrations table and saves it in the current one', async () => {
    const dir = await tempDataDir();
    // A made-up version 0 that called highlights "notes" and had no memo.
    await writeJson(dir, 'annotations/old.json', {
      schemaVersion: 0,
      articleId: 'old',
      notes: [v1Annotation('old', 'n1')],
    });
    const migrations = {
      article: {
        0: ({ notes, ...rest }: Record<string, unknown>) => ({
          ...rest,
          schemaVersion: 1,
          annotations: notes,
          memo: '',
          path: null,
          fingerprint: null,
        }),
      },
    };
    const s = await openAnnotationService(dir, { migrations });
    expect((await s.list('old')).map((a) => a.id)).toEqual(['n1']);
    await s.setMemo('old', 'migrated');
    await s.close();
    const onDisk = JSON.parse(await readFile(path.join(dir, 'annotations/old.json'), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: 1, memo: 'migrated', annotations: [{ id: 'n1' }] });
    expect(onDisk.notes).toBeUndefined();
  });

  it('shows a file from a newer Gloss read-only and never overwrites it', async () => {
    const dir = await tempDataDir();
    const original = JSON.stringify({
      schemaVersion: 7,
      articleId: 'future',
      path: null,
      fingerprint: null,
      memo: 'from the future',
      annotations: [v1Annotation('future', 'f1')],
      hologram: true,
    });
    const file = await writeJson(dir, 'annotations/future.json', original);
    const s = await openAnnotationService(dir, {});
    expect((await s.list('future')).map((a) => a.id)).toEqual(['f1']);
    await expect(s.create(highlightOf('future', '新华社'))).rejects.toMatchObject({ code: 'read-only' });
    await expect(s.setMemo('future', 'x')).rejects.toMatchObject({ code: 'read-only' });
    expect(await readFile(file, 'utf8')).toBe(original);
    const problem = s.problems().find((p) => p.kind === 'future-version');
    expect(problem).toMatchObject({ articleId: 'future', file });
    expect(problem!.message).toMatch(/newer version of Gloss/);
    // Other articles are unaffected.
    await s.create(highlightOf('today', '新华社'));
    expect(s.readOnly).toBeNull();
    await s.close();
  });

  it('makes the whole store read-only when the codebook comes from a newer Gloss', async () => {
    const dir = await tempDataDir();
    const original = JSON.stringify({ schemaVersion: 2, tags: [], retired: {} });
    const file = await writeJson(dir, 'codebook.json', original);
    const s = await openAnnotationService(dir, {});
    expect(s.readOnly?.reason).toMatch(/newer version/);
    await expect(s.createTag({ name: 'x' })).rejects.toMatchObject({ code: 'read-only' });
    await expect(s.create(highlightOf('a', '新华社'))).rejects.toMatchObject({ code: 'read-only' });
    expect(await readFile(file, 'utf8')).toBe(original);
    await s.close();
  });
});

describe('tag merges and deletes with a file from a newer Gloss', () => {
  /** Tag `T` (under `P`) and `U`; `a1`/`a2` use T, `future` (schema 7) uses T too, `other` only U. */
  async function setUp() {
    const dir = await tempDataDir();
    const s = await openAnnotationService(dir, {});
    const p = await s.createTag({ name: 'P' });
    const t = await s.createTag({ name: 'T', parentId: p.id });
    const u = await s.createTag({ name: 'U' });
    await s.create(highlightOf('a1', '新华社', { tagIds: [t.id] }));
    await s.create(highlightOf('a2', '国务院', { tagIds: [u.id, t.id] }));
    await s.create(highlightOf('other', '国务院', { tagIds: [u.id] }));
    await s.close();
    await writeJson(dir, 'annotations/future.json', {
      schemaVersion: 7,
      articleId: 'future',
      path: null,
      fingerprint: null,
      memo: '',
      annotations: [{ ...v1Annotation('future', 'f1'), tagIds: [t.id] }],
    });
    const files = ['codebook.json', 'annotations/a1.json', 'annotations/a2.json', 'annotations/future.json'];
    const onDisk = async () =>
      Object.fromEntries(
        await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')] as const)),
      );
    return { dir, p, t, u, onDisk, before: await onDisk() };
  }

  it('refuses deleting a tag the newer file uses, before changing the codebook or any other file', async () => {
    const { dir, p, t, u, onDisk, before } = await setUp();
    const s = await openAnnotationService(dir, {});
    await expect(s.deleteTag(t.id)).rejects.toMatchObject({
      code: 'read-only',
      message: expect.stringMatching(/future.*newer version of Gloss.*Nothing was changed/),
    });
    // Deleting the parent takes T with it: refused as well.
    await expect(s.deleteTag(p.id)).rejects.toMatchObject({ code: 'read-only' });
    expect(await onDisk()).toEqual(before);
    expect((await s.listTags()).map((x) => x.id).sort()).toEqual([p.id, t.id, u.id].sort());
    expect((await s.list('a1'))[0]!.tagIds).toEqual([t.id]);
    // A tag the newer file does not use can still go.
    await expect(s.deleteTag(u.id)).resolves.toMatchObject({ retiredTagIds: [u.id], annotationsChanged: 2 });
    await s.close();
  });

  it('refuses merging away a tag the newer file uses, changing nothing', async () => {
    const { dir, t, u, onDisk, before } = await setUp();
    const s = await openAnnotationService(dir, {});
    await expect(s.mergeTags(t.id, u.id)).rejects.toMatchObject({ code: 'read-only' });
    expect(await onDisk()).toEqual(before);
    expect((await s.list('a2'))[0]!.tagIds).toEqual([u.id, t.id]);
    // Merging into T retires only U, which the newer file does not name.
    await expect(s.mergeTags(u.id, t.id)).resolves.toMatchObject({ retiredTagIds: [u.id] });
    expect(await readFile(path.join(dir, 'annotations/future.json'), 'utf8')).toBe(
      before['annotations/future.json'],
    );
    await s.close();
  });
});

describe('corrupt files', () => {
  it('moves a mangled file aside, reports it, and keeps working', async () => {
    const dir = await tempDataDir();
    const broken = '{"schemaVersion":1,"articleId":"bad","annotations":[{"id":';
    await writeJson(dir, 'annotations/bad.json', broken);
    const s = await openAnnotationService(dir, {});
    await s.create(highlightOf('good', '新华社'));

    expect(await s.list('bad')).toEqual([]);
    const [problem] = s.problems();
    expect(problem).toMatchObject({ kind: 'corrupt', articleId: 'bad' });
    expect(problem!.message).toMatch(/bad\.json could not be read \(not valid JSON/);
    expect(path.basename(problem!.movedTo!)).toMatch(/^bad\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
    expect(await readFile(problem!.movedTo!, 'utf8')).toBe(broken);

    // The article can be annotated again; the set-aside copy is untouched.
    await s.create(highlightOf('bad', '国务院'));
    expect(await s.list('bad')).toHaveLength(1);
    expect(await readFile(problem!.movedTo!, 'utf8')).toBe(broken);
    expect(await s.counts()).toEqual({ good: 1, bad: 1 });
    await s.close();
  });

  it('keeps the readable highlights of a hand-edited file and sets the original aside', async () => {
    const dir = await tempDataDir();
    const doc = {
      schemaVersion: 1,
      articleId: 'edited',
      path: null,
      fingerprint: null,
      memo: 'keep me',
      annotations: [
        v1Annotation('edited', 'ok1'),
        { id: 'broken', quote: 'not a selector' },
        v1Annotation('edited', 'ok2'),
      ],
    };
    await writeJson(dir, 'annotations/edited.json', doc);
    const s = await openAnnotationService(dir, {});
    expect((await s.list('edited')).map((a) => a.id)).toEqual(['ok1', 'ok2']);
    expect(await s.getMemo('edited')).toBe('keep me');
    const problem = s.problems()[0]!;
    expect(problem.message).toMatch(/annotations\.1/);
    expect(JSON.parse(await readFile(problem.movedTo!, 'utf8'))).toEqual(doc);
    expect((await readdir(path.join(dir, 'annotations'))).sort()).toEqual(
      ['edited.json', path.basename(problem.movedTo!)].sort(),
    );
    await s.close();
  });

  it('sets a mangled codebook aside, keeping the tags that are still readable', async () => {
    const dir = await tempDataDir();
    await writeJson(dir, 'codebook.json', {
      schemaVersion: 1,
      tags: [{ id: 't1', name: '经济', parentId: null, color: '#E69F00', description: '' }, { id: 't2' }],
      retired: {},
    });
    const s = await openAnnotationService(dir, {});
    expect((await s.listTags()).map((t) => t.name)).toEqual(['经济']);
    expect(s.problems()).toHaveLength(1);
    expect(s.readOnly).toBeNull();
    await s.createTag({ name: '政治' });
    expect((await s.listTags()).map((t) => t.name).sort()).toEqual(['政治', '经济']);
    await s.close();
  });
});
