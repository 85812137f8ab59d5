import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../../core/search/normalize-text.js';
import { SearchIndex } from '../../../core/search/search-index.js';

describe('normalizeForSearch', () => {
  it('folds case and full-width forms without changing length', () => {
    expect(normalizeForSearch('ＡＢＣ１２３ Abc　ｘ')).toBe('abc123 abc x');
  });

  it('never changes the length of any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        if (normalizeForSearch(s).length !== s.length)
          throw new Error([...s].map((c) => c.codePointAt(0)?.toString(16)).join(' '));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('SearchIndex', () => {
  const index = new SearchIndex();
  index.set('a', 'news/a.txt', '上海新闻', '第一段讲上海的经济。\n\n第二段提到 CBL-Mariner 发行版。');
  index.set('b', 'news/b.txt', 'Other', 'Nothing about the city, but ＣＢＬ appears in full width.');

  it('finds Chinese substrings without word splitting, with context and offsets', () => {
    const { hits, total } = index.search('上海', 10);
    expect(total).toBe(2);
    expect(hits[0]).toMatchObject({ articleId: 'a', offset: -1, match: '上海' }); // title
    expect(hits[1]).toMatchObject({
      articleId: 'a',
      offset: 4,
      match: '上海',
      before: '第一段讲',
      after: '的经济。\n\n第二段提到 CBL-Mariner 发行版。',
    });
  });

  it('ignores case and full-/half-width differences, returning the original text', () => {
    const { hits } = index.search('cbl', 10);
    expect(hits.map((h) => h.match)).toEqual(['CBL', 'ＣＢＬ']);
  });

  it('keeps context inside one article and respects the limit', () => {
    expect(index.search('the', 1)).toMatchObject({
      total: 2,
      hits: [expect.objectContaining({ articleId: 'b' })],
    });
    for (const h of index.search('。', 10).hits) expect(h.before + h.match + h.after).not.toContain('Other');
  });

  it('updates when articles change or go', () => {
    index.set('c', 'c.txt', 'C', '新增的文章');
    expect(index.search('新增', 5).total).toBe(1);
    index.delete('c');
    expect(index.search('新增', 5).total).toBe(0);
    expect(index.search('', 5).total).toBe(0);
  });

  it('searches 10,000 articles fast', () => {
    const big = new SearchIndex();
    const para = '记者从海关总署获悉，今年一月到十一月，中国对成员国进出口总值增长。Apple reported revenue. ';
    for (let i = 0; i < 10_000; i++)
      big.set(`id${i}`, `f/${i}.txt`, `标题 ${i}`, para.repeat(10) + `编号${i}`);
    big.search('预热', 10);
    const times: number[] = [];
    for (const q of ['海关', 'apple', '编号9999', '不存在的词', '进出口总值', 'REVENUE']) {
      const t = performance.now();
      big.search(q, 200);
      times.push(performance.now() - t);
    }
    expect(Math.max(...times)).toBeLessThan(150); // ~10-30 ms here; generous for slow CI
    expect(big.search('编号9999', 5).hits[0]?.articleId).toBe('id9999');
  });
});
