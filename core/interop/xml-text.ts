/**
 * Text as XML 1.0 can carry it, exactly. Characters XML 1.0 forbids (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) would make the file unreadable, so they are dropped. A reader also
 * changes some characters it is allowed to read: a CR in text comes back as LF, and tabs and line
 * breaks in an attribute come back as spaces; those are written as character references
 * (`&#xD;`), which readers keep.
 */

/** Characters XML 1.0 does not allow anywhere (§2.2 Char), lone surrogates included. */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const ATTR_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  '\n': '&#xA;',
  '\t': '&#x9;',
};

/** Anything the functions below might change; most strings (GUIDs, numbers, plain words) have none. */
const MAY_CHANGE = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** The same for element content, where quotes, tabs and line feeds stay as they are. */
const MAY_CHANGE_TEXT = /[&<>\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** `text` without the characters XML 1.0 forbids. */
export function xmlChars(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** Element content: forbidden characters dropped, markup escaped, CR kept as a reference. */
export function escapeText(text: string): string {
  if (!MAY_CHANGE_TEXT.test(text)) return text;
  return xmlChars(text).replace(/[&<>\r]/g, (ch) => TEXT_ESCAPES[ch]!);
}

/** A double-quoted attribute value: as `escapeText`, and quotes, LF and tab escaped too. */
export function escapeAttr(value: string): string {
  if (!MAY_CHANGE.test(value)) return value;
  return xmlChars(value).replace(/[&<>"\r\n\t]/g, (ch) => ATTR_ESCAPES[ch]!);
}
