/** Markdown bodies become HTML with marked; the result then goes through the same cleaner. */
import { Marked } from 'marked';

// A private instance so nobody else's marked.use() changes how Gloss reads files.
const marked = new Marked({ gfm: true, breaks: false, async: false });

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
