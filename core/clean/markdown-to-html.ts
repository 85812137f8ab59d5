/**
 * Markdown bodies become HTML with markdown-it (CommonMark plus GFM tables, strikethrough and
 * autolinked URLs; raw HTML passes through; GFM task-list boxes stay as text "[ ]"); the result
 * then goes through the same cleaner.
 * markdown-it rather than marked because Markdown here is untrusted input read at scan time:
 * markdown-it stays linear on pathological text and bounds nesting (maxNesting), where marked took
 * seconds on 4 KB of "[a](" and overflowed its stack on "> " repeated.
 */
import MarkdownIt from 'markdown-it';

// A private instance so no plugin registered elsewhere changes how Gloss reads files.
const markdown = new MarkdownIt('default', { html: true, linkify: true, breaks: false, typographer: false });

export function markdownToHtml(source: string): string {
  return markdown.render(source);
}
