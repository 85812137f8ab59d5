// Wide bodies (thousands of siblings in one element) and bodies with more elements than the
// cleaner takes: the linear parse builds the same tree as innerHTML, cleaning leaves no live child
// list behind (the cause of quadratic time in jsdom), and past the element budget no text is lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../../core/clean/clean-article.js';
import {
  createContainer,
  hasLiveChildList,
  liveNodeIteratorCount,
  releaseContainer,
  sharedWindow,
} from '../../../core/clean/dom-window.js';
import { limitElements, MAX_ELEMENTS } from '../../../core/clean/limit-elements.js';
import { MAX_MARKDOWN_CHARS } from '../../../core/clean/markdown-to-html.js';
import { sanitizeInPlace, sanitizeInPlaceWithoutUnwrapping } from '../../../core/clean/sanitize.js';
import { buildArticle } from '../../../core/library/load-article.js';
import { parseArticleBytes } from '../../../core/library/read-article.js';

/** The tree a plain `div.innerHTML = html` builds, serialized: the reference for the linear parse. */
function viaInnerHtml(html: string): string {
  const div = sharedWindow().document.createElement('div');
  div.innerHTML = html;
  return div.innerHTML;
}

function viaContainer(html: string): string {
  const div = createContainer(html);
  const out = div.innerHTML;
  releaseContainer(div);
  return out;
}

const paragraphs = (n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>第 ${i} 段 paragraph ${i}</p>`).join('');

/** Tag-soup pieces written as one '|'-separated string. */
const pieces = (s: string): string[] => s.split('|');

/** Whitespace-free text, to compare texts whose block breaks may differ. */
const squeeze = (s: string): string => s.replace(/\s+/g, '');

describe('parsing a wide body', () => {
  it('builds exactly the tree innerHTML builds, for any tag soup long enough to take the linear path', () => {
    const token = fc.constantFrom(
      ...pieces(
        '<p>|</p>|<div>|</div>|<b>|</b>|<i>|</i>|<table>|<tr>|<td>|</table>|<ul>|<li>|<svg>|</svg>|<math>|<style>|</style>|<script>|</script>|<!--|-->|</body>|</html>|<body>|<html>|<head>|<title>|<template>|</template>|<select>|<option>|<textarea>|<object>|</object>|<marquee>|</marquee>|<applet>|<frameset>|<noscript>|<plaintext>|<br>|&amp;|<|>|"|新华社|text |\n',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 400 }),
        (tokens, times) => {
          // Enough tags for the linear path (LINEAR_PARSE_FROM_TAGS), with the soup first or repeated.
          const soup = tokens.join('');
          for (const html of [soup + paragraphs(600), soup.repeat(times) + paragraphs(600)]) {
            expect(viaContainer(html)).toBe(viaInnerHtml(html));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sanitizes to exactly what it gives without, unwrapping disallowed elements first', () => {
    const token = fc.constantFrom(
      ...pieces(
        '<article>|</article>|<span>|</span>|<font color=red>|</font>|<section>|<p>|</p>|<div>|</div>|<b>|<table>|<tr>|<td>|<form>|<input name="nodeName">|</form>|<svg>|<math>|<mi>|</svg>|<style>|<noscript>|<textarea>|<select>|<option>|<object>|<template>|<custom-el>|<a href="javascript:x">|<img src=x onerror=y>|&lt;b&gt;|&lt;/style&gt;|-->|<!-- c -->|text|新华社|<br>',
      ),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const html = tokens.join('');
        const ours = createContainer(html);
        const reference = createContainer(html);
        sanitizeInPlace(ours);
        sanitizeInPlaceWithoutUnwrapping(reference);
        expect(ours.innerHTML).toBe(reference.innerHTML);
        releaseContainer(ours);
        releaseContainer(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no live child list after sanitizing, so later changes cost O(1) per node', () => {
    const div = createContainer(paragraphs(3000));
    sanitizeInPlace(div);
    // DOMPurify read childNodes of every node; without forgetChildLists jsdom would rebuild the
    // container's 3,000-entry list on every later insertion or removal.
    expect(hasLiveChildList(div)).toBe(false);
    expect(hasLiveChildList(div.firstElementChild!)).toBe(false);
    // Lists read afterwards are still correct (jsdom brings them up to date when read).
    const list = div.childNodes;
    div.firstChild!.remove();
    expect(list.length).toBe(2999);
    releaseContainer(div);
    expect(div.childNodes.length).toBe(0);
  });

  it('leaves no NodeIterator for jsdom to update on removals, however many articles were cleaned', () => {
    const div = createContainer(paragraphs(10));
    expect(liveNodeIteratorCount(div)).toBeGreaterThanOrEqual(0); // the private field is still there
    for (let i = 0; i < 20; i++)
      cleanHtml(`<div><p>第 ${i} 篇</p><table><tr><td>${i}</td></tr></table></div>`);
    // DOMPurify made one per article; jsdom would keep updating them until a major GC.
    expect(liveNodeIteratorCount(div)).toBe(0);
    // An iterator made afterwards still works and still sees removals.
    const iterator = div.ownerDocument.createNodeIterator(div, 1 /* SHOW_ELEMENT */);
    expect(liveNodeIteratorCount(div)).toBe(1);
    iterator.nextNode();
    iterator.nextNode(); // on the first <p>
    div.firstElementChild!.remove();
    expect((iterator.nextNode() as Element | null)?.textContent).toBe('第 1 段 paragraph 1');
    releaseContainer(div);
  });

  it('cleans 8,000 sibling paragraphs keeping every one of them, in order', () => {
    const { doc, simplified } = cleanHtml(paragraphs(8000));
    expect(simplified).toBe(false);
    const lines = doc.text.split('\n\n');
    expect(lines).toHaveLength(8000);
    expect(lines[0]).toBe('第 0 段 paragraph 0');
    expect(lines[7999]).toBe('第 7999 段 paragraph 7999');
  });
});

describe('the element budget', () => {
  it('lets real-sized bodies through untouched', () => {
    const html = paragraphs(2000);
    expect(limitElements(html)).toEqual({ html, cut: false });
    expect(MAX_ELEMENTS).toBeGreaterThanOrEqual(20_000);
  });

  it('keeps the structure of the first elements and every word of the rest', () => {
    const html = `<h2>标题</h2>${paragraphs(300)}<table><tr><td>a</td><td>b</td></tr></table>`;
    const full = cleanHtml(html);
    const limited = cleanHtml(html, { maxElements: 100 });
    expect(limited.simplified).toBe(true);
    // The elements past the budget are gone; only paragraph breaks come back in their place.
    const flat = cleanHtml(html, { maxElements: 100, maxRestParagraphs: 0 });
    expect(flat.doc.html.match(/<p>/g)!.length).toBeLessThan(110);
    expect(limited.doc.html).toContain('<h2>标题</h2>');
    expect(limited.doc.html).not.toContain('<table>');
    expect(squeeze(limited.doc.text)).toBe(squeeze(full.doc.text));
    // Past the budget the rest is plain text, still in its paragraphs.
    expect(limited.doc.text).toContain('第 298 段 paragraph 298\n\n第 299 段');
    expect(limited.doc.text.split('\n\n')).toEqual(full.doc.text.split('\n\n'));
  });

  it('splits the rest of a very long article into paragraphs, up to a second budget', () => {
    const html = paragraphs(3000);
    const limited = cleanHtml(html, { maxElements: 100, maxRestParagraphs: 1000 });
    const blocks = limited.doc.text.split('\n\n');
    // 100 elements kept, then 1,000 paragraphs, then the rest as one run of text.
    expect(blocks.length).toBeGreaterThan(1000);
    expect(blocks.length).toBeLessThan(1200);
    expect(blocks.at(-1)).toMatch(/第 2999 段 paragraph 2999$/);
    expect(squeeze(limited.doc.text)).toBe(squeeze(cleanHtml(html).doc.text));
  });

  it('drops script and style text past the budget instead of showing it', () => {
    const html = `${paragraphs(20)}<script>alert(1)</script><style>p{}</style><textarea>&lt;x&gt;</textarea><p>end</p>`;
    const limited = cleanHtml(html, { maxElements: 10 });
    expect(limited.doc.text).not.toMatch(/alert|p\{\}|<x>/);
    expect(limited.doc.text).toMatch(/end$/);
  });

  it('drops a noscript past the budget whole, tags inside included, and keeps what follows', () => {
    const html = `${paragraphs(20)}<noscript>早<p>中<!-- c --></p>晚</noscript><p>之后</p>`;
    const { html: limited } = limitElements(html, 10);
    expect(limited).not.toMatch(/早|中|晚|<!--/);
    expect(cleanHtml(html, { maxElements: 10 }).doc.text).toMatch(/之后$/);
  });

  it('never loses visible text, whatever the markup (text outside raw-text elements)', () => {
    // No table parts: a parser moves stray text out of a table (before it), while the text of
    // tags cut past the budget stays where it was written; the same words, in another order.
    const token = fc.constantFrom(
      ...pieces(
        '<p>|</p>|<div>|</div>|<b>|</b>|<br>|<ul>|<li>|<span class="x">|</span>|<!-- c -->|<h1>|</h1>|<img src="a.png">',
      ),
    );
    const word = fc.constantFrom('新华社', '记者', 'alpha', 'beta', '2024年');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(token, word), { maxLength: 120 }),
        fc.integer({ min: 0, max: 40 }),
        (parts, budget) => {
          const html = parts.join('');
          const full = cleanHtml(html);
          const limited = cleanHtml(html, { maxElements: budget });
          expect(squeeze(limited.doc.text)).toBe(squeeze(full.doc.text));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('very long Markdown', () => {
  it('is read as plain text past MAX_MARKDOWN_CHARS, every word kept, with a warning', () => {
    const unit = '*强调* 和 _a ';
    const body = unit.repeat(Math.ceil((MAX_MARKDOWN_CHARS + 10) / unit.length));
    const bytes = Buffer.from(`---\ntitle: 长\n---\n\n${body}`);
    const parsed = parseArticleBytes(bytes, { relPath: 'long.md', size: bytes.length, mtimeMs: 0 });
    const article = buildArticle(parsed);
    expect(article.warnings.map((w) => w.code)).toContain('markdown-as-text');
    expect(article.doc.text.startsWith('*强调* 和 _a *强调*')).toBe(true);
    expect(article.doc.html).not.toContain('<em>');
    // Under the limit, Markdown it is.
    const short = buildArticle(
      parseArticleBytes(Buffer.from('*强调*'), { relPath: 's.md', size: 8, mtimeMs: 0 }),
    );
    expect(short.doc.html).toContain('<em>强调</em>');
    expect(short.warnings).toEqual([]);
  });
});
