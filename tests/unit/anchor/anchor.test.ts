// Re-anchoring highlights after the article text changed: what a reader would see happen.
import { describe, expect, it } from 'vitest';
import { anchor, anchorAll, describeRange } from '../../../core/anchor/index.js';

const ARTICLE = [
  '新华社北京3月5日电 第十四届全国人民代表大会第二次会议5日上午在人民大会堂开幕。',
  '国务院总理作政府工作报告时说，今年发展主要预期目标是：国内生产总值增长5%左右。',
  '报告指出，要大力推进现代化产业体系建设，加快发展新质生产力。🚀 网友评论：👍🏽👍🏽',
  '会议还审议了全国人民代表大会常务委员会工作报告。国内生产总值增长的目标引发关注。',
].join('\n\n');

function highlight(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`no ${quote}`);
  return describeRange(text, { start, end: start + quote.length });
}

function quoted(text: string, r: { range: { start: number; end: number } | null }): string | null {
  return r.range ? text.slice(r.range.start, r.range.end) : null;
}

describe('anchor', () => {
  it('places a highlight exactly on unchanged text', () => {
    const h = highlight(ARTICLE, '加快发展新质生产力');
    expect(anchor(ARTICLE, h)).toEqual({
      status: 'exact',
      range: { start: h.position.start, end: h.position.end },
    });
  });

  it('follows the quote when text is inserted before it', () => {
    const h = highlight(ARTICLE, '加快发展新质生产力');
    const edited = '【编者按】本文有更新。\n\n' + ARTICLE;
    const r = anchor(edited, h);
    expect(r.status).toBe('moved');
    expect(r.range!.start).toBe(h.position.start + '【编者按】本文有更新。\n\n'.length);
    expect(quoted(edited, r)).toBe('加快发展新质生产力');
  });

  it('stays put when text is changed after it', () => {
    const h = highlight(ARTICLE, '加快发展新质生产力');
    const edited = ARTICLE.replace('常务委员会', '常委会');
    expect(anchor(edited, h)).toMatchObject({ status: 'exact', range: { start: h.position.start } });
  });

  it('picks the right one of two identical quotes by their context', () => {
    // "国内生产总值增长" occurs twice; the reader highlighted the second.
    const h = highlight(ARTICLE, '国内生产总值增长', 1);
    const edited = ARTICLE.replace('新华社北京3月5日电 ', '');
    const r = anchor(edited, h);
    expect(r.status).toBe('moved');
    expect(r.range!.start).toBe(edited.lastIndexOf('国内生产总值增长'));
  });

  it('finds a highlight whose own text was lightly edited (fuzzy)', () => {
    const h = highlight(ARTICLE, '要大力推进现代化产业体系建设，加快发展新质生产力');
    const edited = ARTICLE.replace('大力推进', '着力推进');
    const r = anchor(edited, h);
    expect(r.status).toBe('fuzzy');
    expect(quoted(edited, r)).toBe('要着力推进现代化产业体系建设，加快发展新质生产力');
  });

  it('turns a highlight whose text was deleted into an orphan, not a wrong match', () => {
    const h = highlight(ARTICLE, '要大力推进现代化产业体系建设，加快发展新质生产力');
    const edited = ARTICLE.replace('报告指出，要大力推进现代化产业体系建设，加快发展新质生产力。', '');
    expect(anchor(edited, h)).toEqual({ status: 'orphan', range: null });
  });

  it('keeps emoji and astral characters whole when anchoring after an edit', () => {
    const h = highlight(ARTICLE, '🚀 网友评论：👍🏽👍🏽');
    const edited = ARTICLE.replace('新华社', '新华社记者');
    const r = anchor(edited, h);
    expect(r.status).toBe('moved');
    expect(quoted(edited, r)).toBe('🚀 网友评论：👍🏽👍🏽');
  });

  it('fuzzy matches never end in the middle of an emoji', () => {
    const h = highlight(ARTICLE, '新质生产力。🚀 网友评论：👍🏽👍🏽');
    const edited = ARTICLE.replace('网友评论：👍🏽👍🏽', '网友评论：👍🏽👍🏽😀');
    const r = anchor(edited, h);
    expect(r.range).not.toBeNull();
    const q = quoted(edited, r)!;
    expect(q).toBe([...q].join(''));
    expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(q)).toBe(false);
  });

  it('anchors overlapping highlights independently', () => {
    const a = highlight(ARTICLE, '政府工作报告时说');
    const b = highlight(ARTICLE, '报告时说，今年发展');
    const c = highlight(ARTICLE, '说');
    const edited = '导语。' + ARTICLE;
    const results = anchorAll(edited, [a, b, c]);
    expect(results.map((r) => quoted(edited, r))).toEqual(['政府工作报告时说', '报告时说，今年发展', '说']);
    expect(results.map((r) => r.status)).toEqual(['moved', 'moved', 'moved']);
    expect(results[1]!.range!.start).toBeLessThan(results[0]!.range!.end);
  });

  it('handles an edit inside one highlight without disturbing the others', () => {
    const before = highlight(ARTICLE, '第十四届全国人民代表大会');
    const inside = highlight(ARTICLE, '国务院总理作政府工作报告时说');
    const after = highlight(ARTICLE, '常务委员会工作报告');
    const edited = ARTICLE.replace('总理作政府', '总理在会上作政府');
    const [b, i, a] = anchorAll(edited, [before, inside, after]);
    expect(b!.status).toBe('exact');
    expect(i!.status).toBe('fuzzy');
    expect(quoted(edited, i!)).toBe('国务院总理在会上作政府工作报告时说');
    expect(a!.status).toBe('moved');
    expect(quoted(edited, a!)).toBe('常务委员会工作报告');
  });

  it('keeps the other fields of each annotation and the input order', () => {
    const items = [
      { id: 'b', ...highlight(ARTICLE, '会议还审议了') },
      { id: 'a', ...highlight(ARTICLE, '新华社北京') },
    ];
    const results = anchorAll(ARTICLE, items);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['b', 'exact'],
      ['a', 'exact'],
    ]);
  });

  it('never hangs on a huge quote in a huge repetitive text', () => {
    const text = '的'.repeat(1_000_000);
    const h = { ...highlight('甲'.repeat(5000) + '的', '甲'.repeat(5000)) };
    const started = performance.now();
    expect(anchor(text, h).status).toBe('orphan');
    const short = highlight('abc的的的的的的的的xyz', '的的的的的的的的');
    expect(anchor(text, { ...short, position: { ...short.position, start: 500_000 } }).status).not.toBe(
      'orphan',
    );
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
