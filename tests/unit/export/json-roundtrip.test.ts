// The W3C JSON export and its import: loss-free into an empty library, idempotent, merging two coders.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectText } from '../../../core/export/export-run.js';
import { importAnnotations } from '../../../core/export/import-annotations.js';
import { startExport } from '../../../core/export/run-export.js';
import { TagIndex } from '../../../core/export/tag-index.js';
import type { Annotation } from '../../../core/model.js';
import {
  BLOG,
  copyLibrary,
  GOV,
  highlight,
  newSession,
  sessionFor,
  type TestSession,
} from './test-library.js';

async function exportJson(session: TestSession): Promise<string> {
  return collectText((await startExport(session, { format: 'json' }, { libraryName: 'fixture' })).chunks);
}

/** Every annotation of the library with tag paths instead of ids (ids differ between libraries). */
async function snapshot(session: TestSession) {
  const tags = new TagIndex(await session.annotations.listTags());
  const out: (Omit<Annotation, 'tagIds'> & { tags: string[] })[] = [];
  for await (const { tagIds, ...a } of session.annotations.allAnnotations()) {
    out.push({ ...a, tags: tagIds.map((id) => tags.path(id)) });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

async function codebook(session: TestSession) {
  const tags = new TagIndex(await session.annotations.listTags());
  return tags.tags.map((t) => ({ path: tags.path(t.id), color: t.color, description: t.description }));
}

async function annotate(session: TestSession) {
  const topic = await session.annotations.createTag({ name: '经济', description: '宏观经济' });
  const growth = await session.annotations.createTag({ name: '增长', parentId: topic.id, color: '#0072B2' });
  const a = await highlight(session, GOV, '国务院总理', {
    tagIds: [growth.id, topic.id],
    note: '第一行\n"第二行"',
    color: '#D55E00',
  });
  const b = await highlight(session, GOV, '新质生产力', { note: '=SUM(A1)' });
  const c = await highlight(session, BLOG, 'with a comma', { tagIds: [topic.id] });
  await session.annotations.setMemo(GOV, '备忘：对比去年报告。');
  return { topic, growth, a, b, c };
}

/** The bytes of every file of the store, to prove an operation wrote nothing. */
async function storeFiles(root: string): Promise<Record<string, string>> {
  const dir = path.join(root, '.gloss');
  const out: Record<string, string> = {};
  for (const sub of ['', 'annotations']) {
    for (const name of await readdir(path.join(dir, sub))) {
      if (name.endsWith('.json'))
        out[path.join(sub, name)] = await readFile(path.join(dir, sub, name), 'utf8');
    }
  }
  return out;
}

describe('JSON export', () => {
  it('is a W3C Web Annotation collection with code-point selectors, tag and note bodies', async () => {
    const session = await newSession();
    const { a, growth, topic } = await annotate(session);
    const doc = JSON.parse(await exportJson(session));
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(3);
    expect(doc.first.items).toHaveLength(3);
    const item = doc.first.items.find((i: { gloss: { id: string } }) => i.gloss.id === a.id);
    expect(item).toMatchObject({
      id: `urn:uuid:${a.id}`,
      type: 'Annotation',
      created: a.created,
      modified: a.modified,
      creator: { type: 'Person', name: '王研究员' },
      target: {
        source: GOV,
        selector: [
          { type: 'TextQuoteSelector', exact: '国务院总理', prefix: a.quote.prefix, suffix: a.quote.suffix },
          // One emoji before the quote: one code point less than the stored UTF-16 offset.
          { type: 'TextPositionSelector', start: a.position.start - 1, end: a.position.end - 1 },
        ],
      },
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: '经济/增长' },
        { type: 'TextualBody', purpose: 'tagging', value: '经济' },
        { type: 'TextualBody', purpose: 'commenting', value: '第一行\n"第二行"' },
      ],
      gloss: { id: a.id, articleId: GOV, tagIds: [growth.id, topic.id], color: '#D55E00' },
    });
    expect(doc.gloss.codebook.tags).toContainEqual(
      expect.objectContaining({ id: growth.id, path: '经济/增长', parentId: topic.id, color: '#0072B2' }),
    );
    const article = doc.gloss.articles.find((x: { id: string }) => x.id === GOV);
    expect(article).toMatchObject({
      path: '新闻/政府工作报告.md',
      title: '政府工作报告要点',
      memo: '备忘：对比去年报告。',
    });
    expect(article.meta.extra).toEqual({ source_site: '新华网', priority: 3, keywords: ['增长', '就业'] });
  });

  it('imports into an empty library as identical annotations, tags and memos', async () => {
    const source = await newSession();
    await annotate(source);
    const json = await exportJson(source);
    const target = await newSession('someone else');

    const summary = await importAnnotations(target, json);
    expect(summary).toMatchObject({
      added: 3,
      updated: 0,
      unchanged: 0,
      conflicts: [],
      notPlaced: [],
      memosAdded: 1,
    });
    expect(summary.tagsCreated).toEqual(['经济', '经济/增长']);
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect(await codebook(target)).toEqual(await codebook(source));
    expect(await target.annotations.getMemo(GOV)).toBe('备忘：对比去年报告。');
    // And the target's own export says the same thing, but for the ids of the tags it created.
    const items = (text: string) =>
      JSON.parse(text).first.items.map((i: { gloss: { tagIds?: string[] } }) => {
        delete i.gloss.tagIds;
        return i;
      });
    expect(items(await exportJson(target))).toEqual(items(json));
  });

  it('changes nothing when the same file is imported twice', async () => {
    const source = await newSession();
    await annotate(source);
    const json = await exportJson(source);
    const target = await newSession();
    await importAnnotations(target, json);
    const before = await storeFiles(target.root);

    const second = await importAnnotations(target, json);
    expect(second).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 3,
      skipped: 0,
      conflicts: [],
      memosAdded: 0,
    });
    expect(second.tagsCreated).toEqual([]);
    expect(await storeFiles(target.root)).toEqual(before);
    // Importing a library's own export into itself is also a no-op.
    const own = await importAnnotations(source, json);
    expect(own).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
  });

  it('merges two coders: new highlights added, a conflict keeps the newer edit and is reported', async () => {
    // Both coders start from the same shared annotations.
    const coderA = await newSession('A');
    const { a, growth } = await annotate(coderA);
    const coderB = await sessionFor(await copyLibrary(), 'B');
    await importAnnotations(coderB, await exportJson(coderA));

    // Both edit highlight a; B's edit is the later one. A adds a highlight and a tag, B another highlight.
    await coderA.annotations.restore({ ...a, note: 'A says', modified: '2030-01-01T00:00:00.000Z' });
    const bTags = new TagIndex(await coderB.annotations.listTags());
    const localA = (await coderB.annotations.list(GOV)).find((x) => x.id === a.id)!;
    await coderB.annotations.restore({ ...localA, note: 'B says', modified: '2030-01-02T00:00:00.000Z' });
    const policy = await coderA.annotations.createTag({ name: '就业', parentId: growth.id });
    const fromA = await highlight(coderA, GOV, '城镇新增就业', { tagIds: [policy.id] });
    const fromB = await highlight(coderB, BLOG, 'First sentence here.', {
      tagIds: [bTags.findByPath('经济')!.id],
    });

    const intoB = await importAnnotations(coderB, await exportJson(coderA));
    expect(intoB).toMatchObject({ added: 1, updated: 0, unchanged: 2, skipped: 1 });
    expect(intoB.conflicts).toEqual([
      {
        articleId: GOV,
        id: a.id,
        kept: 'local',
        localModified: '2030-01-02T00:00:00.000Z',
        importedModified: '2030-01-01T00:00:00.000Z',
      },
    ]);
    expect(intoB.tagsCreated).toEqual(['经济/增长/就业']);
    expect((await coderB.annotations.list(GOV)).find((x) => x.id === a.id)!.note).toBe('B says');

    const intoA = await importAnnotations(coderA, await exportJson(coderB));
    expect(intoA).toMatchObject({ added: 1, updated: 1, skipped: 0 });
    expect(intoA.conflicts).toEqual([expect.objectContaining({ id: a.id, kept: 'imported' })]);
    expect((await coderA.annotations.list(GOV)).find((x) => x.id === a.id)!.note).toBe('B says');

    // Now both libraries hold the same work.
    expect(await snapshot(coderA)).toEqual(await snapshot(coderB));
    expect((await snapshot(coderA)).map((x) => x.id)).toEqual(expect.arrayContaining([fromA.id, fromB.id]));
  });

  it('stores highlights it cannot place and lists them for review', async () => {
    const source = await newSession();
    const { b, c } = await annotate(source);
    const json = await exportJson(source);

    const root = await copyLibrary();
    const file = path.join(root, '新闻/政府工作报告.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('这是"新质生产力"的首次系统阐述。', '全文到此。'),
    );
    // And the blog article does not exist in this library at all.
    await writeFile(path.join(root, 'blog/quotes-and-commas.md'), '---\nid: other\n---\nSomething else.\n');
    const target = await sessionFor(root);

    const summary = await importAnnotations(target, json);
    expect(summary.added).toBe(3);
    expect(summary.notPlaced).toEqual([
      { articleId: GOV, id: b.id, quote: '新质生产力', reason: 'text-not-found' },
      { articleId: BLOG, id: c.id, quote: 'with a comma', reason: 'article-not-in-library' },
    ]);
    // Still stored, exactly as exported where there was no text to place them on.
    expect((await target.annotations.list(GOV)).map((x) => x.id)).toContain(b.id);
    expect((await target.annotations.list(BLOG))[0]).toMatchObject({
      id: c.id,
      position: c.position,
      quote: c.quote,
    });
    expect((await importAnnotations(target, json)).added).toBe(0);
  });

  it('refuses a malformed file with a clear message and writes nothing', async () => {
    const source = await newSession();
    await annotate(source);
    const good = JSON.parse(await exportJson(source));
    const target = await newSession();
    const before = await storeFiles(target.root);

    await expect(importAnnotations(target, '{ not json')).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('not valid JSON'),
    });
    await expect(importAnnotations(target, '{"type":"AnnotationCollection"}')).rejects.toMatchObject({
      message: expect.stringContaining('not a Gloss annotation export'),
    });
    const broken = structuredClone(good);
    broken.first.items[1].target.selector = [{ type: 'TextPositionSelector', start: 5, end: 2 }];
    broken.gloss.codebook.tags[1].color = 'red';
    await expect(importAnnotations(target, JSON.stringify(broken))).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/colour[\s\S]*TextPositionSelector ends before it starts/),
    });
    const newer = structuredClone(good);
    newer.gloss.version = 99;
    await expect(importAnnotations(target, JSON.stringify(newer))).rejects.toMatchObject({
      message: expect.stringContaining('newer Gloss'),
    });
    const cycle = structuredClone(good);
    cycle.gloss.codebook.tags[0].parentId = cycle.gloss.codebook.tags[1].id;
    await expect(importAnnotations(target, JSON.stringify(cycle))).rejects.toMatchObject({
      message: expect.stringContaining('circular parent'),
    });
    expect(await storeFiles(target.root)).toEqual(before);
    expect(await target.annotations.listTags()).toEqual([]);
  });
});
