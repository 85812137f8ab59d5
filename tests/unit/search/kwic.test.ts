import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keywordInContext } from '../../../core/search/kwic.js';

const around = (s: string, word: string, width: number) => {
  const at = s.indexOf(word);
  return keywordInContext(s, at, at + word.length, width);
};

describe('keywordInContext', () => {
  const english =
    'The central bank stepped down its support in recent weeks, and analysts expect the market to ' +
    'respond with caution as inflation figures arrive later this month.';

  it('cuts English context between words, never mid-word', () => {
    const k = around(english, 'analysts', 40);
    expect(k.match).toBe('analysts');
    expect(k.before).toBe('recent weeks, and ');
    expect(k.after).toBe(' expect the market');
    for (const width of [40, 80, 160]) {
      const { before, after } = around(english, 'market', width);
      expect(english).toContain(before + 'market' + after);
      const from = english.indexOf(before + 'market');
      expect(from === 0 || /\W/.test(english.charAt(from - 1)) || /\W/.test(before.charAt(0))).toBe(true);
      expect(before.length + after.length).toBeLessThanOrEqual(width);
    }
  });

  it('gives more context for a wider setting', () => {
    const narrow = around(english, 'market', 40);
    const wide = around(english, 'market', 160);
    expect(wide.before.length + wide.after.length).toBeGreaterThan(
      narrow.before.length + narrow.after.length,
    );
  });

  it('cuts Chinese context at punctuation when there is some near the edge, else at the width', () => {
    const zh =
      '国家卫健委今天通报，全国新增确诊病例较上周下降，疫情防控进入新阶段，专家建议继续做好个人防护。';
    const k = around(zh, '疫情防控', 30);
    expect(k.before).toBe('全国新增确诊病例较上周下降，');
    expect(k.after).toBe('进入新阶段，');
    const plain = '一'.repeat(100) + '关键' + '二'.repeat(100);
    const p = around(plain, '关键', 40);
    expect(p.before).toBe('一'.repeat(20));
    expect(p.after).toBe('二'.repeat(20));
  });

  it('keeps the context inside the paragraph', () => {
    const s = '第一段结束。\n\n第二段里有关键词和后文。\n\n第三段。';
    expect(around(s, '关键词', 80)).toEqual({ before: '第二段里有', match: '关键词', after: '和后文。' });
  });

  it('returns the match at the edges of the text', () => {
    expect(keywordInContext('abc', 0, 3, 40)).toEqual({ before: '', match: 'abc', after: '' });
  });

  const latinWord = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
  const latinText = fc
    .array(fc.tuple(latinWord, fc.constantFrom(' ', ', ', '. ', ' - ', '\n\n', ' (')), {
      minLength: 1,
      maxLength: 60,
    })
    .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

  it('never cuts a Latin word in half, and always contains the match (property)', () => {
    fc.assert(
      fc.property(latinText, fc.nat(), fc.nat(), fc.constantFrom(10, 40, 80, 160), (s, a, b, width) => {
        const start = a % (s.length + 1);
        const end = start + (b % (s.length - start + 1));
        const k = keywordInContext(s, start, end, width);
        const from = start - k.before.length;
        expect(s.slice(from, end + k.after.length)).toBe(k.before + k.match + k.after);
        expect(k.match).toBe(s.slice(start, end));
        const to = end + k.after.length;
        const word = /[A-Za-z0-9]/;
        if (k.before) expect(word.test(s.charAt(from - 1)) && word.test(s.charAt(from))).toBe(false);
        if (k.after) expect(word.test(s.charAt(to - 1)) && word.test(s.charAt(to))).toBe(false);
        expect(k.before.length).toBeLessThanOrEqual(Math.floor(width / 2));
        expect(k.after.length).toBeLessThanOrEqual(Math.floor(width / 2));
      }),
      { numRuns: 1500 },
    );
  });

  it('never cuts a surrogate pair, whatever the text (property)', () => {
    const anyText = fc.string({
      unit: fc.constantFrom('a', ' ', '。', '中', '😀', '\n', 'é', '𠀀'),
      maxLength: 200,
    });
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), fc.constantFrom(4, 40, 80), (s, a, b, width) => {
        // Matches found by search begin and end on whole characters.
        const cps = [...s];
        const i = a % (cps.length + 1);
        const j = i + (b % (cps.length - i + 1));
        const start = cps.slice(0, i).join('').length;
        const end = cps.slice(0, j).join('').length;
        const k = keywordInContext(s, start, end, width);
        expect(k.before + k.match + k.after).toBe(s.slice(start - k.before.length, end + k.after.length));
        const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
        expect(lone.test(k.before)).toBe(false);
        expect(lone.test(k.after)).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });
});
