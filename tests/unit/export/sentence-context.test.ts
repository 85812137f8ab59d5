// Sentence context around a highlight that is itself a whole sentence: the neighbouring sentences,
// in Chinese and English, across paragraphs; never empty cells while there is text either side.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { collectText } from '../../../core/export/export-run.js';
import { contextAround } from '../../../core/export/quote-context.js';
import { startExport } from '../../../core/export/run-export.js';
import { datedLibrarySession, highlight } from './test-library.js';

const at = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length };
};

describe('sentence context of a whole-sentence highlight', () => {
  it('gives the sentences before and after, in Chinese', () => {
    const text =
      '中国人民银行宣布下调存款准备金率。此举将释放长期资金约一万亿元。市场人士认为，这有助于稳定经济增长！';
    expect(contextAround(text, at(text, '此举将释放长期资金约一万亿元。'), 'sentence')).toEqual({
      before: '中国人民银行宣布下调存款准备金率。',
      after: '市场人士认为，这有助于稳定经济增长！',
    });
  });

  it('gives the sentences before and after, in English, with the space between', () => {
    const text =
      'Stocks rose sharply on Friday. Investors bet that rates would fall soon. Analysts were less sure.';
    expect(contextAround(text, at(text, 'Investors bet that rates would fall soon.'), 'sentence')).toEqual({
      before: 'Stocks rose sharply on Friday. ',
      after: ' Analysts were less sure.',
    });
  });

  it('takes a whole quoted sentence before, with its closing quote', () => {
    const text = '他说：“我们会继续努力。”记者随后离开。天色已晚。';
    expect(contextAround(text, at(text, '记者随后离开。'), 'sentence')).toEqual({
      before: '他说：“我们会继续努力。”',
      after: '天色已晚。',
    });
  });

  it('reaches into the neighbouring paragraph when the sentence is a paragraph of its own', () => {
    const text = '第一段最后一句。\n\n独立成段的一句话。\n\n下一段的第一句。下一段的第二句。';
    expect(contextAround(text, at(text, '独立成段的一句话。'), 'sentence')).toEqual({
      before: '第一段最后一句。\n\n',
      after: '\n\n下一段的第一句。',
    });
  });

  it('leaves a side empty only at the start or end of the text', () => {
    const text = 'Only one. Then two.';
    expect(contextAround(text, at(text, 'Only one.'), 'sentence')).toEqual({
      before: '',
      after: ' Then two.',
    });
    expect(contextAround(text, at(text, 'Then two.'), 'sentence')).toEqual({
      before: 'Only one. ',
      after: '',
    });
  });

  it('still gives the rest of the sentence for a highlight inside one', () => {
    const text = 'First one. Second, here. Third';
    expect(contextAround(text, at(text, 'here'), 'sentence')).toEqual({ before: 'Second, ', after: '.' });
  });
});

/** A sentence: Chinese characters (no spaces) or English words, ending in a terminator. */
const chineseSentence = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...'中文句子经济增长政策市场，'), minLength: 1, maxLength: 12 }),
    fc.constantFrom('。', '！', '？', '；'),
  )
  .filter(([body]) => !body.startsWith('，'))
  .map(([body, end]) => body + end);
const englishSentence = fc
  .tuple(
    fc.array(fc.stringMatching(/^[A-Za-z]{1,8}$/), { minLength: 1, maxLength: 6 }),
    fc.constantFrom('.', '!', '?'),
  )
  .map(([words, end]) => words.join(' ') + end);

/** Sentences joined as each language writes them, sometimes with a paragraph break. */
const passage = fc.oneof(
  fc
    .array(chineseSentence, { minLength: 1, maxLength: 8 })
    .chain((s) =>
      fc.tuple(
        fc.constant(s),
        fc.array(fc.constantFrom('', '', '\n\n'), { minLength: s.length, maxLength: s.length }),
      ),
    ),
  fc
    .array(englishSentence, { minLength: 1, maxLength: 8 })
    .chain((s) =>
      fc.tuple(
        fc.constant(s),
        fc.array(fc.constantFrom(' ', ' ', '\n\n'), { minLength: s.length, maxLength: s.length }),
      ),
    ),
);

describe('sentence context in the CSV', () => {
  it('fills both context cells of a one-sentence highlight, read back with a CSV parser', async () => {
    const session = await datedLibrarySession();
    await highlight(session, 'cn-zoned', '此举将释放长期资金约一万亿元。');
    await highlight(session, 'en-gmt', 'Investors bet that rates would fall soon.');
    const run = await startExport(session, { format: 'csv', context: 'sentence' });
    const rows: Record<string, string>[] = parse(await collectText(run.chunks), { bom: true, columns: true });
    const byArticle = new Map(rows.map((r) => [r.article_id, r]));
    expect(byArticle.get('cn-zoned')).toMatchObject({
      context_before: '中国人民银行宣布下调存款准备金率。',
      context_after: '市场人士认为，这有助于稳定经济增长！',
    });
    expect(byArticle.get('en-gmt')).toMatchObject({
      context_before: 'Stocks rose sharply on Friday. ',
      context_after: ' Analysts were less sure, citing sticky inflation.',
    });
  });
});

describe('sentence context (property)', () => {
  it('gives a whole-sentence highlight exactly its neighbouring sentences', () => {
    fc.assert(
      fc.property(passage, fc.nat(), ([sentences, gaps], pick) => {
        let text = '';
        const spans: { start: number; end: number }[] = [];
        sentences.forEach((sentence, i) => {
          if (i > 0) text += gaps[i];
          spans.push({ start: text.length, end: text.length + sentence.length });
          text += sentence;
        });
        const i = pick % sentences.length;
        const { before, after } = contextAround(text, spans[i]!, 'sentence');
        expect(before).toBe(i > 0 ? text.slice(spans[i - 1]!.start, spans[i]!.start) : '');
        expect(after).toBe(i < spans.length - 1 ? text.slice(spans[i]!.end, spans[i + 1]!.end) : '');
      }),
      { numRuns: 500 },
    );
  });

  it('is always the text right beside the highlight, and never blank while there is text there', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ab 中文。.!?”“\n'), maxLength: 60 }),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const start = a % (text.length + 1);
          const end = start + (b % (text.length - start + 1));
          const { before, after } = contextAround(text, { start, end }, 'sentence');
          expect(text.slice(start - before.length, start)).toBe(before);
          expect(text.slice(end, end + after.length)).toBe(after);
          if (/[^\s。.!?”“]/.test(text.slice(0, start))) expect(before.trim()).not.toBe('');
          if (/[^\s。.!?”“]/.test(text.slice(end))) expect(after.trim()).not.toBe('');
        },
      ),
      { numRuns: 1000 },
    );
  });
});
