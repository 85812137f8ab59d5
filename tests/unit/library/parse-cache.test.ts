// The parse cache round trip: summaries and search texts come back exactly as saved, however the
// texts fall across the chunks they are written and read in.
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLEANER_VERSION } from '../../../core/clean/clean-article.js';
import type { ArticleMeta, ArticleSummary } from '../../../core/model.js';
import { loadParseCache, saveParseCache, type CacheEntry } from '../../../core/library/parse-cache.js';
import { problemArticle } from '../../../core/library/read-article.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (path: string, searchText: string): CacheEntry => ({
  summary: problemArticle({ relPath: path, size: 1, mtimeMs: 1 }, { code: 'empty', message: 'x' }).summary,
  searchText,
  textCleanerVersion: null,
  cleanMeta: null,
});

describe('parse cache', () => {
  it('gives back every search text, in order, across chunk boundaries', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-cache-'));
    const root = '/library';
    // Texts of 1 MB and more (UTF-16), emoji (surrogate pairs) at every offset parity, empty ones.
    const texts = [
      '中文'.repeat(300_000),
      '',
      'a😀'.repeat(200_001),
      'plain',
      '',
      '末尾😀',
      'x'.repeat(524_287),
      'y'.repeat(524_288),
    ];
    const entries = texts.map((t, i) => entry(`f${i}.md`, t));
    await saveParseCache(dir, root, entries);
    const loaded = await loadParseCache(dir, root);
    expect([...loaded.entries.keys()]).toEqual(entries.map((e) => e.summary.path));
    expect(loaded.loadTexts()).toBe(true);
    expect([...loaded.entries.values()].map((e) => e.searchText)).toEqual(texts);
  });

  it('drops NUL characters (the separator) from the texts it saves', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-cache-'));
    await saveParseCache(dir, '/library', [entry('a.md', 'one\u0000two'), entry('b.md', 'three')]);
    const loaded = await loadParseCache(dir, '/library');
    expect(loaded.loadTexts()).toBe(true);
    expect([...loaded.entries.values()].map((e) => e.searchText)).toEqual(['onetwo', 'three']);
  });

  it('ignores a cache whose texts file was cut short', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-cache-'));
    await saveParseCache(dir, '/library', [entry('a.md', 'some text'), entry('b.md', 'more')]);
    const texts = readdirSync(dir).find((n) => n.includes('.texts-'))!;
    truncateSync(join(dir, texts), 4);
    expect((await loadParseCache(dir, '/library')).entries.size).toBe(0);
  });

  it('gives back every summary exactly: folders, categories, warnings, formats, cleaned metadata', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-cache-'));
    const summary = (path: string, over: Partial<ArticleSummary>): ArticleSummary => ({
      id: `id-${path}`,
      path,
      folder: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '',
      title: `标题 ${path}`,
      date: '2022-02-08T12:47:22Z',
      author: null,
      categories: ['新闻', '财经'],
      size: 1234,
      mtimeMs: 1795810958608.9915,
      format: 'front-matter-html',
      encoding: 'utf-8',
      warnings: [],
      fingerprint: `fp-${path}`,
      annotationCount: 0,
      ...over,
    });
    const meta: ArticleMeta = {
      title: 'Cleaned',
      date: null,
      dateRaw: 'Invalid Date',
      author: '张三',
      categories: [],
      tags: ['t'],
      url: null,
      image: null,
      editor: '李墨轩',
      extra: { views: 3 },
    };
    const entries: CacheEntry[] = [
      {
        summary: summary('root.md', { categories: [] }),
        searchText: 'a',
        textCleanerVersion: null,
        cleanMeta: null,
      },
      {
        summary: summary('新闻/财经/a.txt', {
          author: '记者',
          date: null,
          warnings: [{ code: 'date', message: 'Unreadable date "Invalid Date"' }],
          encoding: 'gb18030',
        }),
        searchText: 'b',
        textCleanerVersion: CLEANER_VERSION,
        cleanMeta: meta,
      },
      {
        summary: summary('新闻/财经/b.html', { format: 'html-page' }),
        searchText: 'c',
        textCleanerVersion: null,
        cleanMeta: null,
      },
      {
        summary: summary('other/c.md', { format: 'markdown', categories: ['x'] }),
        searchText: '',
        textCleanerVersion: null,
        cleanMeta: null,
      },
    ];
    await saveParseCache(dir, '/library', entries);
    const loaded = await loadParseCache(dir, '/library');
    expect(loaded.loadTexts()).toBe(true);
    expect([...loaded.entries.values()]).toEqual(entries);
  });

  it('ignores a cache whose summaries were mangled by hand', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-cache-'));
    await saveParseCache(dir, '/library', [entry('a.md', 'text'), entry('b.md', 'more')]);
    const json = join(
      dir,
      readdirSync(dir).find((n) => n.endsWith('.json'))!,
    );
    const header = JSON.parse(readFileSync(json, 'utf8')) as { rows: unknown[][] };
    header.rows[1]![3] = 42; // a title that is not text
    writeFileSync(json, JSON.stringify(header));
    expect((await loadParseCache(dir, '/library')).entries.size).toBe(0);
    header.rows[1]![3] = 'title';
    header.rows[1]![12] = 'no warnings'; // warnings that are not a list
    writeFileSync(json, JSON.stringify(header));
    expect((await loadParseCache(dir, '/library')).entries.size).toBe(0);
    header.rows[1]![12] = 0;
    writeFileSync(json, JSON.stringify(header));
    expect((await loadParseCache(dir, '/library')).entries.size).toBe(2); // repaired by hand: used again
  });

  it('removes the cache files of older versions when it saves', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-cache-'));
    await saveParseCache(dir, '/library', [entry('a.md', 'text')]);
    const [json] = readdirSync(dir).filter((n) => n.endsWith('.json'));
    const old = json!.replace(/\.v\d+\.json$/, '.v3.json');
    writeFileSync(join(dir, old), '{}');
    writeFileSync(join(dir, 'unrelated.json'), '{}');
    await saveParseCache(dir, '/library', [entry('a.md', 'text')]);
    expect(readdirSync(dir)).not.toContain(old);
    expect(readdirSync(dir)).toContain('unrelated.json');
    expect(readdirSync(dir).filter((n) => n.includes('.texts-'))).toHaveLength(1);
  });
});
