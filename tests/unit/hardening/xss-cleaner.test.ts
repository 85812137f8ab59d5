/**
 * Every XSS vector, in every place an article can carry HTML, through the real reading path
 * (scan-time parse, then loadArticle: cleaner, boilerplate rules, DOMPurify, image placeholders):
 * the cleaned body holds nothing that can run script, load from the network, take over the page or
 * be refused by the CSP. Checked by walking the parsed DOM (and a re-parse of it), not by strings.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanHtml } from '../../../core/clean/clean-article.js';
import { ALLOWED_TAGS } from '../../../core/clean/sanitize.js';
import { loadArticle } from '../../../core/library/load-article.js';
import { readArticleFile } from '../../../core/library/read-article.js';
import { writeHostileLibrary } from '../../fixtures/hostile/hostile-library.js';
import { XSS_VECTORS } from '../../fixtures/hostile/xss-vectors.js';
import { dangersInHtml } from './dom-safety.js';

/** The cleaner's allow-list plus the <span class="gloss-image"> placeholders it makes itself. */
const CLEAN_TAGS = new Set([...ALLOWED_TAGS, 'span']);

const library = mkdtempSync(path.join(tmpdir(), 'gloss-hostile-'));
const files = writeHostileLibrary(library);
afterAll(() => rmSync(library, { recursive: true, force: true }));

describe('the XSS corpus', () => {
  it('has at least 60 vectors, each a different attack', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(XSS_VECTORS.map((v) => v.html)).size).toBe(XSS_VECTORS.length);
    // The DOM walk is a real detector: it flags the raw vectors (those it does not flag are inert
    // as a body fragment, e.g. <body onload>, <frameset> and unterminated markup are dropped by the parser).
    const flagged = XSS_VECTORS.filter((v) => dangersInHtml(v.html).length > 0);
    expect(flagged.length).toBeGreaterThanOrEqual(XSS_VECTORS.length - 8);
    console.log(`XSS corpus: ${XSS_VECTORS.length} vectors, ${files.length} hostile files`);
  });
});

describe('cleanHtml on raw vectors', () => {
  it.each(XSS_VECTORS.map((v) => [v.name, v.html]))('%s', (_name, html) => {
    const { doc } = cleanHtml(html);
    expect(dangersInHtml(doc.html, { allowedTags: CLEAN_TAGS })).toEqual([]);
    // Nothing the CSP would refuse (it allows no inline script or style), not even as text.
    expect(doc.html).not.toMatch(/<(script|style|link|meta|base)\b|\sstyle\s*=|\son[a-z]+\s*=/i);
    // Placeholders only ever name web or relative images.
    for (const m of doc.html.matchAll(/data-src="([^"]*)"/g)) expect(m[1]).toMatch(/^(https?:|\/\/|[^:]*$)/i);
  });
});

describe.each(['html-body', 'markdown', 'plain-text', 'full-page', 'front-matter', 'file-name'] as const)(
  'loadArticle with vectors in the %s',
  (container) => {
    const mine = files.filter((f) => f.container === container);
    it(`cleans all ${mine.length} files safely and reads their metadata as plain text`, async () => {
      expect(mine.length).toBeGreaterThan(0);
      for (const f of mine) {
        const abs = path.join(library, f.relPath);
        const st = statSync(abs);
        const info = { relPath: f.relPath, size: st.size, mtimeMs: st.mtimeMs };
        const parsed = await readArticleFile(abs, info);
        const article = await loadArticle(abs, info);
        const findings = dangersInHtml(article.doc.html, { allowedTags: CLEAN_TAGS });
        expect(findings, `${f.relPath} (${f.vector.name})`).toEqual([]);
        // Metadata stays data: strings the UI shows as text; never parsed into the body.
        expect(typeof parsed.summary.title).toBe('string');
        if (container === 'front-matter') {
          // Entities in values are decoded (scraped titles say &amp;): still only text for the UI.
          expect(article.meta.title.startsWith(`FM `)).toBe(true);
          expect(article.doc.text).toContain('Plain body');
          expect(article.doc.html).not.toContain(f.vector.html);
        }
        if (container === 'file-name') expect(article.title).toBe(f.title);
      }
    }, 60_000);
  },
);
