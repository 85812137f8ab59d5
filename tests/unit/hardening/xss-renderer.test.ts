// @vitest-environment jsdom
/**
 * The renderer's own sanitizing pass (renderer/src/sanitize-article.ts), on its own: it must hold
 * even if core's cleaner were bypassed, so it gets the raw vectors, not cleaned ones. Runs in jsdom,
 * the same DOMPurify build the UI bundles.
 */
import { describe, expect, it } from 'vitest';
import { putArticleBody, sanitizeArticleNodes } from '../../../renderer/src/sanitize-article.js';
import { cleanHtml } from '../../../core/clean/clean-article.js';
import { XSS_VECTORS } from '../../fixtures/hostile/xss-vectors.js';
import { findDangers } from './dom-safety.js';

/** The article body as the reader holds it: the sanitized nodes moved into an element. */
function rendered(html: string): HTMLElement {
  const host = document.createElement('div');
  putArticleBody(host, sanitizeArticleNodes(html));
  return host;
}

/** The sanitized body as HTML. */
const sanitizeArticleHtml = (html: string): string => rendered(html).innerHTML;

function dangersAfterRendererPass(html: string) {
  const host = rendered(html);
  const again = document.createElement('div');
  again.innerHTML = host.innerHTML;
  return [...findDangers(host), ...findDangers(again)];
}

describe('sanitizeArticleHtml on raw vectors', () => {
  it.each(XSS_VECTORS.map((v) => [v.name, v.html]))('%s', (_name, html) => {
    expect(dangersAfterRendererPass(html)).toEqual([]);
    const out = sanitizeArticleHtml(html);
    expect(out).not.toMatch(/\sstyle\s*=|\son[a-z]+\s*=/i);
  });

  it('makes every remaining link open outside the app, without referrer', () => {
    const host = document.createElement('div');
    host.innerHTML = sanitizeArticleHtml('<a href="https://news.example/a">a</a><a href="/local">b</a>');
    const [web, local] = Array.from(host.querySelectorAll('a'));
    expect(web!.getAttribute('target')).toBe('_blank');
    expect(web!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(local!.hasAttribute('href')).toBe(false);
  });

  it('keeps the image placeholders core makes, and only those, with their attributes', () => {
    const cleaned = cleanHtml('<p>x<img src="https://news.example/a.png" alt="图"></p>').doc.html;
    const host = document.createElement('div');
    host.innerHTML = sanitizeArticleHtml(cleaned);
    const span = host.querySelector('span.gloss-image')!;
    expect(span.getAttribute('data-src')).toBe('https://news.example/a.png');
    expect(span.getAttribute('data-alt')).toBe('图');
    // A look-alike placeholder or a borrowed UI class from a hostile body gets nothing.
    host.innerHTML = sanitizeArticleHtml(
      '<div class="gloss-image" data-src="https://evil.test/x.png">d</div><p class="error-banner popover-anchor">p</p>',
    );
    expect(host.querySelector('[data-src]')).toBeNull();
    expect(host.querySelector('[class]')).toBeNull();
  });

  it('keeps the harmless attributes core keeps (table spans, list start, language, alt text)', () => {
    const html =
      '<table><tr><td colspan="2" rowspan="3" lang="zh" dir="rtl">t</td></tr></table><ol start="3"><li>x</li></ol><time datetime="2024-03-05">d</time>';
    const out = sanitizeArticleHtml(html);
    for (const attr of [
      'colspan="2"',
      'rowspan="3"',
      'lang="zh"',
      'dir="rtl"',
      'start="3"',
      'datetime="2024-03-05"',
    ])
      expect(out).toContain(attr);
  });

  it('leaves core-cleaned vectors unchanged in meaning (the same text)', () => {
    for (const v of XSS_VECTORS) {
      const { doc } = cleanHtml(v.html);
      const host = document.createElement('div');
      host.innerHTML = sanitizeArticleHtml(doc.html);
      const direct = document.createElement('div');
      direct.innerHTML = doc.html;
      expect(host.textContent, v.name).toBe(direct.textContent);
    }
  });
});
