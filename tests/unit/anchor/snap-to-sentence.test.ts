// "Select sentence": a selection widened to whole sentences, in Chinese and English.
import { describe, expect, it } from 'vitest';
import { snapToSentence } from '../../../core/anchor/index.js';

function snap(text: string, selected: string): string {
  const start = text.indexOf(selected);
  const r = snapToSentence(text, { start, end: start + selected.length });
  return text.slice(r.start, r.end);
}

describe('snapToSentence', () => {
  it('widens a Chinese selection to the sentence around it, closing quote included', () => {
    const text = '他说：“今天天气很好。”我们出发了！路上很顺利；大家都很高兴。';
    expect(snap(text, '出发')).toBe('我们出发了！');
    expect(snap(text, '天气')).toBe('他说：“今天天气很好。”');
    expect(snap(text, '顺利')).toBe('路上很顺利；');
  });

  it('spans several sentences when the selection does', () => {
    const text = '第一句。第二句！第三句？';
    expect(snap(text, '一句。第二')).toBe('第一句。第二句！');
  });

  it('does not treat a decimal point as a sentence end', () => {
    const text = 'Growth was 5.3 percent. Prices fell.';
    expect(snap(text, 'percent')).toBe('Growth was 5.3 percent.');
    expect(snap(text, 'Prices')).toBe('Prices fell.');
  });

  it('stops at a paragraph break when a paragraph has no final punctuation', () => {
    const text = '标题没有句号\n\n正文第一句。';
    expect(snap(text, '没有')).toBe('标题没有句号');
    expect(snap(text, '正文')).toBe('正文第一句。');
  });

  it('leaves a selection that already is a sentence as it is', () => {
    const text = '甲。乙说：“好。”丙。';
    expect(snap(text, '乙说：“好。”')).toBe('乙说：“好。”');
  });
});
