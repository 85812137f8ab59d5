// The annotation API as the renderer calls it: offsets in, selectors computed from the article's
// text, highlights anchored on the current text, change events out.
import { describe, expect, it } from 'vitest';
import { annotationContract } from '../../../core/api/annotation-contract.js';
import { annotationHandlers } from '../../../core/api/annotation-handlers.js';
import type { GlossEvent } from '../../../core/api/contract.js';
import type { ServiceContext } from '../../../core/api/service-context.js';
import type { LibraryHandle } from '../../../core/library/library-handle.js';
import type { Article } from '../../../core/model.js';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { describeRange } from '../../../core/anchor/describe-range.js';
import { textVersion } from '../../../core/api/text-version.js';
import { tempDataDir } from './helpers.js';

/** A library with articles held in memory, whose text a test can edit. */
function fakeLibrary(texts: Record<string, string>): LibraryHandle {
  const article = (id: string): Article => ({
    id,
    path: `${id}.md`,
    folder: '',
    title: `Title ${id}`,
    date: null,
    author: null,
    categories: [],
    size: 0,
    mtimeMs: 0,
    format: 'markdown',
    encoding: 'utf-8',
    warnings: [],
    fingerprint: `fp-${id}`,
    annotationCount: 0,
    meta: {
      title: id,
      date: null,
      dateRaw: null,
      author: null,
      categories: [],
      tags: [],
      url: null,
      image: null,
      editor: null,
      extra: {},
    },
    doc: { html: '', text: texts[id]!, cleanerVersion: 1, remoteImages: 0 },
  });
  return {
    root: '/lib',
    list: () => ({
      articles: Object.keys(texts).map(article),
      progress: { done: 1, total: 1, scanning: false },
      errors: [],
    }),
    get: async (id) => article(id),
    getText: async (id) => {
      const a = article(id);
      return { summary: a, meta: a.meta, text: a.doc.text };
    },
    idForPath: (p) => p,
    search: () => ({ hits: [], total: 0, totalCapped: false }),
    find: () => {
      throw new Error('not used');
    },
    whenListed: async () => undefined,
    whenScanned: async () => undefined,
    whenWatching: async () => undefined,
    whenCleaned: async () => undefined,
    close: async () => undefined,
  };
}

async function setUp(texts: Record<string, string>) {
  const annotations = await openAnnotationService(await tempDataDir(), { creator: () => 'tester' });
  const events: GlossEvent[] = [];
  const ctx = {
    host: 'desktop',
    version: 'test',
    appDataDir: '/tmp',
    emit: (e: GlossEvent) => events.push(e),
    session: {
      info: {
        root: '/lib',
        name: 'lib',
        dataDir: '/lib/.gloss',
        dataDirFallback: false,
        loadRemoteImages: false,
      },
      library: fakeLibrary(texts),
      annotations,
      close: () => annotations.close(),
    },
    // The handlers use only `session` and `emit`; the rest of the context belongs to other modules.
  } as Pick<ServiceContext, 'host' | 'version' | 'appDataDir' | 'emit' | 'session'> as ServiceContext;
  const handlers = annotationHandlers(ctx);
  // Inputs go through the contract's schemas, as dispatch does.
  const call = <K extends keyof typeof handlers>(name: K, input: unknown) =>
    handlers[name](annotationContract[name].input.parse(input) as never) as ReturnType<(typeof handlers)[K]>;
  /** What the reader sends for a selection of start–end in the article's text as it is now. */
  const shown = (articleId: string, start: number, end: number) => {
    const text = texts[articleId]!;
    const { quote } = describeRange(text, { start, end });
    return {
      start,
      end,
      quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      textVersion: textVersion({ html: '', text, cleanerVersion: 1, remoteImages: 0 }),
    };
  };
  let made = 0;
  /** A createAnnotation input as the reader makes it: its own id, the quote and text version. */
  const selection = (articleId: string, start: number, end: number, extra: object = {}) => ({
    id: `00000000-0000-4000-8000-${String(++made).padStart(12, '0')}`,
    articleId,
    ...shown(articleId, start, end),
    ...extra,
  });
  return { ctx, texts, events, call, annotations, shown, selection };
}

describe('annotation handlers', () => {
  it('creates a highlight from offsets and anchors it again after the text changed', async () => {
    const { call, texts, events, annotations, selection } = await setUp({
      a: '前言。今天天气很好，我们去公园。😀结尾。',
    });
    const start = texts.a!.indexOf('我们去公园');
    const created = await call('createAnnotation', selection('a', start, start + 5));
    expect(created.quote).toMatchObject({ exact: '我们去公园', prefix: '前言。今天天气很好，' });
    expect(events).toEqual([{ type: 'annotations-changed', articleId: 'a' }]);

    texts.a = '新的开头。' + texts.a;
    const [anchored] = await call('listAnnotations', { articleId: 'a' });
    expect(anchored).toMatchObject({
      id: created.id,
      status: 'moved',
      range: { start: start + 5, end: start + 10 },
    });

    texts.a = '全部改写了。';
    expect((await call('listAnnotations', { articleId: 'a' }))[0]).toMatchObject({
      status: 'orphan',
      range: null,
    });
    await annotations.close();
  });

  it('refuses a range outside the text and calls without an open library', async () => {
    const { call, ctx, annotations, selection } = await setUp({ a: '短文。' });
    await expect(call('createAnnotation', { ...selection('a', 1, 2), end: 99 })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(() =>
      annotationContract.createAnnotation.input.parse({ articleId: 'a', start: 2, end: 1 }),
    ).toThrow();
    ctx.session = null;
    await expect(call('listTags', {})).rejects.toMatchObject({ code: 'no-library' });
    await annotations.close();
  });

  it('lists highlights across the library by tag (with sub-tags), text and page', async () => {
    const { call, events, annotations, selection } = await setUp({
      a: '经济增长很快。就业稳定。',
      b: '外交关系改善。经济也好。',
    });
    const econ = await call('createTag', { name: '经济' });
    const growth = await call('createTag', { name: '增长', parentId: econ.id });
    const diplomacy = await call('createTag', { name: '外交' });
    expect(events.filter((e) => e.type === 'tags-changed')).toHaveLength(3);
    await call('createAnnotation', selection('a', 0, 4, { tagIds: [growth.id] }));
    await call('createAnnotation', selection('a', 7, 11, { note: '稳定' }));
    await call('createAnnotation', selection('b', 0, 4, { tagIds: [diplomacy.id] }));
    await call('createAnnotation', selection('b', 7, 11, { tagIds: [econ.id] }));

    const byTag = await call('listAllAnnotations', { tagIds: [econ.id] });
    expect(byTag.total).toBe(2);
    expect(byTag.items.map((i) => [i.articlePath, i.quote.exact])).toEqual([
      ['a.md', '经济增长'],
      ['b.md', '经济也好'],
    ]);
    expect((await call('listAllAnnotations', { text: '稳定' })).items.map((i) => i.quote.exact)).toEqual([
      '就业稳定',
    ]);
    expect((await call('listAllAnnotations', { articleIds: ['b'] })).total).toBe(2);
    const page = await call('listAllAnnotations', { offset: 1, limit: 2 });
    expect([page.total, page.items.length]).toEqual([4, 2]);

    const { counts } = await call('listTags', {});
    expect(counts).toEqual({ [growth.id]: 1, [diplomacy.id]: 1, [econ.id]: 1 });
    await annotations.close();
  });

  it('deletes with undo, keeps memos, and reports store problems', async () => {
    const { call, annotations, selection, shown } = await setUp({ a: '一二三四五六七八九十' });
    const { placement, ...created } = await call('createAnnotation', selection('a', 2, 5));
    expect(placement).toBe('as-selected');
    const deleted = await call('deleteAnnotation', { articleId: 'a', id: created.id });
    expect(await call('listAnnotations', { articleId: 'a' })).toEqual([]);
    await call('restoreAnnotation', { annotation: deleted });
    expect((await call('listAnnotations', { articleId: 'a' })).map((x) => x.id)).toEqual([created.id]);

    await call('setMemo', { articleId: 'a', memo: '笔记' });
    expect(await call('getMemo', { articleId: 'a' })).toEqual({ memo: '笔记', others: [] });
    expect(await call('getStoreProblems', {})).toEqual({
      problems: [],
      readOnly: null,
      readOnlyBelow: null,
      fallbackToMove: null,
    });

    const moved = await call('updateAnnotation', {
      articleId: 'a',
      id: created.id,
      ...shown('a', 0, 2),
      note: 'n',
    });
    expect(moved.annotation).toMatchObject({
      quote: { exact: '一二' },
      position: { start: 0, end: 2 },
      note: 'n',
    });
    // What undo restores: the highlight exactly as it was stored before the change.
    const { coderId: _c, coderName: _n, mine: _m, ...stored } = created;
    expect(moved.previous).toEqual(stored);
    await call('restoreAnnotation', { annotation: moved.previous });
    expect(await call('listAnnotations', { articleId: 'a' })).toMatchObject([
      { id: created.id, quote: null, status: 'exact', range: { start: 2, end: 5 }, note: '' },
    ]);
    await annotations.close();
  });

  it('lists the highlights of an article with their places, the quote only where the text differs', async () => {
    const { call, texts, annotations, selection } = await setUp({
      a: '前言。今天天气很好，我们去公园。结尾。',
    });
    const quote = '今天天气很好，我们去公园';
    const start = '前言。'.length;
    const end = start + quote.length;
    const created = await call('createAnnotation', selection('a', start, end));
    const [listed] = await call('listAnnotations', { articleId: 'a' });
    expect(listed).toEqual({
      id: created.id,
      articleId: 'a',
      tagIds: [],
      note: '',
      color: null,
      created: created.created,
      quote: null, // the text at the range is the quote
      status: 'exact',
      range: { start, end },
      // Whose it is: the coder this Gloss writes as.
      coderId: 'tester',
      coderName: 'tester',
      mine: true,
    });
    // Moved: the quote is still the text at its new place.
    texts.a = '新的前言。' + texts.a;
    expect((await call('listAnnotations', { articleId: 'a' }))[0]).toMatchObject({
      quote: null,
      status: 'moved',
      range: { start: start + 5, end: end + 5 },
    });
    // Placed fuzzily or orphaned: the stored quote comes along, as the text no longer says it.
    texts.a = '新的前言。前言。今天天气很好，我们去了公园。结尾。';
    const [fuzzy] = await call('listAnnotations', { articleId: 'a' });
    expect(fuzzy).toMatchObject({ quote: { exact: quote }, status: 'fuzzy' });
    texts.a = '全部改写了。';
    expect((await call('listAnnotations', { articleId: 'a' }))[0]).toMatchObject({
      quote: { exact: quote },
      status: 'orphan',
      range: null,
    });
    await annotations.close();
  });
});

describe('placing a highlight: offsets are never trusted alone', () => {
  const TEXT = '第一段。\n\n今天天气很好，我们去公园散步。\n\n结尾。';
  const QUOTE = '我们去公园散步';

  it('puts the highlight on the selected words when a paragraph was inserted above them', async () => {
    const { call, texts, annotations, selection } = await setUp({ a: TEXT });
    const start = TEXT.indexOf(QUOTE);
    const request = selection('a', start, start + QUOTE.length);
    texts.a = '新插入的一段。\n\n' + TEXT; // the file changed after the reader showed it
    const created = await call('createAnnotation', request);
    const at = texts.a.indexOf(QUOTE);
    expect(created).toMatchObject({
      placement: 'relocated',
      quote: { exact: QUOTE },
      position: { start: at, end: at + QUOTE.length },
    });
    // Stored on those words for good: they are where it is listed, exactly.
    expect(await call('listAnnotations', { articleId: 'a' })).toMatchObject([
      { id: request.id, status: 'exact', range: { start: at, end: at + QUOTE.length } },
    ]);
    await annotations.close();
  });

  it('refuses with text-changed, storing nothing, when the selected words are gone or uncertain', async () => {
    const { call, texts, annotations, selection } = await setUp({ a: TEXT });
    const start = TEXT.indexOf(QUOTE);
    const request = selection('a', start, start + QUOTE.length);
    texts.a = TEXT.replace('我们去公园散步', '我们去了公园散步'); // an edit inside the words
    await expect(call('createAnnotation', request)).rejects.toMatchObject({ code: 'text-changed' });
    // A short quote found elsewhere with none of its context is not the text selected either.
    texts.a = '天气。';
    const short = selection('a', 0, 2);
    texts.a = '全新的文章，天气晴朗。';
    await expect(call('createAnnotation', short)).rejects.toMatchObject({ code: 'text-changed' });
    expect(await call('listAnnotations', { articleId: 'a' })).toEqual([]);
    await annotations.close();
  });

  it('refuses a quote that is not the text at the offsets of the same text', async () => {
    const { call, annotations, selection } = await setUp({ a: TEXT });
    const start = TEXT.indexOf(QUOTE);
    const wrong = { ...selection('a', start, start + QUOTE.length), start: 0, end: QUOTE.length };
    await expect(call('createAnnotation', wrong)).rejects.toMatchObject({ code: 'invalid-input' });
    expect(() =>
      annotationContract.createAnnotation.input.parse({ articleId: 'a', id: 'x', start: 0, end: 2 }),
    ).toThrow(); // no quote, no text version, no highlight
    await annotations.close();
  });

  it('re-attaches (moves) a highlight under the same checks', async () => {
    const { call, texts, annotations, selection, shown } = await setUp({ a: TEXT });
    const created = await call('createAnnotation', selection('a', 0, 3));
    const start = TEXT.indexOf(QUOTE);
    const move = shown('a', start, start + QUOTE.length);
    expect(() =>
      annotationContract.updateAnnotation.input.parse({ articleId: 'a', id: created.id, start: 1, end: 2 }),
    ).toThrow();
    texts.a = '新插入的一段。\n\n' + TEXT;
    const moved = await call('updateAnnotation', { articleId: 'a', id: created.id, ...move });
    const at = texts.a.indexOf(QUOTE);
    expect(moved.placement).toBe('relocated');
    expect(moved.annotation.position).toMatchObject({ start: at, end: at + QUOTE.length });
    texts.a = '全部改写了。';
    await expect(call('updateAnnotation', { articleId: 'a', id: created.id, ...move })).rejects.toMatchObject(
      {
        code: 'text-changed',
      },
    );
    await annotations.close();
  });
});

describe('exactly-once creation', () => {
  it('a create with an id that exists returns the stored highlight and stores nothing more', async () => {
    const { call, annotations, selection, texts } = await setUp({ a: '一二三四五六七八九十' });
    const request = selection('a', 2, 5, { note: 'first' });
    const [one, two] = await Promise.all([
      call('createAnnotation', request),
      call('createAnnotation', request),
    ]);
    const again = await call('createAnnotation', { ...request, note: 'changed meanwhile?' });
    expect(one.id).toBe(request.id);
    expect(two).toEqual(one);
    expect(again).toMatchObject({ id: request.id, note: 'first', created: one.created });
    // Even after the text changed so much that a new create would be refused.
    texts.a = '全部改写了。';
    expect(await call('createAnnotation', request)).toMatchObject({ id: request.id, note: 'first' });
    expect(await annotations.list('a')).toHaveLength(1);
    await annotations.close();
  });
});
