// Context either side of a highlight: code points, never half an emoji; sentences in both scripts.
import { describe, expect, it } from 'vitest';
import { contextAround } from '../../../core/export/quote-context.js';

const at = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length };
};

describe('quote context', () => {
  it('counts characters as code points and stops at the ends of the text', () => {
    const text = 'a😀b𠮷c中文d';
    expect(contextAround(text, at(text, 'c'), 2)).toEqual({ before: 'b𠮷', after: '中文' });
    expect(contextAround(text, at(text, 'c'), 100)).toEqual({ before: 'a😀b𠮷', after: '中文d' });
    expect(contextAround(text, at(text, 'c'), 0)).toEqual({ before: '', after: '' });
  });

  it('gives the rest of the sentence, or the sentence before when the highlight starts one', () => {
    const text = '第一句。第二句说了“很多话”！第三句？\n\nFirst one. Second, here. Third';
    expect(contextAround(text, at(text, '说了'), 'sentence')).toEqual({
      before: '第二句',
      after: '“很多话”！',
    });
    expect(contextAround(text, at(text, '第三'), 'sentence')).toEqual({
      before: '第二句说了“很多话”！',
      after: '句？',
    });
    expect(contextAround(text, at(text, 'here'), 'sentence')).toEqual({ before: 'Second, ', after: '.' });
    expect(contextAround(text, at(text, 'Thi'), 'sentence')).toEqual({
      before: 'Second, here. ',
      after: 'rd',
    });
  });
});
