// The reader's `lang` comes from the front matter, else from the script of the text; it picks the
// font stack (Latin first for English, so ’ is not rendered full-width).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleLanguage, guessLanguage } from '../../../renderer/src/reader/article-language.js';

const article = (title: string, text: string, extra: Record<string, unknown> = {}) => ({
  meta: {
    title,
    date: null,
    dateRaw: null,
    author: null,
    categories: [],
    tags: [],
    url: null,
    image: null,
    editor: null,
    extra,
  },
  doc: { html: '', text, cleanerVersion: 1, remoteImages: 0 },
});

describe('the language of an article', () => {
  it('is English for English news, categories in Chinese or not', () => {
    expect(
      articleLanguage(
        article(
          'Apple Treasurer Gary Wipfler reportedly retires after 35 years',
          'Apple Corporate Treasurer Gary Wipfler is now leaving the company, according to sources. 新媒体',
        ),
      ),
    ).toBe('en');
  });

  it('is Chinese for Chinese news quoting English names and numbers', () => {
    expect(
      articleLanguage(
        article(
          'AI 篮球裁判火了',
          '据 The Verge 报道，NBA 球员 James Harden 在比赛中走步，AI 裁判系统识别得特别准。',
        ),
      ),
    ).toBe('zh-CN');
  });

  it('tells Japanese and Korean from Chinese', () => {
    expect(guessLanguage('東京都は新しい計画を発表しました。')).toBe('ja');
    expect(guessLanguage('서울시는 새로운 계획을 발표했다.')).toBe('ko');
  });

  it('takes the front matter’s lang or language when it is a language tag', () => {
    expect(articleLanguage(article('标题', '中文正文', { lang: 'en-GB' }))).toBe('en-GB');
    expect(articleLanguage(article('Title', 'English text', { language: 'zh-Hant' }))).toBe('zh-Hant');
    expect(articleLanguage(article('Title', 'English text', { lang: '"><script>' }))).toBe('en');
    expect(articleLanguage(article('Title', 'English text', { lang: 42 }))).toBe('en');
  });

  it('reads only the front matter’s own keys (prototype-named keys are data)', () => {
    const extra = JSON.parse('{"__proto__": {"lang": "fr"}, "constructor": "x", "toString": "y"}') as Record<
      string,
      unknown
    >;
    expect(articleLanguage(article('Title', 'English text', extra))).toBe('en');
    expect(
      articleLanguage(
        article('Title', 'English text', Object.create({ lang: 'fr' }) as Record<string, unknown>),
      ),
    ).toBe('en');
  });

  it('is unknown for text without letters', () => {
    expect(guessLanguage('2024-01-02 … 123')).toBeUndefined();
    expect(articleLanguage(article('', ''))).toBeUndefined();
  });

  it('is English for any text of Latin words and Chinese for any text of Han characters (property)', () => {
    const latinWord = fc.stringMatching(/^[A-Za-z]{1,12}$/);
    const hanChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.array(latinWord, { minLength: 1, maxLength: 60 }), (words) => {
        expect(guessLanguage(words.join(' '))).toBe('en');
      }),
    );
    fc.assert(
      fc.property(
        fc.array(hanChar, { minLength: 1, maxLength: 200 }),
        fc.array(latinWord, { maxLength: 3 }),
        (han, words) => {
          fc.pre(han.length > words.length);
          expect(guessLanguage(`${han.join('')} ${words.join(' ')}`)).toBe('zh-CN');
        },
      ),
    );
  });
});
