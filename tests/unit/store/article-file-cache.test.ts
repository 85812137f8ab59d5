/**
 * The machine-local cache of article files (`.gloss/cache/store/`): a reopen shows what the files
 * say, not what the cache remembered, whether a file changed while the library was closed (seen at
 * once, or checked soon after open when its folder looks unchanged), the cache is garbage or it
 * lies; and another coder's change arriving while the library is open shows within seconds.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model.js';
import { writerIdentity } from '../../../core/settings/coder-identity.js';
import { openAnnotationService, type AnnotationService } from '../../../core/store/annotation-service.js';
import { STORE_CACHE_DIR } from '../../../core/store/article-file-cache.js';
import { emptyArticleFile } from '../../../core/store/store-schema.js';
import { writerFolder, writeWriterFile } from '../../../core/store/writer-folders.js';
import { highlightOf, tempDataDir } from './helpers.js';

const ana = writerIdentity('Ana', 'aaaa0001');
const bo = writerIdentity('Bo Chen', 'bbbb0002');

function bosHighlight(id: string, note: string): Annotation {
  const input = highlightOf('a1', '国务院');
  return {
    id,
    articleId: 'a1',
    quote: input.quote,
    position: input.position,
    tagIds: [],
    note,
    color: null,
    creator: 'Bo Chen',
    creatorId: 'bo-chen',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

/** Bo's file for article a1 (written in place, as a careless tool would: its folder is unchanged). */
async function boWrites(dataDir: string, highlights: Annotation[], article = 'a1'): Promise<string> {
  const folder = writerFolder(dataDir, bo.writerId);
  await mkdir(folder.annotationsDir, { recursive: true });
  await writeWriterFile(dataDir, bo.writerId, bo.coder);
  const file = path.join(folder.annotationsDir, `${article}.json`);
  const annotations = highlights.map((a) => ({ ...a, articleId: article }));
  await writeFile(file, JSON.stringify({ ...emptyArticleFile(article), annotations }));
  return file;
}

const open = (dataDir: string, watch = true) =>
  openAnnotationService(dataDir, { writerFolders: true, writer: () => ana, watch });

async function notes(s: AnnotationService): Promise<string[]> {
  const { items } = await s.queryAnnotations({ limit: 100 });
  return items.map((a) => `${a.coderName}: ${a.note}`).sort();
}

async function cacheFiles(dataDir: string): Promise<string[]> {
  const dir = path.join(dataDir, STORE_CACHE_DIR);
  return (await readdir(dir)).filter((n) => n.endsWith('.json')).map((n) => path.join(dir, n));
}

/** Polls until `check` passes (it throws until then), for changes a watcher or a later check brings. */
async function soon(check: () => Promise<void>, ms = 8000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe('the article file cache', () => {
  it('is written at close and reads back the same view', async () => {
    const dir = await tempDataDir();
    await boWrites(dir, [bosHighlight('bo-1', 'first')]);
    const first = await open(dir);
    await first.create({ ...highlightOf('a2', '新华社'), note: 'mine' });
    const before = await notes(first);
    await first.close();
    expect(await cacheFiles(dir)).toHaveLength(2); // Bo's folder and mine
    const again = await open(dir);
    expect(await notes(again)).toEqual(before);
    expect(before).toEqual(['Ana: mine', 'Bo Chen: first']);
    await again.close();
  });

  it("shows another writer's file changed while closed, not what the cache remembered", async () => {
    const dir = await tempDataDir();
    const file = await boWrites(dir, [bosHighlight('bo-1', 'first')]);
    await (await open(dir)).close();
    // Replaced as sync tools do (a new file renamed into place): the folder changes too.
    await writeFile(
      `${file}.new`,
      JSON.stringify({ ...emptyArticleFile('a1'), annotations: [bosHighlight('bo-1', 'second version')] }),
    );
    await rename(`${file}.new`, file);
    const s = await open(dir, false);
    expect(await notes(s)).toEqual(['Bo Chen: second version']);
    await s.close();
  });

  it('checks each cached file soon after open even when its folder looks unchanged', async () => {
    const dir = await tempDataDir();
    const file = await boWrites(dir, [bosHighlight('bo-1', 'first')]);
    const mineFirst = await open(dir);
    const mine = await mineFirst.create({ ...highlightOf('a2', '新华社'), note: 'mine' });
    expect(await notes(mineFirst)).toEqual(['Ana: mine', 'Bo Chen: first']);
    await mineFirst.close();
    // Both files rewritten in place (same file, so their folders do not change), as a careless tool would.
    await writeFile(
      file,
      JSON.stringify({ ...emptyArticleFile('a1'), annotations: [bosHighlight('bo-1', 'edited in place')] }),
    );
    const ownFile = path.join(writerFolder(dir, ana.writerId).annotationsDir, 'a2.json');
    const own = JSON.parse(await readFile(ownFile, 'utf8')) as { annotations: Annotation[] };
    own.annotations[0]!.note = 'mine, edited elsewhere';
    await writeFile(ownFile, JSON.stringify(own));

    const s = await open(dir);
    const changes: string[] = [];
    s.onExternalChange((c) => changes.push(c.kind));
    // My own file at once (it is checked at open); Bo's, which sync tools replace, soon after.
    expect((await s.list('a2')).map((a) => a.note)).toEqual(['mine, edited elsewhere']);
    expect((await s.queryAnnotations({ coders: ['ana'], limit: 10 })).items.map((a) => a.note)).toEqual([
      'mine, edited elsewhere',
    ]);
    await soon(async () =>
      expect(await notes(s)).toEqual(['Ana: mine, edited elsewhere', 'Bo Chen: edited in place']),
    );
    expect((await s.list('a2')).map((a) => a.id)).toEqual([mine.id]);
    // The open window is told, so it shows them.
    expect(changes).toContain('coders');
    await s.close();
  });

  it('is ignored when it is garbage, and a lying entry is never shown', async () => {
    const dir = await tempDataDir();
    await boWrites(dir, [bosHighlight('bo-1', 'the truth')]);
    await (await open(dir)).close();
    const [file] = await cacheFiles(dir);
    const good = await readFile(file!, 'utf8');
    await writeFile(file!, '{"kind": "gloss-article-file-cache", "version": 1, "files": [[[');
    const s = await open(dir, false);
    expect(await notes(s)).toEqual(['Bo Chen: the truth']);
    expect(s.problems()).toEqual([]);
    await s.close();

    // A well-formed cache whose entries do not match the schema.
    const cache = JSON.parse(good) as { files: [string, string, unknown][] };
    for (const entry of cache.files)
      entry[2] = { schemaVersion: 1, articleId: 'a1', annotations: 'not a list' };
    await writeFile(file!, JSON.stringify(cache));
    const u = await open(dir, false);
    expect(await notes(u)).toEqual(['Bo Chen: the truth']);
    expect(u.problems()).toEqual([]);
    await u.close();

    // An entry claiming the file says something else, but with a signature the file does not have.
    await (await open(dir)).close();
    for (const f of await cacheFiles(dir)) {
      const c = JSON.parse(await readFile(f, 'utf8')) as {
        files: [string, string, { annotations: Annotation[] }][];
      };
      for (const entry of c.files) {
        entry[1] = '1:2:3';
        for (const a of entry[2].annotations) a.note = 'a lie';
      }
      await writeFile(f, JSON.stringify(c));
    }
    const t = await open(dir, false);
    expect(await notes(t)).toEqual(['Bo Chen: the truth']);
    await t.close();
  });

  it("shows another coder's change arriving while open within seconds, and a new coder", async () => {
    const dir = await tempDataDir();
    await boWrites(dir, [bosHighlight('bo-1', 'first')]);
    await (await open(dir)).close();
    const s = await open(dir);
    expect(await notes(s)).toEqual(['Bo Chen: first']);
    const told: string[] = [];
    s.onExternalChange((c) => told.push(c.kind));
    await boWrites(dir, [bosHighlight('bo-2', 'more')], 'a3');
    await soon(async () => expect(await notes(s)).toEqual(['Bo Chen: first', 'Bo Chen: more']), 5000);
    expect(told).toContain('coders');

    const cy = writerIdentity('Cy', 'cccc0003');
    const folder = writerFolder(dir, cy.writerId);
    await mkdir(folder.annotationsDir, { recursive: true });
    await writeWriterFile(dir, cy.writerId, cy.coder);
    await writeFile(
      path.join(folder.annotationsDir, 'a1.json'),
      JSON.stringify({
        ...emptyArticleFile('a1'),
        annotations: [{ ...bosHighlight('cy-1', 'Cy here'), creator: 'Cy' }],
      }),
    );
    await soon(async () => expect(await notes(s)).toContain('Cy: Cy here'), 5000);
    expect((await s.coders()).map((c) => c.name)).toEqual(['Ana', 'Bo Chen', 'Cy']);
    await s.close();
  });
});
