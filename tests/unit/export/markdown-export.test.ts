// The Markdown export: sections per article, blockquotes with tags and notes, untrusted text inert.
import { describe, expect, it } from 'vitest';
import { collectText } from '../../../core/export/export-run.js';
import { escapeMarkdown, obsidianTag } from '../../../core/export/markdown-text.js';
import { startExport } from '../../../core/export/run-export.js';
import { BLOG, GOV, highlight, newSession } from './test-library.js';

describe('Markdown export', () => {
  it('writes a section per article with its metadata, memo and highlights', async () => {
    const session = await newSession();
    const topic = await session.annotations.createTag({ name: '经济' });
    const growth = await session.annotations.createTag({ name: '增长 目标', parentId: topic.id });
    await highlight(session, GOV, '国内生产总值增长5%左右', {
      tagIds: [growth.id, topic.id],
      note: '目标\n**重要**',
    });
    await highlight(session, BLOG, '=SUM(A1) written in the text, and a tag');
    await session.annotations.setMemo(GOV, '对比去年 <script>alert(1)</script>');

    const run = await startExport(
      session,
      { format: 'md' },
      { libraryName: '测试库', now: new Date('2024-05-01T00:00:00Z') },
    );
    const md = await collectText(run.chunks);
    expect(run.rows).toBe(2);
    expect(md).toContain('# Gloss annotations: 测试库\n\n*Exported 2024-05-01*\n');
    // Articles in the library's path order (the list's zh-Hans collation puts 新闻/ before blog/).
    expect(md.indexOf('## 政府工作报告要点')).toBeLessThan(md.indexOf('## Quotes, commas "and" more'));
    expect(md).toContain(
      '2024-03-05T10:00:00 · 新华社 · 新闻/政府工作报告.md · <https://example.com/news/gov-report>',
    );
    expect(md).toContain('**Memo:** 对比去年 &lt;script&gt;alert(1)&lt;/script&gt;');
    // Tags, then whose the highlight is, then its note.
    expect(md).toContain(
      '> 国内生产总值增长5\\%左右\n\n#经济/增长_目标 #经济\n\n— *王研究员*\n\n目标\n**重要**\n',
    );
    expect(md).toContain('> \\=SUM(A1) written in the text, and a tag\n');
  });

  it('escapes article text so it renders literally', () => {
    expect(escapeMarkdown('# 标题\n- 列表\n1. 一\n    代码 <b>粗</b> [链接](x) ==高亮== $x$ #标签')).toBe(
      '\\# 标题\n\\- 列表\n1\\. 一\n代码 \\<b\\>粗\\</b\\> \\[链接\\](x) \\=\\=高亮\\=\\= \\$x\\$ \\#标签',
    );
    expect(obsidianTag('经济/增长 目标')).toBe('#经济/增长_目标');
    expect(obsidianTag('2024')).toBe('#tag_2024');
    expect(obsidianTag('a&b (c)')).toBe('#ab_c');
  });
});
