// The library lists articles from the first few KB of each file (readArticleHeadSync) before it
// parses them in full for search. Whatever the list showed from a head must be what the full
// parse gives: same id, title, date, author, categories, format; only the body-wide fields (search
// text, fingerprint, the "empty body" warning) wait for the full parse.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../core/library/library.js';
import { HEAD_BYTES, readArticleFileSync, readArticleHeadSync } from '../../../core/library/read-article.js';

const dir = mkdtempSync(join(tmpdir(), 'gloss-head-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(name: string, content: string | Buffer) {
  const abs = join(dir, `${n++}-${name}`);
  writeFileSync(abs, content);
  const size = Buffer.byteLength(content);
  return { abs, info: { relPath: `sub/${name}`, size, mtimeMs: 1 } };
}

/** The summary fields the library list shows. */
const listed = (s: ReturnType<typeof readArticleFileSync>['summary']) => ({
  id: s.id,
  title: s.title,
  date: s.date,
  author: s.author,
  categories: s.categories,
  folder: s.folder,
  format: s.format,
  encoding: s.encoding,
  warnings: s.warnings.filter((w) => w.code !== 'empty'),
});

const line = fc.stringMatching(/^[a-z 新华社记者报道。，０-９0-9😀]{0,80}$/u);

describe('readArticleHeadSync', () => {
  it('lists what the full parse gives, for front matter over bodies of any length (multi-byte cuts included)', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: line,
          date: fc.constantFrom('Tue, 08 Feb 2022 12:47:22 GMT', '2022-02-08 12:47:22', 'Invalid Date', ''),
          author: line,
          categories: fc.array(line, { maxLength: 3 }),
          url: fc.constantFrom('', 'https://example.com/a/1.html'),
          paragraphs: fc.array(line, { maxLength: 400 }),
          ext: fc.constantFrom('.txt', '.md', '.html'),
          html: fc.boolean(),
          leadingBlank: fc.boolean(),
        }),
        (a) => {
          const fm = [
            '---',
            `title: ${JSON.stringify(a.title)}`,
            a.date ? `date: ${a.date}` : '',
            `author: ${JSON.stringify(a.author)}`,
            `categories: ${JSON.stringify(a.categories)}`,
            a.url ? `url: ${a.url}` : '',
            '---',
          ].filter((l) => l !== '');
          const body = a.paragraphs.map((p) => (a.html ? `<p>${p}</p>` : p)).join('\n\n');
          const content = `${a.leadingBlank ? '\n\n' : ''}${fm.join('\n')}\n\n${body}\n`;
          const { abs, info } = write(`a${a.ext}`, content);
          const full = readArticleFileSync(abs, info);
          const head = readArticleHeadSync(abs, info);
          expect(head).not.toBeNull();
          expect(listed(head!.summary)).toEqual(listed(full.summary));
          expect(head!.meta).toEqual(full.meta);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('leaves files it cannot judge from the head to the full parse', () => {
    const long = '<p>正文</p>'.repeat(HEAD_BYTES);
    const unclosed = write('unclosed.md', `---\ntitle: x\n${'k: v\n'.repeat(HEAD_BYTES)}---\n\nbody`);
    const gbk = write(
      'gbk.txt',
      Buffer.from('d5e2cac7d2bbb8f6b2e2cad4a3acd6d0b9fab5c4cec4d7d6a1a3'.repeat(500), 'hex'),
    );
    const page = write(
      'page.html',
      `<!doctype html><html><head><title>T</title></head><body>${long}</body></html>`,
    );
    const utf16 = write(
      'u16.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('正文'.repeat(5000), 'utf16le')]),
    );
    const empty = write('empty.txt', '');
    for (const f of [unclosed, gbk, page, utf16, empty])
      expect(readArticleHeadSync(f.abs, f.info)).toBeNull();
  });

  it('reads no search text or fingerprint from a head (the full parse supplies them)', () => {
    const f = write('b.md', `---\ntitle: 标题\n---\n\n${'<p>正文</p>'.repeat(3000)}`);
    const head = readArticleHeadSync(f.abs, f.info)!;
    expect(head.searchText).toBe('');
    expect(head.summary.fingerprint).toBe('');
    expect(readArticleFileSync(f.abs, f.info).summary.fingerprint).not.toBe('');
  });
});

describe('a cold open lists first, then reads bodies for search', () => {
  it('has every article listed when whenListed resolves, and every body searchable after whenScanned', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gloss-two-phase-'));
    const cacheDir = mkdtempSync(join(tmpdir(), 'gloss-two-phase-cache-'));
    try {
      const count = 300; // enough for the parse workers to start
      for (let i = 0; i < count; i++) {
        // The searched word sits past the head, so only the full parse can find it.
        const body = `${'<p>填充段落。</p>'.repeat(300)}<p>关键词${i}号</p>`;
        writeFileSync(join(root, `${i}.md`), `---\ntitle: 第${i}篇\ndate: 2022-02-08\n---\n\n${body}`);
      }
      const handle = await openLibrary(root, { cacheDir, watch: false });
      try {
        await handle.whenListed();
        const list = handle.list().articles;
        expect(list).toHaveLength(count);
        expect(new Set(list.map((a) => a.title)).size).toBe(count);
        await handle.whenScanned();
        expect(handle.list().progress.scanning).toBe(false);
        expect(handle.search('关键词123号', 10).total).toBe(1);
        expect(handle.list().articles.every((a) => a.fingerprint !== '')).toBe(true);
      } finally {
        await handle.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 60_000);
});
