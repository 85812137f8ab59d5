// The parse cache round trip: summaries and search texts come back exactly as saved, however the
// texts fall across the chunks they are written and read in.
import { mkdtempSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
});
