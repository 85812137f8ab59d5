// Every UI string has a Simplified Chinese version: the same keys and placeholders as the English
// set, and a translation, not the English left in place (a few names are the same in both).
import { beforeAll, describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../../core/errors.js';
import {
  LIBRARY_PROBLEMS,
  libraryProblem,
  type LibraryProblemCode,
} from '../../../core/library/library-problems.js';
import en from '../../../renderer/src/i18n/en.js';
import zhCN from '../../../renderer/src/i18n/zh-CN.js';
import { libraryProblemText } from '../../../renderer/src/library-problem-text.js';
import { uiI18n } from '../renderer/ui-i18n.js';

/** Strings the same in both languages on purpose: names of the app and of file formats. */
const SAME_IN_BOTH = new Set([
  'app.name',
  'exporter.formats.csv',
  'exporter.formats.md',
  'interop.import.choose.json',
]);

/** Every string of a catalog by its dotted key. */
function flatten(catalog: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
    } else out.set(`${prefix}${key}`, value);
  }
  return out;
}

const placeholders = (s: string): string[] => Array.from(s.matchAll(/\{\{\s*(\w+)/g), (m) => m[1]!).sort();

const english = flatten(en);
const chinese = flatten(zhCN);

describe('the Chinese UI strings', () => {
  it('have every key of the English ones, and no other', () => {
    const missing = [...english.keys()].filter((k) => !chinese.has(k));
    const extra = [...chinese.keys()].filter((k) => !english.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('are translated: non-empty, and not the English text except for names', () => {
    const untranslated = [...english].filter(([k, v]) => v === chinese.get(k) && !SAME_IN_BOTH.has(k));
    expect(untranslated.map(([k]) => k)).toEqual([]);
    const empty = [...chinese].filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(empty.map(([k]) => k)).toEqual([]);
    // The exceptions are still the same in both, so the list cannot go stale.
    for (const k of SAME_IN_BOTH) expect(chinese.get(k), k).toBe(english.get(k));
  });

  it('are written in Chinese: some Chinese in each, and no English sentence left in one', () => {
    /** Strings that are only names, or only details put together, with no words of their own. */
    const NO_WORDS = new Set([
      ...SAME_IN_BOTH,
      'exporter.formats.json',
      'errors.withDetail',
      'warning.withDetail',
    ]);
    const words = (v: unknown) => String(v).replace(/\{\{[^}]*\}\}/g, '');
    const noChinese = [...chinese].filter(([k, v]) => !NO_WORDS.has(k) && !/\p{Script=Han}/u.test(words(v)));
    expect(noChinese.map(([k]) => k)).toEqual([]);
    // Three English words in a row are a sentence left untranslated (names are one or two words,
    // "W3C Web Annotation" being the name of a standard).
    const english = [...chinese].filter(
      ([k, v]) => !NO_WORDS.has(k) && /[A-Za-z]+[ ,']+[A-Za-z]+[ ,']+[A-Za-z]+/.test(words(v)),
    );
    expect(english.map(([k]) => k)).toEqual([]);
  });

  it('fill in the same details as the English ones', () => {
    const differ = [...english].filter(
      ([k, v]) => placeholders(String(v)).join() !== placeholders(String(chinese.get(k))).join(),
    );
    expect(differ.map(([k]) => k)).toEqual([]);
  });

  it('have a headline for every error code core sends', () => {
    for (const code of API_ERROR_CODES)
      expect(chinese.get(`errors.${code}`), code).toMatch(/\p{Script=Han}/u);
  });
});

describe('library problems in the UI', () => {
  let i18n: Awaited<ReturnType<typeof uiI18n>>;
  beforeAll(async () => {
    i18n = await uiI18n();
  });

  const details = { path: 'news/2021', reason: 'EACCES: permission denied' };
  const codes = Object.keys(LIBRARY_PROBLEMS) as LibraryProblemCode[];

  it('are core’s own words in the English UI', () => {
    for (const code of codes) {
      const message = libraryProblem(code, details);
      expect(libraryProblemText(i18n.getFixedT('en'), message)).toBe(message);
    }
  });

  it('are Chinese in the Chinese UI, keeping the folder and the system’s reason', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(libraryProblemText(zh, libraryProblem('no-articles'))).toBe(
      '此文件夹中没有文章（Gloss 读取 .txt、.md、.markdown、.html、.htm 文件）',
    );
    for (const code of codes) {
      const text = libraryProblemText(zh, libraryProblem(code, details));
      expect(text, code).toMatch(/\p{Script=Han}/u);
      expect(text, code).not.toMatch(/\b(?:Cannot|Could not|failed|found|folder|search)\b/i);
      for (const name of placeholders(LIBRARY_PROBLEMS[code])) {
        expect(text, code).toContain(details[name as keyof typeof details]);
      }
    }
  });

  it('are shown as they are when they are no known problem', () => {
    expect(libraryProblemText(i18n.getFixedT('zh-CN'), 'Something new')).toBe('Something new');
  });
});
