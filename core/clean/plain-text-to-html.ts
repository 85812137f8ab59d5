/**
 * Plain .txt bodies become paragraphs: a blank line separates paragraphs; when a file has no
 * blank lines but starts lines with the Chinese full-width indent "\u3000\u3000", each indented line is a
 * paragraph. Other single line breaks stay as <br>, so nothing the author typed is joined.
 */

/** `>` needs no escaping in text; left as is, jsdom has no entity to decode per `>`. */
const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Split plain text into paragraphs (shared with the scan-time text extraction). */
export function plainTextParagraphs(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  let paragraphs = normalized.split(/\n[ \t\u3000]*\n+/);
  if (paragraphs.length <= 1 && /\n\u3000/.test(normalized)) {
    paragraphs = normalized.split(/\n(?=[ \t]*\u3000)/);
  }
  return paragraphs.map((p) => p.replace(/^\n+|\n+$/g, '')).filter((p) => p.trim() !== '');
}

export function plainTextToHtml(text: string): string {
  return plainTextParagraphs(text)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}
