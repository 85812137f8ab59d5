// Markdown articles keep their structure through markdown-it and the cleaner.
import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../../core/clean/clean-article.js';
import { markdownToHtml } from '../../../core/clean/markdown-to-html.js';

const source = [
  '# 标题',
  '',
  '第一段，**加粗**、*斜体*、~~删除~~和`代码`。',
  '',
  '- 一',
  '- 二',
  '',
  '1. 甲',
  '',
  '> 引用',
  '',
  '[链接](https://example.com) 和 https://bare.example.com/x',
  '',
  '| 列1 | 列2 |',
  '|---|---|',
  '| a | b |',
  '',
  '```',
  'const a = 1;',
  '```',
  '',
  '<div class="x">原始 <b>HTML</b><script>alert(1)</script></div>',
].join('\n');

describe('markdownToHtml', () => {
  it('renders headings, emphasis, lists, quotes, links, tables, code and raw HTML', () => {
    const { doc } = cleanHtml(markdownToHtml(source));
    for (const tag of [
      '<h1>',
      '<strong>',
      '<em>',
      '<s>',
      '<code>',
      '<ul>',
      '<ol>',
      '<blockquote>',
      '<table>',
      '<pre>',
      '<b>',
    ])
      expect(doc.html).toContain(tag);
    expect(doc.html).toContain('<a href="https://example.com"');
    expect(doc.html).toContain('<a href="https://bare.example.com/x"');
    expect(doc.html).not.toContain('script');
    expect(doc.text).toBe(
      '标题\n\n第一段，加粗、斜体、删除和代码。\n\n一\n\n二\n\n甲\n\n引用\n\n链接 和 https://bare.example.com/x\n\n列1\n\n列2\n\na\n\nb\n\nconst a = 1;\n\n原始 HTML',
    );
  });
});
