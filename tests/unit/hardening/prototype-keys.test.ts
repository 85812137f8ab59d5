// Ids, tag names and front-matter keys come from files, so they can be `__proto__`, `constructor`,
// `toString` or `hasOwnProperty`: through the API and the exports, counts stay right, nothing is
// lost and nothing crashes. And colours in store files that are not #rrggbb never get through.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { articleFileName } from '../../../core/store/store-layout.js';
import { highlight, makeLibrary, openApi } from '../store/api-session.js';
import { highlightOf, tempDataDir } from '../store/helpers.js';

const KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;
const HEX = /^#[0-9a-fA-F]{6}$/;

const article = (id: string, extra = '') =>
  `---\nid: ${id}\ntitle: Article ${id}\n${extra}---\nPolicy makers met on ${id} day and agreed on a plan.\n`;

/** A hand-written codebook: tag ids and names are the four keys, two colours are not colours. */
const CODEBOOK = {
  schemaVersion: 1,
  tags: [
    {
      id: '__proto__',
      name: '__proto__',
      parentId: null,
      color: 'url(https://evil.example/x.png)',
      description: '',
    },
    { id: 'constructor', name: 'constructor', parentId: null, color: '#56B4E9', description: '' },
    { id: 'toString', name: 'toString', parentId: 'constructor', color: 'red', description: '' },
    { id: 'hasOwnProperty', name: 'hasOwnProperty', parentId: null, color: '#009E73', description: '' },
  ],
  retired: {},
};

async function library() {
  const extras = KEYS.map((k) => `${k}: value of ${k}\n`).join('');
  const { root, appData } = await makeLibrary({
    'a.md': article('constructor', extras),
    'b.md': article('toString'),
    'c.md': article('hasOwnProperty'),
    'd.md': article('__proto__'),
  });
  await mkdir(path.join(root, '.gloss'));
  await writeFile(path.join(root, '.gloss', 'codebook.json'), JSON.stringify(CODEBOOK));
  return { root, appData };
}

describe('prototype keys from files', () => {
  it('as tag ids, tag names, article ids and front-matter keys: counts right, nothing lost', async () => {
    const { root, appData } = await library();
    let api = await openApi(root, appData);
    const { articles } = await api.call('listArticles');
    expect(articles).toHaveLength(4);
    const byTitle = new Map(articles.map((a) => [a.title, a.id]));
    const id = (k: string) => byTitle.get(`Article ${k}`)!;
    expect([id('constructor'), id('toString'), id('hasOwnProperty')]).toEqual([
      'constructor',
      'toString',
      'hasOwnProperty',
    ]);

    // Tag ids and names as the codebook has them; bad colours replaced and reported.
    const tags = await api.call('listTags');
    expect(tags.tags.map((t) => t.id).sort()).toEqual([...KEYS].sort());
    expect(tags.tags.map((t) => t.name).sort()).toEqual([...KEYS].sort());
    for (const t of tags.tags) expect(t.color).toMatch(HEX);
    const status = await api.call('getStoreProblems');
    expect(status.problems).toContainEqual(
      expect.objectContaining({
        kind: 'bad-colour',
        message: expect.stringContaining('2 tag colours in codebook.json'),
      }),
    );
    expect(JSON.stringify(status)).not.toContain('evil.example');

    await highlight(api, id('constructor'), 'Policy makers', ['__proto__', 'toString']);
    await highlight(api, id('toString'), 'agreed on a plan', ['constructor']);
    await highlight(api, id('hasOwnProperty'), 'Policy makers', ['hasOwnProperty', '__proto__']);
    await highlight(api, id('__proto__'), 'agreed on a plan', ['toString']);

    const counts = (await api.call('listTags')).counts;
    // (Built with fromEntries: a `__proto__:` in an object literal would set its prototype instead.)
    expect({ ...counts }).toEqual(
      Object.fromEntries([
        ['__proto__', 2],
        ['constructor', 1],
        ['toString', 2],
        ['hasOwnProperty', 1],
      ]),
    );
    expect(Object.keys(counts).sort()).toEqual([...KEYS].sort());
    const listed = await api.call('listArticles');
    expect(listed.articles.map((a) => a.annotationCount)).toEqual([1, 1, 1, 1]);

    // CSV: one row each, the four keys as meta columns, empty (not "function Object()") elsewhere.
    const rows = parse((await api.call('exportAnnotations', { format: 'csv', bom: false })).content, {
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    const row = (articleId: string): Record<string, string> => rows.find((r) => r.article_id === articleId)!;
    for (const k of KEYS) {
      expect(row('constructor')[`meta_${k}`]).toBe(`value of ${k}`);
      expect(row('toString')[`meta_${k}`]).toBe('');
    }
    expect(row('constructor').tags!.split('; ').sort()).toEqual(['__proto__', 'toString']);
    expect(row('constructor').tag_paths!.split('; ').sort()).toEqual(['__proto__', 'constructor/toString']);
    const json = JSON.parse((await api.call('exportAnnotations', { format: 'json' })).content);
    expect(json.total).toBe(4);
    const meta = json.gloss.articles.find((a: { id: string }) => a.id === 'constructor').meta.extra;
    expect(Object.keys(meta).sort()).toEqual([...KEYS].sort());

    // Deleting and merging such tags: recorded as retired, and still so after a reopen.
    await api.call('deleteTag', { id: '__proto__' });
    await api.call('mergeTags', { sourceId: 'constructor', targetId: 'hasOwnProperty' });
    await api.close();
    api = await openApi(root, appData);
    const after = await api.call('listTags');
    expect(after.tags.map((t) => t.id).sort()).toEqual(['hasOwnProperty', 'toString']);
    expect({ ...after.counts }).toEqual({ toString: 2, hasOwnProperty: 2 });
    // The coder's own book records the delete and the merge against those very ids.
    const [writer] = await readdir(path.join(root, '.gloss', 'coders'));
    const book = JSON.parse(
      await readFile(path.join(root, '.gloss', 'coders', writer!, 'codebook.json'), 'utf8'),
    );
    const fields = (id: string) => Object.getOwnPropertyDescriptor(book.tags, id)?.value.fields;
    expect(fields('__proto__').deleted.value).toBe(true);
    expect(fields('constructor').mergedInto.value).toBe('hasOwnProperty');
    for (const t of after.tags) expect(t.color).toMatch(HEX);
  });

  it('as article ids in the store: each counted, and listed', async () => {
    const store = await openAnnotationService(await tempDataDir(), { watch: false });
    for (const k of KEYS) await store.create(highlightOf(k, '国务院总理'));
    const counts = await store.counts();
    expect(Object.keys(counts).sort()).toEqual([...KEYS].sort());
    for (const k of KEYS) expect(counts[k]).toBe(1);
    expect((await store.articleIds()).sort()).toEqual([...KEYS].sort());
    for await (const { articleId, annotations } of store.listEach(KEYS))
      expect([articleId, annotations.length]).toEqual([articleId, 1]);
    await store.close();
  });
});

describe('colours in store files', () => {
  it('a highlight colour that is not #rrggbb is dropped (its tag colour shows) and reported', async () => {
    const dir = await tempDataDir();
    let store = await openAnnotationService(dir, { watch: false });
    const created = await store.create(highlightOf('a1', '国务院总理', { color: '#CC79A7' }));
    await store.close();
    const file = path.join(dir, 'annotations', articleFileName('a1'));
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.annotations[0].color = 'url(https://evil.example/track.png)';
    await writeFile(file, JSON.stringify(doc));
    store = await openAnnotationService(dir, { watch: false });
    const [a] = await store.list('a1');
    expect(a).toMatchObject({ id: created.id, color: null });
    expect(await store.annotationColors()).toEqual([]);
    const [problem] = store.problems();
    expect(problem).toMatchObject({ kind: 'bad-colour', articleId: 'a1' });
    expect(problem!.message).not.toContain('evil');
    // Nothing else was lost, and the next save writes the repaired colour.
    await store.setMemo('a1', 'checked');
    expect(JSON.parse(await readFile(file, 'utf8')).annotations[0]).toMatchObject({
      id: created.id,
      color: null,
    });
    await store.close();
  });
});
