import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanHtml } from '../../../core/clean/clean-article.js';
import { openLibrary } from '../../../core/library/library.js';
import type { SearchHit } from '../../../core/model.js';
import { normalizeForSearch } from '../../../core/search/normalize-text.js';
import { SearchIndex } from '../../../core/search/search-index.js';

/** What the index must answer, computed the slow obvious way. */
function reference(
  articles: { id: string; path: string; title: string; text: string }[],
  query: string,
): { articleId: string; offset: number; match: string }[] {
  const q = normalizeForSearch(query.replace(/[\u0000\u0001]/g, '')).trim();
  if (q === '') return [];
  const out: { articleId: string; offset: number; match: string }[] = [];
  const sorted = [...articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const a of sorted) {
    for (const [s, inTitle] of [
      [a.title, true],
      [a.text, false],
    ] as const) {
      const n = normalizeForSearch(s.replace(/[\u0000\u0001]/g, ' '));
      for (let at = n.indexOf(q); at >= 0; at = n.indexOf(q, at + q.length))
        out.push({ articleId: a.id, offset: inTitle ? -1 : at, match: s.slice(at, at + q.length) });
    }
  }
  return out;
}

const brief = (hits: SearchHit[]): { articleId: string; offset: number; match: string }[] =>
  hits.map(({ articleId, offset, match }) => ({ articleId, offset, match }));

describe('SearchIndex: chunks', () => {
  it('handles 100,000 articles across tens of thousands of chunks, never splitting one', () => {
    // Library scale without library-size text: tiny articles, tiny chunks (a few articles each).
    const index = new SearchIndex({ chunkUnits: 64 });
    const pad = (i: number): string => String(i).padStart(6, '0');
    for (let i = 0; i < 100_000; i++)
      index.set(`id${i}`, `d/${pad(i)}.txt`, `题${i}`, `正文第${pad(i)}篇，内容。`);
    // One article far bigger than a chunk: it gets a chunk of its own, whole.
    index.set('big', 'd/050000-big.txt', 'Big', '大'.repeat(1000) + 'NEEDLE' + '大'.repeat(1000));
    index.prepare();
    expect(index.chunkCount).toBeGreaterThan(20_000);
    expect(index.search('needle', 5).hits).toEqual([
      expect.objectContaining({ articleId: 'big', offset: 1000 }),
    ]);
    // Every article is found, in path order, whichever chunk it is in.
    for (const i of [0, 1, 2, 49_999, 50_000, 50_001, 99_998, 99_999]) {
      const { hits, total } = index.search(`第${pad(i)}篇`, 10);
      expect(total).toBe(1);
      expect(hits[0]).toMatchObject({ articleId: `id${i}`, offset: 2, before: '正文', after: '，内容。' });
    }
    // A match never spans two articles (or a title and its text), even at a chunk boundary.
    expect(index.search('内容。题', 10).total).toBe(0);
    expect(index.search('1正文', 10).total).toBe(0);
    // Path order across chunks, and the count stops at the cap.
    const common = index.search('内容', 1000);
    expect(common.totalCapped).toBe(true);
    expect(common.total).toBe(1000);
    expect(common.hits.map((h) => h.articleId)).toEqual(Array.from({ length: 1000 }, (_, i) => `id${i}`));
  });

  it('keeps chunks right through updates, renames, deletions and insertions', () => {
    const index = new SearchIndex({ chunkUnits: 40 });
    for (let i = 0; i < 50; i++)
      index.set(`a${i}`, `p/${String(i).padStart(2, '0')}.txt`, `T${i}`, `甲乙丙 ${i} 丁`);
    index.prepare();
    const before = index.chunkCount;
    index.set('a10', 'p/10.txt', 'T10', '改过的正文');
    index.delete('a20');
    index.set('new', 'p/20b.txt', '新的', '插在中间的正文');
    index.set('a30', 'z/moved.txt', 'T30', '搬走了');
    expect(index.search('改过', 5).hits[0]).toMatchObject({ articleId: 'a10', offset: 0 });
    expect(index.search('甲乙丙 20 ', 5).total).toBe(0);
    expect(index.search('插在', 5).hits[0]?.articleId).toBe('new');
    const order = index.search('正文', 10).hits.map((h) => h.articleId);
    expect(order).toEqual(['a10', 'new']);
    expect(index.search('搬走', 5).hits[0]?.path).toBe('z/moved.txt');
    expect(index.chunkCount).toBeGreaterThanOrEqual(before - 1);
    // Grow one chunk far past its size: it is split again, results unchanged.
    for (let i = 0; i < 40; i++)
      index.set(`g${i}`, `p/05-${String(i).padStart(2, '0')}.txt`, 'G', `插入${i}号`);
    expect(index.search('插入', 100).hits.map((h) => h.articleId)).toEqual(
      Array.from({ length: 40 }, (_, i) => `g${i}`),
    );
  });

  it('answers exactly like a plain scan, whatever the articles, edits and chunk size', () => {
    const alphabet = fc.constantFrom(
      'a',
      'B',
      'Ａ',
      'ｂ',
      '中',
      '国',
      ' ',
      '\u3000',
      '\u0000',
      '\u0001',
      '\ud83d',
      '\ude00',
      'İ',
    );
    const text = fc.array(alphabet, { maxLength: 30 }).map((cs) => cs.join(''));
    const op = fc.record({
      id: fc.integer({ min: 0, max: 12 }),
      path: fc.integer({ min: 0, max: 15 }),
      title: text,
      text,
      del: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 40 }),
        fc.integer({ min: 1, max: 80 }),
        text,
        (ops, chunkUnits, query) => {
          const index = new SearchIndex({ chunkUnits });
          const model = new Map<string, { id: string; path: string; title: string; text: string }>();
          ops.forEach((o, k) => {
            const id = `i${o.id}`;
            if (o.del) {
              index.delete(id);
              model.delete(id);
            } else {
              // Paths stay unique, as the library keeps them.
              const path = `f${o.path}`;
              for (const [other, a] of model)
                if (a.path === path && other !== id) {
                  index.delete(other);
                  model.delete(other);
                }
              index.set(id, path, o.title, o.text);
              model.set(id, { id, path, title: o.title, text: o.text });
            }
            if (k % 7 === 3) index.prepare();
          });
          const q = query.length > 0 ? query : 'a';
          const got = index.search(q, 1000);
          const want = reference([...model.values()], q);
          expect(brief(got.hits)).toEqual(want);
          expect(got.total).toBe(want.length);
          expect(got.totalCapped).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('SearchIndex: keyword in context', () => {
  it('returns the original text around a width- and case-folded match, within its article', () => {
    const index = new SearchIndex();
    const text = `${'前'.repeat(50)}ＣＢＬ-Mariner 是 Microsoft 的发行版${'后'.repeat(50)}`;
    index.set('x', 'x.txt', 'ＡＰＰ 标题 App', text);
    index.set('y', 'y.txt', 'Y', 'cbl');
    const { hits, total } = index.search('cbl-MARINER', 10);
    expect(total).toBe(1);
    expect(hits[0]).toEqual({
      articleId: 'x',
      path: 'x.txt',
      title: 'ＡＰＰ 标题 App',
      offset: 50,
      length: 11,
      before: '前'.repeat(40),
      match: 'ＣＢＬ-Mariner',
      after: text.slice(61, 101),
    });
    expect(text.slice(hits[0]!.offset, hits[0]!.offset + hits[0]!.length)).toBe(hits[0]!.match);
    // Title hits: offset -1, context from the title only.
    expect(brief(index.search('app', 10).hits)).toEqual([
      { articleId: 'x', offset: -1, match: 'ＡＰＰ' },
      { articleId: 'x', offset: -1, match: 'App' },
    ]);
    expect(index.search('app', 10).hits[0]).toMatchObject({ before: '', after: ' 标题 App' });
    // Half-width query, full-width text and the other way round; ideographic space is a space.
    expect(index.search('ｍｉｃｒｏｓｏｆｔ　的', 10).hits[0]).toMatchObject({ match: 'Microsoft 的' });
    // Context never runs into the next article.
    expect(index.search('cbl', 10).hits[1]).toMatchObject({ articleId: 'y', before: '', after: '' });
  });

  it('keeps offsets exact around astral characters and lone surrogates', () => {
    const index = new SearchIndex();
    index.set('e', 'e.txt', 'E', '😀表情\ud800孤立ＡＢ');
    expect(index.search('ab', 5).hits[0]).toMatchObject({
      offset: 7, // 😀 is two units, the lone surrogate one
      match: 'ＡＢ',
      before: '😀表情\ud800孤立',
    });
    expect(index.search('😀表', 5).hits[0]).toMatchObject({ offset: 0 });
  });
});

describe('SearchIndex: bounded work', () => {
  it('stops counting at the cap however many occurrences there are', () => {
    const index = new SearchIndex({ totalCap: 500, chunkUnits: 1 << 16 });
    for (let i = 0; i < 40; i++)
      index.set(`${i}`, `${String(i).padStart(2, '0')}.txt`, 't', '的'.repeat(50_000));
    index.prepare();
    const spy = vi.spyOn(Buffer.prototype, 'indexOf');
    try {
      const r = index.search('的', 20);
      expect(r).toMatchObject({ total: 500, totalCapped: true });
      expect(r.hits).toHaveLength(20);
      expect(r.hits.map((h) => h.offset)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      // 2,000,000 occurrences, but about cap + 1 native searches.
      expect(spy.mock.calls.length).toBeLessThanOrEqual(502);
      // The cap is never below the limit.
      expect(index.search('的', 800)).toMatchObject({ total: 800, totalCapped: true });
    } finally {
      spy.mockRestore();
    }
    expect(index.search('的的', 5).totalCapped).toBe(true);
    expect(index.search('没有', 5)).toEqual({ hits: [], total: 0, totalCapped: false });
  });

  it('skips articles that cannot contain the query without reading them', () => {
    const index = new SearchIndex({ chunkUnits: 1 << 20 });
    for (let i = 0; i < 200; i++)
      index.set(`${i}`, `${String(i).padStart(3, '0')}.txt`, 't', '普通的文字'.repeat(200));
    index.set('r', '100-rare.txt', 't', '这里有罕见词组');
    const spy = vi.spyOn(Buffer.prototype, 'indexOf');
    try {
      expect(index.search('罕见词组', 5).hits[0]?.articleId).toBe('r');
      // One native search over the one candidate run (bitmap false positives aside).
      expect(spy.mock.calls.length).toBeLessThanOrEqual(5);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('SearchIndex: failures', () => {
  it('reports a failed build and goes on searching without the index', () => {
    const errors: string[] = [];
    const index = new SearchIndex({ onError: (m) => errors.push(m) });
    index.set('a', 'a.txt', '标题', '上海的经济');
    const spy = vi.spyOn(Buffer, 'allocUnsafeSlow').mockImplementation(() => {
      throw new RangeError('Array buffer allocation failed');
    });
    try {
      expect(() => index.prepare()).not.toThrow();
      expect(errors).toEqual([expect.stringContaining('Array buffer allocation failed')]);
      expect(index.search('上海', 5).hits[0]).toMatchObject({ articleId: 'a', offset: 0, after: '的经济' });
      index.set('b', 'b.txt', 'B', '上海');
      expect(index.search('上海', 5).total).toBe(2);
      expect(errors).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('Library: search failures never escape a timer', () => {
  let base: string | null = null;
  afterEach(() => {
    vi.restoreAllMocks();
    if (base) rmSync(base, { recursive: true, force: true });
    base = null;
  });

  async function openTemp(): Promise<Awaited<ReturnType<typeof openLibrary>>> {
    base = mkdtempSync(join(tmpdir(), 'gloss-search-'));
    const root = join(base, 'lib');
    mkdirSync(root);
    writeFileSync(join(root, 'a.txt'), '上海新闻\n\n第一段讲上海的经济。');
    writeFileSync(join(root, 'b.txt'), 'Other\n\nNothing here.');
    const handle = await openLibrary(root, { cacheDir: join(base, 'cache'), watch: false });
    await handle.whenScanned();
    await new Promise((r) => setImmediate(r)); // the post-scan preparation has run
    await new Promise((r) => setImmediate(r));
    return handle;
  }

  it('a failed index build becomes a library error, and search still answers', async () => {
    // The scan cleans articles for their search text: jsdom is loaded before allocations fail.
    cleanHtml('<p>warm up</p>');
    vi.spyOn(Buffer, 'allocUnsafeSlow').mockImplementation(() => {
      throw new RangeError('Array buffer allocation failed');
    });
    const handle = await openTemp();
    try {
      expect(handle.list().errors).toEqual([expect.stringContaining('search index could not be built')]);
      expect(handle.search('上海', 5).total).toBe(2);
    } finally {
      await handle.close();
    }
  });

  it('even an unexpected throw in the post-scan step is caught and listed', async () => {
    vi.spyOn(SearchIndex.prototype, 'prepare').mockImplementation(() => {
      throw new Error('boom');
    });
    const handle = await openTemp();
    try {
      expect(handle.list().errors).toEqual([expect.stringContaining('boom')]);
    } finally {
      await handle.close();
    }
  });
});
