/**
 * Reads REFI-QDA XML (`project.qde`, `.qdc`) as hostile input: no DOCTYPE (so no entity
 * declarations, no expansion bombs, no external entities), nesting bounded, every element an
 * array (repeated elements never change shape), text kept exactly as written (not trimmed: note
 * text keeps its spaces and line breaks). fast-xml-parser decodes no numeric character
 * references, so entities are decoded here, after CDATA sections are turned into plain text.
 */
import { XMLParser } from 'fast-xml-parser';
import { ApiError } from '../../errors.js';

/** An element: attributes as `@name`, its text as `#text`, child elements by name (namespace prefixes removed). */
export interface XmlElement {
  [key: string]: XmlElement[] | string | undefined;
}

/** The largest XML document read (characters). */
export const MAX_XML_CHARS = 300_000_000;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five named entities and numeric character references; anything else is left as written. */
export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}

const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  alwaysCreateTextNode: true,
  maxNestedTags: 64,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  tagValueProcessor: (_name, value) => decodeXmlEntities(value),
  attributeValueProcessor: (_name, value) => decodeXmlEntities(value),
});

/** The document's root elements by name; throws ApiError('invalid-input') for what is not safe, well-formed XML. */
export function parseXml(xml: string, what: string): XmlElement {
  if (xml.length > MAX_XML_CHARS) throw new ApiError('invalid-input', `${what} is too large to import.`);
  if (/<!DOCTYPE/i.test(xml)) {
    throw new ApiError(
      'invalid-input',
      `${what} declares a DOCTYPE, which REFI-QDA files never need; it was not read.`,
    );
  }
  // XML's end-of-line handling (a parser must read CR LF and lone CR as LF); CRs written as
  // character references (&#13;) are decoded afterwards and so survive.
  const text = xml
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, inner: string) => escapeText(inner));
  try {
    return parser.parse(text, true) as XmlElement;
  } catch (err) {
    throw new ApiError('invalid-input', `${what} is not well-formed XML: ${(err as Error).message}`);
  }
}

/** The child elements named `name` (none: an empty list). */
export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  const value = el?.[name];
  return Array.isArray(value) ? value : [];
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return children(el, name)[0];
}

export function attr(el: XmlElement | undefined, name: string): string | undefined {
  const value = el?.[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The element's text content, exactly as written (entities decoded). */
export function textOf(el: XmlElement | undefined): string {
  const value = el?.['#text'];
  return typeof value === 'string' ? value : '';
}
