import { beforeAll, describe, expect, it } from 'vitest';
import { uiI18n } from './ui-i18n.js';
import type { ArticleWarning } from '../../../core/model.js';
import { parseArticleBytes } from '../../../core/library/read-article.js';
import { warningText } from '../../../renderer/src/article-warning-text.js';

let i18n: Awaited<ReturnType<typeof uiI18n>>;
beforeAll(async () => {
  i18n = await uiI18n();
});

/** The warnings core gives for a file with these bytes, as the library lists them. */
function scan(relPath: string, bytes: Uint8Array) {
  return parseArticleBytes(bytes, { relPath, size: bytes.length, mtimeMs: 0 }).summary;
}

const badDate = scan('a.md', Buffer.from('---\ntitle: T\ndate: Invalid Date\n---\n\nBody text.\n'));
const badYaml = scan('b.md', Buffer.from('---\ntitle: [unclosed\n---\n\nBody text.\n'));
const gbk = scan('c.txt', Buffer.from('d5e2cac7d2bbb8f6b2e2cad4a3acd6d0b9fab5c4cec4d7d6a1a3', 'hex'));
const emptyBody = scan('d.md', Buffer.from('---\ntitle: T\n---\n\n'));

describe('article warnings in the reader language', () => {
  it('reads in English as core words them, details included', () => {
    const t = i18n.getFixedT('en');
    for (const summary of [badDate, emptyBody]) {
      expect(summary.warnings.length).toBeGreaterThan(0);
      for (const w of summary.warnings) expect(warningText(t, w, summary)).toContain(w.message);
    }
  });

  it('reads in Chinese with the details a researcher needs to find the problem', () => {
    const t = i18n.getFixedT('zh-CN');
    const date = badDate.warnings.find((w) => w.code === 'date') as ArticleWarning;
    expect(warningText(t, date, badDate)).toBe('无法识别的日期“Invalid Date”（第 3 行）');
    const yaml = badYaml.warnings.find((w) => w.code === 'front-matter') as ArticleWarning;
    expect(yaml.line).toBeGreaterThan(0);
    expect(warningText(t, yaml, badYaml)).toContain(`第 ${yaml.line} 行`);
    const encoding: ArticleWarning = { code: 'encoding', message: 'Text encoding guessed as GB18030' };
    expect(warningText(t, encoding, gbk)).toBe('文本编码推测为 GB18030');
    const empty = emptyBody.warnings.find((w) => w.code === 'empty') as ArticleWarning;
    expect(warningText(t, empty, emptyBody)).toBe('这篇文章没有正文');
    expect(
      warningText(t, { code: 'empty', message: 'The file is empty' }, { encoding: 'unknown', size: 0 }),
    ).toBe('文件是空的');
  });

  it('says in both languages that an article past the element budget is partly plain text', () => {
    const w: ArticleWarning = {
      code: 'simplified',
      message: 'The body has more than 50,000 HTML elements; the rest is shown as plain text',
    };
    const size = { encoding: 'utf-8', size: 10 };
    expect(warningText(i18n.getFixedT('zh-CN'), w, size)).toBe(
      '这篇文章的 HTML 元素超过 50,000 个，其余部分以纯文本显示',
    );
    expect(warningText(i18n.getFixedT('en'), w, size)).toContain('more than 50,000 HTML elements');
    const md: ArticleWarning = {
      code: 'markdown-as-text',
      message: 'The Markdown is over 2,000,000 characters; it is shown as plain text',
    };
    expect(warningText(i18n.getFixedT('zh-CN'), md, size)).toBe(
      '这个 Markdown 文件超过 2,000,000 个字符，以纯文本显示',
    );
  });

  it('keeps the operating-system detail of an unreadable file', () => {
    const t = i18n.getFixedT('zh-CN');
    const w: ArticleWarning = { code: 'unreadable', message: 'Cannot read the file (EACCES)' };
    expect(warningText(t, w, { encoding: 'unknown', size: 10 })).toBe('无法读取文件（EACCES）');
    const big: ArticleWarning = { code: 'too-large', message: 'The file is 60.0 MB; …' };
    expect(warningText(t, big, { encoding: 'unknown', size: 60 * 1024 * 1024 })).toBe(
      '文件大小为 60.0 MB；Gloss 最多打开 50 MB 的文件',
    );
  });
});
