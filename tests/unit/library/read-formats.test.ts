import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../../core/library/load-article.js';
import { parseArticleBytes } from '../../../core/library/read-article.js';
import { fixturesDir } from './corpus-path.js';

const open = (relPath: string, bytes?: Uint8Array) => {
  const data = bytes ?? readFileSync(join(fixturesDir, 'folder', relPath));
  const parsed = parseArticleBytes(data, { relPath, size: data.length, mtimeMs: 1 });
  return { parsed, article: buildArticle(parsed) };
};

describe('reading article files', () => {
  it('reads the corpus format: front matter, HTML body, editor moved to meta', () => {
    const { parsed, article } = open('news/sina-style.txt');
    expect(parsed.summary).toMatchObject({
      title: '测试：新浪财经风格的文章',
      date: '2022-02-08T12:47:22Z',
      author: '新浪财经',
      categories: ['金融', '新浪财经'],
      folder: 'news',
      format: 'front-matter-html',
      encoding: 'utf-8',
      warnings: [],
    });
    expect(article.meta).toMatchObject({
      image: 'https://example.com/head.png',
      editor: '李墨轩',
      extra: { comments: false },
    });
    expect(article.doc.text).toContain('第二段：花括号 {保留}。');
    expect(article.doc.text).not.toMatch(/责任编辑|海量资讯|appendQr|隐藏的广告/);
  });

  it('keeps a multi-line title and warns about an Invalid Date, keeping the raw text', () => {
    const { parsed, article } = open('news/telegraph.txt');
    expect(parsed.summary.title).toBe('【快讯标题】多行 标题的第二行');
    expect(parsed.summary.date).toBeNull();
    expect(article.meta.dateRaw).toBe('Invalid Date');
    expect(parsed.summary.warnings).toEqual([expect.objectContaining({ code: 'date', line: 9 })]);
  });

  it('renders Markdown with front matter, keeping unknown keys in extra and dropping scripts', () => {
    const { parsed, article } = open('blog/with-front-matter.md');
    expect(parsed.summary).toMatchObject({
      title: 'Markdown 文章',
      date: '2021-04-15T08:09:25',
      format: 'markdown',
    });
    expect(article.meta).toMatchObject({
      tags: ['测试', 'markdown'],
      url: 'https://example.com/markdown-post',
      extra: { custom_key: '自定义值' },
    });
    expect(parsed.summary.id).toMatch(/^u-/); // derived from the URL
    expect(article.doc.html).toContain('<strong>加粗</strong>');
    expect(article.doc.html).toContain('rel="noopener noreferrer"');
    expect(article.doc.html).not.toContain('script');
    expect(article.doc.text).toBe('标题\n\n第一段，有 加粗 和 链接。\n\n列表一\n\n列表二');
  });

  it('titles Markdown without front matter by its first heading', () => {
    const { parsed } = open('blog/no-front-matter.markdown');
    expect(parsed.summary).toMatchObject({ title: '没有前言的 Markdown', format: 'markdown' });
    expect(parsed.summary.id).toMatch(/^p-[0-9a-f]{16}$/); // derived from the path
  });

  it('extracts a saved full web page with Readability and reads its <head> metadata', () => {
    const { parsed, article } = open('saved-page.html');
    expect(parsed.summary).toMatchObject({
      title: '保存的网页文章',
      date: '2022-03-01T08:00:00+08:00',
      author: '张三',
      format: 'html-page',
    });
    expect(article.meta.url).toBe('https://example.com/saved-page');
    expect(article.doc.text).toContain('第二段继续讲述文章的内容');
    expect(article.doc.text).not.toMatch(/首页|版权所有|color: red|window\.bad/);
  });

  it('splits plain text on full-width indents and on blank lines', () => {
    expect(open('plain-indent.txt').article.doc.text).toBe(
      '第一段是用全角空格缩进的纯文本。\n\n第二段也是。\n\n第三段结束。',
    );
    expect(open('plain-blank-lines.txt').article.doc.text).toBe(
      'First paragraph line one\nline two.\n\nSecond paragraph.',
    );
  });

  it('opens an article whose front matter is broken, with a warning naming the line', () => {
    const { parsed, article } = open('broken-front-matter.txt');
    const [warning] = parsed.summary.warnings;
    expect(warning?.code).toBe('front-matter');
    // The unclosed `[` is on line 4; yaml notices it there or on the next line.
    expect(warning?.line).toBeGreaterThanOrEqual(4);
    expect(warning?.line).toBeLessThanOrEqual(5);
    expect(parsed.summary.title).toBe('前言坏了的文章');
    expect(article.doc.text).toBe('正文仍然可以打开。');
  });

  it('records the encoding of GBK, Big5 and UTF-16 files', () => {
    const text = readFileSync(join(fixturesDir, 'folder/news/sina-style.txt'), 'utf8');
    const gbk = open('news/gbk.txt', iconv.encode(text, 'gbk'));
    expect(gbk.parsed.summary).toMatchObject({ encoding: 'gb18030', title: '测试：新浪财经风格的文章' });
    const big5Text =
      "---\ntitle: '繁體中文的標題'\n---\n<p>這是一篇用大五碼保存的新聞報導，記者從會議上了解到有關情況。</p>";
    expect(open('news/big5.txt', iconv.encode(big5Text, 'big5')).parsed.summary).toMatchObject({
      encoding: 'big5',
      title: '繁體中文的標題',
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(open('news/utf16.txt', utf16).parsed.summary).toMatchObject({
      encoding: 'utf-16le',
      title: '测试：新浪财经风格的文章',
    });
  });

  it('gives the same id for the same front-matter id wherever the file is', () => {
    const bytes = Buffer.from('---\nid: story-42\ntitle: x\n---\n<p>a</p>');
    expect(open('a/one.txt', bytes).parsed.summary.id).toBe('story-42');
    expect(open('b/two.txt', bytes).parsed.summary.id).toBe('story-42');
    expect(open('a/one.txt', bytes).parsed.summary.fingerprint).toBe(
      open('b/two.txt', bytes).parsed.summary.fingerprint,
    );
  });

  it('flags binary and empty files instead of failing', () => {
    expect(open('x.txt', Buffer.from([0, 1, 2, 3, 0xff])).parsed.summary.warnings[0]?.code).toBe('binary');
    expect(open('y.txt', Buffer.alloc(0)).parsed.summary.warnings[0]?.code).toBe('empty');
  });
});
