import {
  appendFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/errors.js';
import { openLibrary } from '../../../core/library/library.js';
import type { LibraryHandle } from '../../../core/library/library-handle.js';
import { fixturesDir } from './corpus-path.js';
import { eventually, tempLibrary, type TempLibrary } from './library-test-helpers.js';

let lib: TempLibrary;
let handle: LibraryHandle | null = null;

afterEach(async () => {
  await handle?.close();
  handle = null;
  lib?.cleanup();
});

const titles = (h: LibraryHandle): string[] =>
  h
    .list()
    .articles.map((a) => a.title)
    .sort();

describe('openLibrary: scanning', () => {
  it('lists every article in every folder, skipping hidden files, .gloss and other extensions', async () => {
    lib = tempLibrary();
    mkdirSync(join(lib.root, '.gloss'));
    writeFileSync(join(lib.root, '.gloss', 'annotations.txt'), '<p>not an article</p>');
    writeFileSync(join(lib.root, '.hidden.txt'), '<p>hidden</p>');
    mkdirSync(join(lib.root, '.git'));
    writeFileSync(join(lib.root, '.git', 'x.md'), '# no');
    const progress: number[] = [];
    const changes: string[][] = [];
    handle = await openLibrary(lib.root, {
      cacheDir: lib.cacheDir,
      watch: false,
      onProgress: (p) => progress.push(p.done),
      onChange: (_reason, ids) => changes.push(ids),
    });
    await handle.whenScanned();
    const { articles, progress: final, errors } = handle.list();
    expect(errors).toEqual([]);
    expect(articles.map((a) => a.path).sort()).toEqual([
      'blog/no-front-matter.markdown',
      'blog/with-front-matter.md',
      'broken-front-matter.txt',
      'news/sina-style.txt',
      'news/telegraph.txt',
      'plain-blank-lines.txt',
      'plain-indent.txt',
      'saved-page.html',
    ]);
    expect(articles.find((a) => a.path === 'news/telegraph.txt')?.folder).toBe('news');
    expect(articles.find((a) => a.path === 'plain-indent.txt')?.folder).toBe('');
    expect(final).toEqual({ done: 8, total: 8, scanning: false });
    expect(progress.at(-1)).toBe(8);
    expect(changes[0]).toHaveLength(8);
    await handle.close();
    expect(readdirSync(lib.cacheDir).length).toBeGreaterThan(0); // the parse cache, outside the library
  });

  it('opens articles by id, and throws not-found for unknown ids', async () => {
    lib = tempLibrary();
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    const id = handle.idForPath('news/sina-style.txt');
    expect(handle.idForPath(join(lib.root, 'news', 'sina-style.txt'))).toBe(id);
    const article = await handle.get(id);
    expect(article.meta.editor).toBe('李墨轩');
    expect(article.doc.cleanerVersion).toBeGreaterThan(0);
    expect(await handle.get(id)).toBe(article); // cached
    await expect(handle.get('nope')).rejects.toMatchObject({ code: 'not-found' });
    expect(() => handle?.idForPath('/etc/passwd')).toThrow(ApiError);
    expect(() => handle?.idForPath('../outside.txt')).toThrow(/Not inside/);
  });

  it('survives binary, empty, huge, unreadable-by-link and looping folders without writing into them', async () => {
    lib = tempLibrary();
    writeFileSync(join(lib.root, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    writeFileSync(join(lib.root, 'empty.md'), '');
    writeFileSync(join(lib.root, 'huge.txt'), '');
    truncateSync(join(lib.root, 'huge.txt'), 51 * 1024 * 1024); // sparse: no disk space used
    symlinkSync(lib.root, join(lib.root, 'news', 'loop')); // a folder that contains itself
    symlinkSync(join(lib.root, 'missing-target.txt'), join(lib.root, 'dangling.txt'));
    const before = readdirSync(lib.root, { recursive: true }).sort();
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    const byPath = new Map(handle.list().articles.map((a) => [a.path, a]));
    expect(byPath.get('binary.txt')?.warnings[0]?.code).toBe('binary');
    expect(byPath.get('empty.md')?.warnings[0]?.code).toBe('empty');
    expect(byPath.get('huge.txt')?.warnings[0]?.code).toBe('too-large');
    expect(handle.list().errors.join('\n')).toMatch(/Broken link "dangling.txt"/);
    expect([...byPath.keys()].filter((p) => p.includes('loop'))).toEqual([]);
    expect((await handle.get(byPath.get('huge.txt')!.id)).doc.text).toBe('');
    expect(readdirSync(lib.root, { recursive: true }).sort()).toEqual(before);
  });

  it('reports an empty folder and a missing folder clearly', async () => {
    lib = tempLibrary(false);
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    expect(handle.list().articles).toEqual([]);
    expect(handle.list().errors[0]).toMatch(/No articles found/);
    await expect(
      openLibrary(join(lib.root, 'does-not-exist'), { cacheDir: lib.cacheDir, watch: false }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('finds text in titles and bodies, in Chinese, ignoring case and width', async () => {
    lib = tempLibrary();
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    const { hits } = handle.search('花括号', 10);
    expect(hits).toHaveLength(1);
    const hit = hits[0]!;
    expect(hit.match).toBe('花括号');
    const article = await handle.get(hit.articleId);
    expect(article.doc.text.slice(hit.offset, hit.offset + hit.length)).toBe('花括号');
    expect(handle.search('ＭＡＲＫＤＯＷＮ', 10).hits.map((h) => h.offset)).toContain(-1); // title match
    expect(handle.search('责任编辑', 10).total).toBe(0); // boilerplate is not searchable
  });
});

describe('openLibrary: parse workers', () => {
  it('lists and finds the same with parse workers as on the main thread alone', async () => {
    lib = tempLibrary();
    for (let i = 0; i < 9; i++)
      cpSync(join(fixturesDir, 'folder'), join(lib.root, `copy-${i}`), { recursive: true });
    const open = async (parseWorkers: number, cacheDir: string) => {
      const h = await openLibrary(lib.root, { cacheDir, watch: false, parseWorkers });
      await h.whenScanned();
      const result = { list: h.list(), hits: h.search('花括号', 50) };
      await h.close();
      return result;
    };
    const alone = await open(0, join(lib.cacheDir, 'alone'));
    const shared = await open(2, join(lib.cacheDir, 'shared'));
    expect(shared.list.articles).toHaveLength(80);
    expect(shared).toEqual(alone);
    expect(shared.hits.total).toBe(10);
  });

  it('closes cleanly in the middle of a scan with parse workers', async () => {
    lib = tempLibrary();
    for (let i = 0; i < 9; i++)
      cpSync(join(fixturesDir, 'folder'), join(lib.root, `copy-${i}`), { recursive: true });
    const h = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false, parseWorkers: 2 });
    await h.close();
    expect(h.list().articles.length).toBeLessThanOrEqual(80);
  });
});

describe('openLibrary: parse cache', () => {
  it('reopens from the cache without reading articles, and notices changed files', async () => {
    lib = tempLibrary();
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    const first = handle.list().articles;
    await handle.close();

    // Make one file unreadable as an article: if the cache is used, its old summary stays.
    const sina = join(lib.root, 'news', 'sina-style.txt');
    const telegraph = join(lib.root, 'news', 'telegraph.txt');
    appendFileSync(telegraph, '\n<p>新加的段落</p>\n');
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    const again = handle.list().articles;
    expect(again.find((a) => a.path === 'news/sina-style.txt')).toEqual(
      first.find((a) => a.path === 'news/sina-style.txt'),
    );
    expect(again.find((a) => a.path === 'news/telegraph.txt')?.size).toBeGreaterThan(
      first.find((a) => a.path === 'news/telegraph.txt')!.size,
    );
    expect(handle.search('新加的段落', 5).total).toBe(1);
    expect(handle.search('花括号', 5).total).toBe(1); // search text came from the cache
    expect(sina).toBeTruthy();
  });

  it('finds cached articles as soon as the list is ready, and keeps their texts through cache rewrites', async () => {
    lib = tempLibrary();
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    await handle.close();
    const telegraph = join(lib.root, 'news', 'telegraph.txt');
    for (const added of ['第一次加的段落', '第二次加的段落']) {
      // A changed file makes the cache dirty, so each reopen writes it again.
      appendFileSync(telegraph, `\n<p>${added}</p>\n`);
      handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
      await handle.whenListed();
      expect(handle.search('花括号', 5).total).toBe(1); // text of a cached article, asked for at once
      await handle.whenScanned();
      expect(handle.search(added, 5).total).toBe(1);
      await handle.close();
    }
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    expect(handle.search('花括号', 5).total).toBe(1);
    expect(handle.search('第一次加的段落', 5).total).toBe(1);
  });

  it('gives the text and metadata of an article opened before from memory, the same as get()', async () => {
    lib = tempLibrary();
    const file = join(lib.root, 'news', 'sina-style.txt');
    const mtime = new Date('2025-01-02T03:04:05Z'); // whole seconds survive utimes exactly
    utimesSync(file, mtime, mtime);
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    const id = handle.idForPath('news/sina-style.txt');
    const opened = await handle.get(id);
    const other = handle.idForPath('news/telegraph.txt');
    expect(await handle.getText(other)).toEqual({
      summary: handle.list().articles.find((a) => a.id === other),
      meta: (await handle.get(other)).meta,
      text: (await handle.get(other)).doc.text,
    });
    await handle.close();

    // Same size and mtime, other words, no cleaned-document cache: only the parse cache's exact
    // text can answer with the old words, and getText() must not read or clean the file.
    const { size } = statSync(file);
    writeFileSync(file, 'x'.repeat(size));
    utimesSync(file, mtime, mtime);
    for (const name of readdirSync(lib.cacheDir))
      if (name.startsWith('docs-')) rmSync(join(lib.cacheDir, name), { recursive: true });
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    const fromMemory = await handle.getText(id);
    expect(fromMemory.text).toBe(opened.doc.text);
    expect(fromMemory.meta).toEqual(opened.meta);
    expect(fromMemory.text).toContain('花括号');
  });

  it('rebuilds a corrupt or foreign cache', async () => {
    lib = tempLibrary();
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    await handle.close();
    for (const name of readdirSync(lib.cacheDir)) writeFileSync(join(lib.cacheDir, name), '{ not json');
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    expect(handle.list().articles).toHaveLength(8);
    expect(handle.search('花括号', 5).total).toBe(1);
    await handle.close();
    rmSync(lib.cacheDir, { recursive: true });
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: false });
    await handle.whenScanned();
    expect(handle.list().articles).toHaveLength(8);
  });
});

describe('openLibrary: watching', () => {
  it('updates the list when files are added, changed and removed', async () => {
    lib = tempLibrary();
    const events: ['scan' | 'watch', string[]][] = [];
    handle = await openLibrary(lib.root, {
      cacheDir: lib.cacheDir,
      watch: true,
      onChange: (r, ids) => events.push([r, ids]),
    });
    await handle.whenScanned();
    const h = handle;
    await h.whenWatching(); // a file written before the watcher has walked the folder is not an event

    writeFileSync(join(lib.root, 'news', 'new.txt'), "---\ntitle: '新文章'\n---\n<p>新的正文</p>");
    await eventually(() => expect(titles(h)).toContain('新文章'));
    expect(events.some(([r]) => r === 'watch')).toBe(true);

    writeFileSync(join(lib.root, 'news', 'new.txt'), "---\ntitle: '改过的标题'\n---\n<p>新的正文</p>");
    await eventually(() => expect(titles(h)).toContain('改过的标题'));
    expect(titles(h)).not.toContain('新文章');

    rmSync(join(lib.root, 'news', 'new.txt'));
    await eventually(() => expect(titles(h)).not.toContain('改过的标题'));

    rmSync(join(lib.root, 'blog'), { recursive: true });
    await eventually(() => expect(h.list().articles.some((a) => a.folder === 'blog')).toBe(false));
  });

  it('reports a library folder removed while open, without crashing', async () => {
    lib = tempLibrary();
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: true });
    await handle.whenScanned();
    const h = handle;
    await h.whenWatching();
    rmSync(lib.root, { recursive: true, force: true });
    await eventually(() => expect(h.list().errors.join('\n')).toMatch(/removed/));
    expect(h.list().articles).toEqual([]);
    await expect(h.get('anything')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('stops watching after close()', async () => {
    lib = tempLibrary();
    handle = await openLibrary(lib.root, { cacheDir: lib.cacheDir, watch: true });
    await handle.whenScanned();
    const h = handle;
    await h.close();
    handle = null;
    writeFileSync(join(lib.root, 'after-close.txt'), 'text');
    await new Promise((r) => setTimeout(r, 400));
    expect(h.list().articles.some((a) => a.path === 'after-close.txt')).toBe(false);
  });
});
