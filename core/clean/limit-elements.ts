/**
 * An element budget, run on body HTML before jsdom parses it, next to limit-nesting.ts. jsdom and
 * DOMPurify cost some 100 µs per element, so 10 MB of tags (a million elements) would freeze the
 * opening of that article for minutes. Real articles hold a few hundred elements, and a huge table
 * a few thousand; past MAX_ELEMENTS start tags, every further tag is cut from the source
 * and its text kept, so the rest of the article reads as plain text. That text keeps its
 * paragraphs: where the rest had a paragraph boundary (a block-level tag, two <br>s in a row, or a
 * blank line in the text) with text since the last one, a bare `<p>` goes in (which closes the
 * paragraph before it), up to MAX_REST_PARAGRAPHS more elements; past those a boundary becomes a
 * line break, which the canonical text reads as a space. Only tags and whitespace are replaced,
 * so every other character of the text stays, in order. The contents of raw-text elements past
 * the budget (script, style, textarea, …) go with their tags: the sanitizer would drop them anyway.
 * The cleaner reports the cut, and the reader says the article was simplified.
 */
import { Tokenizer } from 'htmlparser2';
import { countsMoreTagsThan, IGNORE_TOKENS, spliceRanges } from './tag-scan.js';
import { BLOCK_ELEMENTS } from './text-of-html.js';

/** Start tags let through to jsdom: a few seconds of cleaning at most; real articles hold hundreds. */
export const MAX_ELEMENTS = 20_000;
/** Paragraphs the plain-text rest past the budget is split into, at most (each is one more element). */
export const MAX_REST_PARAGRAPHS = 20_000;

/** Elements whose content the tokenizer reads as raw text (or the sanitizer drops whole). */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
]);

/**
 * A blank line in text: a line break, spaces (full-width ones too: Chinese paragraph indents) and
 * another line break, as plain-text-to-html.ts reads paragraphs.
 */
const BLANK_LINE = /\r?\n[ \t\f\r\u3000]*\n/g;

export interface LimitedHtml {
  html: string;
  /** True when tags past the budget were cut. */
  cut: boolean;
}

/**
 * `html` with every tag after the first `maxElements` start tags cut out (text kept, split into
 * at most `maxRestParagraphs` paragraphs at block boundaries).
 */
export function limitElements(
  html: string,
  maxElements = MAX_ELEMENTS,
  maxRestParagraphs = MAX_REST_PARAGRAPHS,
): LimitedHtml {
  if (!countsMoreTagsThan(html, maxElements)) return { html, cut: false };
  /** Source ranges to cut, as [start, end) pairs in order, and what replaces each. */
  const cuts: number[] = [];
  const replacements: string[] = [];
  const cutRange = (start: number, end: number, replacement: string): void => {
    cuts.push(start, end);
    replacements.push(replacement);
  };
  let paragraphs = 0;
  /** Text seen past the budget since the last paragraph break put in. */
  let sawText = false;
  /** <br>s cut past the budget with no text since (two in a row end a paragraph). */
  let brRun = 0;
  const seeText = (): void => {
    sawText = true;
    brRun = 0;
  };
  /**
   * Replace [start, end) by a paragraph break if there is text to close, else by `otherwise`
   * (null: leave the source as it is).
   */
  const boundary = (start: number, end: number, otherwise: string | null): void => {
    if (sawText && paragraphs < maxRestParagraphs) {
      paragraphs++;
      sawText = false;
      return cutRange(start, end, '<p>');
    }
    if (otherwise !== null) cutRange(start, end, otherwise);
  };
  const cut = (start: number, end: number, name: string): void => {
    if (name === 'br') {
      if (++brRun === 2) return boundary(start, end, '\n');
      return cutRange(start, end, '\n');
    }
    if (!BLOCK_ELEMENTS.has(name)) return cutRange(start, end, '');
    boundary(start, end, '\n');
  };
  /** Text past the budget: blank lines in it are paragraph boundaries too. */
  const text = (start: number, end: number): void => {
    const chunk = html.slice(start, end);
    let from = 0;
    for (const m of chunk.matchAll(BLANK_LINE)) {
      if (/\S/.test(chunk.slice(from, m.index))) seeText();
      boundary(start + m.index, start + m.index + m[0].length, null);
      from = m.index + m[0].length;
    }
    if (/\S/.test(chunk.slice(from))) seeText();
  };
  let starts = 0;
  let tagStart = 0;
  let name = '';
  /**
   * Set while dropping a raw-text element's content past the budget: where it began and the end
   * tag that ends it. Tags inside (noscript's, which the tokenizer reads as markup) go with it, so
   * the cut ranges never overlap.
   */
  let rawFrom = -1;
  let rawName = '';
  const finishStartTag = (end: number): void => {
    if (++starts <= maxElements || rawFrom >= 0) return;
    cut(tagStart, end + 1, name);
    if (RAW_TEXT.has(name)) {
      rawFrom = end + 1;
      rawName = name;
    }
  };
  const tokenizer = new Tokenizer(
    {},
    {
      ...IGNORE_TOKENS,
      ontext(start, end) {
        if (starts > maxElements && rawFrom < 0) text(start, end);
      },
      ontextentity() {
        if (starts > maxElements && rawFrom < 0) seeText();
      },
      onopentagname(start, end) {
        tagStart = start - 1;
        name = html.slice(start, end).toLowerCase();
      },
      onopentagend: finishStartTag,
      onselfclosingtag: finishStartTag,
      onclosetag(start, end) {
        if (starts <= maxElements) return;
        const from = html.lastIndexOf('<', start);
        const gt = html.indexOf('>', end);
        const closing = html.slice(start, end).toLowerCase();
        if (rawFrom >= 0) {
          if (closing !== rawName) return;
          cutRange(rawFrom, from, '');
          rawFrom = -1;
        }
        cut(from, gt < 0 ? html.length : gt + 1, closing);
      },
      oncomment(start, end) {
        if (starts > maxElements && rawFrom < 0) cutRange(html.lastIndexOf('<', start), end + 1, '');
      },
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (rawFrom >= 0) cutRange(rawFrom, html.length, '');
  return { html: spliceRanges(html, cuts, replacements), cut: true };
}
