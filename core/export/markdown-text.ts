/**
 * Making text safe to paste into Markdown notes (Obsidian, Zettlr): article text is untrusted and
 * must render as the words it is, never as headings, links, embedded HTML, tags or maths; tag paths
 * become Obsidian-style nested tags (`#Parent/Child`).
 */

/** Characters with meaning anywhere in a line (CommonMark, plus Obsidian's ==, %%, $, #tag, ^block). */
const INLINE = /[\\`*_[\]<>#|~$=%^&]/g;

/**
 * Text from an article, escaped so it renders literally; line breaks are kept. Besides the inline
 * characters, a line must not start a list ("- ", "+ ", "1. ") or, by its indentation, a code block.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(INLINE, (ch) => `\\${ch}`)
        .replace(/^[ \t]+/, '')
        .replace(/^([-+])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/**
 * Text the researcher wrote (notes, memos) is Markdown already; only HTML is neutralised, since
 * Obsidian renders inline HTML and a note may hold text pasted from a hostile page.
 */
export function escapeHtmlInMarkdown(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Prefixes every line with `> ` (an empty line stays inside the quote with `>`). */
export function blockquote(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** `#Parent/Child`: spaces become `_`, characters Obsidian does not allow in tags are dropped. */
export function obsidianTag(path: string): string {
  const tag = path
    .replace(/\s+/g, '_')
    .replace(/[^\p{L}\p{N}\p{M}_\-/]/gu, '')
    .replace(/\/{2,}/g, '/')
    .replace(/^\/|\/$/g, '');
  if (!tag) return '';
  // A tag of digits only is not a tag in Obsidian.
  return /^[\d/]+$/.test(tag) ? `#tag_${tag}` : `#${tag}`;
}
