/**
 * Blocks of related links ("Read also:", "Related", 相关阅读, 延伸阅读…): a short label and the
 * links it introduces, which point readers to other articles and are not part of this one. Used
 * by boilerplate rules with `labelsLinks` (see boilerplate-rules.ts). A label goes only with links:
 * a heading or paragraph that says "Related" and is followed by article text stays, so the rule
 * cannot eat a paragraph that merely mentions related things.
 */
import { elementsIn } from './elements-in.js';

/** Elements that hold one block of links: a list, or a paragraph-like element. */
const LIST = new Set(['ul', 'ol']);
const PARAGRAPH_LIKE = new Set(['p', 'div', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'section']);
/** Most characters (whitespace aside) a link block may hold outside its links: bullets, dates. */
const MAX_NON_LINK_CHARS = 20;
const LINK = new Set(['a']);
/** Punctuation that ends or splits a sentence (an ASCII one only before a space or the end). */
const SENTENCE_PUNCTUATION = /[。，！？；：]|[.,!?;:](?:\s|$)/;
/** What separates the links of an inline block: spaces, bars, dots, commas, slashes, dashes. */
const TRAILING_SEPARATORS = /[\s\u3000\u00a0|｜·•、，,;；/\-–—]+$/;

const nonSpaceLength = (s: string): number => s.replace(/[\s\u3000\u00a0]+/g, '').length;

/** The text of `el` outside its `<a>` elements. */
export function textOutsideLinks(el: Element): string {
  let text = el.textContent ?? '';
  // Each link's text is cut once, in order, from where the previous one was found.
  let from = 0;
  let out = '';
  for (const a of elementsIn(el, LINK)) {
    const linkText = a.textContent ?? '';
    const at = linkText === '' ? -1 : text.indexOf(linkText, from);
    if (at < 0) continue;
    out += text.slice(from, at);
    from = at + linkText.length;
  }
  text = out + text.slice(from);
  return text.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
}

const hasLink = (el: Element): boolean => elementsIn(el, LINK).some((a) => a.hasAttribute('href'));

/**
 * Whether `el` is made of links with little else: a bullet, a date, "(video)", but no sentence of
 * its own ("见<a>原文</a>。" is article text with a link in it).
 */
function isLinksOnly(el: Element): boolean {
  if (!hasLink(el)) return false;
  const outside = textOutsideLinks(el);
  return nonSpaceLength(outside) <= MAX_NON_LINK_CHARS && !SENTENCE_PUNCTUATION.test(outside);
}

/** A list whose every item is a link, or a paragraph of links. */
export function isLinkBlock(el: Element): boolean {
  const tag = el.localName;
  if (LIST.has(tag)) {
    const items = Array.from(el.children);
    return items.length > 0 && items.every((li) => li.localName === 'li' && isLinksOnly(li));
  }
  return PARAGRAPH_LIKE.has(tag) && isLinksOnly(el);
}

/**
 * The elements of the related-links block that `el` labels when its text outside links matches
 * `label`: `el` itself and the link blocks right after it. Empty when `el` labels no links (it
 * has none inside and no link block follows), or is not a label.
 */
export function relatedLinksBlock(el: Element, label: RegExp): Element[] {
  // "延伸阅读：<a>甲</a> | <a>乙</a>" leaves separators after the label: not part of it.
  if (!label.test(textOutsideLinks(el).replace(TRAILING_SEPARATORS, ''))) return [];
  const block = [el];
  for (let next = el.nextElementSibling; next && isLinkBlock(next); next = next.nextElementSibling) {
    block.push(next);
  }
  return block.length > 1 || hasLink(el) ? block : [];
}
