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

/** Opens the library and waits for the background cleaning; `phases` gets every progress phase. */
async function open(parseWorkers: number, phases: string[] = []): Promise<LibraryHandle> {
  const handle = await openLibrary(root, {
    cacheDir: join(work, 'cache'),
    watch: false,
    parseWorkers,
    onProgress: (p) => phases.push(`${p.phase ?? 'done'} ${p.done}/${p.total}`),
  });
  await handle.whenScanned();
  await handle.whenCleaned();
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
  it('once the background pass after a first scan has cleaned every article', async () => {
    const phases: string[] = [];
    const handle = await open(0, phases);
    const count = handle.list().articles.length;
    // The list was ready (and searchable with quick texts) before any article was cleaned.
    expect(phases.indexOf(`cleaning 0/${count}`)).toBeGreaterThan(phases.indexOf(`indexing 0/${count}`));
    expect(phases.at(-1)).toBe(`done ${count}/${count}`);
    await expectOnlyShownText(handle);
    await handle.close();
  });

  it('on a reopen, from the parse cache without cleaning again', async () => {
    const phases: string[] = [];
    const handle = await open(0, phases);
    expect(phases.filter((p) => p.startsWith('cleaning'))).toEqual([]);
    await expectOnlyShownText(handle);
    await handle.close();
  });

  it('when cleaned by a parse worker', async () => {
    rmSync(join(work, 'cache'), { recursive: true, force: true });
    const handle = await open(1);
    await expectOnlyShownText(handle);
    await handle.close();
  });

  it('from a parse worker, as from the main thread', async () => {
    const pool = new ParsePool(1, defaultWorkerSpec()!);
    try {
      const file = join(root, 'zhihu-hidden-link.txt');
      const info = { absPath: file, relPath: 'zhihu-hidden-link.txt', size: statSync(file).size, mtimeMs: 0 };
      for (let i = 0; i < 100 && !pool.hasRoom; i++) await new Promise((r) => setTimeout(r, 50));
      const [fromWorker] = await pool.parse([info], true);
      expect(fromWorker?.searchText).toBe(parseForIndex(file, info).searchText);
      expect(fromWorker?.searchText).toMatch(/首先，指令集不是具象化物体/);
      expect(fromWorker?.searchText).not.toMatch(/查看知乎/);
    } finally {
      await pool.close();
    }
  });
});
