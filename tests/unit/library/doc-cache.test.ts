// The cleaned-document cache: get() reads it when fresh, rebuilds it when stale or corrupt, and
// never changes the Article it returns.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { docCacheDirFor, docCacheFileFor } from '../../../core/library/doc-cache.js';
import { openLibrary } from '../../../core/library/library.js';
import type { LibraryHandle } from '../../../core/library/library-handle.js';
import type { Article } from '../../../core/model.js';
import { corpusDir, hasCorpus } from './corpus-path.js';
import { tempLibrary, type TempLibrary } from './library-test-helpers.js';

let lib: TempLibrary;
let handle: LibraryHandle | null = null;

afterEach(async () => {
  await handle?.close();
  handle = null;
  lib?.cleanup();
});

async function open(root: string, cacheDir: string): Promise<LibraryHandle> {
  const h = await openLibrary(root, { cacheDir, watch: false });
  await h.whenScanned();
  return h;
}

/** Every article of the library, by path, opened with get(); closes the handle (flushing the cache). */
async function getAll(root: string, cacheDir: string): Promise<Map<string, Article>> {
  const h = await open(root, cacheDir);
  const out = new Map<string, Article>();
  for (const a of h.list().articles) out.set(a.path, await h.get(a.id));
  await h.close();
  return out;
}

interface StoredEntry {
  key: Record<string, unknown>;
  article: Article;
}
const readEntry = (file: string): StoredEntry => JSON.parse(readFileSync(file, 'utf8')) as StoredEntry;

describe('the cleaned-document cache', () => {
  it('gives deep-equal Articles cached and uncached, and is what get() reads when fresh', async () => {
    lib = tempLibrary();
    const uncached = await getAll(lib.root, lib.cacheDir); // cleans everything and writes the cache
    expect(uncached.size).toBe(8);
    for (const path of uncached.keys())
      expect(existsSync(docCacheFileFor(lib.cacheDir, lib.root, path)), path).toBe(true);
    const cached = await getAll(lib.root, lib.cacheDir);
    expect(cached).toStrictEqual(uncached);
    // And a third library with the cache folder gone cleans to the same again.
    rmSync(docCacheDirFor(lib.cacheDir, lib.root), { recursive: true });
    expect(await getAll(lib.root, lib.cacheDir)).toStrictEqual(uncached);

    // Proof that a fresh entry is used rather than the file: doctor one, it comes back as is.
    const file = docCacheFileFor(lib.cacheDir, lib.root, 'news/sina-style.txt');
    const entry = readEntry(file);
    entry.article.doc.text = 'from the cache';
    writeFileSync(file, JSON.stringify(entry));
    handle = await open(lib.root, lib.cacheDir);
    const sina = await handle.get(handle.idForPath('news/sina-style.txt'));
    expect(sina.doc.text).toBe('from the cache');
    expect(sina.id).toBe(uncached.get('news/sina-style.txt')?.id);
  });

  it('ignores and rewrites entries that are stale, corrupt, torn or from another cleaner version', async () => {
    lib = tempLibrary();
    const first = await getAll(lib.root, lib.cacheDir);
    const fileOf = (p: string): string => docCacheFileFor(lib.cacheDir, lib.root, p);

    // Stale: the article changed on disk after it was cached.
    const telegraphPath = join(lib.root, 'news', 'telegraph.txt');
    writeFileSync(telegraphPath, `${readFileSync(telegraphPath, 'utf8')}\n<p>后来加的一段。</p>\n`);
    utimesSync(telegraphPath, new Date(), new Date(Date.now() + 5000));
    // Corrupt and torn entries.
    writeFileSync(fileOf('news/sina-style.txt'), '{ not json');
    const plain = readFileSync(fileOf('plain-indent.txt'), 'utf8');
    writeFileSync(fileOf('plain-indent.txt'), plain.slice(0, plain.length >> 1));
    // Another cleaner version (and an otherwise valid entry).
    const blog = readEntry(fileOf('blog/with-front-matter.md'));
    blog.key.cleaner = -1;
    blog.article.doc.text = 'old cleaner';
    writeFileSync(fileOf('blog/with-front-matter.md'), JSON.stringify(blog));

    const again = await getAll(lib.root, lib.cacheDir);
    expect(again.get('news/telegraph.txt')?.doc.text).toMatch(/后来加的一段。$/);
    for (const p of ['news/sina-style.txt', 'plain-indent.txt', 'blog/with-front-matter.md'])
      expect(again.get(p), p).toStrictEqual(first.get(p));
    // All rebuilt: each entry now reads back as what get() returned.
    for (const p of [
      'news/telegraph.txt',
      'news/sina-style.txt',
      'plain-indent.txt',
      'blog/with-front-matter.md',
    ]) {
      const { id: _id, annotationCount: _count, ...stored } = again.get(p) as Article;
      expect(readEntry(fileOf(p)).article, p).toStrictEqual(stored);
    }
    expect(await getAll(lib.root, lib.cacheDir)).toStrictEqual(again);
  });

  it('drops entries of files that left the library and keeps writes out of the library folder', async () => {
    lib = tempLibrary();
    const before = readdirSync(lib.root, { recursive: true }).sort();
    await getAll(lib.root, lib.cacheDir);
    expect(readdirSync(lib.root, { recursive: true }).sort()).toEqual(before);
    const gone = docCacheFileFor(lib.cacheDir, lib.root, 'plain-blank-lines.txt');
    expect(existsSync(gone)).toBe(true);
    rmSync(join(lib.root, 'plain-blank-lines.txt'));
    handle = await open(lib.root, lib.cacheDir);
    await handle.close(); // prune runs after the scan; close() waits for it
    handle = null;
    expect(existsSync(gone)).toBe(false);
    expect(existsSync(docCacheFileFor(lib.cacheDir, lib.root, 'news/sina-style.txt'))).toBe(true);
  });

  it('works without a writable cache folder (only slower)', async () => {
    lib = tempLibrary();
    writeFileSync(lib.cacheDir, 'a file where the cache folder should be');
    const articles = await getAll(lib.root, lib.cacheDir);
    expect(articles.get('news/sina-style.txt')?.meta.editor).toBe('李墨轩');
  });
});

describe('get() called again while an article is loading', () => {
  it('answers every caller from one cleaning (the reader asks for the article and its highlights at once)', async () => {
    lib = tempLibrary();
    handle = await open(lib.root, lib.cacheDir);
    const { id } = handle.list().articles.find((a) => a.path === 'news/sina-style.txt')!;
    const [forReader, forHighlights] = await Promise.all([handle.get(id), handle.get(id)]);
    expect(forHighlights).toBe(forReader);
    expect(forReader.meta.editor).toBe('李墨轩');
  });

  it('lets every caller see a failed load, and tries again on the next call', async () => {
    lib = tempLibrary();
    handle = await open(lib.root, lib.cacheDir);
    const { id } = handle.list().articles.find((a) => a.path === 'news/sina-style.txt')!;
    const file = join(lib.root, 'news', 'sina-style.txt');
    const content = readFileSync(file);
    rmSync(file);
    const results = await Promise.allSettled([handle.get(id), handle.get(id)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/gone/);
    writeFileSync(file, content);
    expect((await handle.get(id)).meta.editor).toBe('李墨轩');
  });
});

describe.skipIf(!hasCorpus)('the cleaned-document cache on the shared corpus', () => {
  it('caches every article and gives back exactly what cleaning gives', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'gloss-doc-cache-'));
    try {
      const uncached = await getAll(corpusDir, cacheDir);
      expect(
        readdirSync(docCacheDirFor(cacheDir, corpusDir)).filter((n) => n.endsWith('.json')),
      ).toHaveLength(uncached.size);
      expect(await getAll(corpusDir, cacheDir)).toStrictEqual(uncached);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 120_000);
});
