/**
 * Text as XML 1.0 can carry it, exactly. xmlbuilder2 escapes `& < > "` but passes everything else
 * through, and an XML reader then changes what it reads: characters XML 1.0 forbids (most C0
 * controls, lone surrogates, U+FFFE/U+FFFF) make the file unreadable, a CR in text comes back as
 * LF, and tabs and line breaks in an attribute come back as spaces. So forbidden characters are
 * dropped, and the others are written as character references (`&#xD;`), which readers keep.
 *
 * xmlbuilder2 would escape a `&#xD;` we handed it, so the characters to protect go through it as
 * placeholders (C0 controls that cannot remain after the forbidden ones are dropped) and
 * `finishXml` turns them into references in the serialised document.
 */

/** Characters XML 1.0 does not allow anywhere (§2.2 Char), lone surrogates included. */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const CR = '\u0001';
const LF = '\u0002';
const TAB = '\u0003';
const REFERENCES: Record<string, string> = { [CR]: '&#xD;', [LF]: '&#xA;', [TAB]: '&#x9;' };

/** `text` without the characters XML 1.0 forbids. */
export function xmlChars(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** Element text: forbidden characters dropped, CR kept as a reference. */
export function xmlText(text: string): string {
  return xmlChars(text).replace(/\r/g, CR);
}

/** An attribute value: forbidden characters dropped, CR, LF and tab kept as references. */
export function xmlAttr(value: string): string {
  return xmlChars(value).replace(/[\r\n\t]/g, (ch) => (ch === '\r' ? CR : ch === '\n' ? LF : TAB));
}

/** The serialised document with the placeholders of `xmlText`/`xmlAttr` as character references. */
export function finishXml(serialised: string): string {
  return serialised.replace(/[\u0001-\u0003]/g, (ch) => REFERENCES[ch]!);
}
