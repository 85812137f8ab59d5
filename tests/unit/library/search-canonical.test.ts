// Search covers what the reader shows: each article's canonical cleaned text and its title, never
// boilerplate the cleaner removes or text the page hides (fixtures made like the corpus files).
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../core/library/library.js';
import type { LibraryHandle } from '../../../core/library/library-handle.js';
import { parseForIndex } from '../../../core/library/index-article.js';
import { defaultWorkerSpec, ParsePool } from '../../../core/library/parse-pool.js';

const work = mkdtempSync(join(tmpdir(), 'gloss-canonical-'));
const root = join(work, 'lib');
cpSync(join(import.meta.dirname, '../../fixtures/articles'), root, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function open(parseWorkers: number): Promise<LibraryHandle> {
  const handle = await openLibrary(root, { cacheDir: join(work, 'cache'), watch: false, parseWorkers });
  await handle.whenScanned();
  return handle;
}

async function expectOnlyShownText(handle: LibraryHandle): Promise<void> {
  // The hidden "查看知乎原文" link, the removed "查看知乎讨论" footer and 9To5's related links.
  for (const hidden of ['查看知乎原文', '查看知乎讨论', 'Read also', 'earnings release'])
    expect(handle.find(hidden).articleCount, hidden).toBe(0);
  // What the reader shows is found, at exactly the offsets of the text it shows.
  for (const shown of ['指令集', 'Beats acquisition']) {
    const r = handle.find(shown);
    expect(r.articleCount, shown).toBe(1);
    const text = (await handle.get(r.articles.ids[0]!)).doc.text;
    const inText = r.hits.filter((h) => h.offset >= 0);
    expect(inText.length).toBeGreaterThan(0);
    for (const hit of inText) expect(text.slice(hit.offset, hit.offset + hit.length)).toBe(hit.match);
  }
  expect(handle.find('CPU 的指令集存放在什么地方').groups[0]?.first[0]?.offset).toBe(-1); // the title
}

describe('search text is the canonical text', () => {
  it('on a first scan, on the main thread', async () => {
    const handle = await open(0);
    await expectOnlyShownText(handle);
    await handle.close();
  });

  it('on a reopen from the parse cache', async () => {
    const handle = await open(0);
    await expectOnlyShownText(handle);
    await handle.close();
  });

  it('from a parse worker, as from the main thread', async () => {
    const pool = new ParsePool(1, defaultWorkerSpec()!);
    try {
      const file = join(root, 'zhihu-hidden-link.txt');
      const info = { absPath: file, relPath: 'zhihu-hidden-link.txt', size: statSync(file).size, mtimeMs: 0 };
      for (let i = 0; i < 100 && !pool.hasRoom; i++) await new Promise((r) => setTimeout(r, 50));
      const [fromWorker] = await pool.parse([info]);
      expect(fromWorker?.searchText).toBe(parseForIndex(file, info).searchText);
      expect(fromWorker?.searchText).toMatch(/首先，指令集不是具象化物体/);
      expect(fromWorker?.searchText).not.toMatch(/查看知乎/);
    } finally {
      await pool.close();
    }
  });
});
