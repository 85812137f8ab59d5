// The shared corpus (../shared/corpus, not part of the repo): every file must list with the right
// title and date, and clean without boilerplate while keeping every paragraph.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContainer } from '../../../core/clean/dom-window.js';
import { textOfDom } from '../../../core/clean/text-of-html.js';
import { openLibrary } from '../../../core/library/library.js';
import type { LibraryHandle } from '../../../core/library/library-handle.js';
import { indentContinuationLines } from '../../../core/library/parse-front-matter.js';
import type { Article } from '../../../core/model.js';
import { corpusDir, hasCorpus } from './corpus-path.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const norm = (s: string): string => s.replace(/[\s\u3000\u00a0]+/g, '');

describe.skipIf(!hasCorpus)('the shared corpus', () => {
  let handle: LibraryHandle;
  const articles = new Map<string, Article>();
  const files = hasCorpus ? readdirSync(corpusDir).filter((f) => f.endsWith('.txt')) : [];

  beforeAll(async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'gloss-corpus-cache-'));
    handle = await openLibrary(corpusDir, { cacheDir, watch: false });
    await handle.whenScanned();
    for (const a of handle.list().articles) articles.set(a.path, await handle.get(a.id));
    await handle.close();
  }, 60_000);

  it('lists all 87 files without library errors', () => {
    expect(files).toHaveLength(87);
    expect(handle.list().errors).toEqual([]);
    expect(articles.size).toBe(87);
  });

  it.each(files)('%s has its front-matter title and a parsed date (or the Invalid Date warning)', (file) => {
    const text = readFileSync(join(corpusDir, file), 'utf8');
    const yamlText = /^\s*---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    const expected = parseYaml(indentContinuationLines(yamlText)) as { title: string; date: string };
    const a = articles.get(file)!;
    expect(a.title).toBe(String(expected.title).replace(/\s+/g, ' ').trim());
    if (expected.date === 'Invalid Date') {
      expect(a.date).toBeNull();
      expect(a.warnings).toEqual([expect.objectContaining({ code: 'date' })]);
    } else {
      expect(a.date).toMatch(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ?$/);
      expect(a.warnings).toEqual([]);
    }
  });

  it.each(files)('%s cleans to text without boilerplate, keeping every paragraph', (file) => {
    const a = articles.get(file)!;
    const text = a.doc.text;
    expect(text).not.toMatch(
      /appendQr|<!--|责任编辑|海量资讯、精准解读|复制代码|查看知乎讨论|FTC: We use income/,
    );
    // No CSS text, except inside code blocks (a front-end tutorial may show CSS on purpose).
    const withoutCode = createContainer(a.doc.html);
    withoutCode.querySelectorAll('pre').forEach((pre) => pre.remove());
    expect(textOfDom(withoutCode)).not.toMatch(/[.#][\w-]+\s*\{[^}]*:[^}]*\}|\{border:|font-size:\s*\d/);
    expect(a.doc.html).not.toMatch(/<(script|style|iframe|form)|\sstyle=|\son\w+=|javascript:|cms-style/i);
    // Every non-boilerplate <p> of the body (comments excluded: the browser never shows them).
    const body = readFileSync(join(corpusDir, file), 'utf8').replace(/^\s*---\n[\s\S]*?\n---\n/, '');
    const dom = new JSDOM(`<body>${body}</body>`, { virtualConsole: new VirtualConsole() });
    const flat = norm(text);
    for (const p of Array.from(dom.window.document.querySelectorAll('p'))) {
      const t = norm(p.textContent ?? '').replace(/复制代码/g, '');
      if (!t || /责任编辑|海量资讯|独家稿件|未经授权|相关文章|FTC:|感谢IT之家网友/.test(t)) continue;
      if (p.closest('.article-relation, .ad-disclaimer-container, .view-more, [hidden]')) continue;
      expect(flat, `paragraph of ${file}: ${t.slice(0, 40)}`).toContain(t);
    }
    dom.window.close();
  });

  it('moves the Sina editor credit into meta.editor', () => {
    const sina = [...articles.values()].filter((a) => a.categories.includes('新浪财经'));
    expect(sina.length).toBeGreaterThan(30);
    for (const a of sina) expect(a.meta.editor).toMatch(/^\S/);
  });

  it('gives the renderer the same text when it re-parses the HTML', () => {
    for (const a of articles.values()) expect(textOfDom(createContainer(a.doc.html))).toBe(a.doc.text);
  });

  it('cleans the same file to the same text every time', async () => {
    const again = await openLibrary(corpusDir, {
      cacheDir: mkdtempSync(join(tmpdir(), 'gloss-corpus-cache-')),
      watch: false,
    });
    await again.whenScanned();
    for (const s of again.list().articles.slice(0, 20))
      expect((await again.get(s.id)).doc.text).toBe(articles.get(s.path)?.doc.text);
    await again.close();
  });
});
