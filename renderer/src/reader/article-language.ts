/**
 * The language an article is written in, for its `lang` attribute: the font stack, line height and
 * alignment follow it (a CJK font renders ’ full-width, "company’ s", so English needs a Latin font
 * first). From the front matter when it says (`lang` or `language`), else guessed from the script
 * of the title and the start of the text: kana → ja, Hangul → ko, Han → zh-CN, Latin → en.
 */
import type { Article } from '../../../core/model.js';

/** Enough text to tell the script, cheap to scan on every render. */
const SAMPLE = 3000;
/** A well-formed BCP 47 tag (language, then subtags); anything else in the front matter is ignored. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const LATIN_WORD = /\p{Script=Latin}+/gu;

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/** The script-based guess for a piece of text, or undefined when it has no letters. */
export function guessLanguage(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE);
  const han = count(sample, HAN);
  const kana = count(sample, KANA);
  const hangul = count(sample, HANGUL);
  // A Han character is a word or half of one: weigh it against Latin words, not letters, so a
  // Chinese article quoting English names is still Chinese.
  const cjk = han + kana + hangul;
  const latinWords = count(sample, LATIN_WORD);
  if (cjk === 0 && latinWords === 0) return undefined;
  if (latinWords > cjk) return 'en';
  if (kana > 0 && kana * 10 >= han) return 'ja';
  if (hangul > han) return 'ko';
  return 'zh-CN';
}

export function articleLanguage(article: Pick<Article, 'meta' | 'doc'>): string | undefined {
  for (const key of ['lang', 'language']) {
    const value = Object.hasOwn(article.meta.extra, key) ? article.meta.extra[key] : undefined;
    if (typeof value === 'string' && LANGUAGE_TAG.test(value.trim())) return value.trim();
  }
  return guessLanguage(`${article.meta.title}\n${article.doc.text}`);
}
