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

/**
 * Markdown longer than this (UTF-16 units) is read as plain text instead: markdown-it is linear
 * but takes ~2 µs a character on text built against it (10 MB of "*a" took 23 s to render, twice
 * per open, scan and reader), and no real article comes near it. The reader says so.
 */
export const MAX_MARKDOWN_CHARS = 2_000_000;

/** Whether a Markdown body is rendered as Markdown (else it is read as plain text). */
export function rendersAsMarkdown(source: string): boolean {
  return source.length <= MAX_MARKDOWN_CHARS;
}

export function markdownToHtml(source: string): string {
  return markdown.render(source);
}
